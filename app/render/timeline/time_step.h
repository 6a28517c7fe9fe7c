// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/time/time_span.h"

#include <QtGlobal>

namespace chronomap {

/// Calendar units of the timeline's ticks and of playback steps.
enum class TimeUnit : quint8 { Minute, Hour, Day, Week, Month, Year };

/// A step of calendar time in UTC: `count` units ("3 months" is a quarter). Months and years
/// follow the calendar (a month from 15 March is 15 April); weeks start on Monday.
///
/// The arithmetic goes through QDate's Julian days instead of QDateTime: the timeline computes
/// the ends of up to a million dates in one pass, and a QDateTime round trip (time zones and all)
/// costs a few hundred nanoseconds each.
struct TimeStep {
    TimeUnit unit = TimeUnit::Day;
    int count = 1;

    /// Typical length of one step (UTC ms): months count 30.44 days, years 365.24.
    qint64 approxMs() const;
    /// Shortest length one step can have (UTC ms): 28 days a month, 365 days a year.
    qint64 minMs() const;
    /// The step boundary at or before `ms` (UTC ms). Years align to multiples of `count`
    /// (decades on 2020, 2030…), months to multiples of `count` within the year (quarters on
    /// January, April…), weeks to Mondays, days, hours and minutes to multiples of `count`
    /// since the epoch (midnight-aligned for the counts that divide a day).
    qint64 floor(qint64 ms) const;
    /// `ms` moved by `times` steps (UTC ms). A month step keeps the day of month where it
    /// exists and clamps it otherwise (31 Jan + 1 month = 28/29 Feb), as QDate::addMonths does.
    qint64 add(qint64 ms, qint64 times = 1) const;

    friend bool operator==(const TimeStep &, const TimeStep &) = default;
};

/// Civil date (proleptic Gregorian, UTC) of a time, and back; for code that must be fast.
struct CivilDate {
    int year = 1970;
    int month = 1; ///< 1–12
    int day = 1;   ///< 1–31
};
CivilDate civilDateOf(qint64 ms);
/// Start of the day year-month-day (UTC ms); `month` may run outside 1–12 (13 = next January).
qint64 utcMsOf(int year, int month, int day);

} // namespace chronomap
