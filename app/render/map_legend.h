// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "map_style.h"
#include "view/view_state.h"

class QPainter;

namespace chronomap {

/// The map's legend (categories of the visible events with their marker shapes and counts, or
/// the choropleth's classes) and the data attribution, painted in the corners of a map area.
class MapLegend {
public:
    explicit MapLegend(const MapStyle &style = MapStyle::standard()) : m_style(style) {}

    /// Paints the legend in the bottom-left corner of `area`; returns the rectangle it used.
    QRectF render(QPainter &painter, const QRectF &area, const ViewState &state) const;
    /// "Made with Natural Earth" in the bottom-right corner of `area`.
    void renderAttribution(QPainter &painter, const QRectF &area) const;

private:
    MapStyle m_style;
};

} // namespace chronomap
