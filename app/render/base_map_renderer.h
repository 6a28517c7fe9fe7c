// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "map_style.h"
#include "projected_base_map.h"
#include "viewport.h"

class QPainter;

namespace chronomap {

/// Paints the base map (sea, land, borders, coastline, region and place names) on any QPainter.
/// The widget caches the result per zoom level; exports call it directly.
class BaseMapRenderer {
public:
    explicit BaseMapRenderer(std::shared_ptr<const ProjectedBaseMap> map, const MapStyle &style = MapStyle::standard());

    void render(QPainter &painter, const Viewport &viewport, const QString &lang) const;
    /// Names of places and regions; drawn above the events by the caller.
    void renderLabels(QPainter &painter, const Viewport &viewport, const QString &lang) const;

    /// Borders and coasts are drawn within this many pixels of their full 1:10m / 1:50m lines.
    static constexpr double kLineDetailPx = 0.4;

private:
    std::shared_ptr<const ProjectedBaseMap> m_map;
    MapStyle m_style;
    QList<bool> m_countryHasRegions; ///< parallel to countries
};

} // namespace chronomap
