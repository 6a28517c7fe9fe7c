// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/store/event_store.h"
#include "core/view/view_settings.h"
#include "render/map/label_obstacles.h"
#include "render/map/sequential_ramp.h"

#include <QPoint>
#include <QPolygonF>

#include <vector>

namespace chronomap {

/// A cluster or hexagon bin of a frame: its place, size, count and categories.
struct MarkGroup {
    QPointF px;                                      ///< the circle's or hexagon's centre
    double radiusPx = 0;                             ///< the circle's radius, or the hexagon's circumradius
    int count = 0;                                   ///< visible events in it
    QPoint hexCell;                                  ///< hexagon bins: the bin's cell of HexGrid
    EventStore::IndexList events;                    ///< clusters: its events, newest first (bins: found on demand)
    std::vector<std::pair<quint16, int>> categories; ///< (EventStore::categoryIndex, count), most first
};

/// How a frame drew its point events, for the legend: the style (never Auto) and its scale.
struct MarksDrawn {
    MarkStyle style = MarkStyle::Markers;
    bool automatic = true;       ///< chosen by MarkStyle::Auto
    bool densityBins = false;    ///< Markers as the markers' density bins (past kDenseThreshold point events)
    CountScale binScale;         ///< hexagon bins and region counts: the colour ramp's counts
    bool binsByCategory = false; ///< hexagon bins: coloured by their most frequent category
    int clusterMaxCount = 0;     ///< clusters: the count of a circle of clusterMaxRadiusPx
    double clusterMaxRadiusPx = 0;
    double clusterMinRadiusPx = 0;
};

/// What the last frame drew where, so a click or hover can be answered without drawing again.
struct MapHits {
    struct Marker {
        QPointF px;
        EventStore::Index first; ///< the newest event of the group
        int count;
        QPoint cell; ///< the group's cell of the map-anchored grid (see MarkerLayer::groupCellOf)
    };
    struct Arc {
        QPolygonF px;
        EventStore::Index event;
    };
    std::vector<Marker> markers;
    std::vector<Arc> arcs;
    bool dense = false; ///< events were binned, not drawn one by one (density, hexagons, heat)
    MarksDrawn marks;
    std::vector<MarkGroup> groups; ///< clusters or hexagon bins
    QPointF hexOriginPx;           ///< hexagon bins: HexGrid's origin and radius
    double hexRadiusPx = 0;
    std::vector<int> regionCounts;     ///< hexagon bins: visible region-level events by base-map region
    std::vector<int> regionCategories; ///< hexagon bins: the most frequent category by region, or -1
    /// The cluster or bin under `px`, or null.
    const MarkGroup *groupAt(QPointF px) const;
    double markerRadiusPx = 6;
    std::vector<QRectF> coveredPx;    ///< each marker's drawn box, its count badge included
    std::vector<QPointF> selectionPx; ///< centres of the selection ring (one per world copy)
    double selectionRadiusPx = 0;     ///< the ring's outer radius

    /// What the map's names must leave visible, moved by -`offsetPx` (from a larger cached
    /// layer's coordinates to the view's).
    LabelObstacles labelObstacles(QPointF offsetPx = {}) const;
};

} // namespace chronomap
