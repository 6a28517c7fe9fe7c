// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/time/time_span.h"

#include <QDateTime>
#include <QTimeZone>

#include "../qt_string_maker.h"

#include <catch2/catch.hpp>

using namespace chronomap;

namespace {
qint64 utc(int y, int m, int d, int h = 0, int min = 0)
{
    return QDateTime(QDate(y, m, d), QTime(h, min), QTimeZone::utc()).toMSecsSinceEpoch();
}
} // namespace

TEST_CASE("Reduced-precision ISO 8601 dates name whole periods", "[time]")
{
    const auto year = FuzzyDate::parse(u"2025");
    REQUIRE(year);
    CHECK(year->precision == DatePrecision::Year);
    CHECK(year->startMs == utc(2025, 1, 1));
    CHECK(year->endExclusiveMs() == utc(2026, 1, 1));

    const auto month = FuzzyDate::parse(u"2025-08");
    REQUIRE(month);
    CHECK(month->precision == DatePrecision::Month);
    CHECK(month->startMs == utc(2025, 8, 1));
    CHECK(month->endExclusiveMs() == utc(2025, 9, 1));

    const auto day = FuzzyDate::parse(u"2025-08-12");
    REQUIRE(day);
    CHECK(day->precision == DatePrecision::Day);
    CHECK(day->endExclusiveMs() == utc(2025, 8, 13));

    const auto time = FuzzyDate::parse(u"2025-08-12T09:30+09:00");
    REQUIRE(time);
    CHECK(time->precision == DatePrecision::Time);
    CHECK(time->startMs == utc(2025, 8, 12, 0, 30));
    CHECK(FuzzyDate::parse(u"2025-08-12T09:30Z")->startMs == utc(2025, 8, 12, 9, 30));
    CHECK(FuzzyDate::parse(u"2025-08-12T09:30:15")->startMs == utc(2025, 8, 12, 9, 30) + 15000);

    for (const char16_t *bad :
         {u"", u"25", u"2025-13", u"2025-02-30", u"12/08/2025", u"2025-08-12T25:00", u"yesterday"})
        CHECK_FALSE(FuzzyDate::parse(bad));
}

TEST_CASE("Dates print back at their own precision", "[time]")
{
    for (const char16_t *text : {u"2024", u"2025-08", u"2025-08-12", u"2025-08-12T09:30:00Z"})
        CHECK(FuzzyDate::parse(text)->toIso() == QString::fromUtf16(text));
    // Times are kept in UTC and printed with the Z designator, whatever offset they came with.
    CHECK(FuzzyDate::parse(u"2025-08-12T09:30:00+09:00")->toIso() == u"2025-08-12T00:30:00Z");
}

TEST_CASE("A month-precise instant is possibly in a window that touches the month, certainly only when "
          "the window holds the whole month",
          "[time]")
{
    const TimeSpan august = *TimeSpan::parse(u"2025-08");
    const TimeWindow mid{utc(2025, 8, 10), utc(2025, 8, 20)};
    const TimeWindow whole{utc(2025, 8, 1), utc(2025, 9, 1)};
    const TimeWindow july{utc(2025, 7, 1), utc(2025, 8, 1)};
    CHECK(august.possiblyOverlaps(mid));
    CHECK_FALSE(august.certainlyOverlaps(mid));
    CHECK(august.certainlyOverlaps(whole));
    CHECK_FALSE(august.possiblyOverlaps(july));

    const TimeSpan call = *TimeSpan::parse(u"2025-08-12");
    CHECK(call.certainlyOverlaps(mid));
    CHECK(call.matches(mid, WindowMatch::Certainly));
}

TEST_CASE("Spans: an end before the start is refused with a reason", "[time]")
{
    QString error;
    CHECK_FALSE(TimeSpan::parse(u"2025-08-12", u"2025-08-01", &error));
    CHECK(error.contains(u"before"));
    const auto span = TimeSpan::parse(u"2024", u"2025-08", &error);
    REQUIRE(span);
    CHECK(span->earliestMs() == utc(2024, 1, 1));
    CHECK(span->latestEndMs() == utc(2025, 9, 1));
    // A span from 2024 to August 2025 certainly overlaps any window inside it.
    CHECK(span->certainlyOverlaps({utc(2025, 3, 1), utc(2025, 3, 2)}));
}

