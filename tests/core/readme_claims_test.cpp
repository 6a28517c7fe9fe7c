// SPDX-License-Identifier: GPL-3.0-or-later
// What the README promises about loading, tested as it says: the default limits at their real
// values (other tests lower them), and the formats it lists that no other test opens.
#include "core/io/event_loader.h"
#include "core/io/gdal_session.h"
#include "../test_paths.h"

#include <QDate>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include "../qt_string_maker.h"

#include <catch2/catch.hpp>

#include <gdal.h>
#include <ogr_api.h>

#include <unistd.h>

using namespace chronomap;

namespace {
QString formats(const char *name)
{
    return chronomap::test::testDataDir() + QLatin1String("/formats/") + QLatin1String(name);
}

bool anyIssueSays(const IssueList &issues, const char *text)
{
    return std::any_of(issues.begin(), issues.end(),
                       [&](const Issue &i) { return i.message.contains(QLatin1String(text), Qt::CaseInsensitive); });
}

/// The three GeoPackage records (formats/README.md) as another format holds them.
void checkThreeRecords(const LoadResult &result)
{
    INFO((result.issues.isEmpty() ? QString() : result.issues.first().toString()).toStdString());
    REQUIRE_FALSE(result.hasFatal());
    REQUIRE(result.store->size() == 3);
    const EventStore &store = *result.store;
    const EventStore::Index kursk = store.findId(QStringLiteral("gp-kursk"));
    REQUIRE(kursk >= 0);
    const Event event = store.event(kursk);
    CHECK(event.titleIn({}) == QStringLiteral("Kursk oblast declared liberated by Russian General Staff"));
    CHECK(event.when.start().toIso().startsWith(QStringLiteral("2025-04-26"))); // GPX times are date-times
    REQUIRE(event.geometry.size() == 1);
    CHECK(event.geometry.first().longitude() == Approx(36.1873).margin(1e-6));
    CHECK(event.geometry.first().latitude() == Approx(51.7373).margin(1e-6));
}

qint64 residentBytes()
{
    QFile statm(QStringLiteral("/proc/self/statm"));
    if (!statm.open(QIODevice::ReadOnly)) return -1;
    const QList<QByteArray> fields = statm.readAll().split(' ');
    return fields.size() > 1 ? fields[1].toLongLong() * sysconf(_SC_PAGESIZE) : -1;
}
} // namespace

TEST_CASE("GeoJSONSeq, FlatGeobuf, Shapefile and GPX files load as the README lists them", "[io]")
{
    checkThreeRecords(EventLoader::load(formats("events.geojsonl")));
    checkThreeRecords(EventLoader::load(formats("events.fgb")));
    checkThreeRecords(EventLoader::load(formats("events_shp/events.shp")));

    // GPX has fixed columns (name, desc, time): `time` needs a mapping, as the README says.
    LoadOptions gpx;
    QString error;
    REQUIRE(FieldMapping::parse(QStringLiteral("start=time,id=name,title=desc"), &gpx.mapping, &error));
    checkThreeRecords(EventLoader::load(formats("events.gpx"), gpx));
}

