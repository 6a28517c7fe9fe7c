// SPDX-License-Identifier: GPL-3.0-or-later
#include "render/map/map_style.h"
#include "render/timeline/time_axis.h"
#include "render/timeline/time_step.h"

#include "../qt_string_maker.h"

#include <QDateTime>
#include <QFontMetricsF>
#include <QTimeZone>

#include <catch2/catch.hpp>

using namespace chronomap;

namespace {

qint64 utc(int y, int m, int d, int h = 0, int min = 0)
{
    return QDateTime(QDate(y, m, d), QTime(h, min), QTimeZone::utc()).toMSecsSinceEpoch();
}

QFontMetricsF metrics()
{
    loadBundledFonts();
    return QFontMetricsF(QFont(QStringLiteral("DejaVu Sans"), 8));
}

QStringList majorLabels(const TimeTicks &t)
{
    QStringList out;
    for (const TimeTick &tick : t.ticks)
        if (tick.major) out.append(tick.label);
    return out;
}

QStringList contextLabels(const TimeTicks &t)
{
    QStringList out;
    for (const TimeContext &c : t.context)
        out.append(c.label);
    return out;
}

} // namespace

TEST_CASE("Calendar steps floor and add in UTC", "[timeline]")
{
    const qint64 t = utc(2025, 8, 12, 9, 30);
    CHECK(TimeStep{TimeUnit::Year, 10}.floor(t) == utc(2020, 1, 1));
    CHECK(TimeStep{TimeUnit::Year, 1}.floor(t) == utc(2025, 1, 1));
    CHECK(TimeStep{TimeUnit::Month, 3}.floor(t) == utc(2025, 7, 1));
    CHECK(TimeStep{TimeUnit::Month, 1}.floor(t) == utc(2025, 8, 1));
    CHECK(TimeStep{TimeUnit::Week, 1}.floor(t) == utc(2025, 8, 11)); // a Monday
    CHECK(TimeStep{TimeUnit::Day, 1}.floor(t) == utc(2025, 8, 12));
    CHECK(TimeStep{TimeUnit::Hour, 6}.floor(t) == utc(2025, 8, 12, 6));
    CHECK(TimeStep{TimeUnit::Minute, 15}.floor(t) == utc(2025, 8, 12, 9, 30));
    CHECK(TimeStep{TimeUnit::Year, 10}.floor(utc(1969, 6, 1)) == utc(1960, 1, 1));
    CHECK(TimeStep{TimeUnit::Week, 1}.floor(utc(1970, 1, 1)) == utc(1969, 12, 29));

    CHECK(TimeStep{TimeUnit::Month, 1}.add(utc(2024, 1, 31)) == utc(2024, 2, 29));
    CHECK(TimeStep{TimeUnit::Month, 1}.add(utc(2025, 12, 1)) == utc(2026, 1, 1));
    CHECK(TimeStep{TimeUnit::Month, 3}.add(utc(2025, 11, 15, 12)) == utc(2026, 2, 15, 12));
    CHECK(TimeStep{TimeUnit::Year, 1}.add(utc(2024, 2, 29)) == utc(2025, 2, 28));
    CHECK(TimeStep{TimeUnit::Week, 1}.add(utc(2025, 8, 11), 2) == utc(2025, 8, 25));
    CHECK(TimeStep{TimeUnit::Month, 1}.add(utc(2025, 3, 1), -1) == utc(2025, 2, 1));
}

