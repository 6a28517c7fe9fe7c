// SPDX-License-Identifier: GPL-3.0-or-later
#include "render/timeline/timeline_hits.h"

#include <algorithm>
#include <cmath>

namespace chronomap {

EventStore::Index TimelineHits::eventAt(QPointF px, double slopPx, const EventStore::IndexList *shown) const
{
    if (!plotPx.contains(px) || axisBandPx.contains(px)) return -1;
    for (auto it = boxes.rbegin(); it != boxes.rend(); ++it)
        if (it->rectPx.adjusted(-slopPx, -slopPx, slopPx, slopPx).contains(px)) return it->event;
    for (const DenseLane &lane : denseLanes) {
        if (!store || !lane.rectPx.contains(px)) continue;
        // The first event of the lane's category in the pixel column under the point.
        const double column = std::floor(px.x() - lane.rectPx.left());
        const qint64 from = lane.fromMs + qint64(column * lane.msPerPx);
        const qint64 to = lane.fromMs + qint64((column + 1) * lane.msPerPx);
        for (EventStore::Index i : store->inWindow({from, std::max(to, from + 1)}))
            if (store->categoryIndex(i) == lane.categoryIndex &&
                (!shown || std::binary_search(shown->begin(), shown->end(), i)))
                return i;
        return -1;
    }
    return -1;
}

std::optional<QRectF> TimelineHits::rectOf(EventStore::Index event) const
{
    for (auto it = boxes.rbegin(); it != boxes.rend(); ++it)
        if (it->event == event) return it->rectPx;
    return std::nullopt;
}

} // namespace chronomap
