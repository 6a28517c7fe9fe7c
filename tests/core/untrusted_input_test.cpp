// SPDX-License-Identifier: GPL-3.0-or-later
// Files from unknown hands (issue 7): only the allowed drivers, no network from paths or from data,
// and limits that refuse or skip with a message naming the file, the record and the field.
// What each fixture holds: tests/data/bad/README.md.
#include "core/io/event_loader.h"
#include "core/io/gdal_session.h"
#include "core/io/size_text.h"

#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

#include "../qt_string_maker.h"
#include "../test_files.h"
#include "same_load.h"

#include <catch2/catch.hpp>

#include <gdal.h>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <string>
#include <vector>

using namespace chronomap;
using namespace chronomap::test;

namespace {

/// The one issue about `recordId`, which must exist.
Issue issueFor(const LoadResult &result, const char *recordId)
{
    INFO("issues reported:\n" << allIssues(result));
    const auto it = std::find_if(result.issues.begin(), result.issues.end(),
                                 [&](const Issue &i) { return i.recordId == QLatin1String(recordId); });
    REQUIRE(it != result.issues.end());
    CHECK(std::count_if(result.issues.begin(), result.issues.end(),
                        [&](const Issue &i) { return i.recordId == QLatin1String(recordId); }) == 1);
    return *it;
}

void checkRefused(const LoadResult &result, const QString &file, const char *message)
{
    INFO("issues reported:\n" << allIssues(result));
    REQUIRE(result.store);
    CHECK(result.store->isEmpty());
    REQUIRE(result.issues.size() == 1);
    const Issue &issue = result.issues.first();
    CHECK(issue.severity == Issue::Severity::Fatal);
    CHECK(issue.file == file);
    CHECK(issue.record == -1);
    CHECK(issue.field.isEmpty());
    CHECK_THAT(str(issue.message), Catch::Contains(message));
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

/// A TCP listener on 127.0.0.1:`port` that never accepts by itself: the kernel queues any
/// connection, so `connections()` tells afterwards whether anything knocked.
class Listener {
public:
    explicit Listener(quint16 port)
    {
        m_fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
        const int on = 1;
        ::setsockopt(m_fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_port = htons(port);
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        m_listening = m_fd >= 0 && ::bind(m_fd, reinterpret_cast<sockaddr *>(&address), sizeof address) == 0 &&
                      ::listen(m_fd, 16) == 0;
    }
    ~Listener()
    {
        if (m_fd >= 0) ::close(m_fd);
    }
    Listener(const Listener &) = delete;
    Listener &operator=(const Listener &) = delete;

    bool listening() const { return m_listening; }
    int connections()
    {
        int n = 0;
        for (int fd; (fd = ::accept(m_fd, nullptr, nullptr)) >= 0; ++n)
            ::close(fd);
        return n;
    }

private:
    int m_fd = -1;
    bool m_listening = false;
};

/// The address the fixtures link to, and the proxy GDAL is configured with (gdal_session.cpp):
/// a connection to either means data made Chronomap touch the network.
struct NetworkWatch {
    Listener fixtureAddress{47613};
    Listener proxyAddress{9}; // a privileged port: only watched when the tests may bind it
    qint64 refusedBefore = refusedNetworkRequests();

    NetworkWatch() { REQUIRE(fixtureAddress.listening()); }
    void checkNothingLeft()
    {
        CHECK(fixtureAddress.connections() == 0);
        if (proxyAddress.listening()) CHECK(proxyAddress.connections() == 0);
    }
    qint64 refusedRequests() const { return refusedNetworkRequests() - refusedBefore; }
};

} // namespace

// ---- drivers and paths ---------------------------------------------------------------------------

TEST_CASE("User files open only with the allowed vector drivers", "[io][network]")
{
    CHECK(EventLoader::allowedDrivers() == QStringList{"GeoJSON", "GeoJSONSeq", "CSV", "GPKG", "LIBKML", "KML", "XLSX",
                                                       "ODS", "FlatGeobuf", "ESRI Shapefile", "GPX"});
    // GML is a format GDAL reads (and whose schema link it would follow), but not one of ours.
    const QString file = badFile("not_allowed.gml");
    ensureGdalReady();
    GDALDriverH gml = GDALIdentifyDriverEx(QFile::encodeName(file).constData(), GDAL_OF_VECTOR, nullptr, nullptr);
    REQUIRE(gml);
    CHECK(std::string(GDALGetDriverShortName(gml)) == "GML");
    NetworkWatch watch;
    checkRefused(EventLoader::load(file), file, "not a dataset Chronomap can read");
    CHECK(watch.refusedRequests() == 0);
    watch.checkNothingLeft();
}

TEST_CASE("Network and virtual file system paths are refused before GDAL sees them", "[io][network]")
{
    const char *path = GENERATE("/vsicurl/https://example.org/events.geojson", "/vsis3/bucket/events.geojson",
                                "/vsigs/bucket/events.csv", "/vsizip//tmp/events.zip/events.geojson",
                                "/vsigzip//tmp/events.geojson.gz", "/vsimem/events.geojson", "/vsistdin/",
                                "http://example.org/events.geojson", "https://example.org/events.kml",
                                "HTTPS://EXAMPLE.ORG/EVENTS.CSV", "  /VSICURL/http://example.org/a.csv",
                                "ftp://example.org/events.csv", "file:///etc/passwd", "s3://bucket/events.geojson");
    const QString file = QString::fromLatin1(path);
    INFO(path);
    NetworkWatch watch;
    checkRefused(EventLoader::load(file), file, "only local files are opened; network and virtual paths are refused");
    CHECK(watch.refusedRequests() == 0);
    watch.checkNothingLeft();
}

// ---- links inside data ---------------------------------------------------------------------------

TEST_CASE("A KML NetworkLink and remote style links fetch nothing", "[io][network]")
{
    const QString file = badFile("network_link.kml");
    NetworkWatch watch;
    const LoadResult result = EventLoader::load(file);
    INFO("issues reported:\n" << allIssues(result));
    CHECK_FALSE(result.hasFatal());
    REQUIRE(result.store->size() == 1); // the local placemark, nothing from the linked file
    const Event e = result.store->event(0);
    CHECK(str(e.id) == "nl-local");
    CHECK(str(e.titleIn({})) == "Kursk: local record");
    CHECK(str(e.when.start().toIso()) == "2024-08-06");
    CHECK(watch.refusedRequests() == 0); // not even attempted
    watch.checkNothingLeft();
}

TEST_CASE("A GeoJSON linked CRS and remote references fetch nothing", "[io][network]")
{
    // GDAL's GeoJSON driver asks for a linked CRS over HTTP; Chronomap's HTTP layer refuses it
    // without a socket, so the layer has no CRS and its coordinates are read as WGS 84.
    const QString file = badFile("remote_crs.geojson");
    NetworkWatch watch;
    const LoadResult result = EventLoader::load(file);
    INFO("issues reported:\n" << allIssues(result));
    CHECK_FALSE(result.hasFatal());
    CHECK(watch.refusedRequests() == 1);
    watch.checkNothingLeft();
    REQUIRE(result.store->size() == 1);
    const Event e = result.store->event(0);
    CHECK(str(e.id) == "rc-1");
    REQUIRE(e.geometry.size() == 1);
    CHECK(e.geometry[0].longitude() == Approx(36.1873));
    CHECK(e.geometry[0].latitude() == Approx(51.7373));
    // A link in the data is kept as text for the user to open, never followed.
    REQUIRE(e.sources.size() == 1);
    CHECK(str(e.sources[0].url) == "http://127.0.0.1:47613/source");
    // The refused request is reported as GDAL's warning about the file.
    const bool reported = std::any_of(result.issues.begin(), result.issues.end(), [](const Issue &i) {
        return i.severity == Issue::Severity::Warning && i.record == -1 &&
               i.message == u"GDAL: No data was returned from the given URL";
    });
    CHECK(reported);
}

TEST_CASE("A projected coordinate no map has is refused before reprojection (fuzz finding)", "[io]")
{
    // libFuzzer's slowest GeoJSON input: x = 4e17 m in Web Mercator took GDAL seconds to wrap into
    // a longitude (one turn at a time); a larger one would stall the load for hours.
    const QString file = badFile("fuzz_huge_projected_coordinate.geojson");
    const LoadResult result = EventLoader::load(file);
    INFO("issues reported:\n" << allIssues(result));
    CHECK_FALSE(result.hasFatal());
    REQUIRE(result.store->size() == 2);
    CHECK(result.store->findId(QStringLiteral("gp-belgorod")) < 0);
    REQUIRE(result.issues.size() == 1);
    const Issue &issue = result.issues.first();
    CHECK(issue.severity == Issue::Severity::Skipped);
    CHECK(issue.record == 2);
    CHECK(str(issue.recordId) == "gp-belgorod");
    CHECK_THAT(str(issue.message), Catch::Contains("cannot be on any map"));
    // The good records are reprojected as before.
    const Event kursk = result.store->event(result.store->findId(QStringLiteral("gp-kursk")));
    CHECK(kursk.geometry[0].longitude() == Approx(36.19).margin(0.01));
    CHECK(kursk.geometry[0].latitude() == Approx(51.73).margin(0.01));
}

// ---- limits --------------------------------------------------------------------------------------

TEST_CASE("A size just past its limit never reads as equal to it", "[io]")
{
    const qint64 gib = qint64(1) << 30;
    // Far apart: one decimal, as before.
    CHECK(sizesOverLimit(5 * gib, 4 * gib) == std::pair(QStringLiteral("5.0 GB"), QStringLiteral("4.0 GB")));
    CHECK(sizesOverLimit(2000, 1024) == std::pair(QStringLiteral("2.0 kB"), QStringLiteral("1.0 kB")));
    // Within a tenth: more decimals.
    CHECK(sizesOverLimit(4 * gib + 20 * (qint64(1) << 20), 4 * gib) ==
          std::pair(QStringLiteral("4.02 GB"), QStringLiteral("4.00 GB")));
    // Within a thousandth: whole bytes.
    CHECK(sizesOverLimit(4 * gib + 1, 4 * gib) ==
          std::pair(QStringLiteral("4,294,967,297 bytes"), QStringLiteral("4,294,967,296 bytes")));
    for (qint64 over : {qint64(1), qint64(1000), qint64(1) << 20, qint64(1) << 27}) {
        const auto [size, limit] = sizesOverLimit(4 * gib + over, 4 * gib);
        CHECK(size != limit);
    }
}

TEST_CASE("A file over the size limit is refused with both sizes", "[io]")
{
    const QString file = formatFile("events.geojson");
    LoadOptions options;
    options.maxFileBytes = 1024;
    REQUIRE(QFileInfo(file).size() > 1024);
    const LoadResult result = EventLoader::load(file, options);
    checkRefused(result, file, "more than the limit of 1.0 kB");
    CHECK_THAT(str(result.issues.first().message), Catch::StartsWith("the file is "));
    CHECK(result.recordsRead == 0);
    // The defaults are generous: the same file loads.
    CHECK_FALSE(EventLoader::load(file).hasFatal());
}

TEST_CASE("A file with more records than the limit is refused, counted or not", "[io]")
{
    LoadOptions options;
    options.maxRecords = 3;
    SECTION("GeoJSON: GDAL counts the records before reading")
    {
        const QString file = formatFile("events.geojson");
        checkRefused(EventLoader::load(file, options), file, "4 records, more than the limit of 3");
    }
    SECTION("CSV: the limit is checked while reading")
    {
        QTemporaryDir dir;
        REQUIRE(dir.isValid());
        QByteArray csv = "id,date,lat,lon,title\n";
        for (int i = 0; i < 5; ++i)
            csv += "r" + QByteArray::number(i) + ",2024-08-0" + QByteArray::number(i + 1) + ",51.7,36.2,Kursk\n";
        const QString file = dir.filePath("five.csv");
        REQUIRE(writeFile(file, csv));
        const LoadResult result = EventLoader::load(file, options);
        checkRefused(result, file, "more than 3 records; the file is refused");
        CHECK(result.store->isEmpty()); // refused, not cut: no partial data set
    }
}

TEST_CASE("A geometry with more vertices than the limit skips its record", "[io]")
{
    const QString file = badFile("many_vertices.geojson");
    LoadOptions options;
    options.maxVertices = 10;
    const LoadResult result = EventLoader::load(file, options);
    INFO("issues reported:\n" << allIssues(result));
    REQUIRE(result.issues.size() == 2);
    for (const char *id : {"long-line", "big-area"}) {
        const Issue issue = issueFor(result, id);
        CHECK(issue.severity == Issue::Severity::Skipped);
        CHECK(issue.file == file);
        CHECK(issue.record == (std::string(id) == "long-line" ? 1 : 2));
        CHECK(str(issue.field) == "geometry");
        CHECK(str(issue.message) == "12 vertices, more than the limit of 10; record skipped");
    }
    REQUIRE(result.store->size() == 1);
    CHECK(str(result.store->event(0).id) == "short-line"); // at the limit: kept
    CHECK(result.store->event(0).geometry.size() == 10);
    // With the default limit all three load.
    CHECK(EventLoader::load(file).store->size() == 3);
}

TEST_CASE("JSON properties nested deeper than the limit are ignored with a warning", "[io]")
{
    const QString file = badFile("deep_json.geojson");
    const LoadResult result = EventLoader::load(file);
    INFO("issues reported:\n" << allIssues(result));
    REQUIRE(result.issues.size() == 1);
    const Issue issue = issueFor(result, "deep");
    CHECK(issue.severity == Issue::Severity::Warning);
    CHECK(issue.file == file);
    CHECK(issue.record == 1);
    CHECK(str(issue.field) == "claims");
    CHECK(str(issue.message) == "JSON nested 80 levels deep, more than the limit of 64; ignored");
    // The record itself loads, without the claims; the ordinary record keeps its claim.
    REQUIRE(result.store->size() == 2);
    const Event deep = result.store->event(result.store->findId(QStringLiteral("deep")));
    CHECK(deep.claims.isEmpty());
    const Event shallow = result.store->event(result.store->findId(QStringLiteral("shallow")));
    REQUIRE(shallow.claims.size() == 1);
    CHECK(str(shallow.claims[0].source) == "A");

    LoadOptions options;
    options.maxJsonDepth = 1; // even a flat array of objects is two levels
    const LoadResult strict = EventLoader::load(file, options);
    CHECK(str(issueFor(strict, "shallow").message) == "JSON nested 2 levels deep, more than the limit of 1; ignored");
}

// ---- bytes in memory -----------------------------------------------------------------------------

TEST_CASE("Bytes in memory load like the file they came from", "[io]")
{
    const QString file = formatFile("events.geojson");
    QFile f(file);
    REQUIRE(f.open(QIODevice::ReadOnly));
    const QByteArray bytes = f.readAll();
    const LoadResult fromFile = EventLoader::load(file);
    const LoadResult fromBytes = EventLoader::loadBytes(bytes, QStringLiteral("pasted.geojson"));
    REQUIRE(fromBytes.store->size() == fromFile.store->size());
    for (EventStore::Index i = 0; i < fromFile.store->size(); ++i)
        CHECK(fromBytes.store->event(i) == fromFile.store->event(i));
    REQUIRE(fromBytes.issues.size() == fromFile.issues.size());
    CHECK(str(fromBytes.issues.first().file) == "pasted.geojson");
    CHECK(fromBytes.issues.first().message == fromFile.issues.first().message);

    checkRefused(EventLoader::loadBytes({}, QStringLiteral("nothing.csv")), QStringLiteral("nothing.csv"),
                 "the file is empty");
    LoadOptions small;
    small.maxFileBytes = 100;
    checkRefused(EventLoader::loadBytes(bytes, QStringLiteral("pasted.geojson"), small),
                 QStringLiteral("pasted.geojson"), "more than the limit of 100 bytes");
}
