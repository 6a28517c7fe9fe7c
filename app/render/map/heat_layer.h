// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "render/map/event_layer_renderer.h"

#include <QImage>

namespace chronomap {

/// A kernel density surface of a frame's visible point events: counts on a grid of kCellPx
/// cells, smoothed by three box blurs (close to a Gaussian of about kBandwidthPx), coloured on
/// viridis with an opacity that rises with the density, and scaled up smoothly onto the map.
/// Costs one pass over the events plus a grid a sixteenth of the view's pixels.
class HeatLayer {
public:
    static constexpr int kCellPx = 4;
    static constexpr int kBlurCells = 3;       ///< each box blur's radius, in cells
    static constexpr double kBandwidthPx = 12; ///< about: kCellPx * kBlurCells

    /// The density image (one pixel a cell, the view's size / kCellPx) and its largest density.
    static QImage surface(const MapFrame &frame, double *peak = nullptr);
    static void render(QPainter &painter, const MapFrame &frame, MapHits &hits);
};

} // namespace chronomap
