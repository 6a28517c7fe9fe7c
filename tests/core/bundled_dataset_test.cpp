// SPDX-License-Identifier: GPL-3.0-or-later
// The curated dataset that ships in geodata/events/, checked as a user would rely on it: it
// loads cleanly, the records the fact sheet asks for are there with honest dates, and disputed
// figures stay side by side.
#include "core/geo/region_index.h"
#include "core/io/event_loader.h"
#include "core/io/event_writer.h"
#include "core/store/region_membership.h"

#include "../bundled_data.h"
#include "../qt_string_maker.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>

#include <algorithm>

#include <catch2/catch.hpp>

#include <map>

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
    CHECK(sent.claims[0].sourceIndex != sent.claims[1].sourceIndex);
    CHECK(sent.claims[0].sourceName(sent.sources) != sent.claims[1].sourceName(sent.sources));
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

TEST_CASE("Every related id names a record of the dataset, with a known relation", "[dataset]")
{
    const auto dataset = test::bundledDataset();
    const EventStore &store = *dataset->events;
    const QStringList relations{"follows-up", "ratifies", "enters-into-force-of", "reports-on", "disputes"};
    qsizetype links = 0;
    for (EventStore::Index i = 0; i < store.size(); ++i) {
        const Event e = store.event(i);
        for (const Related &r : e.related) {
            INFO(e.id.toStdString() << " -> " << r.id.toStdString());
            CHECK(store.findId(r.id) >= 0);
            CHECK(r.id != e.id);
            CHECK(relations.contains(r.relation));
            ++links;
        }
    }
    // The raw file says the same: no link was dropped on the way in.
    qsizetype rawLinks = 0;
    for (const QJsonValue &feature : rawFeatures())
        rawLinks += feature.toObject().value(u"properties").toObject().value(u"related").toArray().size();
    CHECK(links == rawLinks);
}

TEST_CASE("Every related link is found again from the record it names and from no other", "[dataset]")
{
    const auto dataset = test::bundledDataset();
    const EventStore &store = *dataset->events;
    // Brute force: each record's own `related` list, read from the other end.
    std::map<EventStore::Index, QList<EventStore::Referrer>> expected;
    for (EventStore::Index i = 0; i < store.size(); ++i)
        for (const Related &r : store.event(i).related)
            expected[store.findId(r.id)].append({i, r.relation});
    REQUIRE(expected.size() >= 5);
    for (EventStore::Index i = 0; i < store.size(); ++i) {
        INFO(store.id(i).toStdString());
        const auto it = expected.find(i);
        CHECK(store.referrers(i) == (it == expected.end() ? QList<EventStore::Referrer>{} : it->second));
    }
    const EventStore::Index signing = store.findId(QStringLiteral("2024-06-19-putin-kim-treaty-pyongyang"));
    const QList<EventStore::Referrer> toTreaty = store.referrers(signing);
    REQUIRE(toTreaty.size() >= 3);
    CHECK(std::is_sorted(toTreaty.begin(), toTreaty.end(), [](auto &a, auto &b) { return a.from < b.from; }));
    CHECK(toTreaty.contains(EventStore::Referrer{store.findId(QStringLiteral("2024-12-04-treaty-enters-into-force")),
                                                 QStringLiteral("enters-into-force-of")}));
}

TEST_CASE("The treaty's lifecycle is linked from signature to entry into force", "[dataset]")
{
    const auto dataset = test::bundledDataset();
    const EventStore &store = *dataset->events;
    const QString signed_ = QStringLiteral("2024-06-19-putin-kim-treaty-pyongyang");
    auto relationTo = [&](const char *from, const QString &to) {
        for (const Related &r : eventWithId(store, from).related)
            if (r.id == to) return r.relation;
        return QString();
    };
    CHECK(relationTo("2024-11-09-putin-signs-treaty-ratification", signed_) == u"ratifies");
    CHECK(relationTo("2024-11-11-kim-signs-treaty-ratification", signed_) == u"ratifies");
    CHECK(relationTo("2024-12-04-treaty-enters-into-force", signed_) == u"enters-into-force-of");
    // Each step is dated to its day and after the one it follows.
    const qint64 signedMs = eventWithId(store, "2024-06-19-putin-kim-treaty-pyongyang").when.start().startMs;
    for (const char *id : {"2024-11-09-putin-signs-treaty-ratification", "2024-11-11-kim-signs-treaty-ratification",
                           "2024-12-04-treaty-enters-into-force"}) {
        INFO(id);
        const Event e = eventWithId(store, id);
        CHECK(e.when.start().precision == DatePrecision::Day);
        CHECK(e.when.start().startMs > signedMs);
    }
}

