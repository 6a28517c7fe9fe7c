// SPDX-License-Identifier: GPL-3.0-or-later
// Nothing lost on the way out (issue 23): every event exported to GeoJSON and to CSV opens again
// through the app's own loader as the same Event, compared field by field so that a failure
// names the record and the field that was lost.
#include "core/io/event_loader.h"
#include "../test_paths.h"
#include "core/io/event_writer.h"

#include "../bundled_data.h"
#include "../qt_string_maker.h"

#include <QFile>
#include <QTemporaryDir>

#include <catch2/catch.hpp>

#include <cmath>

using namespace chronomap;

namespace {

const char *formatName(EventWriter::Format format)
{
    return format == EventWriter::Format::Csv ? "CSV" : "GeoJSON";
}

EventStore::IndexList all(const EventStore &store)
{
    EventStore::IndexList out;
    for (EventStore::Index i = 0; i < store.size(); ++i)
        out.push_back(i);
    return out;
}

std::string show(const QStringList &list)
{
    return '[' + list.join(QStringLiteral(" | ")).toStdString() + ']';
}

std::string show(const LocalizedText &text)
{
    std::string out;
    for (auto it = text.cbegin(); it != text.cend(); ++it)
        out += '[' + it.key().toStdString() + "] " + it.value().toStdString() + '\n';
    return out;
}

std::string show(const FuzzyDate &d)
{
    return d.toIso().toStdString() + " (" + toString(d.precision).toStdString() + ", " + std::to_string(d.startMs) +
           " ms)";
}

std::string show(std::optional<double> v)
{
    if (!v) return "no value";
    char digits[32];
    std::snprintf(digits, sizeof digits, "%.17g", *v);
    return digits;
}

/// How far a coordinate read back may lie from the one written, in degrees. CSV writes the
/// shortest text of each double: exact. GDAL's GeoJSON writer prints at most 15 decimals and
/// trims what it takes for noise past them (36.999999999999993 becomes 37): within 1e-12°
/// (0.1 µm on the ground).
double coordinateTolerance(EventWriter::Format format)
{
    return format == EventWriter::Format::Csv ? 0.0 : 1e-12;
}

/// Checks every field of `back` against `original`; each failure names the record and the field.
void compareEvent(const Event &original, const Event &back, double toleranceDeg)
{
    INFO("event " << original.id.toStdString());
    auto same = [](const char *field, const auto &a, const auto &b, const std::string &was, const std::string &is) {
        INFO("field " << field << ": written " << was << ", read back " << is);
        CHECK(a == b);
    };
    same("id", original.id, back.id, original.id.toStdString(), back.id.toStdString());
    same("title (every language)", original.title, back.title, show(original.title), show(back.title));
    same("summary (every language)", original.summary, back.summary, show(original.summary), show(back.summary));
    same("start", original.when.start(), back.when.start(), show(original.when.start()), show(back.when.start()));
    same("end", original.when.end(), back.when.end(), show(original.when.end()), show(back.when.end()));
    same("category", original.category, back.category, original.category.toStdString(), back.category.toStdString());
    same("actors", original.actors, back.actors, show(original.actors), show(back.actors));
    same("places", original.places, back.places, show(original.places), show(back.places));
    same("regions", original.regions, back.regions, show(original.regions), show(back.regions));
    same("provenance", original.provenance, back.provenance, original.provenance.toStdString(),
         back.provenance.toStdString());
    same("confidence", original.confidence, back.confidence, toString(original.confidence).toStdString(),
         toString(back.confidence).toStdString());
    same("location_precision", original.locationPrecision, back.locationPrecision,
         toString(original.locationPrecision).toStdString(), toString(back.locationPrecision).toStdString());
    same("geometry kind", int(original.geometryKind), int(back.geometryKind),
         std::to_string(int(original.geometryKind)), std::to_string(int(back.geometryKind)));

    same("number of vertices", original.geometry.size(), back.geometry.size(), std::to_string(original.geometry.size()),
         std::to_string(back.geometry.size()));
    bool geometryKept = original.geometry.size() == back.geometry.size();
    auto close = [&](const char *field, double a, double b) {
        INFO("field " << field << ": written " << show(a) << ", read back " << show(b) << ", tolerance " << toleranceDeg
                      << " degrees");
        CHECK(std::abs(a - b) <= toleranceDeg);
        geometryKept = geometryKept && std::abs(a - b) <= toleranceDeg;
    };
    for (qsizetype v = 0; v < std::min(original.geometry.size(), back.geometry.size()); ++v) {
        INFO("vertex " << v);
        close("longitude", original.geometry[v].longitude(), back.geometry[v].longitude());
        close("latitude", original.geometry[v].latitude(), back.geometry[v].latitude());
    }

    same("number of sources", original.sources.size(), back.sources.size(), std::to_string(original.sources.size()),
         std::to_string(back.sources.size()));
    for (qsizetype s = 0; s < std::min(original.sources.size(), back.sources.size()); ++s) {
        INFO("source " << s);
        const Source &a = original.sources[s], &b = back.sources[s];
        same("source name", a.name, b.name, a.name.toStdString(), b.name.toStdString());
        same("source url", a.url, b.url, a.url.toStdString(), b.url.toStdString());
        same("source published", a.published, b.published, a.published.toStdString(), b.published.toStdString());
        same("source language", a.language, b.language, a.language.toStdString(), b.language.toStdString());
    }

    same("number of claims", original.claims.size(), back.claims.size(), std::to_string(original.claims.size()),
         std::to_string(back.claims.size()));
    for (qsizetype c = 0; c < std::min(original.claims.size(), back.claims.size()); ++c) {
        INFO("claim " << c);
        const Claim &a = original.claims[c], &b = back.claims[c];
        same("claim quantity", a.quantity, b.quantity, a.quantity.toStdString(), b.quantity.toStdString());
        same("claim quantity_es", a.quantityEs, b.quantityEs, a.quantityEs.toStdString(), b.quantityEs.toStdString());
        same("claim value", a.value, b.value, show(a.value), show(b.value));
        same("claim unit", a.unit, b.unit, a.unit.toStdString(), b.unit.toStdString());
        same("claim source index", a.sourceIndex, b.sourceIndex, std::to_string(a.sourceIndex),
             std::to_string(b.sourceIndex));
        same("claim source (free text)", a.source, b.source, a.source.toStdString(), b.source.toStdString());
        same("claim as_of", a.asOf, b.asOf, a.asOf.toStdString(), b.asOf.toStdString());
        same("claim note", a.note, b.note, a.note.toStdString(), b.note.toStdString());
        same("claim note_es", a.noteEs, b.noteEs, a.noteEs.toStdString(), b.noteEs.toStdString());
    }

    same("number of related records", original.related.size(), back.related.size(),
         std::to_string(original.related.size()), std::to_string(back.related.size()));
    for (qsizetype r = 0; r < std::min(original.related.size(), back.related.size()); ++r) {
        INFO("related " << r);
        const Related &a = original.related[r], &b = back.related[r];
        same("related id", a.id, b.id, a.id.toStdString(), b.id.toStdString());
        same("related relation", a.relation, b.relation, a.relation.toStdString(), b.relation.toStdString());
    }

    // Whatever the checks above do not name (a field added to Event later) must survive too;
    // the coordinates were compared above, with their tolerance.
    Event rest = back;
    if (geometryKept) rest.geometry = original.geometry;
    INFO("the whole Event (a field the checks above do not name)");
    CHECK(rest == original);
}

/// Writes every event of `store` in `format` into `dir`, opens the file again with the loader
/// and compares each event with the original; returns the store read back.
std::shared_ptr<const EventStore> roundTrip(const EventStore &store, EventWriter::Format format, const QString &dir,
                                            const QString &stem)
{
    INFO(formatName(format) << " export of " << stem.toStdString());
    const QString path =
        dir + u'/' + stem + (format == EventWriter::Format::Csv ? QStringLiteral(".csv") : QStringLiteral(".geojson"));
    QString error;
    REQUIRE(EventWriter::write(store, all(store), format, path, &error));
    CHECK(error.isEmpty());

    const LoadResult back = EventLoader::load(path);
    for (const Issue &issue : back.issues)
        UNSCOPED_INFO("issue reading the export back: " << issue.toString().toStdString());
    REQUIRE_FALSE(back.hasFatal());
    CHECK(back.issues.isEmpty());
    CHECK(back.store->size() == store.size());
    for (EventStore::Index i = 0; i < store.size(); ++i) {
        const Event original = store.event(i);
        const EventStore::Index j = back.store->findId(original.id);
        INFO("event " << original.id.toStdString());
        CHECK(j >= 0);
        if (j >= 0) compareEvent(original, back.store->event(j), coordinateTolerance(format));
    }
    // The actor vocabulary goes beside the file, so the export shows the same names.
    for (const QString &id : store.actors().ids()) {
        bool listed = false;
        for (EventStore::Index i = 0; i < store.size() && !listed; ++i)
            listed = store.event(i).actors.contains(id);
        if (!listed) continue;
        INFO("actor " << id.toStdString());
        CHECK(back.store->actors().names(id) == store.actors().names(id));
    }
    return back.store;
}

std::shared_ptr<const EventStore> loadFixture(const QString &path)
{
    const LoadResult result = EventLoader::load(path);
    INFO(path.toStdString());
    REQUIRE_FALSE(result.hasFatal());
    REQUIRE(result.store->size() > 0);
    return result.store;
}

} // namespace

