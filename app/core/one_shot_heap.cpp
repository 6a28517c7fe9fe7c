// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/one_shot_heap.h"

#include "core/huge_pages.h"

#if defined(__GLIBC__) && !defined(__SANITIZE_ADDRESS__) && !defined(__SANITIZE_THREAD__)
#include <malloc.h>

#include <cstdlib>
#define CHRONOMAP_TUNES_GLIBC_HEAP 1
#endif

namespace chronomap {

#ifdef CHRONOMAP_TUNES_GLIBC_HEAP
namespace {

constexpr std::size_t kBlock = std::size_t(16) << 20; // under glibc's largest mmap threshold (32 MiB)
constexpr std::size_t kOverTop = 64;                  ///< the new top chunk's header then lands in the first page added
constexpr int kDefaultTopPad = 128 * 1024;            // glibc's (mallopt(3))

} // namespace

bool readyHeapForOneShotRun(std::size_t bytes)
{
    // Every thread on the main heap, blocks up to 32 MiB from it rather than from mmap (each
    // of those was unmapped on free and faulted in anew), and nothing trimmed back.
    if (mallopt(M_ARENA_MAX, 1) != 1 || mallopt(M_MMAP_THRESHOLD, int(2 * kBlock)) != 1 ||
        mallopt(M_TRIM_THRESHOLD, int(bytes + kBlock)) != 1)
        return false;
    // Grow the heap by `bytes` at once (the top pad: what malloc adds to the heap whenever it
    // grows it), advise the space, and hand it back to malloc as one free top chunk. Only the
    // first page added is written (chunk headers); the rest stays untouched until used.
    // (It was grown in 16 MiB blocks, each advised on its own: the page holding each block's
    // header was written before the advice, and a 2 MiB range with a page already faulted in
    // is then faulted in 4 KiB at a time, as was a range holding an unadvised page: 2 of each
    // 16 MiB, some 3,500 faults of an export.)
    // A block a little larger than the top chunk, so that malloc has to grow the heap.
    const std::size_t grow = mallinfo2().keepcost + kOverTop;
    if (mallopt(M_TOP_PAD, int(bytes)) != 1) return false;
    void *first = std::malloc(grow);
    mallopt(M_TOP_PAD, kDefaultTopPad);
    if (!first) return false;
    const std::size_t top = mallinfo2().keepcost; // the free space after `first`
    adviseHugePages(first, grow + top);
    std::free(first);
    return top >= bytes;
}
#else
bool readyHeapForOneShotRun(std::size_t)
{
    return false;
}
#endif

} // namespace chronomap
