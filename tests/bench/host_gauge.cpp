// SPDX-License-Identifier: GPL-3.0-or-later
#include "host_gauge.h"

#include "process_stats.h"

#include <QElapsedTimer>

#include <zlib.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <numeric>
#include <random>
#include <vector>

#include <sys/mman.h>

namespace chronomap::bench {

namespace {

constexpr size_t kBytes = size_t(64) << 20;
constexpr size_t kPage = 4096;
constexpr int kRounds = 3;

double freshPageUs()
{
    void *p = mmap(nullptr, kBytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) return std::nan("");
    auto *bytes = static_cast<volatile char *>(p);
    QElapsedTimer timer;
    timer.start();
    for (size_t i = 0; i < kBytes; i += kPage)
        bytes[i] = 1;
    const double us = double(timer.nsecsElapsed()) / 1e3 / double(kBytes / kPage);
    munmap(p, kBytes);
    return us;
}

/// A single cycle through every slot in random order: each read depends on the one before, so
/// the time is the memory's latency, not its bandwidth.
double memoryLatencyNs(const std::vector<quint32> &next)
{
    constexpr size_t kSteps = 2'000'000;
    quint32 at = 0;
    QElapsedTimer timer;
    timer.start();
    for (size_t i = 0; i < kSteps; ++i)
        at = next[at];
    const double ns = double(timer.nsecsElapsed()) / double(kSteps);
    if (at == quint32(-1)) std::abort(); // keeps the chase from being optimised away
    return ns;
}

double copyGBps(const std::vector<char> &from, std::vector<char> &to)
{
    QElapsedTimer timer;
    timer.start();
    std::memcpy(to.data(), from.data(), from.size());
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    if (to[to.size() / 2] != from[from.size() / 2]) std::abort();
    return double(from.size()) / 1e9 / seconds;
}

double sortMs(const std::vector<quint32> &numbers)
{
    std::vector<quint32> sorted(numbers);
    QElapsedTimer timer;
    timer.start();
    std::sort(sorted.begin(), sorted.end());
    const double ms = double(timer.nsecsElapsed()) / 1e6;
    if (!std::is_sorted(sorted.begin(), sorted.end())) std::abort();
    return ms;
}

double deflateMs(const std::vector<unsigned char> &rows)
{
    std::vector<unsigned char> out(compressBound(uLong(rows.size())));
    uLongf size = uLongf(out.size());
    QElapsedTimer timer;
    timer.start();
    if (compress2(out.data(), &size, rows.data(), uLong(rows.size()), 1) != Z_OK) return std::nan("");
    return double(timer.nsecsElapsed()) / 1e6;
}

} // namespace

HostGauge measureHostGauge()
{
    std::vector<quint32> next(kBytes / sizeof(quint32));
    {
        // Sattolo's shuffle: one cycle through all slots.
        std::iota(next.begin(), next.end(), 0u);
        std::mt19937 random(20261207);
        for (size_t i = next.size() - 1; i > 0; --i)
            std::swap(next[i], next[std::uniform_int_distribution<size_t>(0, i - 1)(random)]);
    }
    std::vector<char> from(kBytes, 1), to(kBytes, 2);
    std::vector<quint32> numbers(size_t(1) << 20);
    std::mt19937 random(20261207);
    for (quint32 &n : numbers)
        n = quint32(random());
    // Rows of a map picture: runs of a few colours, a dot now and then.
    std::vector<unsigned char> rows(size_t(4) << 20);
    for (size_t i = 0; i < rows.size(); ++i)
        rows[i] = static_cast<unsigned char>((i / 3000) % 7 * 30 + (i % 997 == 0 ? 1 : 0));
    std::vector<double> pages, latencies, copies, sorts, deflates;
    for (int round = 0; round < kRounds; ++round) {
        pages.push_back(freshPageUs());
        latencies.push_back(memoryLatencyNs(next));
        copies.push_back(copyGBps(from, to));
        sorts.push_back(sortMs(numbers));
        deflates.push_back(deflateMs(rows));
    }
    return {median(pages), median(latencies), median(copies), median(sorts), median(deflates)};
}

QString describe(const HostGauge &gauge)
{
    return QStringLiteral("fresh page %1 µs, memory latency %2 ns, copy %3 GB/s, sort %4 ms, deflate %5 ms")
        .arg(gauge.freshPageUs, 0, 'f', 2)
        .arg(gauge.memoryLatencyNs, 0, 'f', 0)
        .arg(gauge.copyGBps, 0, 'f', 1)
        .arg(gauge.sortMs, 0, 'f', 0)
        .arg(gauge.deflateMs, 0, 'f', 1);
}

} // namespace chronomap::bench
