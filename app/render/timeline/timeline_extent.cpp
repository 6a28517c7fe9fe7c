// SPDX-License-Identifier: GPL-3.0-or-later
#include "render/timeline/timeline_extent.h"

namespace chronomap {

TimelineExtent timelineExtent(const TimeSpan &when)
{
    const FuzzyDate s = when.start(), e = when.end();
    TimelineExtent x{s.startMs, e.endExclusiveMs(), 0, 0, false};
    if (when.isInstant()) {
        x.exactInstant = s.precision == DatePrecision::Time;
        x.coreFromMs = x.coreToMs = s.startMs;
        return x;
    }
    x.coreFromMs = s.precision == DatePrecision::Time ? s.startMs : s.endExclusiveMs();
    x.coreToMs = e.startMs;
    return x;
}

} // namespace chronomap
