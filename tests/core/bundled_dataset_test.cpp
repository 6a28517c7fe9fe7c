// SPDX-License-Identifier: GPL-3.0-or-later
// The curated dataset that ships in geodata/events/, checked as a user would rely on it: it
// loads cleanly, the records the fact sheet asks for are there with honest dates, and disputed
// figures stay side by side.
#include "geo/region_index.h"
#include "io/event_loader.h"
#include "store/region_membership.h"

#include "../bundled_data.h"
#include "../qt_string_maker.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <catch2/catch.hpp>

using namespace chronomap;

namespace {

const char *const kDataset = "geodata/events/russia-north-korea.geojson";

QJsonArray rawFeatures()
{
    QFile file(test::sourcePath(kDataset));
    REQUIRE(file.open(QIODevice::ReadOnly));
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll());
    REQUIRE(doc.isObject());
    return doc.object().value(u"features").toArray();
}

Event eventWithId(const EventStore &store, const char *id)
{
    const EventStore::Index i = store.findId(QString::fromLatin1(id));
    INFO(id);
    REQUIRE(i >= 0);
    return store.event(i);
}

} // namespace

TEST_CASE("The bundled dataset loads with no problem at all", "[dataset]")
{
    const LoadResult result = EventLoader::load(test::sourcePath(kDataset));
    for (const Issue &issue : result.issues)
        UNSCOPED_INFO(issue.message.toStdString());
    CHECK(result.issues.isEmpty());
    REQUIRE(result.store);
    // Every feature of the file became an event: nothing was skipped silently.
    CHECK(result.store->size() == rawFeatures().size());
    CHECK(result.store->size() >= 13); // at least one record per fact-sheet row (A1–A6, C1–C7)
}

TEST_CASE("Every bundled record has a unique id, a source and both languages", "[dataset]")
{
    const QJsonArray features = rawFeatures();
    QSet<QString> ids;
    for (const QJsonValue &feature : features) {
        const QJsonObject p = feature.toObject().value(u"properties").toObject();
        const QString id = p.value(u"id").toString();
        INFO(id.toStdString());
        CHECK_FALSE(id.isEmpty());
        CHECK_FALSE(ids.contains(id));
        ids.insert(id);
        for (const char *field : {"title", "title_es", "summary", "summary_es"})
            CHECK_FALSE(p.value(QLatin1String(field)).toString().trimmed().isEmpty());
        CHECK(p.value(u"title").toString() != p.value(u"title_es").toString());
        CHECK_FALSE(p.value(u"sources").toArray().isEmpty());
        CHECK((p.value(u"provenance").toString() == u"article" || p.value(u"provenance").toString() == u"context"));
        CHECK_FALSE(p.value(u"date_precision").toString().isEmpty());
    }

    // The same holds of what the loader made of them, in both languages.
    const auto dataset = test::bundledDataset();
    const EventStore &store = *dataset->events;
    for (EventStore::Index i = 0; i < store.size(); ++i) {
        const Event e = store.event(i);
        INFO(e.id.toStdString());
        CHECK_FALSE(e.sources.isEmpty());
        CHECK(store.sources(i) == e.sources); // decoded alone, as the snapshot's footnotes read them
        CHECK(e.titleIn(QStringLiteral("es")) != e.titleIn(QString()));
        CHECK(store.findId(e.id) == i);
    }
}

TEST_CASE("Kursk holds the deployment, the reinforcements and the labour dispatch", "[dataset]")
{
    const auto dataset = test::bundledDataset();
    const int kursk = dataset->baseMap->regions->find(QStringLiteral("RU-KRS"));
    REQUIRE(kursk >= 0);
    QSet<QString> inKursk;
    for (EventStore::Index i : dataset->membership->eventsIn(kursk))
        inKursk.insert(dataset->events->id(i));
    for (const char *id : {"2025-08-kursk-belgorod-deployment-11000", "2025-08-reinforcements-expected-6000",
                           "2025-08-first-contingent-kursk-1200", "2025-08-labour-dispatch-kursk"}) {
        INFO(id);
        CHECK(inKursk.contains(QString::fromLatin1(id)));
    }
    // The Alaska summit and the call are not Kursk's.
    CHECK_FALSE(inKursk.contains(QStringLiteral("2025-08-15-putin-trump-alaska-summit")));
    CHECK_FALSE(inKursk.contains(QStringLiteral("2025-08-12-kim-putin-call")));

    // The 11,000 are in Kursk and Belgorod: Belgorod lists it too, but not the Kursk-only 1,200.
    const int belgorod = dataset->baseMap->regions->find(QStringLiteral("RU-BEL"));
    QSet<QString> inBelgorod;
    for (EventStore::Index i : dataset->membership->eventsIn(belgorod))
        inBelgorod.insert(dataset->events->id(i));
    CHECK(inBelgorod.contains(QStringLiteral("2025-08-kursk-belgorod-deployment-11000")));
    CHECK_FALSE(inBelgorod.contains(QStringLiteral("2025-08-first-contingent-kursk-1200")));
}

