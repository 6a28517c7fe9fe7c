// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "render/map/label_obstacles.h"
#include "render/map/map_style.h"
#include "render/map/projected_base_map.h"
#include "render/map/viewport.h"

#include <QFontMetricsF>
#include <QImage>

#include <optional>
#include <vector>

class QPainter;

namespace chronomap {

/// Paints the base map (sea, land, borders, coastline, region and place names) on any QPainter.
/// The widget caches the result per zoom level; exports call it directly.
class BaseMapRenderer {
public:
    explicit BaseMapRenderer(std::shared_ptr<const ProjectedBaseMap> map, const MapStyle &style = MapStyle::standard());

    void render(QPainter &painter, const Viewport &viewport, const QString &lang) const;

    /// A name as placed by renderLabels(): its text and box (logical px of the view).
    struct PlacedLabel {
        QString name;
        QRectF box;
    };
    /// Names of places and regions, drawn by the caller after the events: each place's name goes
    /// right, left, above or below its point, the first side clear of other names and of
    /// `obstacles` (markers, badges, the selection ring), or is left out. Returns what it placed.
    QList<PlacedLabel> renderLabels(QPainter &painter, const Viewport &viewport, const QString &lang,
                                    const LabelObstacles &obstacles = {}) const;

    /// Borders and coasts are drawn within this many pixels of their full 1:10m / 1:50m lines.
    static constexpr double kLineDetailPx = 0.4;
    /// Lines up to this wide on the device are drawn as hairlines (see render()).
    static constexpr double kHairlineMaxDevicePx = 1.25;

private:
    struct Label {
        QString name;
        QImage image; ///< the name (with its halo for places), made when first drawn on a raster device
        /// The name's width in `fm` (its label's font), measured the first time it is asked for:
        /// at any one zoom most names are never placed, and measuring all of them (shaping each)
        /// was a few per cent of an export's CPU.
        double widthPx(const QFontMetricsF &fm)
        {
            if (measuredWidthPx < 0) measuredWidthPx = fm.horizontalAdvance(name);
            return measuredWidthPx;
        }
        double measuredWidthPx = -1;
    };
    /// Names (and, once measured, widths) per place and region in one language.
    struct LabelCache {
        QString lang;
        double devicePixelRatio = 1.0;
        std::vector<Label> places;  ///< parallel to the source's places
        std::vector<Label> regions; ///< parallel to the source's regions
    };
    void updateLabelCache(const QString &lang, double devicePixelRatio) const;
    QFont regionFont() const;

    std::shared_ptr<const ProjectedBaseMap> m_map;
    MapStyle m_style;
    QList<bool> m_countryHasRegions; ///< parallel to countries
    mutable std::optional<LabelCache> m_labels;
};

} // namespace chronomap
