// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "render/map/label_obstacles.h"
#include "render/map/map_style.h"
#include "render/map/marker_sprites.h"
#include "render/map/projected_base_map.h"
#include "core/view/view_state.h"
#include "render/map/viewport.h"

#include <QHash>
#include <QPolygonF>

#include <vector>

class QPainter;

namespace chronomap {

/// What the last frame drew where, so a click or hover can be answered without drawing again.
struct MapHits {
    struct Marker {
        QPointF px;
        EventStore::Index first; ///< the newest event of the group
        int count;
        QPoint cell; ///< the group's cell of the map-anchored grid (see groupCellOf)
    };
    struct Arc {
        QPolygonF px;
        EventStore::Index event;
    };
    std::vector<Marker> markers;
    std::vector<Arc> arcs;
    bool dense = false; ///< events were binned, not drawn one by one
    double markerRadiusPx = 6;
    std::vector<QRectF> coveredPx;    ///< each marker's drawn box, its count badge included
    std::vector<QPointF> selectionPx; ///< centres of the selection ring (one per world copy)
    double selectionRadiusPx = 0;     ///< the ring's outer radius

    /// What the map's names must leave visible, moved by -`offsetPx` (from a larger cached
    /// layer's coordinates to the view's).
    LabelObstacles labelObstacles(QPointF offsetPx = {}) const;
};

/// Counts of visible events per admin-1 region (parallel to RegionIndex::regions()).
QList<int> regionCounts(const Dataset &dataset, const EventStore::IndexList &visible);
/// What the choropleth shades per admin-1 region: the visible events' count, or the sum of the
/// state's choropleth figure over them (rounded), as ViewState::choroplethFigure() says.
QList<int> regionShading(const ViewState &state);

/// Paints the events of the view state: region fills, great-circle arcs for contacts, markers
/// grouped by place with a count, density bins for very dense data, the selection and, in
/// choropleth mode, regions shaded by count. With OutOfWindowMode::Faded, the events outside the
/// time window that pass the other filters are drawn faded underneath (not hit-tested). Records
/// what it drew in MapHits.
class EventLayerRenderer {
public:
    EventLayerRenderer(std::shared_ptr<const ProjectedBaseMap> baseMap, const MapStyle &style = MapStyle::standard(),
                       double devicePixelRatio = 1.0);

    void render(QPainter &painter, const Viewport &viewport, const ViewState &state, MapHits *hits = nullptr) const;

    /// Events under a screen point, newest first: the markers' groups, then arcs within a few pixels.
    EventStore::IndexList eventsAt(QPointF px, const Viewport &viewport, const ViewState &state,
                                   const MapHits &hits) const;

    /// The cell of the marker grouping grid that holds a Web Mercator point at a scale: cells of
    /// kGroupCellPx square, counted from the world's north-west corner. Anchored to the map, not
    /// to the screen, so a pan keeps the same events together (and a cached layer stays valid);
    /// the same in every world copy.
    static QPoint groupCellOf(QPointF mercatorM, double metresPerPixel);
    /// Events closer than this on screen, in the same cell, share one marker.
    static constexpr double kGroupCellPx = 16.0;
    /// Whether the view state's events are drawn as density bins rather than markers (the bins'
    /// colours scale with the events on screen, so such a layer is not reused across pans).
    bool drawsDensityBins(const ViewState &state) const;

    /// Above this many visible point events, markers give way to density bins.
    static constexpr qsizetype kDenseThreshold = 150'000;
    /// Opacity of events outside the window in OutOfWindowMode::Faded.
    static constexpr double kFadedOpacity = 0.22;
    /// The events drawn faded: passing every filter but the window, outside it; in time order.
    static EventStore::IndexList fadedEvents(const ViewState &state);

private:
    const std::vector<QPointF> &mercatorOf(const EventStore &store) const;
    const std::vector<quint8> &kindsOf(const EventStore &store) const;
    std::pair<const std::vector<EventStore::Index> &, const std::vector<QPointF> &>
    rowOrderOf(const EventStore &store) const;
    const QPolygonF &arcOf(const EventStore &store, EventStore::Index i) const;
    void renderRegionFill(QPainter &painter, const Viewport &viewport, int region, const QBrush &brush,
                          const QPen &pen) const;
    void renderChoropleth(QPainter &painter, const Viewport &viewport, const ViewState &state) const;
    void renderFaded(QPainter &painter, const Viewport &viewport, const ViewState &state) const;
    void renderMarkers(QPainter &painter, const Viewport &viewport, const ViewState &state, MapHits *hits) const;
    void renderDense(QPainter &painter, const Viewport &viewport, const ViewState &state, MapHits *hits) const;
    /// The count badge of a marker group, pre-rendered (shapes and text cost ~30x an image).
    const QImage &badge(int count) const;
    qsizetype pointEvents(const ViewState &state) const;
    /// A marker with its count badge drawn over it, in one image: one draw per group, not two.
    struct BadgedMarker {
        QImage image;
        QPointF originPx; ///< the image's top left from the marker sprite's top left, logical pixels
    };
    const BadgedMarker &badgedMarker(QHash<int, BadgedMarker> &cache, const QImage &sprite, int count) const;
    static constexpr int kMaxBadgedMarkers = 8192; ///< about 20 MB; the cache starts over beyond

    std::shared_ptr<const ProjectedBaseMap> m_baseMap;
    MapStyle m_style;
    MarkerSprites m_sprites;
    mutable const EventStore *m_projectedStore = nullptr;
    mutable std::vector<QPointF> m_mercator;
    mutable QHash<EventStore::Index, QPolygonF> m_arcs;
    static constexpr quint8 kPoint = 1, kRegionPrecision = 2;
    /// Per event of the projected store: kPoint, kRegionPrecision (read a million times a frame).
    mutable std::vector<quint8> m_kinds;
    /// The point events with a place, north to south, and their Mercator points in that order:
    /// density bins are counted in one pass over the rows on screen. Made at the first dense frame.
    mutable std::vector<EventStore::Index> m_rows;
    mutable std::vector<QPointF> m_rowsMercator;
    double m_devicePixelRatio;
    mutable QHash<int, QImage> m_badges;                              ///< by count, 1000 standing for "999+"
    mutable QHash<QString, QHash<int, BadgedMarker>> m_badgedMarkers; ///< by category, then as m_badges
    mutable int m_badgedMarkerCount = 0;
};

} // namespace chronomap
