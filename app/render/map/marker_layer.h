// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "render/map/density_counts.h"
#include "render/map/map_frame.h"
#include "render/map/map_hits.h"
#include "render/map/map_style.h"
#include "render/map/marker_sprites.h"

#include <QHash>
#include <QImage>

class QPainter;

namespace chronomap {

/// Paints point events as markers grouped by place, each group one marker (its newest event's
/// category) with a count badge, or, past PreparedDataset::kDenseThreshold point events, as
/// density bins of a few pixels on a heat ramp. Keeps only images (sprites and badges).
class MarkerLayer {
public:
    explicit MarkerLayer(const MapStyle &style = MapStyle::standard(), double devicePixelRatio = 1.0);

    /// The markers of the frame's visible point events, recorded in `hits` (markers, covered boxes).
    void render(QPainter &painter, const MapFrame &frame, MapHits &hits) const;
    /// The density bins of the frame's visible point events (countDensity, paintDensity); sets
    /// `hits.dense`.
    void renderDensity(QPainter &painter, const MapFrame &frame, MapHits &hits) const;
    /// The frame's visible point events counted per cell of the view's density grid
    /// (DensityCounts::forViewport, SquareBinGrid::cellOf), every world copy shown.
    static DensityCounts countDensity(const MapFrame &frame);
    /// Paints counts as a heat ramp, each cell at its grid's place and size in `viewport`; the
    /// in-memory density and a live table's bins alike.
    static void paintDensity(QPainter &painter, const Viewport &viewport, const DensityCounts &density,
                             const MapStyle &style);

    /// The cell of the marker grouping grid that holds a Web Mercator point at a scale: cells of
    /// kGroupCellPx square, counted from the world's north-west corner. Anchored to the map, not
    /// to the screen, so a pan keeps the same events together (and a cached layer stays valid);
    /// the same in every world copy.
    static QPoint groupCellOf(QPointF mercatorM, double metresPerPixel);
    /// Events closer than this on screen, in the same cell, share one marker.
    static constexpr double kGroupCellPx = 16.0;

private:
    /// The count badge of a marker group, pre-rendered (shapes and text cost ~30x an image).
    const QImage &badge(int count) const;
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
    mutable QHash<int, QImage> m_badges;                              ///< by count, 1000 standing for "999+"
    mutable QHash<QString, QHash<int, BadgedMarker>> m_badgedMarkers; ///< by category, then as m_badges
    mutable int m_badgedMarkerCount = 0;
};

} // namespace chronomap