TEST_CASE("The default limits hold at their real values: text, vertices, file size, record count", "[io]")
{
    const LoadOptions defaults;
    QTemporaryDir dir;
    REQUIRE(dir.isValid());

    SECTION("a 64 Ki character text field is kept whole, one character more is cut with a warning")
    {
        const auto feature = [](const QString &id, int length) {
            return QStringLiteral(R"({"type":"Feature","geometry":{"type":"Point","coordinates":[36.19,51.73]},)"
                                  R"("properties":{"id":"%1","start":"2025-01-01","title":"t","summary":"%2"}})")
                .arg(id, QString(length, u'x'));
        };
        const QString path = dir.filePath(QStringLiteral("long_text.geojson"));
        QFile f(path);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write(QStringLiteral(R"({"type":"FeatureCollection","features":[%1,%2]})")
                    .arg(feature(QStringLiteral("at-limit"), int(defaults.maxTextBytes)),
                         feature(QStringLiteral("over-limit"), int(defaults.maxTextBytes) + 1))
                    .toUtf8());
        f.close();
        const LoadResult result = EventLoader::load(path);
        REQUIRE(result.store->size() == 2);
        CHECK(result.store->event(result.store->findId(QStringLiteral("at-limit"))).summaryIn({}).size() == 64 * 1024);
        CHECK(result.store->event(result.store->findId(QStringLiteral("over-limit"))).summaryIn({}).size() <=
              64 * 1024);
        REQUIRE(result.issues.size() == 1);
        CHECK(result.issues.first().severity == Issue::Severity::Warning);
        CHECK(result.issues.first().recordId == QStringLiteral("over-limit"));
        CHECK(result.issues.first().field == QStringLiteral("summary"));
    }

    SECTION("a line of 100,000 vertices loads, one of 100,001 is skipped")
    {
        const auto line = [](const QString &id, int vertices) {
            QString coordinates;
            coordinates.reserve(vertices * 24);
            for (int i = 0; i < vertices; ++i)
                coordinates += QStringLiteral("[%1,%2],").arg(30.0 + i * 1e-5, 0, 'f', 5).arg(50.0, 0, 'f', 1);
            coordinates.chop(1);
            return QStringLiteral(R"({"type":"Feature","geometry":{"type":"LineString","coordinates":[%1]},)"
                                  R"("properties":{"id":"%2","start":"2025-01-01","title":"t"}})")
                .arg(coordinates, id);
        };
        const QString path = dir.filePath(QStringLiteral("many_vertices.geojson"));
        QFile f(path);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write(QStringLiteral(R"({"type":"FeatureCollection","features":[%1,%2]})")
                    .arg(line(QStringLiteral("at-limit"), int(defaults.maxVertices)),
                         line(QStringLiteral("over-limit"), int(defaults.maxVertices) + 1))
                    .toUtf8());
        f.close();
        const LoadResult result = EventLoader::load(path);
        REQUIRE(result.store->size() == 1);
        CHECK(result.store->findId(QStringLiteral("at-limit")) >= 0);
        REQUIRE(result.issues.size() == 1);
        CHECK(result.issues.first().severity == Issue::Severity::Skipped);
        CHECK(result.issues.first().record == 2);
    }

    SECTION("a file one byte over 4 GiB is refused before it is read")
    {
        const QString path = dir.filePath(QStringLiteral("huge.geojson"));
        QFile f(path);
        REQUIRE(f.open(QIODevice::WriteOnly));
        REQUIRE(f.resize(defaults.maxFileBytes + 1)); // sparse: no disk used
        f.close();
        const LoadResult result = EventLoader::load(path);
        REQUIRE(result.hasFatal());
        CHECK(result.store->size() == 0);
        CHECK(result.issues.first().file == path);
        // One byte over: whole bytes, not "4.0 GB, more than the limit of 4.0 GB".
        CHECK(
            anyIssueSays(result.issues, "the file is 4,294,967,297 bytes, more than the limit of 4,294,967,296 bytes"));
    }

    SECTION("a layer that declares 20,000,001 features is refused, not cut")
    {
        // A GeoPackage's feature count comes from its gpkg_ogr_contents table, before any record
        // is read: a hostile file can state any count there.
        const QString path = dir.filePath(QStringLiteral("counted.gpkg"));
        REQUIRE(QFile::copy(formats("events.gpkg"), path));
        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
        ensureGdalReady(); // this test's own GDAL: the loads above were refused before needing it
        GDALDatasetH gpkg =
            GDALOpenEx(path.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_UPDATE, nullptr, nullptr, nullptr);
        REQUIRE(gpkg);
        const QByteArray sql =
            QStringLiteral("UPDATE gpkg_ogr_contents SET feature_count = %1").arg(defaults.maxRecords + 1).toUtf8();
        GDALDatasetReleaseResultSet(gpkg, GDALDatasetExecuteSQL(gpkg, sql.constData(), nullptr, "SQLITE"));
        GDALClose(gpkg);

        const LoadResult result = EventLoader::load(path);
        REQUIRE(result.hasFatal());
        CHECK(result.store->size() == 0);
        CHECK(anyIssueSays(result.issues, "20000001"));
        CHECK(anyIssueSays(result.issues, "20000000"));
    }
}

TEST_CASE("A cancelled load of 2 million rows gives its memory back", "[io][.slow]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("two_million.csv"));
    {
        QFile f(path);
        REQUIRE(f.open(QIODevice::WriteOnly));
        QByteArray chunk;
        f.write("id,date,lat,lon,title,category\n");
        for (int i = 0; i < 2'000'000; ++i) {
            chunk += "e" + QByteArray::number(i) + "," +
                     QDate(2024, 1 + i % 12, 1 + i % 28).toString(Qt::ISODate).toLatin1() + "," +
                     QByteArray::number(45 + (i % 1000) * 0.01) + "," + QByteArray::number(30 + (i % 977) * 0.01) +
                     ",Event number " + QByteArray::number(i) + ",combat\n";
            if (chunk.size() > (1 << 20)) {
                REQUIRE(f.write(chunk) == chunk.size());
                chunk.clear();
            }
        }
        REQUIRE(f.write(chunk) == chunk.size());
    }
    const qint64 before = residentBytes();
    REQUIRE(before > 0);
    qint64 peak = 0;
    const LoadResult result = EventLoader::load(path, {}, [&](qint64 done, qint64) {
        peak = std::max(peak, residentBytes());
        return done < 1'500'000;
    });
    CHECK(result.cancelled);
    CHECK(result.store->size() == 0);
    CHECK(result.issues.isEmpty()); // every row is valid: what stays resident is not a list of problems
    const qint64 after = residentBytes();
    INFO("resident before " << before / 1e6 << " MB, peak " << peak / 1e6 << " MB, after " << after / 1e6 << " MB");
    CHECK(peak > before + 100'000'000); // the load did hold the records it read…
    CHECK(after < before + 32'000'000); // …and gave them back when cancelled
}
