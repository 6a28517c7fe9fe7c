// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "render/timeline/timeline_frame.h"

class QPainter;

namespace chronomap {

struct TimelineStyle;

/// Paints the events of `frame` over its lanes: dense lanes as columns (paintDenseLanes()), the
/// items of the others as marks and bars with their titles, events outside the time window faded
/// and under those inside it, and the selected event outlined on top.
void paintLaneEvents(QPainter &painter, const TimelineFrame &frame, const ViewState &state, const TimelineStyle &style);

} // namespace chronomap