TEST_CASE("The axis maps time to pixels both ways, zooms about a pixel and pans", "[timeline]")
{
    TimeAxis axis({utc(2025, 1, 1), utc(2026, 1, 1)}, 1000);
    CHECK(axis.xOf(utc(2025, 1, 1)) == Approx(0));
    CHECK(axis.xOf(utc(2026, 1, 1)) == Approx(1000));
    const qint64 mid = utc(2025, 7, 2, 12);
    CHECK(axis.xOf(mid) == Approx(500).margin(0.01));
    CHECK(std::abs(axis.timeAt(axis.xOf(mid)) - mid) <= 1);

    // The time under the anchor stays under it.
    const qint64 anchored = axis.timeAt(250);
    axis.zoomAbout(250, 4);
    CHECK(axis.xOf(anchored) == Approx(250).margin(0.01));
    CHECK(axis.toMs() - axis.fromMs() == Approx((utc(2026, 1, 1) - utc(2025, 1, 1)) / 4.0).margin(1));
    axis.zoomAbout(250, 0.25);
    CHECK(axis.xOf(anchored) == Approx(250).margin(0.01));

    // Dragging right by 100 px shows earlier time: what was at x 0 is now at x 100.
    const qint64 atZero = axis.timeAt(0);
    axis.panByPx(100);
    CHECK(axis.xOf(atZero) == Approx(100).margin(0.01));

    axis.fit({utc(2025, 3, 1), utc(2025, 4, 1)}, 0);
    CHECK(axis.fromMs() == utc(2025, 3, 1));
    CHECK(axis.toMs() == utc(2025, 4, 1));

    // Zooming stops at half an hour and at a millennium.
    axis.zoomAbout(500, 1e9);
    CHECK(axis.toMs() - axis.fromMs() == TimeAxis::kMinSpanMs);
    axis.zoomAbout(500, 1e-12);
    CHECK(axis.toMs() - axis.fromMs() == TimeAxis::kMaxSpanMs);

    // Resizing keeps the range.
    axis.fit({utc(2025, 1, 1), utc(2026, 1, 1)}, 0);
    axis.setWidthPx(2000);
    CHECK(axis.xOf(utc(2026, 1, 1)) == Approx(2000));
}

