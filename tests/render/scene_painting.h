// SPDX-License-Identifier: GPL-3.0-or-later
// The map scene's event layers painted on their own, as the window's event cache paints them.
#pragma once

#include "core/view/view_state.h"
#include "render/map/map_scene.h"
#include "render/prepared_dataset.h"

#include <QPainter>

namespace chronomap::test {

/// Paints the event layers of `state`'s prepared dataset over `viewport`; what they drew where.
inline MapHits paintEvents(QPainter &painter, const MapScene &scene, const ViewState &state, const Viewport &viewport)
{
    MapFrameResult drawn;
    scene.paintGroup(MapScene::Group::Events, painter, MapFrame{*PreparedDataset::of(state), state, viewport}, drawn);
    return drawn.hits;
}

inline EventStore::IndexList eventsAt(const MapScene &scene, QPointF px, const Viewport &viewport,
                                      const ViewState &state, const MapHits &hits)
{
    return scene.eventsAt(px, MapFrame{*PreparedDataset::of(state), state, viewport}, hits);
}

} // namespace chronomap::test
