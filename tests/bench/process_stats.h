// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <vector>

namespace chronomap::bench {

/// Resident set size of this process now, in bytes (from /proc/self/statm); -1 if unknown.
qint64 residentBytes();
/// Peak resident set size of this process so far, in bytes (VmHWM in /proc/self/status); -1 if unknown.
qint64 peakResidentBytes();

/// CPU time (user + system, ms) and minor page faults of this process and of its reaped children.
struct ProcessTimes {
    double selfCpuMs = 0;
    qint64 selfMinorFaults = 0;
    double childrenCpuMs = 0;
};
ProcessTimes processTimes();

/// Number of processors online.
int processorCount();
/// The one-minute load average (/proc/loadavg), or -1 if unknown.
double loadAverage();
/// The CPU model as /proc/cpuinfo names it, or "unknown".
QString cpuModel();

/// Median of the samples (mean of the middle two for an even count); NaN when empty.
double median(std::vector<double> samples);

} // namespace chronomap::bench
