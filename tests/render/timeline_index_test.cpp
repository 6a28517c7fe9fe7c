// SPDX-License-Identifier: GPL-3.0-or-later
#include "render/timeline/time_step.h"
#include "render/timeline/timeline_index.h"

#include <QDateTime>
#include <QTimeZone>

#include "../qt_string_maker.h"

#include <catch2/catch.hpp>

#include <random>

using namespace chronomap;

namespace {

qint64 utc(int y, int m, int d)
{
    return QDateTime(QDate(y, m, d), QTime(0, 0), QTimeZone::utc()).toMSecsSinceEpoch();
}

} // namespace

TEST_CASE("The timeline index counts what overlaps a window as a scan of the events would", "[timeline][render]")
{
    // Two years of instants and spans at every precision, in three categories.
    EventStoreBuilder builder;
    std::mt19937_64 random(11);
    const qint64 from = utc(2024, 1, 1), span = utc(2026, 1, 1) - from;
    const char *categories[] = {"combat", "summit", "treaty"};
    for (int k = 0; k < 3000; ++k) {
        Event e;
        e.id = QString::number(k);
        e.category = QString::fromLatin1(categories[random() % 3]);
        const qint64 t = from + qint64(random() % quint64(span));
        const CivilDate c = civilDateOf(t);
        const FuzzyDate start = [&] {
            switch (random() % 4) {
            case 0:
                return FuzzyDate{utcMsOf(c.year, 1, 1), DatePrecision::Year};
            case 1:
                return FuzzyDate{utcMsOf(c.year, c.month, 1), DatePrecision::Month};
            case 2:
                return FuzzyDate{utcMsOf(c.year, c.month, c.day), DatePrecision::Day};
            default:
                return FuzzyDate{t / 60'000 * 60'000, DatePrecision::Time};
            }
        }();
        if (random() % 5 == 0)
            e.when = TimeSpan(start, FuzzyDate{start.startMs + qint64(random() % 90) * 86'400'000, DatePrecision::Day});
        else
            e.when = TimeSpan(start);
        builder.add(e);
    }
    const auto store = builder.build();
    const TimelineIndex index(store);
    CHECK(index.binMs() == 3'600'000);
    CHECK(index.resolves(4 * 3'600'000.0));
    CHECK_FALSE(index.resolves(3'600'000.0));

    for (quint16 category = 0; category < 3; ++category) {
        for (int trial = 0; trial < 20; ++trial) {
            // Windows on bin edges, where the counts are exact.
            const qint64 a = from + qint64(random() % quint64(span)) / 3'600'000 * 3'600'000;
            const qint64 b = a + qint64(1 + random() % 2000) * 3'600'000;
            const TimeWindow window{a, b};
            EventStore::IndexList expected;
            for (EventStore::Index i = 0; i < store->size(); ++i)
                if (store->categoryIndex(i) == category && store->when(i).possiblyOverlaps(window))
                    expected.push_back(i);
            CHECK(index.countOverlapping(category, a, b) == qint64(expected.size()));
            CHECK(index.eventsOf(category, window) == expected);
        }
        // Each event counts once, spread over its extent: the columns over all time sum to the count.
        qsizetype total = 0;
        for (EventStore::Index i = 0; i < store->size(); ++i)
            total += store->categoryIndex(i) == category;
        const int columns = 1000;
        const TimeWindow extent = store->extent();
        const double msPerPx = double(extent.toMs - extent.fromMs + 30LL * 86'400'000) / columns;
        std::vector<float> mass(columns);
        index.massColumns(category, extent.fromMs - 15LL * 86'400'000, msPerPx, columns, mass.data());
        double sum = 0;
        for (float m : mass)
            sum += m;
        CHECK(sum == Approx(double(total)).epsilon(1e-4));
    }

    // A month-precise record spreads over its month: each of August's days gets 1/31 of it.
    EventStoreBuilder one;
    Event august;
    august.id = QStringLiteral("aug");
    august.when = *TimeSpan::parse(u"2025-08");
    one.add(august);
    const TimelineIndex monthly(one.build());
    std::vector<float> days(31);
    monthly.massColumns(0, utc(2025, 8, 1), 86'400'000.0, 31, days.data());
    for (float d : days)
        CHECK(d == Approx(1.0 / 31).epsilon(1e-4));
    CHECK(monthly.countOverlapping(0, utc(2025, 8, 31), utc(2025, 9, 1)) == 1);
    CHECK(monthly.countOverlapping(0, utc(2025, 9, 1), utc(2025, 9, 2)) == 0);
}