TEST_CASE("Ticks adapt from decades down to hours", "[timeline]")
{
    const QFontMetricsF fm = metrics();
    struct Case {
        TimeWindow range;
        TimeStep major;
    };
    // At 1200 px: the finest step whose labels still fit.
    const Case cases[] = {
        {{utc(1900, 1, 1), utc(2100, 1, 1)}, {TimeUnit::Year, 10}},
        {{utc(1950, 1, 1), utc(2030, 1, 1)}, {TimeUnit::Year, 5}},
        {{utc(2000, 1, 1), utc(2026, 1, 1)}, {TimeUnit::Year, 1}},
        {{utc(2022, 1, 1), utc(2026, 1, 1)}, {TimeUnit::Month, 3}},
        {{utc(2025, 1, 1), utc(2026, 1, 1)}, {TimeUnit::Month, 1}},
        {{utc(2025, 7, 1), utc(2025, 10, 1)}, {TimeUnit::Week, 1}},
        {{utc(2025, 8, 1), utc(2025, 8, 15)}, {TimeUnit::Day, 1}},
        {{utc(2025, 8, 12), utc(2025, 8, 15)}, {TimeUnit::Hour, 6}},
        {{utc(2025, 8, 12), utc(2025, 8, 12, 12)}, {TimeUnit::Hour, 1}},
    };
    for (const Case &c : cases) {
        const TimeAxis axis(c.range, 1200);
        const TimeTicks t = axis.ticks({}, fm);
        INFO("range "
             << QDateTime::fromMSecsSinceEpoch(c.range.fromMs, QTimeZone::utc()).toString(Qt::ISODate).toStdString()
             << " – "
             << QDateTime::fromMSecsSinceEpoch(c.range.toMs, QTimeZone::utc()).toString(Qt::ISODate).toStdString());
        CHECK(int(t.major.unit) == int(c.major.unit));
        CHECK(t.major.count == c.major.count);
        // Major ticks sit on step boundaries, in order, and their labels do not overlap.
        double lastEnd = -1e9;
        for (const TimeTick &tick : t.ticks) {
            CHECK(tick.xPx == Approx(axis.xOf(tick.ms)));
            if (!tick.major) continue;
            CHECK(t.major.floor(tick.ms) == tick.ms);
            CHECK(tick.xPx + 3 >= lastEnd);
            lastEnd = tick.xPx + 3 + fm.horizontalAdvance(tick.label);
        }
        if (t.minor) CHECK(t.minor->approxMs() < t.major.approxMs());
    }

    // A continuous zoom walks down the levels, never back up.
    qint64 span = 300LL * 365 * 86'400'000;
    qint64 last = std::numeric_limits<qint64>::max();
    const qint64 centre = utc(2025, 8, 12);
    while (span > TimeAxis::kMinSpanMs) {
        const TimeTicks t = TimeAxis({centre - span / 2, centre + span / 2}, 1200).ticks({}, fm);
        CHECK(t.major.approxMs() <= last);
        last = t.major.approxMs();
        span = span * 4 / 5;
    }
    CHECK(last <= 5 * 60'000);
}

TEST_CASE("Tick labels use the UI language's month and weekday names", "[timeline]")
{
    const QFontMetricsF fm = metrics();

    // Months over a year: "Aug" / "ago", under the year.
    const TimeAxis year({utc(2025, 1, 1), utc(2026, 1, 1)}, 1200);
    CHECK(majorLabels(year.ticks({}, fm)).contains(QStringLiteral("Aug")));
    CHECK(majorLabels(year.ticks(QStringLiteral("en"), fm)).contains(QStringLiteral("Aug")));
    CHECK(majorLabels(year.ticks(QStringLiteral("es"), fm)).contains(QStringLiteral("ago")));
    CHECK(majorLabels(year.ticks(QStringLiteral("es"), fm)).contains(QStringLiteral("ene")));
    CHECK(contextLabels(year.ticks(QStringLiteral("es"), fm)) == QStringList{QStringLiteral("2025")});

    // Weeks: day and month in the locale's order.
    const TimeAxis quarter({utc(2025, 7, 1), utc(2025, 10, 1)}, 1200);
    CHECK(majorLabels(quarter.ticks({}, fm)).contains(QStringLiteral("Aug 11")));
    CHECK(majorLabels(quarter.ticks(QStringLiteral("es"), fm)).contains(QStringLiteral("11 ago")));

    // Days with weekdays, under the month's full name.
    const TimeAxis days({utc(2025, 8, 1), utc(2025, 8, 15)}, 1200);
    CHECK(majorLabels(days.ticks({}, fm)).contains(QStringLiteral("Tue 12")));
    CHECK(majorLabels(days.ticks(QStringLiteral("es"), fm)).contains(QStringLiteral("mar 12")));
    CHECK(contextLabels(days.ticks({}, fm)) == QStringList{QStringLiteral("August 2025")});
    CHECK(contextLabels(days.ticks(QStringLiteral("es"), fm)) == QStringList{QStringLiteral("agosto 2025")});

    // Hours, under the whole date with its weekday.
    const TimeAxis hours({utc(2025, 8, 12), utc(2025, 8, 12, 12)}, 1200);
    CHECK(majorLabels(hours.ticks({}, fm)).contains(QStringLiteral("9:00 AM")));
    CHECK(majorLabels(hours.ticks(QStringLiteral("es"), fm)).contains(QStringLiteral("9:00")));
    CHECK(contextLabels(hours.ticks({}, fm)) == QStringList{QStringLiteral("Tuesday, August 12, 2025")});
    CHECK(contextLabels(hours.ticks(QStringLiteral("es"), fm)) ==
          QStringList{QStringLiteral("martes, 12 de agosto de 2025")});

    // Decades are plain years.
    const TimeAxis century({utc(1900, 1, 1), utc(2100, 1, 1)}, 1200);
    const QStringList decades = majorLabels(century.ticks(QStringLiteral("es"), fm));
    CHECK(decades.contains(QStringLiteral("1950")));
    CHECK_FALSE(decades.contains(QStringLiteral("1955")));

    // An unknown language reads as English.
    CHECK(majorLabels(year.ticks(QStringLiteral("xx"), fm)).contains(QStringLiteral("Aug")));
}

TEST_CASE("Brushed edges snap to days, months or years as the scale allows", "[timeline]")
{
    const TimeAxis year({utc(2025, 1, 1), utc(2026, 1, 1)}, 1200);
    CHECK(int(year.snapStep().unit) == int(TimeUnit::Month));
    CHECK(TimeAxis::snap(utc(2025, 4, 3), year.snapStep()) == utc(2025, 4, 1));
    CHECK(TimeAxis::snap(utc(2025, 4, 28), year.snapStep()) == utc(2025, 5, 1));
    const TimeAxis month({utc(2025, 8, 1), utc(2025, 9, 1)}, 1200);
    CHECK(int(month.snapStep().unit) == int(TimeUnit::Day));
    const TimeAxis decades({utc(1900, 1, 1), utc(2100, 1, 1)}, 1200);
    CHECK(int(decades.snapStep().unit) == int(TimeUnit::Year));
}
