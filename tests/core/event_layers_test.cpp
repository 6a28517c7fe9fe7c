// SPDX-License-Identifier: GPL-3.0-or-later
// Several files opened together: one store, ids kept unique, renames reported.
#include "core/io/event_loader.h"
#include "../test_paths.h"
#include "core/store/event_layers.h"

#include <catch2/catch.hpp>

#include "../qt_string_maker.h"

using namespace chronomap;

TEST_CASE("Layers merge into one store and a repeated id is renamed and reported", "[store]")
{
    const QString geojson = chronomap::test::testDataDir() + QLatin1String("/formats/events.geojson");
    const QString csv = chronomap::test::testDataDir() + QLatin1String("/formats/events_latlon.csv");
    const LoadResult a = EventLoader::load(geojson);
    const LoadResult b = EventLoader::load(csv);
    REQUIRE(a.store->size() > 0);
    REQUIRE(b.store->size() > 0);

    IssueList issues;
    const auto both = EventLayers::merge({{geojson, a.store}, {csv, b.store}}, &issues);
    CHECK(both->size() == a.store->size() + b.store->size());
    CHECK(issues.isEmpty());
    for (EventStore::Index i = 0; i < a.store->size(); ++i)
        CHECK(both->findId(a.store->id(i)) >= 0);

    SECTION("The same file twice keeps every event under a distinct id")
    {
        IssueList twiceIssues;
        const auto twice = EventLayers::merge({{geojson, a.store}, {geojson, a.store}}, &twiceIssues);
        REQUIRE(twice->size() == 2 * a.store->size());
        REQUIRE(twiceIssues.size() == a.store->size());
        const QString first = a.store->id(0);
        CHECK(twice->findId(first) >= 0);
        CHECK(twice->findId(QStringLiteral("events:") + first) >= 0);
        CHECK(twiceIssues.first().severity == Issue::Severity::Warning);
        CHECK(twiceIssues.first().file == geojson);
        CHECK(twiceIssues.first().field == QStringLiteral("id"));
        CHECK(twiceIssues.first().message.contains(QStringLiteral("events:")));
    }
}
