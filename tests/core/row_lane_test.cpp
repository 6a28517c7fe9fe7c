// SPDX-License-Identifier: GPL-3.0-or-later
// The loader's fast lane (LayerReader::readRow → EventStoreBuilder::addRow) fills the store's
// columns straight from the raw fields: every load must give, field by field, the store and the
// issues of taking each record through an Event (LoadOptions::rowLane = false), on the bundled
// data, every fixture, messy files and through the reader child; and the lane must really carry
// the common record.
#include "core/io/batch_converter.h"
#include "../test_paths.h"
#include "core/io/event_loader.h"
#include "core/io/gdal_session.h"
#include "core/io/id_set.h"
#include "core/io/layer_reader.h"
#include "core/io/reader_process.h"
#include "core/io/user_dataset.h"

#include <QDate>
#include <QDir>
#include <QDirIterator>

#include "../bundled_data.h"
#include "../qt_string_maker.h"
#include "../test_files.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <memory>

using namespace chronomap;
using namespace chronomap::test;

namespace {

LoadResult loadWith(const QString &path, bool rowLane, bool child = false)
{
    LoadOptions options;
    options.rowLane = rowLane;
    options.regions = bundledBaseMap()->regions; // region names (ACLED, UCDP) as the window has them
    return child ? ReaderProcess::load(path, options) : EventLoader::load(path, options);
}

bool sameNumber(double a, double b)
{
    return (std::isnan(a) && std::isnan(b)) || a == b;
}

/// Every field of every event and of the store's own tables, and every issue in order.
void requireSameLoad(const LoadResult &events, const LoadResult &rows)
{
    REQUIRE(rows.issues.size() == events.issues.size());
    for (qsizetype i = 0; i < events.issues.size(); ++i) {
        INFO("issue " << i);
        CHECK(rows.issues[i].severity == events.issues[i].severity);
        CHECK(rows.issues[i].toString() == events.issues[i].toString());
        CHECK(rows.issues[i].recordId == events.issues[i].recordId);
    }
    CHECK(rows.recordsRead == events.recordsRead);
    const EventStore &a = *events.store, &b = *rows.store;
    REQUIRE(b.size() == a.size());
    CHECK(b.categories() == a.categories());
    CHECK(b.provenances() == a.provenances());
    CHECK(b.memoryBytes() == a.memoryBytes()); // the same text arena, byte for byte in size
    for (EventStore::Index i = 0; i < a.size(); ++i) {
        INFO("event " << i << " " << str(a.id(i)));
        REQUIRE(b.event(i) == a.event(i));
        CHECK(sameNumber(b.lonDeg(i), a.lonDeg(i)));
        CHECK(sameNumber(b.latDeg(i), a.latDeg(i)));
        CHECK(b.categoryIndex(i) == a.categoryIndex(i));
        CHECK(b.provenanceIndex(i) == a.provenanceIndex(i));
        CHECK(b.searchableText(i) == a.searchableText(i));
        CHECK(b.findId(a.id(i)) == i);
        for (const QString &code : a.regionCodes(i))
            CHECK(b.codedTo(code) == a.codedTo(code));
    }
}

/// A CSV whose records are mostly plain, with every kind of exception to the lane mixed in.
QByteArray mixedCsv(int rows)
{
    QByteArray csv = "id,title,summary,start,end,date_precision,category,lat,lon,wkt,source,actors,places,regions,"
                     "claims,confidence,location_precision,provenance\n";
    const QDate first(2001, 1, 1);
    for (int i = 1; i <= rows; ++i) {
        const QDate day = first.addDays(i % 4000);
        const QByteArray n = QByteArray::number(i);
        QByteArray id = "ev-" + QByteArray::number(i % 101 == 0 ? i - 1 : i); // duplicates
        if (i % 157 == 0) id.clear();                                         // a made-up id
        QByteArray title = i % 73 == 0 ? "" : i % 131 == 0 ? "caf\xc3\xa9 " + n : "Event " + n;
        if (i % 137 == 0) title = "caf\xe9 " + n; // not UTF-8
        if (i % 139 == 0)
            title = "\xef\xbb\xbf"
                    "BOM " +
                    n; // a byte order mark text() drops
        if (i % 149 == 0) title = "\xef\xbf\xbe \xd0\x9a\xd1\x83\xd1\x80\xd1\x81\xd0\xba " + n; // U+FFFE, Cyrillic
        QByteArray start = day.toString(Qt::ISODate).toLatin1();
        if (i % 97 == 0) start = "someday";
        if (i % 113 == 0) start = " " + day.toString("yyyy-MM").toLatin1();
        QByteArray end = i % 7 == 0 ? day.addDays(3).toString(Qt::ISODate).toLatin1() : QByteArray();
        if (i % 83 == 0) end = day.addDays(-3).toString(Qt::ISODate).toLatin1();
        const QByteArray precision = i % 59 == 0 ? "fortnight" : i % 47 == 0 ? "month" : i % 45 == 0 ? "time" : "";
        QByteArray lat = QByteArray::number(40.0 + (i % 100) * 0.1), lon = QByteArray::number(30.0 + (i % 37) * 0.1);
        if (i % 89 == 0) lat = "north";
        if (i % 53 == 0) lat = "95.5";
        if (i % 51 == 0) lon = " 31.5 "; // a number the lane leaves to the general path
        if (i % 49 == 0) lon = "3.1e1";
        QByteArray wkt;
        if (i % 79 == 0) {
            lat.clear();
            lon.clear();
            wkt = i % 158 == 0 ? "POINT (oops"
                  : i % 3      ? "LINESTRING (30 50, 31 51)"
                               : "POLYGON ((30 50, 31 50, 31 51, 30 50))";
        }
        if (i % 211 == 0) lat.clear(), lon.clear(); // no location at all
        const QByteArray source = i % 67 == 0   ? "42"
                                  : i % 61 == 0 ? "inf"
                                  : i % 29 == 0 ? "[\"\"TASS\"\"]"
                                  : i % 2       ? "TASS; https://example.org/a?q=\"\"x\"\" "
                                                : "nos.nl|Reuters";
        const QByteArray actors = i % 11 == 0 ? "[\"\"KP\"\",\"\"RU\"\"]" : i % 4 ? " army ; navy| " : "";
        const QByteArray places = i % 6 == 0 ? "Kursk;Sudzha" : "";
        const QByteArray regions = i % 3 ? "ru-krs|KP-01" : i % 5 ? "" : " ua-59 ";
        const QByteArray claims = i % 71 == 0   ? R"("[{""quantity"":""troops"",""value"":""many""}]")"
                                  : i % 43 == 0 ? R"("[{""quantity"":""shells"",""value"":1000}]")"
                                  : i % 41 == 0 ? "lots"
                                                : "  ";
        const QByteArray confidence = i % 63 == 0 ? "maybe" : i % 5 == 0 ? " Reported" : "";
        const QByteArray location = i % 9 == 0 ? "region" : i % 10 == 0 ? "PLACE" : i % 19 == 0 ? "somewhere" : "";
        const QByteArray provenance = i % 8 == 0 ? " article " : i % 13 == 0 ? "context" : "";
        const QByteArray category = i % 17 == 0 ? " Summit " : i % 2 ? "combat" : "Deployment";
        csv += id + ",\"" + title + "\"," +
               (i % 5 == 0    ? "A summary"
                : i % 23 == 0 ? "\xd0\xa1\xd0\xb2\xd0\xbe\xd0\xb4\xd0\xba\xd0\xb0"
                              : "") +
               ',' + start + ',' + end + ',' + precision + ',' + category + ',' + lat + ',' + lon + ",\"" + wkt +
               "\",\"" + source + "\",\"" + actors + "\"," + places + ',' + regions + ',' + claims + ',' + confidence +
               ',' + location + ',' + provenance + '\n';
    }
    return csv;
}

/// GeoJSON whose lists are arrays of strings (OGR string lists), with the lists the lane leaves
/// to read() mixed in: blank, padded or non-ASCII items, and a number among the sources.
QByteArray mixedGeoJson(int features)
{
    QByteArray json = R"({"type":"FeatureCollection","features":[)";
    for (int i = 1; i <= features; ++i) {
        const QByteArray n = QByteArray::number(i);
        const QByteArray regions = i % 3 == 0    ? R"(["ru-krs","KP-01"])"
                                   : i % 7 == 0  ? R"([" ua-59 "])"
                                   : i % 11 == 0 ? R"(["", "RU-MOS"])"
                                   : i % 13 == 0 ? "[\"caf\u00e9\"]"
                                                 : R"(["RU-PRI"])";
        const QByteArray actors = i % 5 == 0 ? R"(["army", " navy"])" : i % 4 == 0 ? R"(["KP","RU"])" : R"(["KP"])";
        const QByteArray source = i % 17 == 0 ? R"(["TASS","Reuters"])" : i % 19 == 0 ? R"(["", "5"])" : R"("Yonhap")";
        json += (i > 1 ? ",\n" : "\n") + QByteArray(R"({"type":"Feature","properties":{"id":"ev-)") + n +
                R"(","title":"Event )" + n + R"(","start":"2023-0)" + QByteArray::number(1 + i % 9) +
                R"(-11","category":"combat","regions":)" + regions + R"(,"actors":)" + actors +
                R"(,"places":["Kursk"],"source":)" + source + R"(},"geometry":{"type":"Point","coordinates":[)" +
                QByteArray::number(30 + i % 17) + ',' + QByteArray::number(40 + i % 13) + "]}}";
    }
    return json + "\n]}\n";
}

