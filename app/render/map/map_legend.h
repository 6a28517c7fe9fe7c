// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "render/map/map_style.h"
#include "core/view/view_state.h"
#include "render/map/event_layer_renderer.h"

#include <vector>

#include <map>

class QPainter;

namespace chronomap {

/// Where the last legend drew what, for clicks on its entries.
struct LegendHits {
    struct Entry {
        QRectF rectPx; ///< the whole row: marker and label
        QString category;
        bool hidden = false; ///< listed greyed because the user hid it
    };
    /// A reference circle of the clusters' size legend.
    struct SizeCircle {
        QPointF centrePx;
        double radiusPx = 0;
        int count = 0;
    };
    QRectF boxPx;
    std::vector<Entry> entries;          ///< category rows only (markers mode)
    std::vector<SizeCircle> sizeCircles; ///< clusters: the size legend's circles, largest first

    /// The category of the row at `px`, or an empty string.
    QString categoryAt(QPointF px) const;
};

/// The map's legend (categories of the visible events with their marker shapes and counts, or
/// the choropleth's classes) and the data attribution, painted in the corners of a map area.
class MapLegend {
public:
    explicit MapLegend(const MapStyle &style = MapStyle::standard()) : m_style(style) {}

    /// Whether hidden categories stay listed, greyed, so a click can show them again (the
    /// interactive map), or are left out (snapshots). Off by default.
    void setListsHiddenCategories(bool on) { m_listsHidden = on; }

    /// Paints the legend in the bottom-left corner of `area`; returns the rectangle it used and
    /// fills `hits` (when given) with each category row's rectangle.
    /// `marks` (when given): how the point events were drawn; the legend names a style other than
    /// markers and shows its scale (hexagon bins' colours, clusters' sizes).
    /// `categoryCounts` (when given): the events per category to list, counted elsewhere (a
    /// table browsed live), instead of the state's visible events.
    QRectF render(QPainter &painter, const QRectF &area, const ViewState &state, LegendHits *hits = nullptr,
                  const MarksDrawn *marks = nullptr, const std::map<QString, qint64> *categoryCounts = nullptr) const;
    /// "Clusters (automatic)", "Hexagon bins" …: the style `marks` names.
    static QString styleName(const MarksDrawn &marks);
    /// The counts of the clusters' size legend: the largest circle's and two rounder ones down
    /// to a tenth of it, each drawn larger than the smallest circle (so its area is still its
    /// count's); fewer when the counts are small. Empty unless `marks` are clusters.
    static std::vector<int> clusterSizeCounts(const MarksDrawn &marks);
    /// The legend's heading: "Categories", "Events per region", or "Sum of fatalities per region"
    /// when the choropleth sums a figure.
    QString title(const ViewState &state) const;
    /// "Made with Natural Earth" in the bottom-right corner of `area`.
    void renderAttribution(QPainter &painter, const QRectF &area) const;
    /// Where renderAttribution() draws in `area`: its bottom-right corner.
    QRectF attributionRect(const QRectF &area) const;
    static QString attributionText();

private:
    MapStyle m_style;
    bool m_listsHidden = false;
};

} // namespace chronomap
