// SPDX-License-Identifier: GPL-3.0-or-later
// The GeoJSON fast path (simdjson, issue 20) against GDAL's reader: every GeoJSON fixture under
// tests/ loads to the same store and the same issues (file, record, field, message) both ways,
// in process and through the reader child, with either simdjson kernel; the files it does not
// fully understand go to GDAL before any record is read.
#include "core/io/event_loader.h"
#include "../test_paths.h"
#include "core/io/gdal_handles.h"
#include "core/io/gdal_session.h"
#include "core/io/geojson_fast_reader.h"
#include "core/io/geojson_kernel.h"
#include "core/io/reader_process.h"
#include "core/io/user_dataset.h"

#include <QDirIterator>
#include <QFile>
#include <QScopeGuard>
#include <QTemporaryDir>

#include "../qt_string_maker.h"
#include "same_load.h"
#include "../test_files.h"

#include <catch2/catch.hpp>

#include <string>

using namespace chronomap;
using namespace chronomap::test;

namespace {

constexpr const char *kReaderVariable = "CHRONOMAP_GEOJSON_READER";

LoadResult loadWithGdal(const QString &path, const LoadOptions &options = {})
{
    qputenv(kReaderVariable, "gdal");
    const auto restore = qScopeGuard([] { qunsetenv(kReaderVariable); });
    return EventLoader::load(path, options);
}

bool takesFastPath(const QString &path)
{
    QFileInfo info(path);
    QString declined;
    const bool fast =
        GeoJsonFastReader::open(QFile::encodeName(info.absoluteFilePath()), info.suffix(), &declined) != nullptr;
    UNSCOPED_INFO(str(path) << ": " << (fast ? std::string("fast path") : str(declined)));
    return fast;
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

} // namespace

TEST_CASE("Every GeoJSON fixture loads the same through simdjson as through GDAL", "[io]")
{
    const QStringList files = fixturesMatching({QStringLiteral("*.geojson"), QStringLiteral("*.json")});
    REQUIRE(files.size() >= 20);
    const QString kernel = GENERATE(as<QString>(), "", "fallback");
    qputenv("CHRONOMAP_SIMDJSON_KERNEL", kernel.toUtf8());
    const auto restore = qScopeGuard([] { qunsetenv("CHRONOMAP_SIMDJSON_KERNEL"); });
    INFO("kernel " << str(geojsonKernel()));
    int fast = 0;
    for (const QString &path : files) {
        INFO(str(path));
        fast += takesFastPath(path);
        checkSameOutcome(loadWithGdal(path), EventLoader::load(path));
        // Low limits: the text, vertex and nesting limits apply the same.
        LoadOptions low;
        low.maxVertices = 3;
        low.maxJsonDepth = 3;
        low.maxTextBytes = 16;
        low.maxRecords = 2;
        checkSameOutcome(loadWithGdal(path, low), EventLoader::load(path, low));
    }
    // The fast path really reads most of them (the rest are CRSs, NaN, Latin-1, collections…).
    CHECK(fast >= files.size() / 2);
}

TEST_CASE("The fast path reads what it fully understands and leaves the rest to GDAL", "[io]")
{
    CHECK(takesFastPath(formatFile("events.geojson")));
    CHECK(takesFastPath(badFile("wrong_types.geojson")));
    CHECK(takesFastPath(badFile("null_geometry.geojson")));
    CHECK(takesFastPath(badFile("deep_json.geojson")));
    CHECK_FALSE(takesFastPath(formatFile("events_3857.geojson")));       // a crs to reproject
    CHECK_FALSE(takesFastPath(badFile("unsupported_geometry.geojson"))); // a GeometryCollection
    CHECK_FALSE(takesFastPath(badFile("bad_coordinates.geojson")));      // NaN is not JSON
    CHECK_FALSE(takesFastPath(badFile("latin1.geojson")));               // not UTF-8
    CHECK_FALSE(takesFastPath(badFile("truncated.geojson")));
    CHECK_FALSE(takesFastPath(formatFile("events_latlon.csv")));
    qputenv(kReaderVariable, "gdal");
    CHECK_FALSE(takesFastPath(formatFile("events.geojson")));
    qunsetenv(kReaderVariable);

    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const auto check = [&](const char *json, bool expected) {
        INFO(json);
        const QString path = dir.filePath("probe.geojson");
        REQUIRE(writeFile(path, json));
        CHECK(takesFastPath(path) == expected);
        checkSameOutcome(loadWithGdal(path), EventLoader::load(path));
    };
    const char *point = R"("geometry":{"type":"Point","coordinates":[30.5,50.25]})";
    check(QByteArray(R"({"type":"FeatureCollection","features":[{"type":"Feature",)") + point +
              R"(,"properties":{"start":"2024-05","n":1,"r":2.5,"b":true,"l":["a","b"],"o":{"x":[1,2.50,"a/b"]}}}]})",
          true);
    check(QByteArray(R"({"type":"FeatureCollection","features":[{"type":"Feature","id":7,)") + point +
              R"(,"properties":{"start":"2024-05"}}]})",
          false); // a feature id GDAL may make a field of
    check(QByteArray(R"({"type":"Feature",)") + point + R"(,"properties":{"start":"2024-05"}})", false);
    check(QByteArray(R"({"type":"FeatureCollection","features":[{"type":"Feature",)") + point +
              R"(,"properties":{"start":"2024-05","Start":"2025"}}]})",
          false); // names GDAL folds together
    check(
        R"({"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:OGC:1.3:CRS84"}},)"
        R"("features":[{"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[30,50],[31,50],[31,51],[30,50]]]},)"
        R"("properties":{"start":"2024-05"}}]})",
        true);
    check(R"({"type":"FeatureCollection","features":[]} x)", false);
    // GDAL's GPX driver claims a file whose first kilobyte holds its tag (found by fuzzing).
    check(QByteArray(R"({"type":"FeatureCollection","features":[{"type":"Feature",)") + point +
              R"(,"properties":{"start":"2024-05","title":"<?xml <gpx"}}]})",
          false);
    // GDAL types a property by its values in file order: "k": 1 then "2" is JSON text.
    check(QByteArray(R"({"type":"FeatureCollection","features":[{"type":"Feature",)") + point +
              R"(,"properties":{"start":"2024","title":1,"a":["x"],"b":"s","c":["x"],"d":1,"e":[],"f":["x"],"g":null,)"
              R"("h":true,"i":1.5,"j":"x","k":1,"l":3000000000}},{"type":"Feature",)" +
              point +
              R"(,"properties":{"start":"2024-02","title":"t","a":7,"b":["y","z"],"c":1.5,"d":["x"],"e":["x"],)"
              R"("f":true,"g":null,"h":1.5,"i":true,"j":1.5,"k":"2","l":5}}]})",
          true);
    // Property names compared by their raw bytes against the last feature's at each position: an
    // escaped spelling of the same name, a name with an escaped quote, a longer and a shorter name
    // where the last feature had another, and orders that change from feature to feature.
    const QByteArray feature = QByteArray(R"({"type":"Feature",)") + point + R"(,"properties":)";
    check(QByteArray(R"({"type":"FeatureCollection","features":[)") + feature +
              R"({"start":"2024-05","title":"a","k\"q":1}},)" + feature +
              R"({"start":"2024-06","tit\u006ce":"b","k\"q":2}},)" + feature +
              R"({"title":"c","start":"2024-07","titles":"x"}},)" + feature +
              R"({"start":"2024-08","titl":"y","title":"d","k\"q":3}},)" + feature +
              R"({"start":"2024-09","title":"e","titles":"z"}}]})",
          true);
    check(QByteArray(R"({"type":"FeatureCollection","features":[)") + feature + R"({"start":"2024-05","title":"a"}},)" +
              feature + R"({"start":"2024-06","title":"b","tit\u006ce":"c"}}]})",
          false); // the same name twice in a feature: GDAL's to read
}