TEST_CASE("Date-times parse to the instant Qt's ISO 8601 parser gives, in every shape", "[time]")
{
    // FuzzyDate reads date-times through Qt's ISO 8601 parser (a space or a lower-case t for the
    // T, no zone meaning UTC): the instant must be Qt's, and so must the refusals.
    const char *text =
        GENERATE("2024-03-12T09:30Z", "2024-03-12T09:30:15Z", "2024-03-12 09:30:15+09:00", "2024-03-12t23:59:59-03:30",
                 "2024-03-12T00:00", "2024-03-12T09:30:15", "1969-12-31T23:59:59Z", "0999-01-01T00:00Z",
                 "2024-02-29T12:00+14:00", "2023-02-29T12:00Z", "2024-03-12T24:00Z", "2024-03-12T09:60Z",
                 "2024-03-12T09:30:60Z", "2024-03-12T09:30:15.250Z", "2024-03-12T09:30+0900", "2024-03-12T09:30+23:00",
                 "2024-03-12T9:30Z", "2024-03-12T09:30Zulu", "2024-13-01T09:30Z");
    INFO(text);
    QString iso = QString::fromLatin1(text);
    iso[10] = u'T';
    QDateTime expected = QDateTime::fromString(iso, Qt::ISODateWithMs);
    if (expected.isValid() && expected.timeSpec() == Qt::LocalTime) expected.setTimeZone(QTimeZone::utc());
    const auto parsed = FuzzyDate::parse(QString::fromLatin1(text));
    REQUIRE(parsed.has_value() == expected.isValid());
    if (parsed) {
        CHECK(parsed->precision == DatePrecision::Time);
        CHECK(parsed->startMs == expected.toMSecsSinceEpoch());
    }
}

TEST_CASE("Periods before 1970 end where the calendar says", "[time]")
{
    const auto month = FuzzyDate::parse(u"1969-12");
    REQUIRE(month);
    CHECK(month->endExclusiveMs() == QDate(1970, 1, 1).startOfDay(QTimeZone::utc()).toMSecsSinceEpoch());
    const auto year = FuzzyDate::parse(u"1900");
    REQUIRE(year);
    CHECK(year->endExclusiveMs() == QDate(1901, 1, 1).startOfDay(QTimeZone::utc()).toMSecsSinceEpoch());
}

TEST_CASE("A fuzzy date's period ends where the calendar's next period begins", "[time]")
{
    // Leap years, year ends, before 1970 and before 1901 (a non-leap century year).
    const std::pair<const char *, const char *> periods[] = {
        {"2025", "2026-01-01"},       {"2024-02", "2024-03-01"}, {"2025-12", "2026-01-01"},
        {"1999-12", "2000-01-01"},    {"1900-02", "1900-03-01"}, {"2025-08-12", "2025-08-13"},
        {"1969-07-20", "1969-07-21"}, {"1969-12", "1970-01-01"}, {"2024-12-31", "2025-01-01"},
    };
    for (const auto &[date, next] : periods) {
        INFO(date);
        const auto d = FuzzyDate::parse(QString::fromLatin1(date));
        const auto n = FuzzyDate::parse(QString::fromLatin1(next));
        REQUIRE(d);
        REQUIRE(n);
        CHECK(d->endExclusiveMs() == n->startMs);
    }
    const auto instant = FuzzyDate::parse(u"2025-08-12T09:30Z");
    REQUIRE(instant);
    CHECK(instant->endExclusiveMs() == instant->startMs + 1);
}

TEST_CASE("Year and month periods end where Qt's calendar says, on every day of four centuries", "[time]")
{
    // The arithmetic against QDate::addYears()/addMonths() as the oracle: every day from 1799 to
    // 2201 (leap days, century years, month ends), at midnight and during the day, and the
    // edges where the arithmetic hands over to QDate (year 1, and before it).
    constexpr qint64 kDayMs = 86'400'000;
    const auto expected = [](qint64 ms, DatePrecision precision) {
        const QDate date = utcDateOf(ms);
        return utcMidnightMs(precision == DatePrecision::Year ? date.addYears(1) : date.addMonths(1));
    };
    std::vector<qint64> days;
    for (qint64 day = utcMidnightMs(QDate(1799, 1, 1)) / kDayMs; day <= utcMidnightMs(QDate(2201, 1, 1)) / kDayMs;
         ++day)
        days.push_back(day);
    for (const QDate edge : {QDate(1, 1, 1), QDate(1, 12, 31), QDate(-1, 12, 31), QDate(-1, 2, 29), QDate(4, 2, 29)})
        days.push_back(utcMidnightMs(edge) / kDayMs);
    qint64 mismatches = 0;
    for (const qint64 day : days)
        for (const qint64 ms : {day * kDayMs, day * kDayMs + 45'296'789})
            for (const DatePrecision precision : {DatePrecision::Year, DatePrecision::Month}) {
                const qint64 got = FuzzyDate{ms, precision}.endExclusiveMs(), want = expected(ms, precision);
                if (got != want && ++mismatches <= 5) {
                    INFO(utcDateOf(ms).toString(Qt::ISODate).toStdString() << " " << int(precision));
                    CHECK(got == want);
                }
            }
    CHECK(mismatches == 0);
    CHECK(days.size() > 146'000);
}