TEST_CASE("Export round trip: the bundled chronicle comes back field by field from GeoJSON and CSV", "[export][io]")
{
    const auto store = test::bundledDataset()->events;
    REQUIRE(store->size() > 0);
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const auto format = GENERATE(EventWriter::Format::GeoJson, EventWriter::Format::Csv);
    const auto back = roundTrip(*store, format, dir.path(), QStringLiteral("chronicle"));

    // What the issue was about: the region-level deployments keep their precision and regions.
    for (const char *id : {"2025-08-kursk-belgorod-deployment-11000", "2025-08-reinforcements-expected-6000"}) {
        INFO(formatName(format) << ": " << id);
        const EventStore::Index i = back->findId(QString::fromLatin1(id));
        REQUIRE(i >= 0);
        const Event e = back->event(i);
        CHECK(e.locationPrecision == LocationPrecision::Region);
        CHECK(e.regions == QStringList({QStringLiteral("RU-KRS"), QStringLiteral("RU-BEL")}));
        CHECK_FALSE(e.claims.isEmpty());
        CHECK_FALSE(e.title.value(QStringLiteral("es")).isEmpty());
        CHECK_FALSE(e.summary.value(QStringLiteral("es")).isEmpty());
    }
    // The file's three location precisions all survive.
    QSet<LocationPrecision> precisions;
    for (EventStore::Index i = 0; i < back->size(); ++i)
        precisions.insert(back->locationPrecision(i));
    CHECK(precisions ==
          QSet<LocationPrecision>{LocationPrecision::Exact, LocationPrecision::Place, LocationPrecision::Region});
}

