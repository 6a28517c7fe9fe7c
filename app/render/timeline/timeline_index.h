// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/store/event_store.h"

#include <memory>
#include <vector>

namespace chronomap {

/// Counts of a store's events over time, per category, in fixed bins, so that the timeline
/// can tell how much happened in any pixel column in O(1) instead of visiting every event: an
/// overview of a million events then costs the same as one of a thousand.
///
/// For each category and bin edge t it keeps
///  - #events starting before t and #events over by t (their latest possible end at or before
///    t): the events overlapping [a, b) are starts(b) − ends(a);
///  - the cumulative *mass* before t, each event counting 1 spread evenly over its whole
///    uncertain extent: the mass in [a, b) is the expected number of events there. A record
///    dated `2025-08` adds 1/31 to each day of August, not 1 to every one of them, so imprecise
///    records do not outweigh precise ones in a histogram.
/// Column edges are rounded to the nearest bin edge. It also keeps each category's events in
/// time order for exact queries of sparse lanes.
///
/// Built once per store in O(n) (tens of milliseconds for a million events), immutable after,
/// shared by reference to the store it indexes.
class TimelineIndex {
public:
    explicit TimelineIndex(std::shared_ptr<const EventStore> store);

    const std::shared_ptr<const EventStore> &store() const { return m_store; }
    /// Length of one bin (UTC ms): an hour, or longer for data spread over centuries.
    qint64 binMs() const { return m_binMs; }
    /// Whether pixel columns of `msPerPx` span enough bins (four) for counts rounded to bin
    /// edges to stay within a quarter of a pixel.
    bool resolves(double msPerPx) const { return m_bins > 0 && msPerPx >= 4.0 * double(m_binMs); }

    /// Events of `category` (an index into EventStore::categories()) whose whole uncertain
    /// extent overlaps [fromMs, toMs), edges rounded to the nearest bin edge.
    qint64 countOverlapping(quint16 category, qint64 fromMs, qint64 toMs) const;
    /// The mass of `category` in `columns` consecutive columns of `msPerPx` from `fromMs`:
    /// `out[k]` is the expected number of events in [fromMs + k·msPerPx, fromMs + (k+1)·msPerPx).
    void massColumns(quint16 category, qint64 fromMs, double msPerPx, int columns, float *out) const;
    /// The events of `category` overlapping `window` (exact, not binned), in time order.
    EventStore::IndexList eventsOf(quint16 category, const TimeWindow &window) const;

private:
    int edgeNear(qint64 ms) const;
    const qint32 *startsBefore(quint16 category) const
    {
        return m_startsBefore.data() + size_t(category) * size_t(m_bins + 1);
    }
    const qint32 *endedBy(quint16 category) const { return m_endedBy.data() + size_t(category) * size_t(m_bins + 1); }
    const double *massBefore(quint16 category) const
    {
        return m_massBefore.data() + size_t(category) * size_t(m_bins + 1);
    }

    std::shared_ptr<const EventStore> m_store;
    qint64 m_originMs = 0; ///< edge 0 (UTC ms)
    qint64 m_binMs = 3'600'000;
    int m_bins = 0;
    std::vector<qint32> m_startsBefore;              ///< per category, bins + 1 edges: events starting before the edge
    std::vector<qint32> m_endedBy;                   ///< per category, bins + 1 edges: events over by the edge
    std::vector<double> m_massBefore;                ///< per category, bins + 1 edges: events' mass before the edge
    std::vector<EventStore::IndexList> m_byCategory; ///< each category's events in time order
    std::vector<qint64> m_longestMs;                 ///< per category: the longest uncertain extent (ms)
};

} // namespace chronomap