/// A file's first layer, its LayerReader, and every feature extract()ed into one batch.
struct ExtractedLayer {
    ExtractedLayer(const QString &path, const QString &suffix, const LoadOptions &loadOptions = {})
        : options(loadOptions)
    {
        ensureGdalReady();
        dataset = openUserDataset(QFile::encodeName(path), suffix);
        REQUIRE(dataset);
        OGRLayerH layer = GDALDatasetGetLayer(dataset.get(), 0);
        reader = std::make_unique<LayerReader>(path, layer, options, issues);
        REQUIRE(reader->usable());
        OGR_L_ResetReading(layer);
        qint64 record = 0;
        while (FeaturePtr feature{OGR_L_GetNextFeature(layer)})
            reader->extract(static_cast<OGRFeatureH>(feature.get()), ++record, batch);
    }
    DatasetPtr dataset; ///< first: the reader, which reads its layer, goes before it
    IssueList issues;
    const LoadOptions options;
    std::unique_ptr<LayerReader> reader;
    FeatureBatch batch;
};

/// An ACLED export (columns since March 2023) whose rows are mostly as ACLED writes them, with
/// every kind of exception to the lane mixed in: unknown codes, unknown regions, missing title
/// parts, figures that are not numbers, text that is not ASCII.
QByteArray mixedAcled(int rows)
{
    QByteArray csv = "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,"
                     "assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,"
                     "country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,"
                     "notes,fatalities,tags,timestamp\n";
    const char *admin1[] = {"Kursk", "Belgorod", "Odesa", "Kharkiv Oblast", " Kursk ", "Atlantis", ""};
    const char *months[] = {"January", "August", "December"};
    for (int i = 1; i <= rows; ++i) {
        const QByteArray n = QByteArray::number(i);
        const QByteArray id = "RUS" + QByteArray::number(i % 101 == 0 ? i - 1 : i); // duplicates
        const int day = 1 + i % 28, year = 2022 + i % 4;
        QByteArray date = i % 3 == 0   ? QByteArray::number(day) + ' ' + months[i % 3] + ' ' + QByteArray::number(year)
                          : i % 3 == 1 ? QDate(year, 1 + i % 12, day).toString("dd-MM-yyyy").toLatin1()
                                       : QDate(year, 1 + i % 12, day).toString(Qt::ISODate).toLatin1();
        if (i % 97 == 0) date = "someday";
        QByteArray time = i % 10 < 7 ? "1" : i % 10 == 7 ? "2" : i % 10 == 8 ? "3" : "2.0";
        if (i % 89 == 0) time = "7";
        if (i % 83 == 0) time = "";
        QByteArray sub = i % 2 ? "Armed clash" : "Shelling/artillery/missile attack", location = "Sudzha " + n;
        if (i % 71 == 0) sub.clear(), location.clear(); // no title at all
        if (i % 37 == 0) sub.clear();
        if (i % 41 == 0) location = "Kr\xc3\xb3pivnytsky"; // UTF-8: the Event path
        const QByteArray actor1 = i % 4 ? "Military Forces of Russia (2000-); Wagner" : "Civilians (Russia)";
        const QByteArray assoc = i % 5 == 0 ? "Wagner" : "";
        const QByteArray region = admin1[i % std::size(admin1)];
        QByteArray geo = i % 7 == 0 ? "3" : i % 7 == 1 ? "2" : "1";
        if (i % 53 == 0) geo = "9";
        QByteArray lat = QByteArray::number(50.0 + (i % 100) * 0.01), lon = QByteArray::number(35.0 + (i % 37) * 0.01);
        if (i % 73 == 0) lat.clear(), lon.clear();
        const QByteArray source = i % 67 == 0 ? "42" : i % 2 ? "Kommersant; Telegram" : "https://t.me/x|Meduza";
        QByteArray fatalities = i % 3 ? QByteArray::number(i % 20) : QByteArray(i % 9 == 0 ? "" : "1.5");
        if (i % 59 == 0) fatalities = "many";
        const QByteArray notes = i % 5 == 0 ? QByteArray() : "On " + date + ", shelling near " + location + ".";
        const QByteArray type = i % 17 == 0 ? " Riots " : "Explosions/Remote violence";
        csv += id + ',' + date + ',' + QByteArray::number(year) + ',' + time + ",Political violence," + type + ',' +
               sub + ",\"" + actor1 + "\"," + assoc + ",8,Civilians (Ukraine),,7,78,,643,Europe,Russia," + region +
               ",,," + location + ',' + lat + ',' + lon + ',' + geo + ",\"" + source + "\",National,\"" + notes +
               "\"," + fatalities + ",," + QByteArray::number(1700000000 + i) + '\n';
    }
    return csv;
}

