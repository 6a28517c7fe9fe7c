// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/huge_pages.h"

#if defined(__linux__) && !defined(__SANITIZE_ADDRESS__) && !defined(__SANITIZE_THREAD__)
#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>
#define CHRONOMAP_ADVISES_HUGE_PAGES 1
#endif

namespace chronomap {

void adviseHugePages([[maybe_unused]] const void *data, [[maybe_unused]] std::size_t bytes)
{
#ifdef CHRONOMAP_ADVISES_HUGE_PAGES
    constexpr std::size_t kWorthIt = std::size_t(4) << 20; // smaller buffers hold at most one whole huge page
    if (!data || bytes < kWorthIt) return;
    // Only the pages wholly inside the buffer: its neighbours' memory is not ours to advise.
    const auto page = std::uintptr_t(sysconf(_SC_PAGESIZE));
    const auto begin = (std::uintptr_t(data) + page - 1) & ~(page - 1);
    const auto end = (std::uintptr_t(data) + bytes) & ~(page - 1);
    if (end > begin)
        madvise(reinterpret_cast<void *>(begin), end - begin, MADV_HUGEPAGE); // a hint: failure is harmless
#endif
}

} // namespace chronomap
