// SPDX-License-Identifier: GPL-3.0-or-later
// The GeoJSON sniff (issue 20) against GDAL's own identify: whenever it is sure, GDAL's
// GDALIdentifyDriverEx over the allowed drivers answers "GeoJSON" for the same file. Its "sure"
// lets the reader child skip registering GDAL's drivers, so a wrong "sure" would read with
// simdjson a file GDAL gives to another driver, or refuses.
#include "core/io/geojson_sniff.h"
#include "../test_paths.h"
#include "core/io/gdal_handles.h"
#include "core/io/gdal_session.h"
#include "core/io/user_dataset.h"

#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

#include "../qt_string_maker.h"
#include "../test_files.h"

#include <catch2/catch.hpp>

#include <string_view>

using namespace chronomap;
using namespace chronomap::test;

namespace {

/// Every GeoJSON and JSON file under tests/ and geodata/, and every file of the GeoJSON fuzzers'
/// corpora.
QStringList jsonFixtures()
{
    QStringList files;
    for (const char *tree : {"/tests", "/geodata"}) {
        QDirIterator it(sourceDir() + QLatin1String(tree), QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            const QString suffix = QFileInfo(path).suffix().toLower();
            if (suffix == u"geojson" || suffix == u"json" || path.contains(u"/corpus/fuzz_geojson")) files.append(path);
        }
    }
    files.sort();
    return files;
}

QByteArray contents(const QString &path)
{
    QFile f(path);
    REQUIRE(f.open(QIODevice::ReadOnly));
    return f.readAll();
}

bool sniffSure(const QString &path, const QByteArray &bytes)
{
    return gdalSurelyPicksGeoJson(QFileInfo(path).suffix(), std::string_view(bytes.constData(), size_t(bytes.size())));
}

QString gdalDriver(const QString &path)
{
    ensureGdalReady();
    return identifyUserDriver(QFile::encodeName(QFileInfo(path).absoluteFilePath()));
}

/// The driver GDALOpenEx takes the file with, as the GDAL path reads it; empty when none does.
/// It can differ from identify's: GDAL 3.6's GPX driver has no identify, and its open claims a
/// "<gpx" in the first kilobyte before GeoJSON's turn.
QString openingDriver(const QString &path)
{
    ensureGdalReady();
    const GdalMessageCollector quiet; // a file no driver opens is an answer here, not a console message
    const DatasetPtr dataset =
        openUserDataset(QFile::encodeName(QFileInfo(path).absoluteFilePath()), QFileInfo(path).suffix());
    return dataset ? QString::fromUtf8(GDALGetDriverShortName(GDALGetDatasetDriver(dataset.get()))) : QString();
}

/// What a sure sniff promises: GDAL's identify says GeoJSON, and no other driver opens the file.
void checkGdalAgrees(const QString &path)
{
    CHECK(gdalDriver(path) == u"GeoJSON");
    const QString opened = openingDriver(path);
    CHECK((opened.isEmpty() || opened == u"GeoJSON"));
}

/// Writes `bytes` as `name`, then checks that a sure sniff is GDAL's answer too; returns the sniff.
bool checkAgainstGdal(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes)
{
    const QString path = dir.filePath(name);
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    REQUIRE(f.write(bytes) == bytes.size());
    f.close();
    const bool sure = sniffSure(path, bytes);
    if (sure) {
        INFO(str(name) << ": " << bytes.left(200).toStdString());
        checkGdalAgrees(path);
    }
    return sure;
}

const QByteArray kCollection = R"({"type": "FeatureCollection", "features": [
{"type": "Feature", "properties": {"date": "2022-02-24", "name": "Kharkiv"},
 "geometry": {"type": "Point", "coordinates": [36.23, 49.99]}}]})";

} // namespace

TEST_CASE("The GeoJSON sniff is sure only of fixtures GDAL's identify reads as GeoJSON", "[io]")
{
    const QStringList files = jsonFixtures();
    REQUIRE(files.size() >= 30);
    int sure = 0;
    for (const QString &path : files) {
        INFO(str(path));
        const QByteArray bytes = contents(path);
        if (!sniffSure(path, bytes)) continue;
        ++sure;
        checkGdalAgrees(path);
    }
    // Most fixtures are collections that say so first; the rest (empty, whitespace, a PNG, a
    // "<gpx" in a title, JSON that is not GeoJSON) are GDAL's to identify.
    UNSCOPED_INFO(sure << " of " << files.size() << " fixtures sure");
    CHECK(sure >= 30);
}

