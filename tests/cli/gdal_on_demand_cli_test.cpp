// SPDX-License-Identifier: GPL-3.0-or-later
// The executable loads GDAL at its first call (app/gdal_on_demand): an export of GeoJSON the
// fast path reads calls none of it, in the app or in its reader child, and a file GDAL reads
// loads it on demand. CHRONOMAP_GDAL_TRACE=1 makes the executable name each GDAL function at
// its first call, which is how these tests see what was called.
#include "../test_paths.h"

#include "run_chronomap.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <catch2/catch.hpp>

using namespace chronomap;
using test::Run;

namespace {

/// `count` point events like the bench's: text properties, some with a list of region codes.
QByteArray pointsGeoJson(int count)
{
    static const char *const categories[] = {"combat", "deployment", "diplomatic-contact", "treaty"};
    QByteArray out = R"({"type":"FeatureCollection","features":[)";
    for (int i = 0; i < count; ++i) {
        if (i > 0) out += ",\n";
        out += QStringLiteral(R"({"type":"Feature","properties":{"id":"ev-%1","title":"Event %1 near Kursk",)"
                              R"("start":"2024-%2-%3","category":"%4","source":"Reuters"%5},)"
                              R"("geometry":{"type":"Point","coordinates":[%6,%7]}})")
                   .arg(i)
                   .arg(1 + i % 12, 2, 10, QLatin1Char('0'))
                   .arg(1 + i % 28, 2, 10, QLatin1Char('0'))
                   .arg(QLatin1String(categories[i % 4]))
                   .arg(i % 3 == 0 ? QStringLiteral(R"(,"regions":["RU-KRS","RU-BEL"])") : QString())
                   .arg(30.0 + (i * 7 % 100) / 10.0)
                   .arg(48.0 + (i * 13 % 80) / 10.0)
                   .toUtf8();
    }
    return out + "]}\n";
}

Run runTraced(const QStringList &arguments, const QString &reader = {})
{
    QProcessEnvironment env;
    env.insert(QStringLiteral("CHRONOMAP_GDAL_TRACE"), QStringLiteral("1"));
    if (!reader.isEmpty()) env.insert(QStringLiteral("CHRONOMAP_GEOJSON_READER"), reader);
    return test::runProgram(test::chronomapExe(), arguments, 0, env);
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

} // namespace

TEST_CASE("An export of GeoJSON points calls no GDAL function in either process, and draws what GDAL's reader draws",
          "[export][cli][gdal-on-demand]")
{
    if (!test::gdalLoadedOnDemand()) {
        WARN("built with CHRONOMAP_GDAL_ON_DEMAND=OFF: GDAL is linked, nothing to check");
        return;
    }
    QTemporaryDir dir;
    const QString data = dir.filePath(QStringLiteral("points.geojson"));
    REQUIRE(writeFile(data, pointsGeoJson(600)));
    const QString fastPng = dir.filePath(QStringLiteral("fast.png")),
                  gdalPng = dir.filePath(QStringLiteral("gdal.png"));

    const Run fast = runTraced({QStringLiteral("--export"), fastPng, QStringLiteral("--data"), data});
    INFO(fast.err.toStdString());
    REQUIRE(fast.exitCode == 0);
    CHECK_FALSE(fast.err.contains(QLatin1String("GDAL function")));

    // GDAL's own reader of the same file: the trace shows it (so the check above can fail), and
    // the image is the same, pixel for pixel, but for the credits' last line (its export time).
    const Run gdal =
        runTraced({QStringLiteral("--export"), gdalPng, QStringLiteral("--data"), data}, QStringLiteral("gdal"));
    INFO(gdal.err.toStdString());
    REQUIRE(gdal.exitCode == 0);
    CHECK(gdal.err.contains(QLatin1String("GDAL function GDALOpenEx")));
    const QImage fastImage(fastPng), gdalImage(gdalPng);
    REQUIRE_FALSE(fastImage.isNull());
    REQUIRE(fastImage.size() == gdalImage.size());
    const QRect aboveCredits(0, 0, fastImage.width(), fastImage.height() - 40);
    CHECK(fastImage.copy(aboveCredits) == gdalImage.copy(aboveCredits));
}

TEST_CASE("An export of the bundled dataset, read in the app's own process, calls no GDAL function",
          "[export][cli][gdal-on-demand]")
{
    if (!test::gdalLoadedOnDemand()) {
        WARN("built with CHRONOMAP_GDAL_ON_DEMAND=OFF: GDAL is linked, nothing to check");
        return;
    }
    // The bundled dataset is trusted and read without a child; its GeoJSON is the fast path's,
    // and the base map comes from its cache: GDAL's libraries (a quarter of the CPU of opening
    // the bundled dataset) are never loaded.
    QTemporaryDir dir;
    const QString png = dir.filePath(QStringLiteral("bundled.png"));
    const Run bundled = runTraced({QStringLiteral("--export"), png});
    INFO(bundled.err.toStdString());
    REQUIRE(bundled.exitCode == 0);
    CHECK_FALSE(bundled.err.contains(QLatin1String("GDAL function")));
    CHECK_FALSE(QImage(png).isNull());
}

TEST_CASE("A CSV export loads GDAL in its reader child on demand, and GDAL's messages still name the problem",
          "[export][cli][gdal-on-demand]")
{
    if (!test::gdalLoadedOnDemand()) {
        WARN("built with CHRONOMAP_GDAL_ON_DEMAND=OFF: GDAL is linked, nothing to check");
        return;
    }
    QTemporaryDir dir;
    const QString png = dir.filePath(QStringLiteral("csv.png"));
    const Run csv = runTraced({QStringLiteral("--export"), png, QStringLiteral("--data"),
                               test::testDataDir() + QStringLiteral("/formats/events_latlon.csv")});
    INFO(csv.err.toStdString());
    REQUIRE(csv.exitCode == 0);
    CHECK(csv.err.contains(QLatin1String("GDAL function GDALOpenEx")));
    CHECK_FALSE(QImage(png).isNull());

    // A GeoJSON file GDAL's parser rejects: its message, collected in the reader child, is the
    // error the user sees (the messages are routed from GDAL's first call on).
    const QString broken = dir.filePath(QStringLiteral("broken.geojson"));
    REQUIRE(writeFile(broken, R"({"type":"FeatureCollection","features":[{"type":"Feature",)"));
    const Run bad = test::runChronomap(
        {QStringLiteral("--export"), dir.filePath(QStringLiteral("bad.png")), QStringLiteral("--data"), broken});
    INFO(bad.err.toStdString());
    CHECK(bad.exitCode != 0);
    CHECK(bad.err.contains(QLatin1String("broken.geojson")));
    CHECK(bad.err.contains(QLatin1String("Unterminated object")));
    CHECK_FALSE(QFile::exists(dir.filePath(QStringLiteral("bad.png"))));
}

TEST_CASE("libpq is loaded at the executable's first database call, not at its start", "[cli][pq-on-demand]")
{
    if (!test::pqLoadedOnDemand()) {
        WARN("built with CHRONOMAP_PQ_ON_DEMAND=OFF: libpq is linked, nothing to check");
        return;
    }
    // The dynamic loader names every library it loads (LD_DEBUG=files): at the start ("generating
    // link map") or later ("dynamically loaded by").
    const auto runLoaderTraced = [](const QStringList &arguments) {
        QProcessEnvironment env;
        env.insert(QStringLiteral("LD_DEBUG"), QStringLiteral("files"));
        return test::runProgram(test::chronomapExe(), arguments, 0, env);
    };
    QTemporaryDir dir;
    const QString data = dir.filePath(QStringLiteral("points.geojson"));
    REQUIRE(writeFile(data, pointsGeoJson(50)));
    const Run exported = runLoaderTraced(
        {QStringLiteral("--export"), dir.filePath(QStringLiteral("map.png")), QStringLiteral("--data"), data});
    REQUIRE(exported.exitCode == 0);
    CHECK(exported.err.contains(QLatin1String("libQt6Core.so"))); // the trace is on
    CHECK_FALSE(exported.err.contains(QLatin1String("libpq.so")));

    // An import into a database that is not there: the first libpq call opens libpq (already
    // mapped by then as a dependency of GDAL, which read the file), libpq connects, and its own
    // message says why it could not.
    const Run imported =
        runLoaderTraced({QStringLiteral("--import-pg"), data,
                         QStringLiteral("PG:dbname=none host=") + dir.filePath(QStringLiteral("no-server")),
                         QStringLiteral("--table"), QStringLiteral("events")});
    INFO(imported.err.right(600).toStdString());
    CHECK(imported.exitCode == 2);
    const qsizetype loaded = imported.err.indexOf(QRegularExpression(QStringLiteral("opening file=\\S*/libpq\\.so")));
    CHECK(loaded >= 0);
    CHECK(imported.err.indexOf(QLatin1String("cannot connect to the database"), loaded) > loaded);
    CHECK(imported.err.contains(QLatin1String("No such file or directory"))); // libpq's: no socket there
}
