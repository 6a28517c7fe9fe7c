// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "render/map/base_map_renderer.h"
#include "render/map/event_layer_renderer.h"
#include "render/map/map_frame.h"
#include "render/map/map_legend.h"

#include <QRectF>

#include <functional>
#include <memory>
#include <vector>

#include <map>
#include <optional>

class QPainter;

namespace chronomap {

/// What a frame's layers drew where: read by the layers above them (names avoid the markers)
/// and by hit-testing.
struct MapFrameResult {
    MapHits hits; ///< the event layers'
    /// What the names must leave visible. paint() takes it from `hits`; a caller that draws the
    /// event layers from a cache sets it from there before painting the overlays.
    LabelObstacles labelObstacles;
    /// How the event layers drew the point events, for the legend. paint() takes it from
    /// `hits`; a caller that draws the event layers from a cache sets it from there.
    MarksDrawn marks;
    /// The place and region names the names layer drew, with their boxes (logical px).
    QList<BaseMapRenderer::PlacedLabel> names;
    LegendHits legendHits;
    QRectF legendRect; ///< where the legend went (logical px of the frame)
    /// A table browsed live: the view's events per category as the database counted them, which
    /// the legend lists instead of counting the frame's (empty) dataset.
    std::optional<std::map<QString, qint64>> categoryCounts;
};

/// The map as an ordered stack of layers, the one place that says what is drawn over what.
/// MapView and the snapshot composer (and what paints frames after them) draw through it, so a
/// snapshot's map is the window's map. Each layer is a function of the MapFrame and what the
/// layers below it drew; geography comes from the PreparedDataset.
///
/// Layers come in three groups, so the window can cache the slow ones: the base map (cached
/// while panning), the events (cached while panning, see EventLayerCache) and the overlays drawn
/// every frame (names, legend, attribution).
class MapScene {
public:
    enum class Group { BaseMap, Events, Overlays };
    struct Layer {
        const char *name; ///< for tests and the architecture notes
        int z;            ///< higher is drawn later, on top
        Group group;
        std::function<void(QPainter &, const MapFrame &, MapFrameResult &)> paint;
    };
    struct Options {
        MapStyle style = MapStyle::standard();
        double devicePixelRatio = 1.0; ///< of the target, for crisp markers
        /// The legend keeps hidden categories listed, greyed, so a click brings them back (the
        /// window); a snapshot leaves them out.
        bool legendListsHiddenCategories = false;
    };

    /// `baseMap`: the prepared dataset's projected base map (null: no base map, the events alone).
    explicit MapScene(std::shared_ptr<const ProjectedBaseMap> baseMap, Options options);
    explicit MapScene(std::shared_ptr<const ProjectedBaseMap> baseMap) : MapScene(std::move(baseMap), Options{}) {}

    /// Every layer, bottom to top, onto a painter whose logical coordinates are the viewport's.
    void paint(QPainter &painter, const MapFrame &frame, MapFrameResult &result) const;
    /// The layers of one group, bottom to top.
    void paintGroup(Group group, QPainter &painter, const MapFrame &frame, MapFrameResult &result) const;
    /// Events under a screen point of a frame that drew `hits`, newest first: the markers'
    /// groups, then arcs within a few pixels.
    EventStore::IndexList eventsAt(QPointF px, const MapFrame &frame, const MapHits &hits) const;

    /// The cluster or hexagon bin at a screen point of a frame that drew `hits`, or null.
    const MarkGroup *groupAt(QPointF px, const MapHits &hits) const;

    const std::vector<Layer> &layers() const { return m_layers; }
    const std::shared_ptr<const ProjectedBaseMap> &baseMap() const { return m_baseMap; }
    const BaseMapRenderer *baseMapRenderer() const { return m_base.get(); }
    const MapLegend &legend() const { return m_legend; }
    double devicePixelRatio() const { return m_devicePixelRatio; }

private:
    std::shared_ptr<const ProjectedBaseMap> m_baseMap;
    std::unique_ptr<BaseMapRenderer> m_base;
    EventLayerRenderer m_events;
    MapLegend m_legend;
    double m_devicePixelRatio;
    std::vector<Layer> m_layers;
};

} // namespace chronomap
