// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDate>
#include <QString>
#include <QStringView>

#include <optional>

namespace chronomap {

/// How precisely a date in the data is known. A value of lower precision stands for the whole
/// period it names: `2025-08` (Month) is "some time in August 2025", not the 1st of August.
enum class DatePrecision : quint8 { Year, Month, Day, Time };

QString toString(DatePrecision precision);

/// Midnight UTC of `date` in ms since the epoch, by day count (no QDateTime time-zone work).
qint64 utcMidnightMs(QDate date);
/// The UTC calendar date of an instant (ms since the epoch), before 1970 too.
QDate utcDateOf(qint64 ms);
std::optional<DatePrecision> datePrecisionFromString(QStringView text);

/// One date as written in the data: the start of the period it names (UTC, ms since the epoch)
/// and its precision. The period is [startMs, endExclusiveMs()).
struct FuzzyDate {
    qint64 startMs = 0;
    DatePrecision precision = DatePrecision::Day;

    /// First instant after the period this date names (UTC ms). Inline for the frame loops:
    /// days and instants (most records) by addition, months and years by the calendar.
    qint64 endExclusiveMs() const
    {
        if (precision == DatePrecision::Day) return startMs + 86'400'000;
        if (precision == DatePrecision::Time) return startMs + 1;
        return calendarPeriodEndMs();
    }
    /// ISO 8601 at the date's own precision: `2025`, `2025-08`, `2025-08-12`, `2025-08-12T09:30:00Z`.
    QString toIso() const;

    /// Parses ISO 8601 with reduced precision: `2025`, `2025-08`, `2025-08-12`, and date-times
    /// with optional seconds and an offset (`2025-08-12T09:30Z`, `2025-08-12T09:30:00+09:00`).
    /// A date-time without an offset is taken as UTC. Returns nullopt on anything else.
    static std::optional<FuzzyDate> parse(QStringView text);

    friend bool operator==(const FuzzyDate &, const FuzzyDate &) = default;

private:
    qint64 calendarPeriodEndMs() const;
};

/// A half-open window of time [fromMs, toMs) in UTC ms since the epoch.
struct TimeWindow {
    qint64 fromMs = 0;
    qint64 toMs = 0;
    bool isValid() const { return fromMs < toMs; }
    friend bool operator==(const TimeWindow &, const TimeWindow &) = default;
};

/// How a filter treats uncertain dates.
enum class WindowMatch : quint8 {
    Possibly,  ///< some reading of the uncertain dates puts the event in the window
    Certainly, ///< every reading of the uncertain dates puts the event in the window
};

/// When an event happened: a start and an optional end, each with its own precision.
/// An instant (no end) at month precision covers the whole month of uncertainty.
class TimeSpan {
public:
    TimeSpan() = default;
    explicit TimeSpan(FuzzyDate start) : m_start(start), m_end(start) {}
    TimeSpan(FuzzyDate start, FuzzyDate end) : m_start(start), m_end(end) {}

    /// Parses a start and an optional end (empty = instant). The end must not lie before the
    /// start. On failure returns nullopt and, if given, sets `error` to a user-readable reason.
    static std::optional<TimeSpan> parse(QStringView start, QStringView end = {}, QString *error = nullptr);

    FuzzyDate start() const { return m_start; }
    FuzzyDate end() const { return m_end; }
    bool isInstant() const { return m_start == m_end; }

    /// Earliest moment the event may have started (UTC ms).
    qint64 earliestMs() const { return m_start.startMs; }
    /// First moment after the event has certainly ended (UTC ms).
    qint64 latestEndMs() const { return m_end.endExclusiveMs(); }

    /// The one rule of the time window, used by the filters, the timeline and playback alike.
    /// True when some reading of the dates overlaps `window`.
    bool possiblyOverlaps(const TimeWindow &window) const
    {
        return earliestMs() < window.toMs && latestEndMs() > window.fromMs;
    }
    /// True when every reading of the dates overlaps `window` (for an instant: its whole
    /// period of uncertainty lies inside the window): the latest possible start falls inside
    /// the window's end and the earliest possible end inside its start.
    bool certainlyOverlaps(const TimeWindow &window) const
    {
        return m_start.endExclusiveMs() <= window.toMs && m_end.startMs >= window.fromMs;
    }
    bool matches(const TimeWindow &window, WindowMatch mode) const
    {
        return mode == WindowMatch::Possibly ? possiblyOverlaps(window) : certainlyOverlaps(window);
    }

    friend bool operator==(const TimeSpan &, const TimeSpan &) = default;

private:
    FuzzyDate m_start;
    FuzzyDate m_end;
};

} // namespace chronomap
