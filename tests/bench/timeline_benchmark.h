// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/view/view_state.h"

#include <QImage>
#include <QSize>

namespace chronomap {

/// One timed timeline frame, for the benchmark program and the performance test.
struct TimelineFrameTiming {
    double firstRenderMs = 0; ///< wall time of the first frame (ms), building the renderer's TimelineIndex
    double renderMs = 0;      ///< wall time of the next frame (ms): what panning and zooming cost
    qsizetype events = 0;     ///< events in the visible range, all lanes
    qsizetype denseLanes = 0;
    QImage image; ///< what was drawn (white background, device pixel ratio 1)
};

/// Renders the timeline of `state` into a `sizePx` QImage, headless, with the axis framing all
/// the data (the data's extent plus a 3 % margin), twice with one renderer, and times both
/// frames. Creates no widget; needs a QGuiApplication (the offscreen platform will do).
TimelineFrameTiming timeTimelineFrame(const ViewState &state, QSize sizePx = QSize(1920, 400));

} // namespace chronomap
