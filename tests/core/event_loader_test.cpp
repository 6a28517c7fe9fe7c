// SPDX-License-Identifier: GPL-3.0-or-later
// EventLoader on the formats users have (tests/data/formats/) and on bad input (tests/data/bad/).
// Every bad fixture has a test asserting the exact outcome: what loaded and each Issue's severity,
// record, id, field and message. What each fixture holds: tests/data/formats/README.md and
// tests/data/bad/README.md.
#include "core/io/event_loader.h"
#include "../test_paths.h"
#include "core/ui_language.h"

#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

#include "../qt_string_maker.h"
#include "../test_files.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

using namespace chronomap;
using namespace chronomap::test;

namespace {

const char *severityName(Issue::Severity s)
{
    switch (s) {
    case Issue::Severity::Warning:
        return "Warning";
    case Issue::Severity::Skipped:
        return "Skipped";
    case Issue::Severity::Fatal:
        return "Fatal";
    }
    return "?";
}

struct Expected {
    Issue::Severity severity;
    qint64 record;        ///< -1 for the file as a whole
    const char *recordId; ///< "" when the record has none
    const char *field;    ///< "" when no field is at fault
    const char *message;  ///< a key part of the message
};

/// Asserts the whole issue list, in order; on failure prints every issue the loader reported.
void checkIssues(const LoadResult &result, const QString &file, const std::vector<Expected> &expected)
{
    std::string all;
    for (const Issue &i : result.issues)
        all += std::string(severityName(i.severity)) + " " + str(i.toString()) + "\n";
    INFO("issues reported:\n" << all);
    REQUIRE(result.issues.size() == qsizetype(expected.size()));
    for (size_t n = 0; n < expected.size(); ++n) {
        const Issue &got = result.issues[qsizetype(n)];
        const Expected &want = expected[n];
        INFO("issue #" << n << ": " << str(got.toString()));
        CHECK(severityName(got.severity) == std::string(severityName(want.severity)));
        CHECK(str(got.file) == str(file));
        CHECK(got.record == want.record);
        CHECK(str(got.recordId) == want.recordId);
        CHECK(str(got.field) == want.field);
        CHECK_THAT(str(got.message), Catch::Contains(want.message));
    }
}

Event eventById(const EventStore &store, const char *id)
{
    const EventStore::Index i = store.findId(QString::fromUtf8(id));
    INFO("event id " << id);
    REQUIRE(i >= 0);
    return store.event(i);
}

std::vector<std::string> ids(const EventStore &store)
{
    std::vector<std::string> out;
    for (EventStore::Index i = 0; i < store.size(); ++i)
        out.push_back(str(store.id(i)));
    std::sort(out.begin(), out.end());
    return out;
}

void checkPoint(const Event &e, double lonDeg, double latDeg)
{
    REQUIRE(e.geometryKind == GeometryKind::Point);
    REQUIRE(e.geometry.size() == 1);
    CHECK(e.geometry[0].longitude() == Approx(lonDeg).margin(1e-9));
    CHECK(e.geometry[0].latitude() == Approx(latDeg).margin(1e-9));
}

/// A fatal load: nothing usable, an empty (never null) store and exactly one file-level issue.
void checkFatalOnly(const LoadResult &result, const QString &file, const char *message)
{
    REQUIRE(result.store);
    CHECK(result.store->isEmpty());
    CHECK(result.hasFatal());
    CHECK_FALSE(result.cancelled);
    checkIssues(result, file, {{Issue::Severity::Fatal, -1, "", "", message}});
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

} // namespace

// ---- the formats users have ----------------------------------------------------------------------

TEST_CASE("GeoJSON: nested claims and sources are parsed, localized titles kept", "[io]")
{
    const QString file = formatFile("events.geojson");
    const LoadResult result = EventLoader::load(file);
    REQUIRE(result.store);
    CHECK(result.recordsRead == 4);
    CHECK(result.store->size() == 4);
    // The one problem in the file: a claim whose value is a word.
    checkIssues(result, file,
                {{Issue::Severity::Warning, 4, "belgorod-shelling-2025", "claims",
                  "claim value for 'casualties' is not a number"}});

    const Event kursk = eventById(*result.store, "kursk-deployment-2024-10");
    CHECK(str(kursk.titleIn({})) == "North Korean troops reported in Kursk oblast");
    CHECK(str(kursk.titleIn("es")) == "Tropas norcoreanas en la región de Kursk");
    CHECK(str(kursk.summaryIn({})).starts_with("Ukrainian and South Korean intelligence"));
    CHECK(str(kursk.when.start().toIso()) == "2024-10");
    CHECK(kursk.when.start().precision == DatePrecision::Month);
    CHECK(str(kursk.when.end().toIso()) == "2025-04");
    CHECK(str(kursk.category) == "deployment"); // written "Deployment"
    CHECK(kursk.actors == QStringList{"KPA", "Russian Armed Forces"});
    CHECK(kursk.regions == QStringList{"RU-KRS"});
    CHECK(str(kursk.provenance) == "article");
    CHECK(kursk.confidence == Confidence::Reported);
    checkPoint(kursk, 36.1873, 51.7373);
    REQUIRE(kursk.claims.size() == 2);
    CHECK(str(kursk.claims[0].quantity) == "troops deployed");
    REQUIRE(kursk.claims[0].value);
    CHECK(*kursk.claims[0].value == 11000);
    CHECK(str(kursk.claims[0].unit) == "soldiers");
    CHECK(str(kursk.claims[0].source) == "NIS");
    CHECK(str(kursk.claims[0].asOf) == "2024-11-13");
    CHECK(str(kursk.claims[0].note) == "initial estimate");
    REQUIRE(kursk.claims[1].value);
    CHECK(*kursk.claims[1].value == 12000);
    CHECK(str(kursk.claims[1].source) == "GUR");
    REQUIRE(kursk.sources.size() == 2);
    CHECK(kursk.sources[0] == Source{"Yonhap", "https://en.yna.co.kr/", "2024-11-13", "en"});
    CHECK(kursk.sources[1] == Source{"Ukrainska Pravda", "https://www.pravda.com.ua/", "2024-11-05", "uk"});

    const Event call = eventById(*result.store, "kim-putin-call-2025-08-12");
    CHECK(call.geometryKind == GeometryKind::Line);
    REQUIRE(call.geometry.size() == 2);
    CHECK(call.geometry[0].longitude() == Approx(125.7625));
    CHECK(call.geometry[1].latitude() == Approx(55.7558));
    CHECK(call.when.isInstant());
    CHECK(call.when.start().precision == DatePrecision::Day);
    CHECK(call.places == QStringList{"Pyongyang", "Moscow"});
    CHECK(call.claims.isEmpty());
    REQUIRE(call.sources.size() == 1);
    CHECK(call.sources[0] == Source{"KCNA", {}, "2025-08-13", "ko"});

    // Sources may mix plain names and objects.
    const Event treaty = eventById(*result.store, "pyongyang-treaty-2024-06-19");
    CHECK(treaty.when.start().precision == DatePrecision::Time);
    CHECK(treaty.when.start().startMs == FuzzyDate::parse(u"2024-06-19T14:00Z")->startMs);
    REQUIRE(treaty.sources.size() == 2);
    CHECK(str(treaty.sources[0].name) == "KCNA");
    CHECK(treaty.sources[1] == Source{"Kremlin", "http://kremlin.ru/", {}, {}});

    // No geometry but regions: placed through its regions, codes upper-cased, no warning.
    const Event shelling = eventById(*result.store, "belgorod-shelling-2025");
    CHECK(shelling.geometryKind == GeometryKind::None);
    CHECK(shelling.regions == QStringList{"RU-BEL", "RU-KRS"});
    CHECK(shelling.when.start().precision == DatePrecision::Year);
    CHECK(shelling.confidence == Confidence::Claimed);
    REQUIRE(shelling.claims.size() == 1);
    CHECK_FALSE(shelling.claims[0].value);
    CHECK(str(shelling.claims[0].source) == "regional governor");
}

TEST_CASE("CSV with common column names loads with no mapping", "[io]")
{
    const QString file = formatFile("events_latlon.csv");
    const LoadResult result = EventLoader::load(file);
    REQUIRE(result.store);
    checkIssues(result, file, {}); // blank end_date cells are instants, not bad dates
    CHECK(ids(*result.store) == std::vector<std::string>{"bel-01", "krs-02", "pya-03"});

    const Event drone = eventById(*result.store, "bel-01");
    CHECK(str(drone.titleIn({})) == "Drone strike on Belgorod");                     // headline
    CHECK(str(drone.summaryIn({})).starts_with("Regional governor reports damage")); // notes
    CHECK(str(drone.category) == "combat");                                          // event_type
    CHECK(drone.when.isInstant());
    CHECK(str(drone.when.start().toIso()) == "2025-01-14"); // date
    checkPoint(drone, 36.5983, 50.5997);                    // lon, lat
    REQUIRE(drone.sources.size() == 1);                     // source
    CHECK(drone.sources[0] == Source{{}, "https://t.me/vvgladkov", {}, {}});

    const Event plekhovo = eventById(*result.store, "krs-02");
    CHECK(str(plekhovo.when.end().toIso()) == "2024-12-18"); // end_date
    REQUIRE(plekhovo.sources.size() == 2);
    CHECK(str(plekhovo.sources[0].name) == "GUR");
    CHECK(str(plekhovo.sources[1].name) == "ISW");
    checkPoint(eventById(*result.store, "pya-03"), 125.7625, 39.0392);
}

TEST_CASE("CSV with a WKT column: points, lines, and areas anchored at their centre", "[io]")
{
    const QString file = formatFile("events_wkt.csv");
    const LoadResult result = EventLoader::load(file);
    REQUIRE(result.store);
    checkIssues(result, file, {});
    REQUIRE(result.store->size() == 3);

    checkPoint(eventById(*result.store, "kursk-wkt-1"), 36.2134, 51.7430);
    const Event bridge = eventById(*result.store, "rail-link-2");
    CHECK(bridge.geometryKind == GeometryKind::Line);
    REQUIRE(bridge.geometry.size() == 2);
    CHECK(bridge.geometry[1].longitude() == Approx(130.6612));
    CHECK(bridge.geometry[1].latitude() == Approx(42.4225));
    // POLYGON ((35.5 50.3, 38.5 50.3, 38.5 51.5, 35.5 51.5, 35.5 50.3)): the box's centre.
    const Event area = eventById(*result.store, "belgorod-area-3");
    checkPoint(area, (35.5 + 38.5) / 2, (50.3 + 51.5) / 2);
    CHECK(area.locationPrecision == LocationPrecision::Region);
}

TEST_CASE("CSV with other headers needs an explicit field mapping", "[io]")
{
    const QString file = formatFile("events_spanish.csv"); // Fecha;Titular;X;Y;Tipo

    const LoadResult unmapped = EventLoader::load(file);
    checkFatalOnly(unmapped, file, "no column holds a start date");
    CHECK(unmapped.recordsRead == 0);

    LoadOptions options;
    QString error;
    REQUIRE(FieldMapping::parse(QStringLiteral("start=Fecha,title=Titular,lon=X,lat=Y"), &options.mapping, &error));
    const LoadResult mapped = EventLoader::load(file, options);
    REQUIRE(mapped.store);
    checkIssues(mapped, file, {});
    REQUIRE(mapped.store->size() == 3);
    std::vector<std::string> titles;
    for (EventStore::Index i = 0; i < mapped.store->size(); ++i)
        titles.push_back(str(mapped.store->title(i)));
    // Time order; UTF-8 accents survive.
    CHECK(titles == std::vector<std::string>{"Primeros combates de tropas norcoreanas en Kursk",
                                             "Pionyang confirma el despliegue en Kursk", "Shoigú visita Pionyang"});
    CHECK(str(mapped.store->when(0).start().toIso()) == "2024-11-05");
    CHECK(mapped.store->lonDeg(0) == Approx(35.2));
    CHECK(mapped.store->latDeg(0) == Approx(51.4));
}

TEST_CASE("A mapping that names a column the file lacks is reported", "[io]")
{
    const QString file = formatFile("events_spanish.csv");
    LoadOptions options;
    REQUIRE(FieldMapping::parse(QStringLiteral("start=Fecha,title=Titulo"), &options.mapping, nullptr));
    const LoadResult result = EventLoader::load(file, options);
    REQUIRE(result.store);
    CHECK(result.store->size() == 3);
    REQUIRE_FALSE(result.issues.isEmpty());
    const Issue &first = result.issues.first();
    CHECK(first.severity == Issue::Severity::Warning);
    CHECK(first.record == -1);
    CHECK_THAT(str(first.message), Catch::Contains("'Titulo'") && Catch::Contains("no such column"));
    // Each record then has no title: a warning and the placeholder.
    CHECK(result.count(Issue::Severity::Warning) == 4);
    CHECK(result.issues[1].record == 1);
    CHECK(str(result.issues[1].field) == "title");
}

TEST_CASE("GeoPackage: typed date columns and JSON columns", "[io]")
{
    const QString file = formatFile("events.gpkg");
    const LoadResult result = EventLoader::load(file);
    REQUIRE(result.store);
    checkIssues(result, file, {});
    CHECK(ids(*result.store) == std::vector<std::string>{"gp-belgorod", "gp-kursk", "gp-pyongyang"});

    const Event kursk = eventById(*result.store, "gp-kursk");
    CHECK(kursk.when.start().precision == DatePrecision::Day); // an OFTDate cell
    CHECK(str(kursk.when.start().toIso()) == "2025-04-26");
    CHECK(str(kursk.when.end().toIso()) == "2025-04-28");
    CHECK(str(kursk.titleIn("es")) == "El Estado Mayor ruso declara liberada la región de Kursk");
    checkPoint(kursk, 36.1873, 51.7373);
    REQUIRE(kursk.claims.size() == 1);
    REQUIRE(kursk.claims[0].value);
    CHECK(*kursk.claims[0].value == 600);
    REQUIRE(kursk.sources.size() == 1);
    CHECK(kursk.sources[0] == Source{"TASS", "https://tass.com/", {}, "ru"});
    CHECK(eventById(*result.store, "gp-belgorod").when.isInstant());
}

TEST_CASE("KML: TimeStamp becomes an instant, TimeSpan begin/end a span", "[io]")
{
    const QString file = formatFile("events.kml");
    const LoadResult result = EventLoader::load(file);
    REQUIRE(result.store);
    checkIssues(result, file, {});
    REQUIRE(result.store->size() == 3);
    // Placemarks carry no id field through LIBKML: ids are generated, stable and distinct.
    const auto generated = ids(*result.store);
    for (const auto &id : generated)
        CHECK(id.starts_with("gen-"));
    CHECK(std::adjacent_find(generated.begin(), generated.end()) == generated.end());
    CHECK(ids(*EventLoader::load(file).store) == generated); // the same on every load

    // Time order: 2024-03-12, 2024-06-19, 2024-10-23.
    const EventStore &store = *result.store;
    const Event belgorod = store.event(0);
    CHECK(str(belgorod.titleIn({})) == "Belgorod border incursion"); // <name>
    CHECK(belgorod.when.isInstant());                                // <TimeStamp><when>2024-03-12
    CHECK(belgorod.when.start().precision == DatePrecision::Day);
    CHECK(str(belgorod.when.start().toIso()) == "2024-03-12");
    checkPoint(belgorod, 36.5983, 50.5997);

    const Event visit = store.event(1);
    CHECK(str(visit.titleIn({})) == "Putin arrives in Pyongyang");
    CHECK(str(visit.summaryIn({})) == "First visit by the Russian president since 2000."); // <description>
    CHECK(visit.when.isInstant());
    CHECK(visit.when.start().precision == DatePrecision::Time);
    CHECK(visit.when.start().startMs == FuzzyDate::parse(u"2024-06-19T00:30:00Z")->startMs);
    checkPoint(visit, 125.7625, 39.0392);

    const Event kursk = store.event(2);
    CHECK(str(kursk.titleIn({})) == "KPA deployment in Kursk oblast");
    CHECK_FALSE(kursk.when.isInstant()); // <TimeSpan>
    CHECK(str(kursk.when.start().toIso()) == "2024-10-23");
    CHECK(str(kursk.when.end().toIso()) == "2025-04-26");
    CHECK(kursk.when.end().precision == DatePrecision::Day);
    checkPoint(kursk, 36.1873, 51.7373);
}

TEST_CASE("XLSX and ODS: typed date and number cells", "[io]")
{
    const char *name = GENERATE("events.xlsx", "events.ods");
    const QString file = formatFile(name);
    INFO(name);
    const LoadResult result = EventLoader::load(file);
    REQUIRE(result.store);
    checkIssues(result, file, {});
    CHECK(ids(*result.store) == std::vector<std::string>{"xl-1", "xl-2", "xl-3"});

    const Event wonsan = eventById(*result.store, "xl-1");
    CHECK(str(wonsan.titleIn({})) == "Lavrov meets Choe Son Hui in Wonsan");
    CHECK(wonsan.when.start().precision == DatePrecision::Day);
    CHECK(str(wonsan.when.start().toIso()) == "2025-07-12");
    CHECK(str(wonsan.when.end().toIso()) == "2025-07-13");
    checkPoint(wonsan, 127.4436, 39.1528); // longitude / latitude cells typed Real
    CHECK(str(wonsan.category) == "diplomatic-contact");
    REQUIRE(wonsan.sources.size() == 1);
    CHECK(str(wonsan.sources[0].name) == "MFA Russia");
    CHECK(eventById(*result.store, "xl-2").when.isInstant()); // empty end cell
}

TEST_CASE("Data in another coordinate system comes back in WGS 84", "[io]")
{
    // The same records as events.gpkg (EPSG:4326), written with ogr2ogr -t_srs.
    const LoadResult reference = EventLoader::load(formatFile("events.gpkg"));
    REQUIRE(reference.store);
    REQUIRE(reference.issues.isEmpty());

    const auto [name, count] =
        GENERATE(table<const char *, int>({{"events_utm37n.gpkg", 2}, {"events_3857.geojson", 3}}));
    INFO(name);
    const QString file = formatFile(name);
    const LoadResult result = EventLoader::load(file);
    REQUIRE(result.store);
    checkIssues(result, file, {});
    REQUIRE(result.store->size() == count);
    for (EventStore::Index i = 0; i < result.store->size(); ++i) {
        const EventStore::Index j = reference.store->findId(result.store->id(i));
        INFO(str(result.store->id(i)));
        REQUIRE(j >= 0);
        CHECK(result.store->lonDeg(i) == Approx(reference.store->lonDeg(j)).margin(1e-6));
        CHECK(result.store->latDeg(i) == Approx(reference.store->latDeg(j)).margin(1e-6));
    }
    // Kursk, as the source data gives it.
    const EventStore::Index kursk = result.store->findId("gp-kursk");
    REQUIRE(kursk >= 0);
    CHECK(result.store->lonDeg(kursk) == Approx(36.1873).margin(1e-6));
    CHECK(result.store->latDeg(kursk) == Approx(51.7373).margin(1e-6));
}

// ---- files that are not datasets -----------------------------------------------------------------

TEST_CASE("An empty file is a clear error", "[io]")
{
    const QString file = badFile("empty.geojson");
    REQUIRE(QFileInfo(file).size() == 0);
    const LoadResult result = EventLoader::load(file);
    checkFatalOnly(result, file, "the file is empty");
    CHECK(result.recordsRead == 0);
}

TEST_CASE("Whitespace, prose and images are not datasets", "[io]")
{
    const char *name = GENERATE("whitespace.geojson", "prose.txt", "image.png", "png_as.geojson");
    INFO(name);
    const QString file = badFile(name);
    const LoadResult result = EventLoader::load(file);
    checkFatalOnly(result, file, "not a dataset Chronomap can read");
    // GDAL's own reason is passed on.
    CHECK_THAT(str(result.issues.first().message), Catch::Contains("not recognized as a supported file format"));
}

TEST_CASE("Truncated JSON is refused with where it breaks off", "[io]")
{
    // GDAL's GeoJSON driver parses the whole document before giving a feature, so the complete
    // first feature is lost with the rest: the error says where the text breaks off.
    const QString file = badFile("truncated.geojson");
    const LoadResult result = EventLoader::load(file);
    checkFatalOnly(result, file, "not a dataset Chronomap can read");
    CHECK_THAT(str(result.issues.first().message),
               Catch::Contains("At line 35") && Catch::Contains("Unterminated string"));
}

TEST_CASE("A FeatureCollection with no features holds no records", "[io]")
{
    const QString file = badFile("empty_collection.geojson");
    const LoadResult result = EventLoader::load(file);
    checkFatalOnly(result, file, "the file holds no records");
    CHECK(result.recordsRead == 0);
}

TEST_CASE("A table with no start column is refused with a hint", "[io]")
{
    const QString file = badFile("no_start_column.csv");
    const LoadResult result = EventLoader::load(file);
    checkFatalOnly(result, file, "no column holds a start date");
    CHECK_THAT(str(result.issues.first().message), Catch::Contains("start=Fecha"));
}

TEST_CASE("Missing files, folders and remote paths are refused before GDAL sees them", "[io]")
{
    const QString missing = badFile("no-such-file.geojson");
    checkFatalOnly(EventLoader::load(missing), missing, "no such file");
    const QString folder = chronomap::test::testDataDir() + QLatin1String("/bad");
    checkFatalOnly(EventLoader::load(folder), folder, "not a readable file");
    const QString remote = QStringLiteral("/vsicurl/https://example.org/events.geojson");
    checkFatalOnly(EventLoader::load(remote), remote, "only local files");
}

// ---- bad records among good ones -----------------------------------------------------------------

TEST_CASE("Latin-1 text in a CSV loads with a warning and replacement characters", "[io]")
{
    const QString file = badFile("latin1.csv");
    const LoadResult result = EventLoader::load(file);
    REQUIRE(result.store);
    checkIssues(result, file, {{Issue::Severity::Warning, 2, "l1-latin", "title", "not valid UTF-8"}});
    REQUIRE(result.store->size() == 2);
    CHECK(str(eventById(*result.store, "l1-ok").titleIn({})) == "Drone strike on Belgorod");
    // "Ataque con drones en Bel\xe9gorod: da\xf1os en la regi\xf3n": each Latin-1 byte is one U+FFFD.
    CHECK(str(eventById(*result.store, "l1-latin").titleIn({})) ==
          "Ataque con drones en Bel\uFFFDgorod: da\uFFFDos en la regi\uFFFDn");
}

TEST_CASE("Latin-1 text in GeoJSON: GDAL passes the bytes, the loader warns", "[io]")
{
    const QString file = badFile("latin1.geojson");
    const LoadResult result = EventLoader::load(file);
    REQUIRE(result.store);
    checkIssues(result, file, {{Issue::Severity::Warning, 2, "l1-latin", "title", "not valid UTF-8"}});
    REQUIRE(result.store->size() == 2);
    CHECK(str(eventById(*result.store, "l1-latin").titleIn({})) == "Ataque en Bel\uFFFDgorod");
}

TEST_CASE("GeoJSON with wrong types: bad starts skipped, bad claims and sources ignored", "[io]")
{
    const QString file = badFile("wrong_types.geojson");
    const LoadResult result = EventLoader::load(file);
    REQUIRE(result.store);
    checkIssues(
        result, file,
        {
            {Issue::Severity::Skipped, 2, "wt-start-number", "start", "'20250212' is not an ISO 8601 date"},
            {Issue::Severity::Skipped, 3, "wt-start-object", "start",
             "'{ \"year\": 2025, \"month\": 2 }' is not an ISO 8601 date"},
            {Issue::Severity::Warning, 4, "wt-claims-text", "claims", "not a JSON array of claims"},
            {Issue::Severity::Warning, 4, "wt-claims-text", "sources", "'5' is a number, not a source"},
            {Issue::Severity::Warning, 5, "wt-claims-mixed", "claims", "a claim is not a JSON object"},
            {Issue::Severity::Warning, 5, "wt-claims-mixed", "claims", "claim value for 'troops' is not a number"},
            {Issue::Severity::Warning, 5, "wt-claims-mixed", "sources", "a source is neither text nor an object"},
        });
    CHECK(result.recordsRead == 5);
    CHECK(ids(*result.store) == std::vector<std::string>{"wt-claims-mixed", "wt-claims-text", "wt-good"});

    const Event good = eventById(*result.store, "wt-good");
    REQUIRE(good.claims.size() == 1);
    CHECK(*good.claims[0].value == 3000);
    const Event text = eventById(*result.store, "wt-claims-text");
    CHECK(text.claims.isEmpty());
    CHECK(text.sources.isEmpty());
    const Event mixed = eventById(*result.store, "wt-claims-mixed");
    REQUIRE(mixed.claims.size() == 1); // the object; the bare number is dropped
    CHECK(str(mixed.claims[0].quantity) == "troops");
    CHECK_FALSE(mixed.claims[0].value);
    REQUIRE(mixed.sources.size() == 1);
    CHECK(str(mixed.sources[0].name) == "KCNA");
}

TEST_CASE("CSV with wrong types: text coordinates skip the record, an unknown confidence is a warning", "[io]")
{
    const QString file = badFile("wrong_types.csv");
    const LoadResult result = EventLoader::load(file);
    REQUIRE(result.store);
    checkIssues(result, file,
                {
                    {Issue::Severity::Skipped, 2, "wc-lat-text", "lat", "'abc' is not a number"},
                    {Issue::Severity::Skipped, 3, "wc-lon-comma", "lon", "'35,1' is not a number"},
                    {Issue::Severity::Warning, 4, "wc-confidence", "confidence", "'probably' is not one of"},
                });
    CHECK(ids(*result.store) == std::vector<std::string>{"wc-confidence", "wc-good"});
    CHECK(eventById(*result.store, "wc-good").confidence == Confidence::Reported);
    CHECK(eventById(*result.store, "wc-confidence").confidence == Confidence::Unknown);
}

TEST_CASE("Unusable start dates skip the record, unusable ends are dropped with a warning", "[io]")
{
    const QString file = badFile("bad_dates.csv");
    const LoadResult result = EventLoader::load(file);
    REQUIRE(result.store);
    checkIssues(
        result, file,
        {
            {Issue::Severity::Skipped, 2, "bd-yesterday", "start", "'yesterday' is not an ISO 8601 date"},
            {Issue::Severity::Skipped, 3, "bd-month13", "start", "'2025-13-45' is not an ISO 8601 date"},
            {Issue::Severity::Warning, 4, "bd-end-before", "end", "end 2025-04-01 is before start 2025-04-28"},
            {Issue::Severity::Warning, 5, "bd-end-bad", "end", "'soon' is not an ISO 8601 date; the end is ignored"},
            {Issue::Severity::Skipped, 6, "bd-empty", "start", "no start date; record skipped"},
        });
    CHECK(ids(*result.store) == std::vector<std::string>{"bd-end-bad", "bd-end-before", "bd-good"});
    CHECK(str(eventById(*result.store, "bd-good").when.end().toIso()) == "2024-11-07");
    const Event endBefore = eventById(*result.store, "bd-end-before");
    CHECK(endBefore.when.isInstant());
    CHECK(str(endBefore.when.start().toIso()) == "2025-04-28");
    CHECK(eventById(*result.store, "bd-end-bad").when.isInstant());
}

TEST_CASE("CSV coordinates: NaN, Infinity and out-of-range values skip the record", "[io]")
{
    const QString file = badFile("bad_coordinates.csv");
    const LoadResult result = EventLoader::load(file);
    REQUIRE(result.store);
    checkIssues(
        result, file,
        {
            {Issue::Severity::Skipped, 2, "bc-nan", "lon/lat", "(36.5983, nan) is not a WGS 84 longitude/latitude"},
            // Qt reads "inf" but not "Infinity": reported as text, skipped all the same.
            {Issue::Severity::Skipped, 3, "bc-inf", "lon", "'Infinity' is not a number"},
            {Issue::Severity::Skipped, 4, "bc-lat95", "lon/lat", "(36.5983, 95) is not a WGS 84"},
            {Issue::Severity::Skipped, 5, "bc-lon200", "lon/lat", "(200, 50.5997) is not a WGS 84"},
        });
    CHECK(ids(*result.store) == std::vector<std::string>{"bc-edge", "bc-good"});
    checkPoint(eventById(*result.store, "bc-edge"), 180, -90); // the edges themselves are valid
}

TEST_CASE("GeoJSON coordinates: out of range, NaN and Infinity skip the record", "[io]")
{
    const QString file = badFile("bad_coordinates.geojson");
    const LoadResult result = EventLoader::load(file);
    REQUIRE(result.store);
    checkIssues(result, file,
                {
                    {Issue::Severity::Skipped, 2, "bg-lat95", "geometry", "(36.5983, 95) is not a WGS 84"},
                    {Issue::Severity::Skipped, 3, "bg-lon200", "geometry", "(200, 55.7558) is not a WGS 84"},
                    // GDAL turns [NaN, 50.5997] into an empty point.
                    {Issue::Severity::Skipped, 4, "bg-nan", "geometry", "empty Point (no usable coordinates)"},
                    {Issue::Severity::Skipped, 5, "bg-inf", "geometry", "(36.5983, inf) is not a WGS 84"},
                    // GDAL drops a geometry with text coordinates (leaving none) and says so only
                    // while opening the file, so the record loads without a location and GDAL's
                    // message is reported for the file.
                    {Issue::Severity::Warning, 6, "bg-text", "geometry", "no location; shown on the timeline only"},
                    {Issue::Severity::Warning, -1, "", "", "GDAL: Invalid 'x' coordinate"},
                });
    CHECK(ids(*result.store) == std::vector<std::string>{"bg-good", "bg-text"});
    checkPoint(eventById(*result.store, "bg-good"), 36.5983, 50.5997);
    CHECK(eventById(*result.store, "bg-text").geometryKind == GeometryKind::None);
}

TEST_CASE("Bad WKT skips the record", "[io]")
{
    const QString file = badFile("bad_wkt.csv");
    const LoadResult result = EventLoader::load(file);
    REQUIRE(result.store);
    checkIssues(result, file,
                {
                    {Issue::Severity::Skipped, 2, "bw-garbage", "wkt", "'POINT (thirty six)' is not WKT geometry"},
                    {Issue::Severity::Skipped, 3, "bw-range", "geometry", "(36.2, 151.7) is not a WGS 84"},
                });
    CHECK(ids(*result.store) == std::vector<std::string>{"bw-good"});
}

TEST_CASE("A record with no geometry stays on the timeline, without regions it is reported", "[io]")
{
    const QString file = badFile("null_geometry.geojson");
    const LoadResult result = EventLoader::load(file);
    REQUIRE(result.store);
    checkIssues(result, file,
                {{Issue::Severity::Warning, 2, "ng-nowhere", "geometry", "no location; shown on the timeline only"}});
    REQUIRE(result.store->size() == 3);
    const Event withRegions = eventById(*result.store, "ng-regions");
    CHECK(withRegions.geometryKind == GeometryKind::None);
    CHECK(withRegions.regions == QStringList{"RU-KRS", "RU-BEL"});
    CHECK(result.store->codedTo("RU-BEL").size() == 1);
    const Event nowhere = eventById(*result.store, "ng-nowhere");
    CHECK(nowhere.geometryKind == GeometryKind::None);
    CHECK(nowhere.regions.isEmpty());
    CHECK(std::isnan(result.store->lonDeg(result.store->findId("ng-nowhere"))));
}

TEST_CASE("Unsupported geometry skips the record, several points keep the first", "[io]")
{
    const QString file = badFile("unsupported_geometry.geojson");
    const LoadResult result = EventLoader::load(file);
    REQUIRE(result.store);
    checkIssues(
        result, file,
        {
            {Issue::Severity::Skipped, 2, "ug-collection", "geometry", "Geometry Collection geometry is not supported"},
            {Issue::Severity::Warning, 3, "ug-multipoint", "geometry",
             "several points; the first stands for the record"},
        });
    CHECK(ids(*result.store) == std::vector<std::string>{"ug-multipoint", "ug-point"});
    checkPoint(eventById(*result.store, "ug-multipoint"), 125.7625, 39.0392);
}

TEST_CASE("A duplicate id skips the later record", "[io]")
{
    const QString file = badFile("duplicate_ids.geojson");
    const LoadResult result = EventLoader::load(file);
    REQUIRE(result.store);
    checkIssues(result, file,
                {{Issue::Severity::Skipped, 3, "dup-1", "id", "id 'dup-1' is already used by an earlier record"}});
    CHECK(ids(*result.store) == std::vector<std::string>{"dup-1", "dup-2"});
    CHECK(str(eventById(*result.store, "dup-1").titleIn({})) == "Kursk: first report");
}

TEST_CASE("Text longer than the limit is cut with a warning, never inside a character", "[io]")
{
    // Generated here: a field past 64 KiB makes a fixture too big to keep in the repository.
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const qint64 limit = LoadOptions{}.maxTextBytes;
    const QByteArray longText = QByteArray(limit + 4464, 'a');
    // An emoji (two UTF-16 units) straddling the limit: the cut must not split it.
    const QByteArray straddling = QByteArray(limit - 1, 'b') + "\xF0\x9F\x93\xB0" + QByteArray(100, 'b');
    const QString file = dir.filePath("huge_text.geojson");
    REQUIRE(writeFile(
        file, "{\"type\":\"FeatureCollection\",\"features\":["
              "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[36.1873,51.7373]},"
              "\"properties\":{\"id\":\"long\",\"title\":\"Kursk\",\"start\":\"2025-01-01\",\"summary\":\"" +
                  longText +
                  "\"}},"
                  "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[36.1873,51.7373]},"
                  "\"properties\":{\"id\":\"emoji\",\"title\":\"Kursk\",\"start\":\"2025-01-02\",\"summary\":\"" +
                  straddling + "\"}}]}"));
    const LoadResult result = EventLoader::load(file);
    REQUIRE(result.store);
    const std::string cut = "; cut to " + std::to_string(limit);
    checkIssues(result, file,
                {
                    {Issue::Severity::Warning, 1, "long", "summary",
                     ("text is " + std::to_string(longText.size()) + " characters long" + cut).c_str()},
                    {Issue::Severity::Warning, 2, "emoji", "summary",
                     ("text is " + std::to_string(limit - 1 + 2 + 100) + " characters long" + cut).c_str()},
                });
    REQUIRE(result.store->size() == 2);
    const QString longSummary = eventById(*result.store, "long").summaryIn({});
    CHECK(longSummary.size() == limit);
    CHECK(longSummary == QString(limit, u'a'));
    const QString emojiSummary = eventById(*result.store, "emoji").summaryIn({});
    CHECK(emojiSummary.size() == limit - 1);
    CHECK_FALSE(emojiSummary.back().isSurrogate());
}

// ---- progress and cancel -------------------------------------------------------------------------

namespace {

/// A plain CSV of `rows` events, one a day from 2000-01-01, around Kursk.
QString writeLargeCsv(const QTemporaryDir &dir, int rows)
{
    QByteArray csv = "id,date,lat,lon,title\n";
    csv.reserve(rows * 48);
    const QDate first(2000, 1, 1);
    for (int i = 0; i < rows; ++i)
        csv += "ev-" + QByteArray::number(i) + ',' + first.addDays(i).toString(Qt::ISODate).toLatin1() + ',' +
               QByteArray::number(51.0 + (i % 100) * 0.01) + ',' + QByteArray::number(36.0 + (i % 37) * 0.01) +
               ",Event " + QByteArray::number(i) + '\n';
    const QString path = dir.filePath("large.csv");
    REQUIRE(writeFile(path, csv));
    return path;
}

} // namespace

TEST_CASE("Loading reports progress and ends at the number of records read", "[io]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    constexpr int rows = 20'000;
    const QString file = writeLargeCsv(dir, rows);

    std::vector<std::pair<qint64, qint64>> calls;
    const LoadResult result = EventLoader::load(file, {}, [&](qint64 done, qint64 total) {
        calls.emplace_back(done, total);
        return true;
    });
    REQUIRE(result.store);
    CHECK(result.issues.isEmpty());
    CHECK_FALSE(result.cancelled);
    CHECK(result.recordsRead == rows);
    CHECK(result.store->size() == rows);

    REQUIRE(calls.size() >= 3); // every few thousand records, then once at the end
    for (size_t i = 1; i < calls.size(); ++i)
        CHECK(calls[i].first > calls[i - 1].first);
    // GDAL cannot count a CSV cheaply: the total is estimated from line lengths, close to the
    // truth and never claiming completion before the end.
    for (size_t i = 0; i + 1 < calls.size(); ++i) {
        CHECK(calls[i].first < rows);
        CHECK(calls[i].second > calls[i].first);
        CHECK(calls[i].second == Approx(rows).epsilon(0.2));
    }
    CHECK(calls.back() == std::pair<qint64, qint64>(rows, rows));
}

TEST_CASE("Returning false from the progress callback cancels: empty store, no issues", "[io]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString file = writeLargeCsv(dir, 20'000);

    const int stopAtCall = GENERATE(1, 2);
    INFO("cancel at progress call " << stopAtCall);
    int callCount = 0;
    qint64 doneAtCancel = -1;
    const LoadResult result = EventLoader::load(file, {}, [&](qint64 done, qint64) {
        ++callCount;
        if (callCount < stopAtCall) return true;
        doneAtCancel = done;
        return false;
    });
    REQUIRE(result.store);
    CHECK(result.cancelled);
    CHECK(result.store->isEmpty());
    CHECK(result.issues.isEmpty());
    CHECK_FALSE(result.hasFatal());
    CHECK(callCount == stopAtCall); // not called again after the cancel
    CHECK(result.recordsRead == doneAtCancel);
    CHECK(result.recordsRead < 20'000);
}

TEST_CASE("The loader's messages follow the Spanish UI, from each of the reader's parts", "[io][i18n]")
{
    REQUIRE(UiLanguage::apply(QStringLiteral("es")));
    struct English {
        ~English() { UiLanguage::apply(QStringLiteral("en")); }
    } restore;
    const auto messages = [](const QString &file) {
        QStringList out;
        for (const Issue &issue : EventLoader::load(file).issues)
            out << issue.message;
        return out.join(u'\n');
    };
    // layer_reader_geometry.cpp, layer_reader_fields.cpp and layer_reader.cpp in turn.
    CHECK(messages(badFile("wrong_types.csv")).contains(u"'abc' no es un número; registro omitido"));
    CHECK(messages(badFile("bad_dates.csv")).contains(u"'yesterday' no es una fecha ISO 8601"));
    CHECK(messages(badFile("duplicate_ids.geojson")).contains(u"el id 'dup-1' ya lo usa un registro anterior"));
}
