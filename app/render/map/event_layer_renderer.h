// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "render/map/label_obstacles.h"
#include "render/map/map_style.h"
#include "render/map/marker_sprites.h"
#include "render/map/map_frame.h"
#include "render/map/sequential_ramp.h"
#include "core/view/view_state.h"
#include "render/map/viewport.h"

#include <QHash>
#include <QPolygonF>

#include <limits>
#include <vector>

class QPainter;

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
    bool automatic = true;    ///< chosen by MarkStyle::Auto
    bool densityBins = false; ///< Markers as the markers' density bins (past kDenseThreshold point events)
    CountScale binScale;      ///< hexagon bins and region counts: the colour ramp's counts
    int clusterMaxCount = 0;  ///< clusters: the count of a circle of clusterMaxRadiusPx
    double clusterMaxRadiusPx = 0;
    double clusterMinRadiusPx = 0;
};

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
    bool dense = false; ///< events were binned, not drawn one by one (density, hexagons, heat)
    MarksDrawn marks;
    std::vector<MarkGroup> groups; ///< clusters or hexagon bins
    QPointF hexOriginPx;           ///< hexagon bins: HexGrid's origin and radius
    double hexRadiusPx = 0;
    std::vector<int> regionCounts; ///< hexagon bins: visible region-level events by base-map region
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

    /// Decides how the frame draws its point events (MarkStyle::Auto: markers while at most
    /// kAutoMarkerGroups marker groups of kAutoEventsPerMarker events on average, clusters while at most kAutoClusters
    /// circles, hexagon bins beyond; heat above kDenseThreshold point events) and groups them: clusters and bins go
    /// into `hits` for the layers above.
    void chooseMarks(const MapFrame &frame, MapHits &hits) const;
    void renderFaded(QPainter &painter, const MapFrame &frame) const;
    void renderRegionFills(QPainter &painter, const MapFrame &frame, const MapHits &hits) const;
    void renderSelectedRegion(QPainter &painter, const MapFrame &frame) const;
    void renderArcs(QPainter &painter, const MapFrame &frame, MapHits &hits) const;
    /// The point events as chooseMarks() decided: marker groups (density bins above
    /// kDenseThreshold point events), clusters, hexagon bins or heat.
    void renderPoints(QPainter &painter, const MapFrame &frame, MapHits &hits) const;
    /// The selected point event's marker (over clusters, bins and heat) and ring (none over the
    /// density bins of markers above kDenseThreshold).
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

    /// MarkStyle::Auto draws markers up to this many marker groups on screen.
    static constexpr int kAutoMarkerGroups = 300;
    /// MarkStyle::Auto draws clusters up to this many circles, hexagon bins beyond.
    static constexpr int kAutoClusters = 450;
    /// The marker groups (of kGroupCellPx) of a frame's visible point events within the view,
    /// counted up to one past `stopAbove`.
    /// `eventsOnScreen`: the events counted until then.
    static int markerGroupsOnScreen(const MapFrame &frame, int stopAbove = std::numeric_limits<int>::max(),
                                    qsizetype *eventsOnScreen = nullptr);
    /// MarkStyle::Auto draws markers while they hold at most this many events each on average.
    static constexpr int kAutoEventsPerMarker = 4;

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
    void renderClusters(QPainter &painter, const MapFrame &frame, MapHits &hits) const;
    /// A cluster's circle and category ring, made once per radius and ring.
    const QImage &clusterSprite(const MarkGroup &group, const std::vector<QColor> &colourOf) const;
    static constexpr qsizetype kMaxClusterSprites = 4096;
    /// A cluster's count as text in an image, made once per count ("1.2k" above 999).
    const QImage &clusterLabel(int count) const;
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
    mutable QHash<int, QImage> m_clusterLabels;
    mutable QHash<QByteArray, QImage> m_clusterSprites;
    mutable QHash<int, QImage> m_hexSprites; ///< see HexBinLayer::renderBins
};

} // namespace chronomap
