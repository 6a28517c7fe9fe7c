// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "render/timeline/timeline_frame.h"

class QPainter;

namespace chronomap {

struct TimelineStyle;

/// Paints the time axis strip under the lanes: ticks and their labels, the context row (the year
/// under month ticks, the month under day ticks) and the selected event's time.
class TimelineAxisPainter {
public:
    static void paint(QPainter &painter, const TimelineFrame &frame, const ViewState &state,
                      const TimelineStyle &style);
};

} // namespace chronomap
