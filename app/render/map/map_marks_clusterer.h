// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "render/map/event_layer_renderer.h"

#include <vector>

namespace chronomap {

/// Groups a frame's visible point events into circles that never overlap: first the events of
/// each cell of a map-anchored grid of kCellPx (screen pixels, so the radius on the ground
/// shrinks as the map zooms in), then any two circles closer than their radii merge into one at
/// their weighted centre, again until none overlap. A circle's area is proportional to its
/// count (radius kMaxRadiusPx for the largest, never below kMinRadiusPx). Region-level records
/// are left out when the map has a base map (they are region fills).
class MapMarksClusterer {
public:
    static constexpr double kCellPx = 60;
    static constexpr double kMinRadiusPx = 7;
    static constexpr double kMaxRadiusPx = 28;
    static constexpr double kGapPx = 1; ///< between two circles at least

    struct Result {
        std::vector<MarkGroup> clusters; ///< within reach of the view, events newest first
        int maxCount = 0;                ///< the count drawn at kMaxRadiusPx
    };
    /// The clusters of `frame`'s visible point events around the view (`reachPx` beyond its edges).
    static Result cluster(const MapFrame &frame, double reachPx = 2 * kMaxRadiusPx);
    /// The radius of a circle of `count` events when `maxCount` is drawn at kMaxRadiusPx.
    static double radiusOf(int count, int maxCount);
};

} // namespace chronomap
