// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "render/map/map_frame.h"
#include "render/map/integer_rounding.h"
#include "render/map/map_hits.h"

#include <QHash>
#include <QImage>
#include <QPolygonF>

#include <cmath>
#include <vector>

namespace chronomap {

/// A pointy-top hexagonal grid in screen space: cells of a fixed size in pixels at every zoom,
/// anchored at `originPx` (the world's north-west corner on screen, so a pan moves the bins with
/// the map).
struct HexGrid {
    QPointF originPx;
    double radiusPx = 24; ///< circumradius

    /// The cell (axial coordinates q, r) holding a screen point.
    QPoint cellOf(QPointF px) const { return cellOfUnits((px - originPx) * (1 / radiusPx)); }
    /// The cell holding a point given from the origin in radii: (px - originPx) * (1 / radiusPx).
    /// Inline and without branches on the point: binning calls it a million times a frame.
    static QPoint cellOfUnits(QPointF p)
    {
        constexpr double kSqrt3 = 1.7320508075688772;
        const double q = kSqrt3 / 3 * p.x() - p.y() / 3, r = 2.0 / 3 * p.y(), s = -q - r;
        const double rq = roundHalfAwayFromZero(q), rr = roundHalfAwayFromZero(r), rs = roundHalfAwayFromZero(s);
        const double dq = std::abs(rq - q), dr = std::abs(rr - r), ds = std::abs(rs - s);
        // Cube rounding: the coordinate that rounded furthest is made from the other two.
        const bool fixQ = dq > dr && dq > ds, fixR = !fixQ && dr > ds;
        const int iq = int(rq), ir = int(rr), is = int(rs);
        return {fixQ ? -ir - is : iq, fixR ? -iq - is : ir};
    }
    QPointF centreOf(QPoint cell) const;
    QPolygonF hexagon(QPoint cell) const;
};

/// Hexagon bins of a frame's visible point events, and region-level records counted in their
/// regions (not in a bin at the region's centre), for HexBinLayer::render.
struct HexBinning {
    HexGrid grid;
    std::vector<MarkGroup> bins;   ///< non-empty cells whose hexagon reaches into the view
    std::vector<int> regionCounts; ///< by base-map region: its visible region-level events
    /// By base-map region: the category (EventStore::categoryIndex) most of its visible
    /// region-level events have, -1 for none.
    std::vector<int> regionCategories;
    CountScale scale; ///< over the bins and the regions with a count
};

/// Paints hexagon bins: each cell coloured by its count on viridis (logarithmic when the counts
/// span orders of magnitude), regions of region-level records filled by their count on the same
/// ramp. With ViewState::hexBinsByCategory, each cell and region takes its most frequent
/// category's colour instead, more opaque the more events it holds (the same scale).
class HexBinLayer {
public:
    static constexpr double kRadiusPx = 24;

    static HexBinning bin(const MapFrame &frame, double radiusPx = kRadiusPx);
    /// The fill of a bin or region of `count` events on `scale`.
    static QColor colourOf(int count, const CountScale &scale);
    /// The fill of a bin or region of `count` events whose most frequent category has the
    /// colour `category` (hexagon bins by category): its opacity grows with the count.
    static QColor categoryColourOf(QColor category, int count, const CountScale &scale);
    /// Records the bins of `binning` in `hits` (what render() draws).
    static void record(HexBinning binning, MapHits &hits);
    /// Paints the regions' counts of `hits` (under arcs and bins).
    static void renderRegions(QPainter &painter, const MapFrame &frame, const MapHits &hits);
    /// Paints the bins of `hits`, each a hexagon image from `sprites` (made there once per
    /// colour step and size: an antialiased polygon costs ~20x the image).
    static void renderBins(QPainter &painter, const MapFrame &frame, const MapHits &hits,
                           QHash<quint64, QImage> &sprites, double devicePixelRatio);
    /// The visible events in a bin of the last frame, newest first.
    static EventStore::IndexList eventsIn(const MapFrame &frame, const MapHits &hits, QPoint cell);
};

} // namespace chronomap
