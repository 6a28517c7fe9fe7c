// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace chronomap {

/// Readies malloc for a process that draws one snapshot or clip and exits (`--export`,
/// `--export-animation`): all threads allocate from the main heap, blocks up to 32 MiB too, the
/// heap grows 16 MiB of address space at a time, and memory freed is kept for reuse.
///
/// Why: on the virtual machines we measure on, each fresh page costs 2.5–15 µs to fault in
/// (see prefaultPages), a page used again costs nothing. Before this, each block over glibc's
/// 128 KiB threshold was a mapping of its own, unmapped when freed and faulted in anew when the
/// next was allocated, and every thread had a heap of its own. (Until 7 December 2026 the heap
/// was also advised for transparent huge pages: on those VMs that was slower, see
/// docs/PERFORMANCE.md, "Fresh memory".)
///
/// Not for the window, which must give memory back (a cancelled load returns to its level
/// before), nor for `--validate`, `--query` and the reader child: their loads of a million
/// records run several allocating threads, which one shared heap slowed. A no-op without glibc
/// and under the sanitizers.
///
/// Call it first in main(), before threads start. Returns false when nothing was changed.
bool readyHeapForOneShotRun();

} // namespace chronomap
