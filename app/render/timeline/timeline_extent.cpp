// SPDX-License-Identifier: GPL-3.0-or-later
#include "render/timeline/timeline_extent.h"

#include "render/timeline/time_step.h"

namespace chronomap {

TimelineExtent timelineExtent(const TimeSpan &when)
{
    const FuzzyDate s = when.start(), e = when.end();
    TimelineExtent x{s.startMs, periodEndMs(e), 0, 0, false};
    if (when.isInstant()) {
        x.exactInstant = s.precision == DatePrecision::Time;
        x.coreFromMs = x.coreToMs = s.startMs;
        return x;
    }
    x.coreFromMs = s.precision == DatePrecision::Time ? s.startMs : periodEndMs(s);
    x.coreToMs = e.startMs;
    return x;
}

bool matchesWindow(const TimeSpan &when, const TimelineExtent &x, const std::optional<TimeWindow> &window,
                   WindowMatch mode)
{
    if (!window) return true;
    if (mode == WindowMatch::Possibly) return x.fromMs < window->toMs && x.toMs > window->fromMs;
    return periodEndMs(when.start()) <= window->toMs && when.end().startMs >= window->fromMs;
}

} // namespace chronomap