/// A UCDP GED export mixed likewise: precision codes of both scales, unknown ones, headlines as
/// many as the sources or not, categories by code.
QByteArray mixedUcdp(int rows)
{
    QByteArray csv = "id,year,type_of_violence,dyad_name,side_a,side_b,source_article,source_headline,where_prec,"
                     "where_coordinates,where_description,adm_1,latitude,longitude,date_prec,date_start,date_end,best,"
                     "high,low\n";
    const char *adm1[] = {"Belgorod oblast", "Kursk oblast", "Kharkiv oblast", "Nowhere oblast", ""};
    for (int i = 1; i <= rows; ++i) {
        const QDate start = QDate(2024, 1, 1).addDays(i % 300);
        const QDate end = start.addDays(i % 4 == 0 ? 3 : 0);
        QByteArray violence = QByteArray::number(1 + i % 3);
        if (i % 61 == 0) violence = "8";
        QByteArray datePrec = QByteArray::number(1 + i % 5), wherePrec = QByteArray::number(1 + i % 7);
        if (i % 67 == 0) datePrec = "0";
        if (i % 71 == 0) wherePrec = "x";
        const QByteArray sources = i % 3 == 0 ? "\"\"\"Interfax\"\",2024-08-12;\"\"TASS\"\",2024-08-12\"" : "Meduza";
        const QByteArray headlines = i % 5 == 0 ? "" : i % 2 ? "Belgorod shelled;Two killed" : "Fighting";
        QByteArray best = QByteArray::number(i % 13), low = QByteArray::number(i % 7),
                   high = QByteArray::number(i % 29);
        if (i % 43 == 0) best = "n/a";
        const QByteArray dyad = i % 31 == 0 ? "" : "Government of Russia - Government of Ukraine";
        csv += QByteArray::number(i % 97 == 0 ? i - 1 : i) + ",2024," + violence + ',' + dyad +
               ",Government of Russia,Government of Ukraine;Civilians," + sources + ',' + headlines + ',' + wherePrec +
               ",Place " + QByteArray::number(i % 11) + ",near it," + adm1[i % std::size(adm1)] + ',' +
               QByteArray::number(50.0 + (i % 50) * 0.02) + ',' + QByteArray::number(36.0 + (i % 30) * 0.02) + ',' +
               datePrec + ',' + start.toString(Qt::ISODate).toLatin1() + " 00:00:00.000," +
               end.toString(Qt::ISODate).toLatin1() + " 00:00:00.000," + best + ',' + high + ',' + low + '\n';
    }
    return csv;
}

