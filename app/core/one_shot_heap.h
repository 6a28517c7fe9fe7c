// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>

namespace chronomap {

/// Readies malloc for a process that draws one snapshot or clip and exits (`--export`,
/// `--export-animation`): its heap is grown by `bytes` of address space once, backed by
/// transparent huge pages where the kernel allows them (THP "madvise" mode, Debian's default),
/// all threads allocate from it, and memory freed is kept for reuse.
///
/// Why: on the virtual machines we measure on, each fresh 4 KiB page costs 4–15 µs to fault in.
/// `--export` of the bundled data faulted in 20,500 pages, 8,000 of them for the base map read and
/// projected; with this, 12,000. Huge pages fault in 2 MiB at a time, and nothing is touched here:
/// the kernel backs the space only as it is used.
///
/// Not for the window, which must give memory back (a cancelled load returns to its level
/// before), nor for `--validate`, `--query` and the reader child: their loads of a million
/// records run several allocating threads, which one shared heap slowed. A no-op without glibc
/// and under the sanitizers.
///
/// Call it first in main(), before threads start. Returns false when nothing was changed.
bool readyHeapForOneShotRun(std::size_t bytes = std::size_t(256) << 20);

} // namespace chronomap
