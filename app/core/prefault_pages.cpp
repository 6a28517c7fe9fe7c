// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/prefault_pages.h"

#if defined(__linux__) && !defined(__SANITIZE_ADDRESS__) && !defined(__SANITIZE_THREAD__)
#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>
#if defined(MADV_POPULATE_WRITE)
#define CHRONOMAP_PREFAULTS_PAGES 1
#endif
#endif

namespace chronomap {

bool prefaultPages([[maybe_unused]] const void *data, [[maybe_unused]] std::size_t bytes)
{
#ifdef CHRONOMAP_PREFAULTS_PAGES
    constexpr std::size_t kWorthIt = std::size_t(64) << 10; // under it, the faults cost less than the call
    if (!data || bytes < kWorthIt) return false;
    // Only the pages wholly inside the buffer: its neighbours' memory is not ours to touch.
    const auto page = std::uintptr_t(sysconf(_SC_PAGESIZE));
    const auto begin = (std::uintptr_t(data) + page - 1) & ~(page - 1);
    const auto end = (std::uintptr_t(data) + bytes) & ~(page - 1);
    return end > begin && madvise(reinterpret_cast<void *>(begin), end - begin, MADV_POPULATE_WRITE) == 0;
#else
    return false;
#endif
}

} // namespace chronomap