TEST_CASE("Many features over many batches load the same both ways", "[io]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    QByteArray json = R"({"type":"FeatureCollection","features":[)";
    for (int i = 1; i <= 9'000; ++i) {
        QByteArray geometry = R"({"type":"Point","coordinates":[)" + QByteArray::number(30 + i % 37) + ',' +
                              QByteArray::number(40 + i % 40) + "]}";
        if (i % 41 == 0) geometry = R"({"type":"Point","coordinates":[200,10]})";
        if (i % 43 == 0) geometry = R"({"type":"MultiPoint","coordinates":[[30,50],[31,51]]})";
        if (i % 47 == 0) geometry = R"({"type":"LineString","coordinates":[[30,50],[31,51],[32,52]]})";
        if (i % 53 == 0) geometry = "null";
        // Lines and points taken straight from the parsed numbers: several parts, vertices out of
        // range, one point of a multi-point; and an area (through OGR, for its centre).
        if (i % 67 == 0) geometry = R"({"type":"MultiLineString","coordinates":[[[30,50],[31,51]],[[32,52],[33,53]]]})";
        if (i % 71 == 0) geometry = R"({"type":"MultiLineString","coordinates":[[[30,50],[31,95]]]})";
        if (i % 73 == 0) geometry = R"({"type":"LineString","coordinates":[[30,50],[31,-91],[32,52]]})";
        if (i % 79 == 0) geometry = R"({"type":"MultiPoint","coordinates":[[-181,50]]})";
        if (i % 83 == 0) geometry = R"({"type":"Polygon","coordinates":[[[30,50],[31,50],[31,51],[30,50]]]})";
        if (i % 59 == 0)
            geometry = R"({"type":"MultiPolygon","coordinates":[[[[30,50],[31,50],[31,51],[30,50]]],)"
                       R"([[[10,10],[11,10],[11,11],[10,10]]]]})";
        const QByteArray start = i % 29 == 0 ? "\"later\"" : "\"2023-05-0" + QByteArray::number(1 + i % 9) + '"';
        json += (i > 1 ? "," : "") + QByteArray(R"({"type":"Feature","properties":{"id":"g-)") +
                QByteArray::number(i % 61 == 0 ? i - 1 : i) + R"(","title":"Feature \u00e9 )" + QByteArray::number(i) +
                R"(","start":)" + start + R"(,"sources":)" + (i % 31 == 0 ? "7" : R"(["TASS"])") +
                R"(,"claims":[{"quantity":"troops","value":)" + (i % 37 == 0 ? "\"many\"" : "1e3") +
                R"(}]},"geometry":)" + geometry + "}";
    }
    const QString path = dir.filePath("many.geojson");
    REQUIRE(writeFile(path, json + "]}"));
    REQUIRE(takesFastPath(path));
    const LoadResult gdal = loadWithGdal(path);
    CHECK(gdal.store->size() > 8'000);
    checkSameOutcome(gdal, EventLoader::load(path));
    LoadOptions serial;
    serial.pipelined = false;
    checkSameOutcome(gdal, EventLoader::load(path, serial));
    LoadOptions fewVertices; // the lines of three vertices are refused
    fewVertices.maxVertices = 2;
    checkSameOutcome(loadWithGdal(path, fewVertices), EventLoader::load(path, fewVertices));
    // Bytes in memory (GDAL's /vsimem/), and the reader child, take the fast path too.
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    qputenv(kReaderVariable, "gdal");
    const LoadResult gdalBytes = EventLoader::loadBytes(bytes, path);
    qunsetenv(kReaderVariable);
    checkSameOutcome(gdalBytes, EventLoader::loadBytes(bytes, path));
    checkSameOutcome(gdal, ReaderProcess::load(path));
}

/// Features whose titles hold brackets, commas, escaped quotes and runs of escaped backslashes
/// at every offset of a 64-byte block (the layout scan's unit), with properties typed one way
/// in the first half of the file and another in the second (the first pass types the halves on
/// two threads); `late` makes the second half's types decline when true.
QByteArray trickyCollection(bool declineLate)
{
    QByteArray json = R"({"type":"FeatureCollection","features":[)";
    const int count = 7'000; // over 1.5 MB: several chunks, two halves
    for (int i = 1; i <= count; ++i) {
        const bool second = i > count / 2;
        QByteArray title = QByteArray(i % 64, 'x') + R"(},{\"a\":[1,2]}, )";
        for (int k = 0; k <= i % 3; ++k)
            title += R"(\\)";
        title += R"(\"],)" + QByteArray::number(i);
        QByteArray properties = R"("id":"t-)" + QByteArray::number(i) + R"(","title":")" + title +
                                R"(","start":"2023-05-0)" + QByteArray::number(1 + i % 9) + '"';
        properties += second ? R"(,"k":"s")" : R"(,"k":)" + QByteArray::number(i); // Integer, then JSON text
        properties += second ? R"(,"b":7)" : R"(,"b":true)";                       // Boolean, then Integer
        if (i > count * 4 / 5) properties += R"(,"late":2.5)";                     // only in the second half
        if (declineLate) properties += second ? R"(,"d":false)" : R"(,"d":"x")";   // String, then Bool: GDAL's
        json += (i > 1 ? ",\n" : "\n") + QByteArray(R"({"type":"Feature","properties":{)") + properties +
                R"(},"geometry":{"type":"Point","coordinates":[)" + QByteArray::number(30 + i % 37) + ',' +
                QByteArray::number(40 + i % 40) + "]}}";
    }
    return json + "\n]}\n";
}

TEST_CASE("The layout scan and the first pass's two halves read any strings and types as GDAL does", "[io]")
{
    const QString kernel = GENERATE(as<QString>(), "", "fallback"); // AVX2 blocks, or byte by byte
    qputenv("CHRONOMAP_SIMDJSON_KERNEL", kernel.toUtf8());
    const auto restore = qScopeGuard([] { qunsetenv("CHRONOMAP_SIMDJSON_KERNEL"); });
    INFO("kernel " << str(kernel));
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString path = dir.filePath("tricky.geojson");
    REQUIRE(writeFile(path, trickyCollection(false)));
    REQUIRE(takesFastPath(path));
    // The fields GDAL's layer has, with its types.
    ensureGdalReady();
    const DatasetPtr dataset = openUserDataset(QFile::encodeName(path), QStringLiteral("geojson"));
    REQUIRE(dataset);
    OGRFeatureDefnH defn = OGR_L_GetLayerDefn(GDALDatasetGetLayer(dataset.get(), 0));
    const auto fast = GeoJsonFastReader::open(QFile::encodeName(path), QStringLiteral("geojson"));
    REQUIRE(fast);
    REQUIRE(fast->schema().fields.size() == size_t(OGR_FD_GetFieldCount(defn)));
    for (int i = 0; i < OGR_FD_GetFieldCount(defn); ++i) {
        OGRFieldDefnH field = OGR_FD_GetFieldDefn(defn, i);
        const ipc::LayerField &f = fast->schema().fields[size_t(i)];
        INFO(OGR_Fld_GetNameRef(field));
        CHECK(f.name == QByteArray(OGR_Fld_GetNameRef(field)));
        CHECK(f.type == int(OGR_Fld_GetType(field)));
        CHECK(f.subType == int(OGR_Fld_GetSubType(field)));
    }
    const LoadResult gdal = loadWithGdal(path);
    CHECK(gdal.store->size() == 7'000);
    checkSameOutcome(gdal, EventLoader::load(path));
    checkSameOutcome(gdal, ReaderProcess::load(path));

    // A property GDAL types its own way only once both halves are joined: left to GDAL.
    REQUIRE(writeFile(path, trickyCollection(true)));
    CHECK_FALSE(takesFastPath(path));
    checkSameOutcome(loadWithGdal(path), EventLoader::load(path));
}

TEST_CASE("Every GeoJSON fixture loads the same through the reader child's fast path", "[io][reader]")
{
    for (const QString &path : fixturesMatching({QStringLiteral("*.geojson"), QStringLiteral("*.json")})) {
        INFO(str(path));
        checkSameOutcome(loadWithGdal(path), ReaderProcess::load(path));
    }
}
