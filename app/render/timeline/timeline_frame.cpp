// SPDX-License-Identifier: GPL-3.0-or-later
#include "render/timeline/timeline_frame.h"

#include "render/timeline/timeline_extent.h"

namespace chronomap {

TimelineFrame::Item TimelineFrame::itemFor(EventStore::Index event, const std::optional<TimeWindow> &window,
                                           WindowMatch match) const
{
    const TimeSpan when = store->when(event);
    const TimelineExtent x = timelineExtent(when);
    Item item;
    item.event = event;
    item.x0 = axis.xOf(x.fromMs);
    item.x1 = axis.xOf(x.toMs);
    item.core0 = axis.xOf(x.coreFromMs);
    item.core1 = axis.xOf(x.coreToMs);
    // An exact instant, or any extent too narrow to show as a bar, is a mark at its middle.
    item.mark = x.exactInstant || item.x1 - item.x0 < kMarkPx * 0.8;
    item.markX = x.exactInstant ? item.x0 : (item.x0 + item.x1) / 2;
    item.inWindow = !window || when.matches(*window, match);
    return item;
}

} // namespace chronomap
