// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "render/map/label_obstacles.h"
#include "render/map/map_style.h"
#include "render/map/marker_sprites.h"
#include "render/map/map_frame.h"
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

/// Paints the events of a map frame, one layer at a time (MapScene stacks them): events outside
/// the time window faded (OutOfWindowMode::Faded, not hit-tested), region fills (region-level
/// records, or the choropleth's classes), the selected region, great-circle arcs for contacts,
/// markers grouped by place with a count (density bins for very dense data) and the selected
/// event's ring. Geography comes from the PreparedDataset; the renderer keeps only images
/// (sprites and count badges). Records what it drew in MapHits.
class EventLayerRenderer {
public:
    explicit EventLayerRenderer(const MapStyle &style = MapStyle::standard(), double devicePixelRatio = 1.0);

    void renderFaded(QPainter &painter, const MapFrame &frame) const;
    void renderRegionFills(QPainter &painter, const MapFrame &frame) const;
    void renderSelectedRegion(QPainter &painter, const MapFrame &frame) const;
    void renderArcs(QPainter &painter, const MapFrame &frame, MapHits &hits) const;
    /// Marker groups, or density bins above kDenseThreshold point events.
    void renderPoints(QPainter &painter, const MapFrame &frame, MapHits &hits) const;
    /// The selected point event's ring (over the markers; none over density bins).
    void renderSelectedEvent(QPainter &painter, const MapFrame &frame, MapHits &hits) const;

    /// Events under a screen point, newest first: the markers' groups, then arcs within a few pixels.
    EventStore::IndexList eventsAt(QPointF px, const MapFrame &frame, const MapHits &hits) const;

    /// The cell of the marker grouping grid that holds a Web Mercator point at a scale: cells of
    /// kGroupCellPx square, counted from the world's north-west corner. Anchored to the map, not
    /// to the screen, so a pan keeps the same events together (and a cached layer stays valid);
    /// the same in every world copy.
    static QPoint groupCellOf(QPointF mercatorM, double metresPerPixel);
    /// Events closer than this on screen, in the same cell, share one marker.
    static constexpr double kGroupCellPx = 16.0;
    /// Whether the view state's events are drawn as density bins rather than markers (the bins'
    /// colours scale with the events on screen, so such a layer is not reused across pans).
    static bool drawsDensityBins(const PreparedDataset &data, const ViewState &state);

    /// Above this many visible point events, markers give way to density bins.
    static constexpr qsizetype kDenseThreshold = PreparedDataset::kDenseThreshold;
    /// Opacity of events outside the window in OutOfWindowMode::Faded.
    static constexpr double kFadedOpacity = 0.22;
    /// The events drawn faded: passing every filter but the window, outside it; in time order.
    static EventStore::IndexList fadedEvents(const ViewState &state);

private:
    void renderRegionFill(QPainter &painter, const MapFrame &frame, int region, const QBrush &brush,
                          const QPen &pen) const;
    void renderChoropleth(QPainter &painter, const MapFrame &frame) const;
    void renderMarkers(QPainter &painter, const MapFrame &frame, MapHits &hits) const;
    void renderDense(QPainter &painter, const MapFrame &frame, MapHits &hits) const;
    /// The count badge of a marker group, pre-rendered (shapes and text cost ~30x an image).
    const QImage &badge(int count) const;
    static qsizetype pointEvents(const PreparedDataset &data, const ViewState &state);
    /// A marker with its count badge drawn over it, in one image: one draw per group, not two.
    struct BadgedMarker {
        QImage image;
        QPointF originPx; ///< the image's top left from the marker sprite's top left, logical pixels
    };
    const BadgedMarker &badgedMarker(QHash<int, BadgedMarker> &cache, const QImage &sprite, int count) const;
    static constexpr int kMaxBadgedMarkers = 8192; ///< about 20 MB; the cache starts over beyond

    MapStyle m_style;
    MarkerSprites m_sprites;
    double m_devicePixelRatio;
    // Images only, made once per count or category (no geography: that is the PreparedDataset's).
    mutable QHash<int, QImage> m_badges;                              ///< by count, 1000 standing for "999+"
    mutable QHash<QString, QHash<int, BadgedMarker>> m_badgedMarkers; ///< by category, then as m_badges
    mutable int m_badgedMarkerCount = 0;
};

} // namespace chronomap
