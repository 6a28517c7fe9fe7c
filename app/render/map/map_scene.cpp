// SPDX-License-Identifier: GPL-3.0-or-later
#include "render/map/map_scene.h"

#include "core/view/view_state.h"
#include "render/vector_unit_state.h"

#include <QPainter>

#include <algorithm>

namespace chronomap {

MapScene::MapScene(std::shared_ptr<const ProjectedBaseMap> baseMap, Options options)
    : m_baseMap(std::move(baseMap)),
      m_base(m_baseMap ? std::make_unique<BaseMapRenderer>(m_baseMap, options.style) : nullptr),
      m_events(options.style, options.devicePixelRatio), m_legend(options.style),
      m_devicePixelRatio(options.devicePixelRatio)
{
    m_legend.setListsHiddenCategories(options.legendListsHiddenCategories);
    const auto area = [](const MapFrame &f) { return QRectF(QPointF(0, 0), QSizeF(f.viewport.sizePx())); };
    m_layers = {
        {"base map", 0, Group::BaseMap,
         [this](QPainter &p, const MapFrame &f, MapFrameResult &) {
             if (!m_base) return;
             clearUpperVectorState(); // string hashing before: numeric work next
             m_base->render(p, f.viewport, f.state.language());
             clearUpperVectorState();
         }},
        // No drawing: how the point events are drawn (MarkStyle::Auto decides by what would be
        // drawn), with the clusters or bins for the layers above.
        {"mark style", 5, Group::Events,
         [this](QPainter &, const MapFrame &f, MapFrameResult &r) { m_events.chooseMarks(f, r.hits); }},
        {"faded events", 10, Group::Events,
         [this](QPainter &p, const MapFrame &f, MapFrameResult &) { m_events.renderFaded(p, f); }},
        {"region fills", 20, Group::Events,
         [this](QPainter &p, const MapFrame &f, MapFrameResult &r) { m_events.renderRegionFills(p, f, r.hits); }},
        {"selected region", 30, Group::Events,
         [this](QPainter &p, const MapFrame &f, MapFrameResult &) { m_events.renderSelectedRegion(p, f); }},
        {"contact arcs", 40, Group::Events,
         [this](QPainter &p, const MapFrame &f, MapFrameResult &r) { m_events.renderArcs(p, f, r.hits); }},
        {"markers", 50, Group::Events,
         [this](QPainter &p, const MapFrame &f, MapFrameResult &r) { m_events.renderPoints(p, f, r.hits); }},
        {"selected event", 60, Group::Events,
         [this](QPainter &p, const MapFrame &f, MapFrameResult &r) { m_events.renderSelectedEvent(p, f, r.hits); }},
        {"legend", 65, Group::Overlays,
         [this, area](QPainter &p, const MapFrame &f, MapFrameResult &r) {
             r.legendRect = m_legend.render(p, area(f), f.state, &r.legendHits, &r.marks,
                                            r.categoryCounts ? &*r.categoryCounts : nullptr);
         }},
        // Names after the events, each on a side of its point that no marker, badge or
        // selection ring covers (or left out).
        {"names", 70, Group::Overlays,
         [this, area](QPainter &p, const MapFrame &f, MapFrameResult &r) {
             if (!m_base) return;
             // Clear of the legend (drawn just before) and of the attribution (drawn after)
             // too: a name half under either read as a stray letter beside it.
             LabelObstacles obstacles = r.labelObstacles;
             if (!r.legendRect.isEmpty()) obstacles.rects.append(r.legendRect);
             obstacles.rects.append(m_legend.attributionRect(area(f)));
             r.names = m_base->renderLabels(p, f.viewport, f.state.language(), obstacles);
         }},
        {"attribution", 90, Group::Overlays,
         [this, area](QPainter &p, const MapFrame &f, MapFrameResult &) { m_legend.renderAttribution(p, area(f)); }},
    };
    std::stable_sort(m_layers.begin(), m_layers.end(), [](const Layer &a, const Layer &b) { return a.z < b.z; });
}

void MapScene::paintGroup(Group group, QPainter &painter, const MapFrame &frame, MapFrameResult &result) const
{
    if (group == Group::Events) result.hits = MapHits{};
    for (const Layer &layer : m_layers)
        if (layer.group == group) layer.paint(painter, frame, result);
}

void MapScene::paint(QPainter &painter, const MapFrame &frame, MapFrameResult &result) const
{
    paintGroup(Group::BaseMap, painter, frame, result);
    paintGroup(Group::Events, painter, frame, result);
    result.labelObstacles = result.hits.labelObstacles();
    result.marks = result.hits.marks;
    paintGroup(Group::Overlays, painter, frame, result);
}

const MarkGroup *MapScene::groupAt(QPointF px, const MapHits &hits) const
{
    return hits.groupAt(px);
}

EventStore::IndexList MapScene::eventsAt(QPointF px, const MapFrame &frame, const MapHits &hits) const
{
    return m_events.eventsAt(px, frame, hits);
}

} // namespace chronomap
