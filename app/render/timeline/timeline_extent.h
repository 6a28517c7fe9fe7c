// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/time/time_span.h"

#include <optional>

namespace chronomap {

/// Where an event lies in time, read once from the columns: its whole uncertain extent and its
/// certain core (latest possible start to earliest possible end; empty for an imprecise instant).
/// All times are UTC ms.
struct TimelineExtent {
    qint64 fromMs, toMs;
    qint64 coreFromMs, coreToMs;
    bool exactInstant;
};

TimelineExtent timelineExtent(const TimeSpan &when);

} // namespace chronomap
