// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "render/timeline/timeline_frame.h"

#include <optional>

class QPainter;

namespace chronomap {

struct TimelineStyle;

/// Paints the dense lanes of `frame` as columns of events per pixel, each lane scaled to its own
/// peak, in the lane's colour; columns outside `window` fade to `style.fadedOpacity`.
void paintDenseLanes(QPainter &painter, const TimelineFrame &frame, const std::optional<TimeWindow> &window,
                     const TimelineStyle &style);

} // namespace chronomap