TEST_CASE("Every claim names a source entry of its record, and every source has a language", "[dataset]")
{
    for (const QJsonValue &feature : rawFeatures()) {
        const QJsonObject p = feature.toObject().value(u"properties").toObject();
        const QJsonArray sources = p.value(u"sources").toArray();
        INFO(p.value(u"id").toString().toStdString());
        for (const QJsonValue &c : p.value(u"claims").toArray()) {
            const QJsonValue source = c.toObject().value(u"source");
            CHECK(source.isDouble()); // an index, not free text
            CHECK(source.toInt(-1) >= 0);
            CHECK(source.toInt(-1) < sources.size());
        }
        for (const QJsonValue &s : sources) {
            const QString language = s.toObject().value(u"language").toString();
            INFO(s.toObject().value(u"name").toString().toStdString());
            CHECK(language.size() == 2); // ISO 639-1; never empty or "und" for a named outlet
            CHECK(language == language.toLower());
            CHECK_FALSE(s.toObject().value(u"name").toString().trimmed().isEmpty());
        }
    }
    // As loaded, each claim's source resolves to its entry's name.
    const auto dataset = test::bundledDataset();
    for (EventStore::Index i = 0; i < dataset->events->size(); ++i) {
        const Event e = dataset->events->event(i);
        for (const Claim &c : e.claims) {
            INFO(e.id.toStdString());
            REQUIRE(c.sourceIndex >= 0);
            CHECK(c.sourceName(e.sources) == e.sources.value(c.sourceIndex).name);
        }
    }
}

TEST_CASE("Every claim has its quantity, and its note when there is one, in both languages", "[dataset]")
{
    for (const QJsonValue &feature : rawFeatures()) {
        const QJsonObject p = feature.toObject().value(u"properties").toObject();
        INFO(p.value(u"id").toString().toStdString());
        for (const QJsonValue &value : p.value(u"claims").toArray()) {
            const QJsonObject c = value.toObject();
            INFO(c.value(u"quantity").toString().toStdString());
            CHECK_FALSE(c.value(u"quantity").toString().trimmed().isEmpty());
            CHECK_FALSE(c.value(u"quantity_es").toString().trimmed().isEmpty());
            CHECK(c.value(u"quantity").toString() != c.value(u"quantity_es").toString());
            CHECK(c.value(u"note").toString().isEmpty() == c.value(u"note_es").toString().isEmpty());
            CHECK_FALSE(c.value(u"unit").toString().isEmpty());
        }
    }
}

TEST_CASE("Every actor id is in the dataset's vocabulary, which names it in English and Spanish", "[dataset]")
{
    const auto dataset = test::bundledDataset();
    const EventStore &store = *dataset->events;
    REQUIRE_FALSE(store.actors().isEmpty());
    for (EventStore::Index i = 0; i < store.size(); ++i) {
        const Event e = store.event(i);
        INFO(e.id.toStdString());
        CHECK_FALSE(e.actors.isEmpty());
        for (const QString &actor : e.actors) {
            INFO(actor.toStdString());
            CHECK(store.actors().contains(actor));
        }
    }
    for (const QString &id : store.actors().ids()) {
        INFO(id.toStdString());
        CHECK(id == id.toLower());
        CHECK_FALSE(store.actors().names(id).value(QString()).isEmpty());
        CHECK_FALSE(store.actors().names(id).value(QStringLiteral("es")).isEmpty());
    }
    CHECK(store.actors().name(QStringLiteral("kpa"), QStringLiteral("es")) == u"Ejército Popular de Corea");
    CHECK(store.actors().name(QStringLiteral("kpa"), QString()) == u"Korean People's Army");
}