/// How many of the file's records LayerReader::readRow() takes, of how many; every one it takes
/// read() takes without a word to the same id, title, span, regions, claims and sources.
std::pair<int, int> lanedRecords(const QString &path, const LoadOptions &options, IssueList &issues)
{
    const ExtractedLayer extracted(path, QStringLiteral("csv"), options);
    LayerReader &reader = *extracted.reader;
    const FeatureBatch &batch = extracted.batch;
    int laned = 0;
    EventRow row;
    for (qsizetype i = 0; i < batch.size(); ++i) {
        if (!reader.readRow(batch, i, row)) continue;
        ++laned;
        const qsizetype before = extracted.issues.size();
        const std::optional<Event> e = reader.read(batch, i);
        REQUIRE(e);
        CHECK(extracted.issues.size() == before);
        CHECK(row.view(row.id) == e->id.toUtf8());
        CHECK(row.view(row.title) == e->title.value(QString()).toUtf8());
        CHECK(row.when == e->when);
        CHECK(row.regions.size() == size_t(e->regions.size()));
        CHECK(row.claims.size() == size_t(e->claims.size()));
        CHECK(row.sources.size() == size_t(e->sources.size()));
        CHECK(row.locationPrecision == e->locationPrecision);
    }
    issues.append(extracted.issues);
    return {laned, int(batch.size())};
}

