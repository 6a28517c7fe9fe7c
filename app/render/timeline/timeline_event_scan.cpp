// SPDX-License-Identifier: GPL-3.0-or-later
#include "render/timeline/timeline_event_scan.h"

#include "render/timeline/time_step.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace chronomap {

void scanVisibleEvents(TimelineFrame &f, const EventStore &store, const std::vector<int> &laneOf, int columns,
                       std::vector<EventStore::IndexList> &detail, const EventStore::IndexList *subset)
{
    // One pass over the events overlapping the visible range spreads each event's mass over the
    // columns of its extent (a difference array of slopes: +1/length where it begins, -1/length
    // where it ends) and keeps the indices of lanes still under the detail limit. Used when
    // zoomed in closer than the index's bins, where the visible range holds a small part of the data.
    const qint64 fromMs = f.axis.fromMs(), toMs = f.axis.toMs();
    const double pxPerMs = 1.0 / f.axis.msPerPx();
    std::vector<std::vector<double>> slopes(f.lanes.size(), std::vector<double>(size_t(columns) + 1, 0.0));
    std::vector<qsizetype> counts(f.lanes.size(), 0);
    auto visit = [&](EventStore::Index i, qint64 extentFromMs, qint64 extentToMs) {
        const int k = laneOf[store.categoryIndex(i)];
        if (k < 0) return;
        double *slope = slopes[size_t(k)].data();
        const double x0 = std::round(double(extentFromMs - fromMs) * pxPerMs);
        const double x1 = std::round(double(extentToMs - fromMs) * pxPerMs);
        if (x1 <= x0) {
            // Shorter than a column: all of it in the column it starts in.
            const double c = std::floor(double(extentFromMs - fromMs) * pxPerMs);
            if (c >= 0 && c < columns) {
                slope[size_t(c)] += 1;
                slope[size_t(c) + 1] -= 1;
            }
        } else {
            const double w = 1.0 / (x1 - x0);
            slope[size_t(std::clamp(x0, 0.0, double(columns)))] += w;
            slope[size_t(std::clamp(x1, 0.0, double(columns)))] -= w;
        }
        if (++counts[size_t(k)] <= TimelineRenderer::kDetailLimit) detail[size_t(k)].push_back(i);
    };
    // Index order is start order: nothing from `upper` on starts before the range ends.
    auto firstStartingAt = [&](qint64 ms) {
        EventStore::Index lo = 0, hi = EventStore::Index(store.size());
        while (lo < hi) {
            const EventStore::Index mid = lo + (hi - lo) / 2;
            if (store.when(mid).earliestMs() < ms)
                lo = mid + 1;
            else
                hi = mid;
        }
        return lo;
    };
    if (subset) {
        // In time order like the store: stop at the first that starts after the range.
        for (EventStore::Index i : *subset) {
            const TimeSpan when = store.when(i);
            if (when.earliestMs() >= toMs) break;
            const qint64 end = when.latestEndMs();
            if (end > fromMs) visit(i, when.earliestMs(), end);
        }
    } else if (const EventStore::Index upper = firstStartingAt(toMs); 2 * (upper - firstStartingAt(fromMs)) >= upper) {
        // Most of what starts before the range's end starts inside it: a plain scan beats
        // collecting the indices from the interval tree.
        for (EventStore::Index i = 0; i < upper; ++i) {
            const TimeSpan when = store.when(i);
            const qint64 end = when.latestEndMs();
            if (end > fromMs) visit(i, when.earliestMs(), end);
        }
    } else {
        // O(log n + k) in the store's interval tree.
        for (EventStore::Index i : store.inWindow(f.axis.range())) {
            const TimeSpan when = store.when(i);
            visit(i, when.earliestMs(), when.latestEndMs());
        }
    }
    for (size_t k = 0; k < f.lanes.size(); ++k) {
        TimelineFrame::Lane &lane = f.lanes[k];
        lane.count = counts[k];
        lane.columnMass.resize(size_t(columns));
        double slope = 0;
        for (size_t c = 0; c < size_t(columns); ++c) {
            slope += slopes[k][c];
            lane.columnMass[c] = float(slope); // columns are one pixel: mass = slope
        }
    }
}

} // namespace chronomap