TEST_CASE("Export round trip: fixture files in other formats come back field by field", "[export][io]")
{
    // Claims with free-text sources, a line, a record without geometry, year/month/time
    // precision, spans (events.geojson); reprojected coordinates (events_3857.geojson); an
    // area anchored at its centre as a region-level record (events_wkt.csv); region-level
    // rows, ';'-separated sources and actors (ACLED); date spans and uncertain dates (UCDP GED).
    const char *fixture = GENERATE("formats/events.geojson", "formats/events_3857.geojson", "formats/events_wkt.csv",
                                   "formats/events_latlon.csv", "formats/acled_2023.csv", "formats/ucdp_ged.csv",
                                   "formats/events.kml", "export/events.geojson");
    const auto format = GENERATE(EventWriter::Format::GeoJson, EventWriter::Format::Csv);
    const auto store = loadFixture(chronomap::test::testDataDir() + QLatin1String("/") + QLatin1String(fixture));
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    roundTrip(*store, format, dir.path(), QStringLiteral("fixture"));
}

TEST_CASE("Export round trip: awkward values survive both formats", "[export][io]")
{
    EventStoreBuilder builder;
    Event list;
    list.id = QStringLiteral("awkward-lists");
    list.title = {{QString(), QStringLiteral("Lists with separators")},
                  {QStringLiteral("es"), QStringLiteral("Listas con separadores")},
                  {QStringLiteral("fr"), QStringLiteral("Listes « difficiles »")}};
    list.summary = {{QStringLiteral("es"), QStringLiteral("Sólo en español,\nen dos líneas y con \"comillas\"")}};
    list.when = TimeSpan(*FuzzyDate::parse(u"2024"), *FuzzyDate::parse(u"2025-08-12"));
    list.category = QStringLiteral("statement");
    list.actors = {QStringLiteral("a;b"), QStringLiteral("c|d")};
    list.places = {QStringLiteral("[bracketed]"), QStringLiteral("Sudzha, Kursk Oblast")};
    list.regions = {QStringLiteral("RU-KRS")};
    list.claims = {Claim{QStringLiteral("share"), 0.1 + 0.2, QStringLiteral("percent"),
                         QStringLiteral("a \"named\" source"), QStringLiteral("2025-08"), QStringLiteral("note"),
                         QStringLiteral("cuota"), QStringLiteral("nota"), -1},
                   Claim{QStringLiteral("troops"), std::nullopt, QStringLiteral("soldiers"), {}, {}, {}, {}, {}, 0}};
    list.sources = {Source{QStringLiteral("Yonhap"), QStringLiteral("https://en.yna.co.kr/"),
                           QStringLiteral("2025-08-12T09:30Z"), QStringLiteral("ko")}};
    list.related = {Related{QStringLiteral("awkward-line"), QStringLiteral("follows-up")}};
    list.provenance = QStringLiteral("context");
    list.confidence = Confidence::Disputed;
    list.geometryKind = GeometryKind::Point;
    list.locationPrecision = LocationPrecision::Place;
    list.geometry = {QGeoCoordinate(51.737299999999998, std::nextafter(36.1873, 0.0))};
    builder.add(list);

    Event line;
    line.id = QStringLiteral("awkward-line");
    line.title = {{QString(), QStringLiteral("Across the date line")}};
    line.when = TimeSpan(*FuzzyDate::parse(u"2025-08-12T09:30:00+09:00"));
    line.geometryKind = GeometryKind::Line;
    line.locationPrecision = LocationPrecision::Exact;
    line.geometry = {QGeoCoordinate(43.12, 131.89), QGeoCoordinate(61.25, -149.8), QGeoCoordinate(-0.5, 0.1 + 0.2)};
    builder.add(line);

    Event bare;
    bare.id = QStringLiteral("awkward-bare");
    bare.title = {{QString(), QStringLiteral("No place, no precision, no confidence")}};
    bare.when = TimeSpan(*FuzzyDate::parse(u"2025-08"));
    bare.regions = {QStringLiteral("RU-BEL"), QStringLiteral("RU-KRS")};
    builder.add(bare);

    const auto store = builder.build();
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const auto format = GENERATE(EventWriter::Format::GeoJson, EventWriter::Format::Csv);
    roundTrip(*store, format, dir.path(), QStringLiteral("awkward"));
}
