// SPDX-License-Identifier: GPL-3.0-or-later
// What the window's live mode asks besides the view (issue 21): one event whole by id (the
// event panel), a page of a view's events by date with their count (the "All events" table)
// and the table's categories and provenances (the filter bar), which the confidence and
// provenance filters hide through SQL, against the real server of
// tests/db/with-postgis.sh ([.db], label `db`) and the same file loaded in memory.
#include "test_database.h"

#include "../qt_string_maker.h"

#include "core/db/live_table.h"
#include "core/db/square_bin_grid.h"
#include "core/io/event_loader.h"
#include "core/io/reader_process.h"
#include "core/store/event_filter.h"

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

TEST_CASE("db: hidden confidences and provenances go to SQL and let through what the in-memory filter does", "[.db]")
{
    const QString table = test::dropTable(QStringLiteral("live_confidence"));
    const test::Run imported = test::importFile(test::bundledEvents(), table);
    INFO(str(imported.err));
    REQUIRE(imported.exitCode == 0);
    // Rows another analyst typed by hand: capitalised, padded, a word the loader does not know.
    test::psql(QStringLiteral("INSERT INTO %1 (id, start, title, category, confidence, provenance, geom) VALUES "
                              "('typed-1', '2025-08-20', 'Typed 1', 'deployment', ' Disputed ', '  osint ', "
                              "ST_SetSRID(ST_MakePoint(36.2, 51.7), 4326)), "
                              "('typed-2', '2025-08-21', 'Typed 2', 'deployment', 'CLAIMED', NULL, "
                              "ST_SetSRID(ST_MakePoint(36.3, 51.6), 4326)), "
                              "('typed-3', '2025-08-22', 'Typed 3', 'deployment', 'rumoured', 'osint', "
                              "ST_SetSRID(ST_MakePoint(36.4, 51.5), 4326))")
                   .arg(table));
    // The same table loaded whole, as the window loads a small one: the loader's reading.
    const LoadResult loaded = ReaderProcess::load(test::tableSource(table));
    for (const Issue &issue : loaded.issues)
        UNSCOPED_INFO(str(issue.message));
    REQUIRE_FALSE(loaded.hasFatal());
    const EventStore &memory = *loaded.store;
    REQUIRE(memory.findId(QStringLiteral("typed-3")) >= 0);
    QString error;
    auto live = LiveTable::open(test::tableSource(table), &error);
    INFO(str(error));
    REQUIRE(live);

    // The table's provenances are the loader's ("" for none), the padded one trimmed.
    const LiveResult<QStringList> provenances = live->provenances();
    REQUIRE(provenances.ok());
    CHECK(QSet<QString>(provenances.value.begin(), provenances.value.end()) ==
          QSet<QString>(memory.provenances().begin(), memory.provenances().end()));
    CHECK(provenances.value.contains(QStringLiteral("osint")));
    CHECK(provenances.value.contains(QString()));

    const QSet<Confidence> allConfidences{Confidence::Unknown, Confidence::Confirmed, Confidence::Reported,
                                          Confidence::Claimed, Confidence::Disputed};
    const QSet<QString> allProvenances(memory.provenances().begin(), memory.provenances().end());
    struct Case {
        const char *label;
        QSet<Confidence> confidences;
        QSet<QString> provenances;
    };
    const Case cases[] = {
        {"disputed hidden", {Confidence::Disputed}, {}},
        {"unknown hidden", {Confidence::Unknown}, {}},
        {"confirmed and reported hidden", {Confidence::Confirmed, Confidence::Reported}, {}},
        {"osint hidden", {}, {QStringLiteral("osint")}},
        {"no provenance hidden", {}, {QString()}},
        {"claimed and no provenance hidden", {Confidence::Claimed}, {QString()}},
    };
    const SquareBinGrid world = SquareBinGrid::forView(QPointF(-2.0e7, 2.0e7), 40'000);
    const LiveResult<bool> unfiltered = live->binsFromPyramid(LiveFilter{}, world);
    REQUIRE(unfiltered.ok());
    REQUIRE(unfiltered.value); // the whole map's bins come from the pyramid, unless…
    for (const Case &c : cases) {
        SECTION(c.label)
        {
            LiveFilter hidden;
            hidden.hiddenConfidences = c.confidences;
            hidden.hiddenProvenances = c.provenances;
            EventFilter shown;
            shown.confidences = allConfidences - c.confidences;
            shown.provenances = allProvenances - c.provenances;
            std::set<QString> want;
            for (EventStore::Index i : shown.apply(memory))
                want.insert(memory.id(i));
            REQUIRE(want.size() < size_t(memory.size())); // each case hides some
            const LiveResult<LiveEvents> page = live->eventPage(hidden, memory.size());
            REQUIRE(page.ok());
            std::set<QString> got;
            for (EventStore::Index i = 0; i < page.value.store->size(); ++i)
                got.insert(page.value.store->id(i));
            CHECK(got == want);
            CHECK(page.value.total == qint64(want.size()));
            // The pyramid keeps categories only: such a filter is counted from the rows.
            const LiveResult<bool> fromPyramid = live->binsFromPyramid(hidden, world);
            REQUIRE(fromPyramid.ok());
            CHECK_FALSE(fromPyramid.value);
        }
    }
}
