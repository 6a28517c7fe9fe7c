// SPDX-License-Identifier: GPL-3.0-or-later
#include "render/timeline/timeline_index.h"

#include "render/timeline/time_step.h"

#include <algorithm>
#include <cmath>

namespace chronomap {

namespace {
constexpr qint64 kHourMs = 3'600'000;
// Bins per category at most, and in all: a few megabytes whatever the data.
constexpr qint64 kMaxBinsPerCategory = 1 << 16;
constexpr qint64 kMaxBinsTotal = 1 << 21;
} // namespace

TimelineIndex::TimelineIndex(std::shared_ptr<const EventStore> store) : m_store(std::move(store))
{
    if (!m_store || m_store->isEmpty()) return;
    const EventStore &s = *m_store;
    const auto categories = std::max<qsizetype>(1, s.categories().size());
    const TimeWindow extent = s.extent();
    const qint64 maxBins = std::max<qint64>(16, std::min(kMaxBinsPerCategory, kMaxBinsTotal / categories));
    const qint64 span = std::max<qint64>(1, extent.toMs - extent.fromMs);
    // Hours, or coarser so that the whole extent fits in maxBins.
    m_binMs = std::max(kHourMs, (span + maxBins - 1) / maxBins);
    m_binMs = (m_binMs + kHourMs - 1) / kHourMs * kHourMs;
    m_originMs = extent.fromMs - ((extent.fromMs % m_binMs) + m_binMs) % m_binMs;
    m_bins = int((extent.toMs - m_originMs + m_binMs - 1) / m_binMs);

    const size_t edges = size_t(m_bins) + 1;
    m_startsBefore.assign(size_t(categories) * edges, 0);
    m_endedBy.assign(size_t(categories) * edges, 0);
    // Mass is spread by slope: each event adds 1/(its length in bins) to the slope of its bins
    // (a difference array of slopes, summed twice below).
    m_massBefore.assign(size_t(categories) * edges, 0.0);
    m_byCategory.assign(size_t(categories), {});
    m_longestMs.assign(size_t(categories), 0);
    for (EventStore::Index i = 0; i < EventStore::Index(s.size()); ++i) {
        const quint16 c = s.categoryIndex(i);
        const TimeSpan when = s.when(i);
        const qint64 from = when.earliestMs(), to = when.latestEndMs();
        // The start counts from the edge after its bin; the end at the first edge at or after it.
        const auto startBin = size_t((from - m_originMs) / m_binMs);
        const auto endEdge = size_t(std::min<qint64>(m_bins, (to - m_originMs + m_binMs - 1) / m_binMs));
        ++m_startsBefore[size_t(c) * edges + startBin + 1];
        ++m_endedBy[size_t(c) * edges + endEdge];
        // The extent rounded to bin edges; shorter than a bin, it falls in the bin it starts in.
        const double startEdge = std::round(double(from - m_originMs) / double(m_binMs));
        const double stopEdge = std::round(double(to - m_originMs) / double(m_binMs));
        auto rampFrom = size_t(startEdge), rampTo = size_t(std::min(stopEdge, double(m_bins)));
        if (rampTo <= rampFrom) {
            rampFrom = startBin;
            rampTo = startBin + 1;
        }
        double *slope = m_massBefore.data() + size_t(c) * edges;
        slope[rampFrom] += 1.0 / double(rampTo - rampFrom);
        slope[rampTo] -= 1.0 / double(rampTo - rampFrom);
        m_byCategory[c].push_back(i);
        m_longestMs[c] = std::max(m_longestMs[c], to - from);
    }
    for (size_t c = 0; c < size_t(categories); ++c) {
        qint32 *starts = m_startsBefore.data() + c * edges, *ends = m_endedBy.data() + c * edges;
        for (size_t e = 1; e < edges; ++e) {
            starts[e] += starts[e - 1];
            ends[e] += ends[e - 1];
        }
        // Slope deltas → slope of each bin → mass before each edge.
        double *mass = m_massBefore.data() + c * edges;
        double slope = 0, cumulative = 0;
        for (size_t e = 0; e < edges; ++e) {
            const double binSlope = slope + mass[e];
            mass[e] = cumulative;
            cumulative += binSlope;
            slope = binSlope;
        }
    }
}

int TimelineIndex::edgeNear(qint64 ms) const
{
    const double edge = std::round(double(ms - m_originMs) / double(m_binMs));
    return int(std::clamp(edge, 0.0, double(m_bins)));
}

qint64 TimelineIndex::countOverlapping(quint16 category, qint64 fromMs, qint64 toMs) const
{
    if (m_bins == 0 || category >= m_byCategory.size() || toMs <= fromMs) return 0;
    return std::max<qint64>(0, startsBefore(category)[edgeNear(toMs)] - endedBy(category)[edgeNear(fromMs)]);
}

void TimelineIndex::massColumns(quint16 category, qint64 fromMs, double msPerPx, int columns, float *out) const
{
    if (m_bins == 0 || category >= m_byCategory.size()) {
        std::fill(out, out + columns, 0.0f);
        return;
    }
    const double *mass = massBefore(category);
    // Column edges in bins, as doubles: one multiply-add per column.
    const double firstEdge = double(fromMs - m_originMs) / double(m_binMs);
    const double binsPerPx = msPerPx / double(m_binMs);
    auto edge = [&](int k) { return int(std::clamp(std::round(firstEdge + k * binsPerPx), 0.0, double(m_bins))); };
    int left = edge(0);
    for (int k = 0; k < columns; ++k) {
        const int right = edge(k + 1);
        out[k] = float(std::max(0.0, mass[right] - mass[left]));
        left = right;
    }
}

EventStore::IndexList TimelineIndex::eventsOf(quint16 category, const TimeWindow &window) const
{
    EventStore::IndexList out;
    if (category >= m_byCategory.size() || !window.isValid()) return out;
    const EventStore &s = *m_store;
    const EventStore::IndexList &all = m_byCategory[category];
    // In start order: nothing from `hi` on starts before the window ends, and nothing before
    // `lo` lasts long enough to reach into it.
    auto firstStartingAt = [&](qint64 ms) {
        return std::partition_point(all.begin(), all.end(),
                                    [&](EventStore::Index i) { return s.when(i).earliestMs() < ms; });
    };
    const auto lo = firstStartingAt(window.fromMs - m_longestMs[category]);
    const auto hi = firstStartingAt(window.toMs);
    for (auto it = lo; it != hi; ++it)
        if (s.when(*it).latestEndMs() > window.fromMs) out.push_back(*it);
    return out;
}

} // namespace chronomap
