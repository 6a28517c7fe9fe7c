// SPDX-License-Identifier: GPL-3.0-or-later
// What the window's live mode asks besides the view (issue 21): one event whole by id (the
// event panel), a page of a view's events by date with their count (the "All events" table)
// and the table's categories (the filter bar), against the real server of
// tests/db/with-postgis.sh ([.db], label `db`) and the same file loaded in memory.
#include "test_database.h"

#include "../qt_string_maker.h"

#include "core/db/live_table.h"
#include "core/io/event_loader.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <limits>
#include <set>

using namespace chronomap;
using chronomap::test::str;

TEST_CASE("db: an event by id and a page of events and the categories equal the file's", "[.db]")
{
    const QString table = test::dropTable(QStringLiteral("live_lookups"));
    const test::Run imported = test::importFile(test::bundledEvents(), table);
    INFO(str(imported.err));
    REQUIRE(imported.exitCode == 0);
    const LoadResult loaded = EventLoader::load(test::bundledEvents());
    REQUIRE_FALSE(loaded.hasFatal());
    const EventStore &file = *loaded.store;
    QString error;
    auto live = LiveTable::open(test::tableSource(table), &error);
    INFO(str(error));
    REQUIRE(live);

    // Every event of the bundled dataset, whole: titles in both languages, sources, claims,
    // related records, actors, places, regions, confidence, provenance and geometry.
    int withClaims = 0;
    for (EventStore::Index i = 0; i < file.size(); ++i) {
        const Event want = file.event(i);
        INFO(str(want.id));
        const LiveResult<LiveEvents> got = live->eventById(want.id);
        REQUIRE(got.ok());
        REQUIRE(got.value.store);
        REQUIRE(got.value.store->size() == 1);
        Event e = got.value.store->event(0);
        REQUIRE(e.geometry.size() == want.geometry.size());
        for (qsizetype k = 0; k < e.geometry.size(); ++k) {
            CHECK(e.geometry[k].latitude() == Approx(want.geometry[k].latitude()).margin(1e-9));
            CHECK(e.geometry[k].longitude() == Approx(want.geometry[k].longitude()).margin(1e-9));
        }
        e.geometry = want.geometry;
        CHECK(e == want);
        withClaims += !want.claims.isEmpty();
    }
    CHECK(withClaims > 10); // the claims were there to compare
    const LiveResult<LiveEvents> missing = live->eventById(QStringLiteral("no such id"));
    REQUIRE(missing.ok());
    CHECK(missing.value.store->isEmpty());

    // A page: the first 25 by date, and the count of all.
    const LiveResult<LiveEvents> page = live->eventPage(LiveFilter{}, 25);
    REQUIRE(page.ok());
    REQUIRE(page.value.store);
    CHECK(page.value.store->size() == 25);
    CHECK(page.value.total == file.size());
    std::set<QString> pageIds;
    qint64 latestOfPage = std::numeric_limits<qint64>::min();
    for (EventStore::Index i = 0; i < page.value.store->size(); ++i) {
        pageIds.insert(page.value.store->id(i));
        latestOfPage = std::max(latestOfPage, page.value.store->when(i).earliestMs());
        CHECK(file.findId(page.value.store->id(i)) >= 0);
    }
    CHECK(pageIds.size() == 25);
    for (EventStore::Index i = 0; i < file.size(); ++i)
        if (!pageIds.count(file.id(i))) CHECK(file.when(i).earliestMs() >= latestOfPage);

    // The categories: those of the file, sorted.
    const LiveResult<QStringList> categories = live->categories();
    REQUIRE(categories.ok());
    QStringList fileCategories;
    for (EventStore::Index i = 0; i < file.size(); ++i)
        if (!fileCategories.contains(file.category(i))) fileCategories << file.category(i);
    std::sort(fileCategories.begin(), fileCategories.end(),
              [](const QString &a, const QString &b) { return a.toUtf8() < b.toUtf8(); });
    QStringList sorted = categories.value;
    std::sort(sorted.begin(), sorted.end(), [](const QString &a, const QString &b) { return a.toUtf8() < b.toUtf8(); });
    CHECK(sorted == fileCategories);
}
