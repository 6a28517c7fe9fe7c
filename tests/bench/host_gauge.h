// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace chronomap::bench {

/// How fast the host is at the memory work our figures depend on, right now: the same binary's
/// export took 36 % more CPU in one hour of a day than in another on the same VM with nothing
/// else running (docs/PERFORMANCE.md, "A slow hour"), and load average and steal time did not
/// show it. Printed beside the figures so that a reader can tell such an hour from a regression.
struct HostGauge {
    double freshPageUs = 0;     ///< faulting in one fresh 4 KiB page (64 MiB touched once)
    double memoryLatencyNs = 0; ///< one dependent random read in 64 MiB (a pointer chase)
    double copyGBps = 0;        ///< memcpy of 64 MiB already faulted in
    /// Work in the CPU's caches and registers: std::sort of 2^20 random 32-bit integers, and zlib
    /// level 1 (the PNG's) over 4 MiB of rows like a map's. In the slow hour of 7 December the
    /// export's CPU time rose a third while the three memory figures above barely moved.
    double sortMs = 0;
    double deflateMs = 0;
};

/// Measures the gauge (about 0.6 s; medians of three).
HostGauge measureHostGauge();
/// "fresh page 2.6 µs, memory latency 95 ns, copy 9.8 GB/s, sort 78 ms, deflate 7.2 ms"
QString describe(const HostGauge &gauge);

} // namespace chronomap::bench