TEST_CASE("The GeoJSON sniff is unsure of headers another driver claims or GeoJSON refuses", "[io]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    auto sureAs = [&](const char *name, const QByteArray &bytes) {
        return checkAgainstGdal(dir, QLatin1String(name), bytes);
    };
    const QByteArray padding(1500, 'a');

    // Sure: a collection that says so first, with a BOM, with whitespace, named either way.
    CHECK(sureAs("plain.geojson", kCollection));
    CHECK(sureAs("plain.JSON", kCollection));
    CHECK(sureAs("bom.geojson", "\xEF\xBB\xBF" + kCollection));
    CHECK(sureAs("spaces.geojson", " \r\n\t{ \"type\"\n:\t\"FeatureCollection\" , \"features\": []}"));
    CHECK(sureAs("bare.geojson", R"({"type":"FeatureCollection"})"));
    // Two collections on two lines: GeoJSON's identify still takes it (GeoJSONSeq never sees it).
    CHECK(sureAs("two.geojson", kCollection + "\n" + kCollection + "\n"));

    // Other names: the CSV, KML and Shapefile drivers go by the name first.
    CHECK_FALSE(sureAs("named.csv", kCollection));
    CHECK(gdalDriver(dir.filePath("named.csv")) == u"CSV");
    CHECK_FALSE(sureAs("named.kml", kCollection));
    CHECK_FALSE(sureAs("named.txt", kCollection));

    // GPX's and KML's tags in the first kilobyte; anything '<' in the sniffed bytes.
    const QByteArray kmlTag = R"({"type":"FeatureCollection","name":"<kml>","features":[]})";
    CHECK_FALSE(sureAs("kml_tag.geojson", kmlTag));
    CHECK(gdalDriver(dir.filePath("kml_tag.geojson")) == u"LIBKML");
    CHECK_FALSE(sureAs("gpx_tag.json", R"({"type":"FeatureCollection","name":"<gpx","features":[]})"));
    CHECK_FALSE(sureAs("gpx_late.json",
                       R"({"type":"FeatureCollection","name":")" + QByteArray(5000, 'a') + R"(<gpx","features":[]})"));

    // "type": "Topology" anywhere in the first 6000 bytes: GDAL 3.6's GeoJSON identify refuses it.
    const QByteArray topologyDeep = R"({"type":"FeatureCollection","features":[{"type":"Feature",)"
                                    R"("properties":{"type":"Topology"},"geometry":null}]})";
    CHECK_FALSE(sureAs("topology_deep.geojson", topologyDeep));
    CHECK(gdalDriver(dir.filePath("topology_deep.geojson")).isEmpty());
    CHECK_FALSE(sureAs("topojson.json", R"({"type":"Topology","objects":{},"arcs":[]})"));
    // What the STACTA driver reads: GeoJSON's identify leaves it.
    const QByteArray stac = R"({"type":"FeatureCollection","stac_extensions":[],"tiled-assets":{},"features":[]})";
    CHECK_FALSE(sureAs("stac.json", stac));
    CHECK(gdalDriver(dir.filePath("stac.json")).isEmpty());

    // GeoJSONSeq: a record separator, or features one per line.
    CHECK_FALSE(sureAs("rs.geojson", "\x1e" + kCollection + "\n"));
    CHECK(gdalDriver(dir.filePath("rs.geojson")) == u"GeoJSONSeq");
    const QByteArray feature = R"({"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[1,2]}})";
    CHECK_FALSE(sureAs("seq.geojson", feature + "\n" + feature + "\n"));
    CHECK(gdalDriver(dir.filePath("seq.geojson")) == u"GeoJSONSeq");

    // ESRI JSON, a lone feature, a geometry: not a collection that says so first.
    CHECK_FALSE(sureAs("esri.json", R"({"displayFieldName":"","fieldAliases":{},"geometryType":"esriGeometryPoint",)"
                                    R"("features":[{"attributes":{},"geometry":{"x":1,"y":2}}]})"));
    CHECK_FALSE(sureAs("feature.geojson", feature));
    CHECK_FALSE(sureAs("point.geojson", R"({"type":"Point","coordinates":[1,2]})"));

    // A collection GDAL takes that the sniff leaves to it: "type" later or after "features",
    // JSONP, a vertical tab.
    CHECK_FALSE(
        sureAs("type_late.geojson", R"({"name":")" + padding + R"(","type":"FeatureCollection","features":[]})"));
    CHECK(gdalDriver(dir.filePath("type_late.geojson")) == u"GeoJSON");
    CHECK_FALSE(sureAs("features_first.geojson", R"({"features":[],"type":"FeatureCollection"})"));
    CHECK_FALSE(sureAs("jsonp.geojson", "loadGeoJSON(" + kCollection + ")"));
    CHECK_FALSE(sureAs("vtab.geojson", "\v" + kCollection));
    // "type" as a value before the key: GDAL 3.6 stops at the first "type" not followed by ':'.
    const QByteArray typeValueFirst = R"({"name":"type","type":"FeatureCollection","objects":{}})";
    CHECK_FALSE(sureAs("type_value_first.geojson", typeValueFirst));
    CHECK(gdalDriver(dir.filePath("type_value_first.geojson")).isEmpty());

    // Not a collection, or nothing at all.
    CHECK_FALSE(sureAs("feature_collection_prefix.geojson", R"({"type":"FeatureCollectionX","features":[]})"));
    CHECK_FALSE(sureAs("array.json", "[" + kCollection + "]"));
    CHECK_FALSE(sureAs("empty.geojson", ""));
    CHECK_FALSE(sureAs("whitespace.geojson", " \n\t\r\n"));
    CHECK_FALSE(sureAs("nul.geojson", QByteArray("{\"type\":\"FeatureCollection\"\0,\"features\":[]}", 43)));
}

