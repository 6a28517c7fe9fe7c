// SPDX-License-Identifier: GPL-3.0-or-later
#include "render/map/map_hits.h"

#include "render/map/hexbin_layer.h"

#include <cmath>

namespace chronomap {

LabelObstacles MapHits::labelObstacles(QPointF offsetPx) const
{
    LabelObstacles o;
    o.rects.reserve(qsizetype(coveredPx.size() + selectionPx.size()));
    for (const QRectF &r : coveredPx)
        o.rects.append(r.translated(-offsetPx));
    for (const QPointF &c : selectionPx) {
        const QPointF at = c - offsetPx;
        const QPointF half(selectionRadiusPx, selectionRadiusPx);
        o.rects.append(QRectF(at - half, at + half));
        o.selectedPx.append(at);
    }
    o.selectedRadiusPx = selectionRadiusPx;
    return o;
}

const MarkGroup *MapHits::groupAt(QPointF px) const
{
    if (marks.style == MarkStyle::HexBins) {
        const QPoint cell = HexGrid{hexOriginPx, hexRadiusPx}.cellOf(px);
        for (const MarkGroup &g : groups)
            if (g.hexCell == cell) return &g;
        return nullptr;
    }
    if (marks.style != MarkStyle::Clusters) return nullptr;
    for (const MarkGroup &g : groups)
        if (std::hypot(g.px.x() - px.x(), g.px.y() - px.y()) <= std::max(g.radiusPx, markerRadiusPx + 2)) return &g;
    return nullptr;
}

} // namespace chronomap
