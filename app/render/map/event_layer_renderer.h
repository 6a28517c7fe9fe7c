// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "render/map/cluster_layer.h"
#include "render/map/map_frame.h"
#include "render/map/map_hits.h"
#include "render/map/map_style.h"
#include "render/map/marker_layer.h"
#include "render/map/marker_sprites.h"
#include "core/view/view_state.h"

#include <QHash>

#include <limits>
#include <vector>

class QPainter;

namespace chronomap {

/// Counts of visible events per admin-1 region (parallel to RegionIndex::regions()).
QList<int> regionCounts(const Dataset &dataset, const EventStore::IndexList &visible);
/// What the choropleth shades per admin-1 region: the visible events' count, or the sum of the
/// state's choropleth figure over them (rounded), as ViewState::choroplethFigure() says.
QList<int> regionShading(const ViewState &state);

/// Paints the events of a map frame, one layer at a time (MapScene stacks them): events outside
/// the time window faded (OutOfWindowMode::Faded, not hit-tested), region fills (region-level
/// records, or the choropleth's classes), the selected region, great-circle arcs for contacts,
/// the point events and the selected event's ring. Chooses how the point events are drawn
/// (chooseMarks) and hands them to MarkerLayer (markers or density bins), ClusterLayer,
/// HexBinLayer or HeatLayer. Geography comes from the PreparedDataset; the renderer and its
/// layers keep only images (sprites, badges, circles). Records what it drew in MapHits.
class EventLayerRenderer {
public:
    explicit EventLayerRenderer(const MapStyle &style = MapStyle::standard(), double devicePixelRatio = 1.0);

    /// Decides how the frame draws its point events (MarkStyle::Auto: markers while at most
    /// kAutoMarkerGroups marker groups of kAutoEventsPerMarker events on average, clusters while
    /// at most kAutoClusters circles, hexagon bins beyond; the markers' density bins above
    /// kDenseThreshold point events) and groups them: clusters and bins go into `hits` for the
    /// layers above.
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

    /// Whether the view state's events are drawn as density bins rather than markers (the bins'
    /// colours scale with the events on screen, so such a layer is not reused across pans).
    static bool drawsDensityBins(const PreparedDataset &data, const ViewState &state);

    /// MarkStyle::Auto draws markers up to this many marker groups on screen.
    static constexpr int kAutoMarkerGroups = 300;
    /// MarkStyle::Auto draws clusters up to this many circles, hexagon bins beyond.
    static constexpr int kAutoClusters = 450;
    /// The marker groups (of MarkerLayer::kGroupCellPx) of a frame's visible point events within
    /// the view, counted up to one past `stopAbove`. `eventsOnScreen`: the events counted until then.
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
    static qsizetype pointEvents(const PreparedDataset &data, const ViewState &state);

    MapStyle m_style;
    MarkerSprites m_sprites;
    double m_devicePixelRatio;
    MarkerLayer m_markers;
    ClusterLayer m_clusters;
    mutable QHash<quint64, QImage> m_hexSprites; ///< see HexBinLayer::renderBins
};

} // namespace chronomap