TEST_CASE("The Kim-Putin call is a day-precise line from Pyongyang to Moscow", "[dataset]")
{
    const auto dataset = test::bundledDataset();
    const Event call = eventWithId(*dataset->events, "2025-08-12-kim-putin-call");
    CHECK(call.geometryKind == GeometryKind::Line);
    REQUIRE(call.geometry.size() >= 2);
    const QGeoCoordinate pyongyang(39.03, 125.75), moscow(55.75, 37.62);
    CHECK(call.geometry.first().distanceTo(pyongyang) < 25'000);
    CHECK(call.geometry.last().distanceTo(moscow) < 25'000);
    CHECK(call.when.start().precision == DatePrecision::Day);
    CHECK(call.when.start().toIso() == u"2025-08-12");
    QStringList sourceNames;
    for (const Source &s : call.sources)
        sourceNames.append(s.name);
    CHECK(sourceNames.join(u',').contains(u"KCNA"));
    CHECK(sourceNames.join(u',').contains(u"TASS"));
}

TEST_CASE("Month-dated facts from the article are month-precise, not the 1st", "[dataset]")
{
    const auto dataset = test::bundledDataset();
    const Event deployment = eventWithId(*dataset->events, "2025-08-kursk-belgorod-deployment-11000");
    CHECK(deployment.when.start().precision == DatePrecision::Month);
    CHECK(deployment.when.start().toIso() == u"2025-08");
    // Possibly in a window of 20–31 August, certainly only in one holding the whole month.
    const TimeWindow lateAugust{QDateTime(QDate(2025, 8, 20), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch(),
                                QDateTime(QDate(2025, 9, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch()};
    CHECK(deployment.when.matches(lateAugust, WindowMatch::Possibly));
    CHECK_FALSE(deployment.when.matches(lateAugust, WindowMatch::Certainly));
}

TEST_CASE("Disputed and differing figures stay side by side as separate claims", "[dataset]")
{
    const auto dataset = test::bundledDataset();
    const EventStore &store = *dataset->events;

    // 15,000 sent in all, per South Korean and per Ukrainian intelligence: two claims, not one.
    const Event sent = eventWithId(store, "2024-north-korean-troops-sent-to-russia");
    REQUIRE(sent.claims.size() == 2);
    CHECK(sent.claims[0].source != sent.claims[1].source);
    for (const Claim &c : sent.claims)
        CHECK(c.value == 15000);

    // Each of the August 2025 figures keeps its own record and number.
    CHECK(eventWithId(store, "2025-08-kursk-belgorod-deployment-11000").claims.value(0).value == 11000);
    CHECK(eventWithId(store, "2025-08-reinforcements-expected-6000").claims.value(0).value == 6000);
    CHECK(eventWithId(store, "2025-08-first-contingent-kursk-1200").claims.value(0).value == 1200);

    // "Thousands" (no number) beside 1,000 deminers and 5,000 builders: never summed or averaged.
    const Event labour = eventWithId(store, "2025-08-labour-dispatch-kursk");
    REQUIRE(labour.claims.size() == 3);
    QList<std::optional<double>> values;
    for (const Claim &c : labour.claims)
        values.append(c.value);
    CHECK(values.contains(std::nullopt));
    CHECK(values.contains(std::optional<double>(1000)));
    CHECK(values.contains(std::optional<double>(5000)));
}
