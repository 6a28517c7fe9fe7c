// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/time/time_span.h"
#include "render/timeline/time_step.h"

#include <QList>
#include <QLocale>
#include <QString>

#include <optional>

class QFontMetricsF;

namespace chronomap {

/// One tick of the time axis.
struct TimeTick {
    qint64 ms = 0;  ///< UTC ms since the epoch
    double xPx = 0; ///< axis pixels from the axis' left end
    bool major = false;
    QString label; ///< empty for minor ticks
};

/// A period of the next coarser unit under the major ticks (the year under month ticks, the
/// month under day ticks), so that "Aug" or "12" can be read without guessing the year.
struct TimeContext {
    qint64 fromMs = 0; ///< UTC ms, start of the period (may lie left of the visible range)
    qint64 toMs = 0;   ///< UTC ms, exclusive end
    QString label;     ///< e.g. "2025", "August 2025", "Tuesday, August 12, 2025"
};

/// Ticks for one axis at its current scale.
struct TimeTicks {
    TimeStep major;
    std::optional<TimeStep> minor;
    QList<TimeTick> ticks; ///< minor and major, in time order
    QList<TimeContext> context;
};

/// Maps time (UTC ms since the epoch) to horizontal axis pixels and back, for a visible range
/// spread over a width in pixels; x = 0 is the axis' left end (the renderer places it).
/// Zooms about a pixel, pans by pixels, fits a window, and generates calendar ticks (decades
/// down to minutes) labelled in the UI language. Everything is UTC, as the data is.
class TimeAxis {
public:
    /// Shortest and longest visible ranges zooming allows (UTC ms).
    static constexpr qint64 kMinSpanMs = 30LL * 60'000;             // half an hour
    static constexpr qint64 kMaxSpanMs = 1000LL * 366 * 86'400'000; // a millennium

    TimeAxis() = default;
    /// `range` visible over `widthPx` pixels; the range is widened to kMinSpanMs if shorter.
    TimeAxis(TimeWindow range, double widthPx);

    TimeWindow range() const { return {m_fromMs, m_toMs}; }
    qint64 fromMs() const { return m_fromMs; }
    qint64 toMs() const { return m_toMs; }
    /// Shows `range` (clamped to the zoom limits, kept centred when widened).
    void setRange(TimeWindow range);
    double widthPx() const { return m_widthPx; }
    /// Changes the width in pixels, keeping the visible range (the content stretches).
    void setWidthPx(double widthPx);

    /// Milliseconds per pixel at the current scale.
    double msPerPx() const { return double(m_toMs - m_fromMs) / m_widthPx; }
    /// Axis x (pixels from the left end) of a time; outside [0, widthPx()] when off screen.
    double xOf(qint64 ms) const { return double(ms - m_fromMs) / msPerPx(); }
    /// Time (UTC ms) at axis x.
    qint64 timeAt(double xPx) const;

    /// Zooms by `factor` (> 1 = in, showing less time) keeping the time under `anchorXPx` still.
    void zoomAbout(double anchorXPx, double factor);
    /// Moves the content by `deltaPx` (dragging right by 10 px shows 10 px of earlier time).
    void panByPx(double deltaPx);
    /// Shows `window` with a margin of `marginFraction` of its length on each side.
    void fit(const TimeWindow &window, double marginFraction = 0.03);
    /// Keeps the scale and puts `ms` in the middle.
    void centreOn(qint64 ms);

    /// Major ticks about `minLabelGapPx` apart or more, labelled in `language` ("" = English),
    /// minor ticks at the finest nested unit at least 5 px apart, and the context periods.
    /// Label widths are measured with `metrics` so that labels never overlap.
    TimeTicks ticks(const QString &language, const QFontMetricsF &metrics, double minLabelGapPx = 12) const;
    /// The step a brushed edge snaps to at this scale: the finest of minute, hour, day, month,
    /// year and decade that is at least 4 px long, so a brushed window reads "April–June" at a
    /// year's zoom and "12–14 August" at a month's.
    TimeStep snapStep() const;
    /// `ms` rounded to the nearest boundary of `step`.
    static qint64 snap(qint64 ms, const TimeStep &step);

    /// The QLocale for a UI language code ("" and unknown codes = English).
    static QLocale localeFor(const QString &language);

    friend bool operator==(const TimeAxis &, const TimeAxis &) = default;

private:
    qint64 m_fromMs = 1'704'067'200'000; ///< 2024-01-01T00:00Z
    qint64 m_toMs = 1'735'689'600'000;   ///< 2025-01-01T00:00Z
    double m_widthPx = 1000;
};

} // namespace chronomap
