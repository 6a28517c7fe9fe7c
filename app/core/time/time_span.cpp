// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/time/time_span.h"

#include "core/time/utc_civil_time.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QTimeZone>

#include <algorithm>

namespace chronomap {

namespace {

constexpr qint64 kEpochJulianDay = 2'440'588; // 1970-01-01
constexpr qint64 kDayMs = 86'400'000;

/// Two to four ASCII digits as a number, or -1.
int asciiNumber(QStringView digits)
{
    int n = 0;
    for (const QChar c : digits) {
        if (c < u'0' || c > u'9') return -1;
        n = n * 10 + (c.unicode() - u'0');
    }
    return n;
}

/// Days from 1970-01-01 to a proleptic Gregorian date with a year 0 (Howard Hinnant's
/// days_from_civil, the inverse of utcCivilTimeOf()'s arithmetic).
qint64 daysFromCivil(qint64 year, int month, int day)
{
    year -= month <= 2 ? 1 : 0;
    const qint64 era = (year >= 0 ? year : year - 399) / 400;
    const qint64 yearOfEra = year - era * 400;
    const qint64 dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
    const qint64 dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    return era * 146'097 + dayOfEra - 719'468;
}

int daysInMonth(qint64 year, int month)
{
    if (month != 2) return month == 4 || month == 6 || month == 9 || month == 11 ? 30 : 31;
    return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28;
}

} // namespace

qint64 utcMidnightMs(QDate date)
{
    // The same as startOfDay(QTimeZone::utc()), without a QDateTime.
    return (date.toJulianDay() - kEpochJulianDay) * kDayMs;
}

QDate utcDateOf(qint64 ms)
{
    // Whole days since the epoch, rounded down before 1970 too.
    const qint64 days = ms >= 0 ? ms / kDayMs : -((-ms + kDayMs - 1) / kDayMs);
    return QDate::fromJulianDay(days + kEpochJulianDay);
}

UtcCivilTime utcCivilTimeOf(qint64 ms)
{
    // Whole days since the epoch, rounded down before 1970 too; then the civil date of that day.
    const qint64 days = ms >= 0 ? ms / kDayMs : -((-ms + kDayMs - 1) / kDayMs);
    const qint64 z = days + 719'468;
    const qint64 era = (z >= 0 ? z : z - 146'096) / 146'097;
    const qint64 dayOfEra = z - era * 146'097;
    const qint64 yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36'524 - dayOfEra / 146'096) / 365;
    const qint64 dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    const qint64 mp = (5 * dayOfYear + 2) / 153;
    const int day = int(dayOfYear - (153 * mp + 2) / 5 + 1);
    const int month = int(mp < 10 ? mp + 3 : mp - 9);
    return {yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day, ms - days * kDayMs};
}

QString toString(DatePrecision precision)
{
    switch (precision) {
    case DatePrecision::Year:
        return QStringLiteral("year");
    case DatePrecision::Month:
        return QStringLiteral("month");
    case DatePrecision::Day:
        return QStringLiteral("day");
    case DatePrecision::Time:
        return QStringLiteral("time");
    }
    return {};
}

std::optional<DatePrecision> datePrecisionFromString(QStringView text)
{
    const QStringView trimmed = text.trimmed();
    if (std::all_of(trimmed.begin(), trimmed.end(), [](QChar c) { return c.unicode() < 0x80; })) {
        // ASCII (every valid value): compared in place, without a lower-case copy.
        // The length first: Qt's case-insensitive compare is out of line and walks the text.
        const auto is = [trimmed](QLatin1StringView word) {
            return trimmed.size() == word.size() && trimmed.compare(word, Qt::CaseInsensitive) == 0;
        };
        if (is(QLatin1StringView("year"))) return DatePrecision::Year;
        if (is(QLatin1StringView("month"))) return DatePrecision::Month;
        if (is(QLatin1StringView("day"))) return DatePrecision::Day;
        if (is(QLatin1StringView("time")) || is(QLatin1StringView("datetime")) || is(QLatin1StringView("minute")) ||
            is(QLatin1StringView("second")))
            return DatePrecision::Time;
        return std::nullopt;
    }
    const QString lower = trimmed.toString().toLower();
    if (lower == u"year") return DatePrecision::Year;
    if (lower == u"month") return DatePrecision::Month;
    if (lower == u"day") return DatePrecision::Day;
    if (lower == u"time" || lower == u"datetime" || lower == u"minute" || lower == u"second")
        return DatePrecision::Time;
    return std::nullopt;
}

qint64 FuzzyDate::calendarPeriodEndMs() const
{
    // By arithmetic, as QDate::addYears()/addMonths() would give (the day clamped to the month's
    // last), from year 1 on: QDate has no year 0 before it. Drawing asks this of every event.
    const bool year = precision == DatePrecision::Year;
    if (year || precision == DatePrecision::Month) {
        const UtcCivilTime date = utcCivilTimeOf(startMs);
        if (date.year >= 1 && date.year < 1'000'000) {
            qint64 nextYear = date.year + (year ? 1 : 0);
            int nextMonth = date.month;
            if (!year && ++nextMonth > 12) {
                nextMonth = 1;
                ++nextYear;
            }
            const int day = std::min(date.day, daysInMonth(nextYear, nextMonth));
            return daysFromCivil(nextYear, nextMonth, day) * kDayMs;
        }
    }
    switch (precision) {
    case DatePrecision::Year:
        return utcMidnightMs(utcDateOf(startMs).addYears(1));
    case DatePrecision::Month:
        return utcMidnightMs(utcDateOf(startMs).addMonths(1));
    case DatePrecision::Day:
    case DatePrecision::Time:
        break; // inline in endExclusiveMs()
    }
    return endExclusiveMs();
}

QString FuzzyDate::toIso() const
{
    const QDateTime utc = QDateTime::fromMSecsSinceEpoch(startMs, Qt::UTC);
    switch (precision) {
    case DatePrecision::Year:
        return utc.toString(u"yyyy");
    case DatePrecision::Month:
        return utc.toString(u"yyyy-MM");
    case DatePrecision::Day:
        return utc.toString(u"yyyy-MM-dd");
    case DatePrecision::Time:
        return utc.toString(Qt::ISODate);
    }
    return {};
}

std::optional<FuzzyDate> FuzzyDate::parse(QStringView text)
{
    text = text.trimmed();
    // The shapes are told apart by length and separators; the calendar arithmetic and the
    // validation of each part are Qt's.
    auto allDigits = [](QStringView s) {
        return !s.isEmpty() && std::all_of(s.begin(), s.end(), [](QChar c) { return c.isDigit(); });
    };
    if (text.size() == 4 && allDigits(text)) {
        const QDate d(text.toInt(), 1, 1);
        if (d.isValid()) return FuzzyDate{utcMidnightMs(d), DatePrecision::Year};
        return std::nullopt;
    }
    if (text.size() == 7 && text[4] == u'-' && allDigits(text.first(4)) && allDigits(text.sliced(5))) {
        const QDate d(text.first(4).toInt(), text.sliced(5).toInt(), 1);
        if (d.isValid()) return FuzzyDate{utcMidnightMs(d), DatePrecision::Month};
        return std::nullopt;
    }
    if (text.size() == 10) {
        // Plain YYYY-MM-DD, most dates of most files: read without building a string.
        if (text[4] == u'-' && text[7] == u'-') {
            const int y = asciiNumber(text.first(4)), m = asciiNumber(text.sliced(5, 2)),
                      day = asciiNumber(text.sliced(8, 2));
            if (y >= 0 && m >= 0 && day >= 0) {
                const QDate d(y, m, day);
                if (d.isValid()) return FuzzyDate{utcMidnightMs(d), DatePrecision::Day};
                return std::nullopt;
            }
        }
        const QDate d = QDate::fromString(text.toString(), Qt::ISODate);
        if (d.isValid()) return FuzzyDate{utcMidnightMs(d), DatePrecision::Day};
        return std::nullopt;
    }
    if (text.size() > 10 && (text[10] == u'T' || text[10] == u't' || text[10] == u' ')) {
        QString iso = text.toString();
        iso[10] = u'T';
        QDateTime dt = QDateTime::fromString(iso, Qt::ISODateWithMs);
        if (!dt.isValid()) return std::nullopt;
        if (dt.timeSpec() == Qt::LocalTime) // no offset written: the data means UTC, not our zone
            dt.setTimeZone(QTimeZone::utc());
        return FuzzyDate{dt.toMSecsSinceEpoch(), DatePrecision::Time};
    }
    return std::nullopt;
}

std::optional<TimeSpan> TimeSpan::parse(QStringView start, QStringView end, QString *error)
{
    auto fail = [error](QString reason) -> std::optional<TimeSpan> {
        if (error) *error = std::move(reason);
        return std::nullopt;
    };
    if (start.trimmed().isEmpty()) return fail(QCoreApplication::translate("TimeSpan", "no start date"));
    const auto startDate = FuzzyDate::parse(start);
    if (!startDate) return fail(QCoreApplication::translate("TimeSpan", "'%1' is not an ISO 8601 date").arg(start));
    if (end.trimmed().isEmpty()) return TimeSpan(*startDate);
    const auto endDate = FuzzyDate::parse(end);
    if (!endDate) return fail(QCoreApplication::translate("TimeSpan", "'%1' is not an ISO 8601 date").arg(end));
    if (endDate->endExclusiveMs() <= startDate->startMs)
        return fail(QCoreApplication::translate("TimeSpan", "end %1 is before start %2").arg(end, start));
    return TimeSpan(*startDate, *endDate);
}

} // namespace chronomap