TEST_CASE("A search matches an actor by its English and its Spanish name", "[dataset]")
{
    const auto dataset = test::bundledDataset();
    const EventStore &store = *dataset->events;
    auto matching = [&](const QString &text) {
        const QStringList words = text.split(u' ', Qt::SkipEmptyParts);
        const EventStore::TextQuery query(words);
        QSet<QString> ids;
        for (EventStore::Index i = 0; i < store.size(); ++i) {
            // The fast path (ASCII words on the stored bytes) agrees with the plain text.
            const QString searchable = store.searchableText(i);
            CHECK(store.matchesText(i, query) == std::all_of(words.begin(), words.end(), [&](const QString &w) {
                      return searchable.contains(w, Qt::CaseInsensitive);
                  }));
            if (store.matchesText(i, query)) ids.insert(store.id(i));
        }
        return ids;
    };
    // Kim–Belousov: Belousov is named only through the actor id in some records' text.
    const QSet<QString> english = matching(QStringLiteral("Belousov"));
    const QSet<QString> spanish = matching(QStringLiteral("Beloúsov"));
    CHECK(english.contains(QStringLiteral("2024-11-29-belousov-pyongyang")));
    CHECK(spanish.contains(QStringLiteral("2024-11-29-belousov-pyongyang")));
    // "Ejército Popular" is in no title or summary: only the vocabulary's Spanish name of `kpa`.
    const QSet<QString> kpa = matching(QStringLiteral("Ejército Popular"));
    CHECK(kpa.contains(QStringLiteral("2025-08-kursk-belgorod-deployment-11000")));
    CHECK(kpa == matching(QStringLiteral("Korean People's Army")));
}

TEST_CASE("Visits between the two governments are lines from the visitor's capital", "[dataset]")
{
    const auto dataset = test::bundledDataset();
    const EventStore &store = *dataset->events;
    const QGeoCoordinate pyongyang(39.03, 125.75), moscow(55.75, 37.62);
    int contacts = 0;
    for (EventStore::Index i = 0; i < store.size(); ++i) {
        const Event e = store.event(i);
        if (e.category != u"diplomatic-contact" && e.category != u"summit") continue;
        if (!e.places.contains(u"Moscow") && !e.places.contains(u"Pyongyang")) continue; // Alaska
        INFO(e.id.toStdString());
        ++contacts;
        CHECK(e.geometryKind == GeometryKind::Line);
        REQUIRE(e.geometry.size() == 2);
        // One end in a capital: the visitor's, or the host's for a call.
        CHECK((e.geometry.first().distanceTo(moscow) < 25'000 || e.geometry.first().distanceTo(pyongyang) < 25'000));
        CHECK(e.when.start().precision == DatePrecision::Day);
    }
    CHECK(contacts > 0);
}

TEST_CASE("Exporting the chronicle to GeoJSON and opening it again keeps every new field", "[dataset][io]")
{
    const auto dataset = test::bundledDataset();
    const EventStore &store = *dataset->events;
    EventStore::IndexList all;
    for (EventStore::Index i = 0; i < store.size(); ++i)
        all.push_back(i);
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("chronicle.geojson"));
    QString error;
    REQUIRE(EventWriter::write(store, all, EventWriter::Format::GeoJson, path, &error));
    CHECK(QFileInfo::exists(dir.filePath(QStringLiteral("chronicle.actors.json"))));

    const LoadResult reopened = EventLoader::load(path);
    for (const Issue &issue : reopened.issues)
        UNSCOPED_INFO(issue.toString().toStdString());
    CHECK(reopened.issues.isEmpty());
    REQUIRE(reopened.store->size() == store.size());
    for (EventStore::Index i = 0; i < store.size(); ++i) {
        const Event before = store.event(i);
        const EventStore::Index j = reopened.store->findId(before.id);
        INFO(before.id.toStdString());
        REQUIRE(j >= 0);
        const Event after = reopened.store->event(j);
        CHECK(after.claims == before.claims);
        CHECK(after.sources == before.sources);
        CHECK(after.related == before.related);
        CHECK(after.actors == before.actors);
        CHECK(after.locationPrecision == before.locationPrecision);
        for (const QString &actor : after.actors)
            CHECK(reopened.store->actors().names(actor) == store.actors().names(actor));
    }
}
