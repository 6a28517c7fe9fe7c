// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/time/time_span.h"
#include "render/timeline/time_step.h"

#include <QList>
#include <QString>

#include <optional>

namespace chronomap {

/// The frames of an exported animation: the time windows the playback bar would show, one per
/// frame, from `range.fromMs` until a window reaches `range.toMs`. Playback's own arithmetic
/// (TimeStep): the first window starts at the step boundary at or before the range's start and
/// lasts `window`; each next one moves both edges by `step`, so a one-month window stays one
/// calendar month. Plain value.
struct AnimationPlan {
    TimeWindow range;                   ///< UTC ms; the clip covers it
    TimeStep step{TimeUnit::Week, 1};   ///< how far the window moves per frame
    TimeStep window{TimeUnit::Week, 1}; ///< how long each frame's window is

    /// Frames are never more than this: 10 years by day is 3,653.
    static constexpr int kMaxFrames = 10'000;

    /// The frames' windows, in order; empty when the range is invalid.
    QList<TimeWindow> frames() const;

    /// `day`, `week`, `month` or `year`, optionally after a count (`2week`, `3 months`); nullopt
    /// when not understood.
    static std::optional<TimeStep> parseStep(const QString &text);
    /// A duration as the playback window takes it: `7d`, `2w`, `1m`, `1y`, or a step word
    /// (`week`, `3 months`).
    static std::optional<TimeStep> parseDuration(const QString &text);
};

} // namespace chronomap
