// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/one_shot_heap.h"

#include <cstdlib> // defines __GLIBC__ where glibc is the C library

#if defined(__GLIBC__) && !defined(__SANITIZE_ADDRESS__) && !defined(__SANITIZE_THREAD__)
#include <malloc.h>

#include <limits>
#define CHRONOMAP_TUNES_GLIBC_HEAP 1
#endif

namespace chronomap {

#ifdef CHRONOMAP_TUNES_GLIBC_HEAP
bool readyHeapForOneShotRun()
{
    constexpr int kLargestFromHeap = 32 << 20; // glibc's largest mmap threshold
    constexpr int kGrowth = 16 << 20;          // address space: pages fault in only as used
    return mallopt(M_ARENA_MAX, 1) == 1 && mallopt(M_MMAP_THRESHOLD, kLargestFromHeap) == 1 &&
           mallopt(M_TRIM_THRESHOLD, std::numeric_limits<int>::max()) == 1 && mallopt(M_TOP_PAD, kGrowth) == 1;
}
#else
bool readyHeapForOneShotRun()
{
    return false;
}
#endif

} // namespace chronomap