TEST_CASE("The GeoJSON sniff agrees with GDAL over headers built from risky pieces", "[io]")
{
    // Every combination of a start, a first member and a piece planted at some offset: each sure
    // answer is checked against GDAL's identify.
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QList<QByteArray> starts = {"", "\xEF\xBB\xBF", "\n  ", "\x1e", "\xEF\xBB\xBF\x1e", "loadGeoJSON("};
    const QList<QByteArray> firstMembers = {
        R"({"type":"FeatureCollection","features":[)",
        R"({ "type" : "FeatureCollection" , "features" : [)",
        R"({"features":[)",
        R"({"type":"Feature","properties":{},"geometry":null,"x":[)",
        R"({"properties":{},"type":"FeatureCollection","features":[)",
        R"({"displayFieldName":"x","fieldAliases":{},"features":[)",
    };
    const QList<QByteArray> planted = {
        "",
        R"({"type":"Topology"},)",
        R"({"type" : "Topology"},)",
        R"("<kml",)",
        R"("<gpx",)",
        R"("<kml:kml",)",
        R"({"stac_extensions":1,"tiled-assets":2},)",
        R"({"type":"FeatureCollection","features":[]},)",
        R"({"spatialReference":{"wkid":4326}},)",
        R"({"esriFieldType":1,"fields":2},)",
    };
    const QList<int> offsets = {0, 900, 3000, 5900, 7000};
    int sure = 0, cases = 0;
    for (qsizetype s = 0; s < starts.size(); ++s)
        for (qsizetype m = 0; m < firstMembers.size(); ++m)
            for (qsizetype p = 0; p < planted.size(); ++p)
                for (const int offset : offsets) {
                    QByteArray bytes = starts[s] + firstMembers[m];
                    bytes += R"("pad)" + QByteArray(std::max(0, offset - int(bytes.size())), 'a') + R"(",)";
                    bytes += planted[p] + "1]}\n";
                    const QString name = QStringLiteral("case_%1_%2_%3_%4.geojson").arg(s).arg(m).arg(p).arg(offset);
                    sure += checkAgainstGdal(dir, name, bytes);
                    ++cases;
                }
    UNSCOPED_INFO(sure << " of " << cases << " headers sure");
    CHECK(sure > 0);
    CHECK(sure < cases);
}
