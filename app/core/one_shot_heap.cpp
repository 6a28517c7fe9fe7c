// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/one_shot_heap.h"

#include "core/huge_pages.h"

#if defined(__GLIBC__) && !defined(__SANITIZE_ADDRESS__) && !defined(__SANITIZE_THREAD__)
#include <malloc.h>

#include <cstdlib>
#include <vector>
#define CHRONOMAP_TUNES_GLIBC_HEAP 1
#endif

namespace chronomap {

#ifdef CHRONOMAP_TUNES_GLIBC_HEAP
namespace {

constexpr std::size_t kBlock = std::size_t(16) << 20; // under glibc's largest mmap threshold (32 MiB)

} // namespace

bool readyHeapForOneShotRun(std::size_t bytes)
{
    // Every thread on the main heap, blocks up to 32 MiB from it rather than from mmap (each
    // of those was unmapped on free and faulted in anew), and nothing trimmed back.
    if (mallopt(M_ARENA_MAX, 1) != 1 || mallopt(M_MMAP_THRESHOLD, int(2 * kBlock)) != 1 ||
        mallopt(M_TRIM_THRESHOLD, int(bytes + kBlock)) != 1)
        return false;
    // Grow the heap by `bytes` in blocks (malloc writes only each block's header), advise the
    // span, and hand it back to malloc as one free top chunk.
    std::vector<void *> blocks;
    blocks.reserve(bytes / kBlock);
    for (std::size_t taken = 0; taken < bytes; taken += kBlock)
        if (void *block = std::malloc(kBlock)) blocks.push_back(block);
    for (void *block : blocks)
        adviseHugePages(block, kBlock);
    for (void *block : blocks)
        std::free(block);
    return !blocks.empty();
}
#else
bool readyHeapForOneShotRun(std::size_t)
{
    return false;
}
#endif

} // namespace chronomap
