// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "render/timeline/timeline_frame.h"

#include <vector>

namespace chronomap {

/// Counts the events of each lane of `f` in its visible range by one pass over the store (or
/// over `subset`, in time order, when not null): fills each lane's count and its mass per pixel
/// column (`columns` of them), and lists in `detail` the events of lanes still under
/// TimelineRenderer::kDetailLimit. `laneOf` gives the lane of each category index (-1: hidden).
/// Used when zoomed in closer than the TimelineIndex's bins, or when a filter narrows the lanes.
void scanVisibleEvents(TimelineFrame &f, const EventStore &store, const std::vector<int> &laneOf, int columns,
                       std::vector<EventStore::IndexList> &detail, const EventStore::IndexList *subset);

} // namespace chronomap