/// Files of tests/data and the bundled dataset: every format and every bad fixture.
QStringList fixtureFiles()
{
    QStringList files = {sourcePath("geodata/events/russia-north-korea.geojson")};
    for (const char *dir : {"/formats", "/bad"}) {
        QDirIterator it(chronomap::test::testDataDir() + QLatin1String(dir), QDir::Files);
        while (it.hasNext()) {
            const QString path = it.next();
            if (!path.endsWith(u".md") && !path.endsWith(u".txt")) files.append(path);
        }
    }
    files.sort();
    return files;
}

} // namespace

TEST_CASE("The row lane gives the store and issues of the Event path on every fixture", "[io]")
{
    for (const QString &path : fixtureFiles()) {
        INFO(str(path));
        requireSameLoad(loadWith(path, false), loadWith(path, true));
    }
}

TEST_CASE("The row lane gives the store and issues of the Event path on a mixed CSV", "[io]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString path = writeFile(dir, "mixed.csv", mixedCsv(5'000)); // several batches
    const bool child = GENERATE(false, true);
    INFO((child ? "through the reader child" : "in process"));
    const LoadResult events = loadWith(path, false, child), rows = loadWith(path, true, child);
    requireSameLoad(events, rows);
    // The exceptions were really there.
    CHECK(rows.count(Issue::Severity::Skipped) > 150);
    CHECK(rows.count(Issue::Severity::Warning) > 300);
    CHECK(rows.store->size() > 3'000);
}

TEST_CASE("The row lane gives the store and issues of the Event path on GeoJSON string lists", "[io]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString path = writeFile(dir, "lists.geojson", mixedGeoJson(5'000));
    const bool child = GENERATE(false, true);
    INFO((child ? "through the reader child" : "in process"));
    requireSameLoad(loadWith(path, false, child), loadWith(path, true, child));
}

TEST_CASE("The row lane carries the GeoJSON records whose lists are plain", "[io]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString path = writeFile(dir, "lists.geojson", mixedGeoJson(600));
    const ExtractedLayer extracted(path, QStringLiteral("geojson"));
    LayerReader &reader = *extracted.reader;
    const FeatureBatch &batch = extracted.batch;
    const IssueList &issues = extracted.issues;
    REQUIRE(batch.size() == 600);
    int laned = 0;
    EventRow row;
    for (qsizetype i = 0; i < batch.size(); ++i) {
        if (!reader.readRow(batch, i, row)) continue;
        ++laned;
        const std::optional<Event> e = reader.read(batch, i);
        REQUIRE(e);
        REQUIRE(row.regions.size() == size_t(e->regions.size()));
        for (size_t r = 0; r < row.regions.size(); ++r)
            CHECK(QString::fromLatin1(row.view(row.regions[r])) == e->regions[qsizetype(r)]);
        REQUIRE(row.actors.size() == size_t(e->actors.size()));
        for (size_t a = 0; a < row.actors.size(); ++a)
            CHECK(QString::fromLatin1(row.view(row.actors[a])) == e->actors[qsizetype(a)]);
    }
    CHECK(laned > 250); // the plain lists
    CHECK(laned < 550); // not the blank, padded or non-ASCII items
    CHECK(issues.isEmpty());
}

TEST_CASE("The row lane carries the plain records and leaves the rest to the Event path", "[io]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString path = writeFile(dir, "mixed.csv", mixedCsv(600));
    IssueList issues;
    const auto [laned, records] = lanedRecords(path, LoadOptions(), issues);
    REQUIRE(records == 600);
    // Most records are plain; the exceptions (issues, JSON lists, UTF-8, lines) are not.
    CHECK(laned > 250);
    CHECK(laned < 600);
    CHECK(issues.isEmpty()); // readRow() reports nothing, whatever it declines
}

TEST_CASE("The row lane carries UTF-8 titles and summaries byte for byte", "[io]")
{
    // Cyrillic, CJK, an emoji (a surrogate pair in UTF-16) and a noncharacter: read() keeps each
    // as its bytes. A leading byte order mark (text() drops it) and bytes that are not UTF-8 (it
    // warns) are read()'s; so is UTF-8 in any other column.
    const QByteArray texts[] = {"\xd0\x92\xd1\x81\xd1\x82\xd1\x80\xd0\xb5\xd1\x87\xd0\xb0", "\xe4\xbc\x9a\xe8\xab\x87",
                                "\xf0\x9f\x9a\x80 launch", "a\xef\xbf\xbf"};
    QByteArray csv = "id,title,summary,start,category,lat,lon\n";
    for (int i = 1; i <= 400; ++i) {
        const QByteArray n = QByteArray::number(i);
        QByteArray title = texts[i % 4] + ' ' + n, category = "combat";
        if (i % 50 == 0) title = "\xef\xbb\xbf" + title;
        if (i % 50 == 1) title = "caf\xe9 " + n;
        if (i % 50 == 2) category = "\xd0\xb1\xd0\xbe\xd0\xb9";
        csv += "ev-" + n + ",\"" + title + "\",\"" + texts[(i + 1) % 4] + "\",2024-03-0" +
               QByteArray::number(1 + i % 9) + ',' + category + ",50.5,30.5\n";
    }
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString path = writeFile(dir, "utf8.csv", csv);
    IssueList issues;
    const auto [laned, records] = lanedRecords(path, LoadOptions(), issues);
    REQUIRE(records == 400);
    CHECK(laned == 400 - 3 * 8); // all but the byte order marks, the Latin-1 and the UTF-8 categories
    CHECK(issues.isEmpty());
    const bool child = GENERATE(false, true);
    INFO((child ? "through the reader child" : "in process"));
    const LoadResult events = loadWith(path, false, child), rows = loadWith(path, true, child);
    requireSameLoad(events, rows);
    CHECK(rows.store->size() == 400);
    CHECK(rows.count(Issue::Severity::Warning) == 8); // the Latin-1 titles
}

TEST_CASE("The row lane gives the store and issues of the Event path on mixed ACLED and UCDP exports", "[io]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const bool acled = GENERATE(true, false);
    const bool child = GENERATE(false, true);
    INFO((acled ? "ACLED" : "UCDP GED") << (child ? " through the reader child" : " in process"));
    const QString path =
        acled ? writeFile(dir, "acled.csv", mixedAcled(3'000)) : writeFile(dir, "ged.csv", mixedUcdp(3'000));
    const LoadResult events = loadWith(path, false, child), rows = loadWith(path, true, child);
    requireSameLoad(events, rows);
    CHECK(rows.count(Issue::Severity::Skipped) > 25); // duplicates, bad dates
    CHECK(rows.count(Issue::Severity::Warning) > 100);
    CHECK(rows.store->size() > 2'500);
}

TEST_CASE("The row lane carries ACLED and UCDP rows with their titles, spans, regions and figures", "[io]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    LoadOptions options;
    options.regions = bundledBaseMap()->regions;
    IssueList issues;
    const auto [acledLaned, acledRecords] = lanedRecords(writeFile(dir, "acled.csv", mixedAcled(600)), options, issues);
    CHECK(acledLaned > 300); // every code, alias and figure of the common ACLED row
    CHECK(acledLaned < acledRecords);
    const auto [ucdpLaned, ucdpRecords] = lanedRecords(writeFile(dir, "ged.csv", mixedUcdp(600)), options, issues);
    CHECK(ucdpLaned > 200);
    CHECK(ucdpLaned < ucdpRecords);
    for (const char *fixture : {"/formats/acled_2022.csv", "/formats/acled_2023.csv", "/formats/ucdp_ged.csv"}) {
        INFO(fixture);
        const auto [laned, records] =
            lanedRecords(chronomap::test::testDataDir() + QLatin1String(fixture), options, issues);
        CHECK(laned > 0);
        CHECK(records > 0);
    }
    CHECK(issues.isEmpty());
}
