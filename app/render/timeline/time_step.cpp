// SPDX-License-Identifier: GPL-3.0-or-later
#include "render/timeline/time_step.h"

#include <QDate>

#include <algorithm>

namespace chronomap {

namespace {

constexpr qint64 kMinuteMs = 60'000;
constexpr qint64 kHourMs = 3'600'000;
constexpr qint64 kDayMs = 86'400'000;

qint64 floorDiv(qint64 a, qint64 b)
{
    const qint64 q = a / b;
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

} // namespace

CivilDate civilDateOf(qint64 ms)
{
    int year = 0, month = 0, day = 0;
    utcDateOf(ms).getDate(&year, &month, &day);
    return {year, month, day};
}

qint64 utcMsOf(int year, int month, int day)
{
    // Normalise the month so callers can step past December or before January.
    const qint64 m0 = qint64(month) - 1;
    const auto y = int(year + floorDiv(m0, 12));
    const auto m = int(m0 - floorDiv(m0, 12) * 12 + 1);
    return utcMidnightMs(QDate(y, m, 1)) + qint64(day - 1) * kDayMs;
}

qint64 TimeStep::approxMs() const
{
    switch (unit) {
    case TimeUnit::Minute:
        return count * kMinuteMs;
    case TimeUnit::Hour:
        return count * kHourMs;
    case TimeUnit::Day:
        return count * kDayMs;
    case TimeUnit::Week:
        return count * 7 * kDayMs;
    case TimeUnit::Month:
        return count * qint64(30.436875 * kDayMs);
    case TimeUnit::Year:
        return count * qint64(365.2425 * kDayMs);
    }
    return kDayMs;
}

qint64 TimeStep::minMs() const
{
    switch (unit) {
    case TimeUnit::Month:
        return count * 28 * kDayMs;
    case TimeUnit::Year:
        return count * 365 * kDayMs;
    default:
        return approxMs();
    }
}

qint64 TimeStep::floor(qint64 ms) const
{
    const int n = std::max(1, count);
    switch (unit) {
    case TimeUnit::Minute:
        return floorDiv(ms, n * kMinuteMs) * n * kMinuteMs;
    case TimeUnit::Hour:
        return floorDiv(ms, n * kHourMs) * n * kHourMs;
    case TimeUnit::Day:
        return floorDiv(ms, n * kDayMs) * n * kDayMs;
    case TimeUnit::Week: {
        // 1970-01-01 was a Thursday: weeks count from Monday 1969-12-29 (day -3).
        const qint64 weeks = floorDiv(floorDiv(ms, kDayMs) + 3, 7);
        return (floorDiv(weeks, n) * n * 7 - 3) * kDayMs;
    }
    case TimeUnit::Month: {
        const CivilDate c = civilDateOf(ms);
        const int month0 = int(floorDiv(c.month - 1, n) * n);
        return utcMsOf(c.year, month0 + 1, 1);
    }
    case TimeUnit::Year: {
        const CivilDate c = civilDateOf(ms);
        return utcMsOf(int(floorDiv(c.year, n) * n), 1, 1);
    }
    }
    return ms;
}

qint64 TimeStep::add(qint64 ms, qint64 times) const
{
    const qint64 n = qint64(std::max(1, count)) * times;
    switch (unit) {
    case TimeUnit::Minute:
        return ms + n * kMinuteMs;
    case TimeUnit::Hour:
        return ms + n * kHourMs;
    case TimeUnit::Day:
        return ms + n * kDayMs;
    case TimeUnit::Week:
        return ms + n * 7 * kDayMs;
    case TimeUnit::Month:
    case TimeUnit::Year: {
        const QDate date = utcDateOf(ms);
        const qint64 months = unit == TimeUnit::Year ? n * 12 : n;
        return utcMidnightMs(date.addMonths(int(months))) + (ms - utcMidnightMs(date));
    }
    }
    return ms;
}

} // namespace chronomap
