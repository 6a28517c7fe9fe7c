// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "render/timeline/timeline_frame.h"

#include <optional>

class QFontMetricsF;

namespace chronomap {

struct TimelineStyle;

/// Places `events` (in time order) in `lane` of `frame`: one item each, stacked first fit into
/// rows so that none covers another, with titles where they fit (inside a wide bar, else in the
/// gap their row leaves). Rows shrink to fit the lane, at most `style.maxRowPx` high; below
/// `style.minRowPx` the lane is too crowded to stack and turns dense (its items are dropped).
void stackLaneEvents(const TimelineFrame &frame, TimelineFrame::Lane &lane, const EventStore::IndexList &events,
                     const QFontMetricsF &fm, const TimelineStyle &style, const std::optional<TimeWindow> &window,
                     WindowMatch match);

} // namespace chronomap
