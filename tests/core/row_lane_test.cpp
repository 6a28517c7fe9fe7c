// SPDX-License-Identifier: GPL-3.0-or-later
// The loader's fast lane (LayerReader::readRow → EventStoreBuilder::addRow) fills the store's
// columns straight from the raw fields: every load must give, field by field, the store and the
// issues of taking each record through an Event (LoadOptions::rowLane = false), on the bundled
// data, every fixture, messy files and through the reader child; and the lane must really carry
// the common record.
#include "core/io/batch_converter.h"
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
        csv += id + ",\"" + title + "\"," + (i % 5 == 0 ? "A summary" : "") + ',' + start + ',' + end + ',' +
               precision + ',' + category + ',' + lat + ',' + lon + ",\"" + wkt + "\",\"" + source + "\",\"" + actors +
               "\"," + places + ',' + regions + ',' + claims + ',' + confidence + ',' + location + ',' + provenance +
               '\n';
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
    ExtractedLayer(const QString &path, const QString &suffix)
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

/// Files of tests/data and the bundled dataset: every format and every bad fixture.
QStringList fixtureFiles()
{
    QStringList files = {sourcePath("geodata/events/russia-north-korea.geojson")};
    for (const char *dir : {"/formats", "/bad"}) {
        QDirIterator it(QStringLiteral(CHRONOMAP_TEST_DATA) + QLatin1String(dir), QDir::Files);
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
    const ExtractedLayer extracted(path, QStringLiteral("csv"));
    LayerReader &reader = *extracted.reader;
    const FeatureBatch &batch = extracted.batch;
    const IssueList &issues = extracted.issues;
    REQUIRE(batch.size() == 600);

    int laned = 0;
    EventRow row;
    for (qsizetype i = 0; i < batch.size(); ++i) {
        if (!reader.readRow(batch, i, row)) continue;
        ++laned;
        // What the lane took, read() takes without a word, to the same fields.
        const qsizetype before = issues.size();
        const std::optional<Event> e = reader.read(batch, i);
        REQUIRE(e);
        CHECK(issues.size() == before);
        CHECK(row.view(row.id) == e->id.toLatin1());
        CHECK(row.view(row.title) == e->title.value(QString()).toLatin1());
        CHECK(row.when == e->when);
        CHECK(row.regions.size() == size_t(e->regions.size()));
        CHECK(row.sources.size() == size_t(e->sources.size()));
    }
    // Most records are plain; the exceptions (issues, JSON lists, UTF-8, lines) are not.
    CHECK(laned > 250);
    CHECK(laned < 600);
    CHECK(issues.isEmpty()); // readRow() reports nothing, whatever it declines
}
