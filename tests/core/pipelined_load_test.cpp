// SPDX-License-Identifier: GPL-3.0-or-later
// EventLoader converts records on a second thread while GDAL reads (LoadOptions::pipelined):
// the store, the issues and their order must be those of converting on the calling thread,
// with problems spread over many batches, and a cancel or a refusal must leave no thread behind.
#include "core/io/event_loader.h"
#include "core/io/gdal_session.h"

#include <QDate>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include "../qt_string_maker.h"

#include <catch2/catch.hpp>

#include <cpl_error.h>

using namespace chronomap;

namespace {

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

/// A CSV of `rows` records with a different kind of problem every few dozen rows.
QByteArray messyCsv(int rows)
{
    QByteArray csv = "id,title,start,end,date_precision,category,lat,lon,wkt,source,regions,claims,confidence\n";
    const QDate first(2001, 1, 1);
    for (int i = 1; i <= rows; ++i) {
        const QDate day = first.addDays(i % 5000);
        QByteArray id = "ev-" + QByteArray::number(i % 101 == 0 ? i - 1 : i); // duplicates
        QByteArray title = "Event " + QByteArray::number(i);
        if (i % 73 == 0) title.clear();
        if (i % 131 == 0) title = "caf\xe9 " + QByteArray::number(i); // Latin-1, not UTF-8
        QByteArray start = day.toString(Qt::ISODate).toLatin1();
        if (i % 97 == 0) start = "someday";
        if (i % 113 == 0) start = day.toString("yyyy-MM").toLatin1();
        QByteArray end = i % 7 == 0 ? day.addDays(3).toString(Qt::ISODate).toLatin1() : QByteArray();
        if (i % 83 == 0) end = day.addDays(-3).toString(Qt::ISODate).toLatin1();
        QByteArray precision = i % 59 == 0 ? "fortnight" : i % 47 == 0 ? "month" : "";
        QByteArray lat = QByteArray::number(40.0 + (i % 100) * 0.1), lon = QByteArray::number(30.0 + (i % 37) * 0.1);
        if (i % 89 == 0) lat = "north";
        if (i % 53 == 0) lat = "95.5";
        QByteArray wkt;
        if (i % 79 == 0) {
            lat.clear();
            lon.clear();
            wkt = i % 158 == 0 ? "POINT (oops" : "POLYGON ((30 50, 31 50, 31 51, 30 51, 30 50))";
        }
        if (i % 211 == 0) lat.clear(), lon.clear(); // no location at all
        const QByteArray source = i % 67 == 0 ? "42" : i % 2 ? "TASS;https://example.org/a" : "Reuters";
        const QByteArray regions = i % 3 ? "ru-krs|KP-01" : "";
        const QByteArray claims = i % 71 == 0   ? R"("[{""quantity"":""troops"",""value"":""many""}]")"
                                  : i % 43 == 0 ? R"("[{""quantity"":""shells"",""value"":1000}]")"
                                                : "";
        const QByteArray confidence = i % 61 == 0 ? "maybe" : i % 5 == 0 ? "reported" : "";
        csv += id + ",\"" + title + "\"," + start + ',' + end + ',' + precision + ",Summit," + lat + ',' + lon + ",\"" +
               wkt + "\"," + source + ',' + regions + ',' + claims + ',' + confidence + '\n';
    }
    return csv;
}

/// The same problems where GeoJSON carries them, including in the geometry the reading thread takes.
QByteArray messyGeoJson(int rows)
{
    QByteArray json = R"({"type":"FeatureCollection","features":[)";
    for (int i = 1; i <= rows; ++i) {
        QByteArray geometry = R"({"type":"Point","coordinates":[)" + QByteArray::number(30 + i % 37) + ',' +
                              QByteArray::number(40 + i % 40) + "]}";
        if (i % 41 == 0) geometry = R"({"type":"Point","coordinates":[200,10]})";
        if (i % 43 == 0) geometry = R"({"type":"MultiPoint","coordinates":[[30,50],[31,51]]})";
        if (i % 47 == 0) geometry = R"({"type":"Point","coordinates":[]})";
        if (i % 53 == 0) geometry = "null";
        const QByteArray start = i % 29 == 0 ? "\"later\"" : "\"2023-05-0" + QByteArray::number(1 + i % 9) + '"';
        json += (i > 1 ? "," : "") + QByteArray(R"({"type":"Feature","properties":{"id":"g-)") +
                QByteArray::number(i % 61 == 0 ? i - 1 : i) + R"(","title":"Feature )" + QByteArray::number(i) +
                R"(","start":)" + start + R"(,"sources":)" + (i % 31 == 0 ? "7" : R"(["TASS"])") + R"(},"geometry":)" +
                geometry + "}";
    }
    return json + "]}";
}

LoadResult loadWith(const QString &path, bool pipelined, qint64 maxRecords = LoadOptions{}.maxRecords)
{
    LoadOptions options;
    options.pipelined = pipelined;
    options.maxRecords = maxRecords;
    return EventLoader::load(path, options);
}

void requireSameResult(const LoadResult &serial, const LoadResult &pipelined)
{
    REQUIRE(pipelined.store);
    REQUIRE(serial.store);
    CHECK(pipelined.recordsRead == serial.recordsRead);
    CHECK(pipelined.cancelled == serial.cancelled);
    REQUIRE(pipelined.issues.size() == serial.issues.size());
    for (qsizetype i = 0; i < serial.issues.size(); ++i) {
        INFO("issue " << i);
        CHECK(pipelined.issues[i].severity == serial.issues[i].severity);
        CHECK(pipelined.issues[i].toString() == serial.issues[i].toString());
    }
    REQUIRE(pipelined.store->size() == serial.store->size());
    for (EventStore::Index i = 0; i < serial.store->size(); ++i) {
        INFO("event " << i);
        REQUIRE(pipelined.store->event(i) == serial.store->event(i));
    }
}

/// Record numbers of issues never go back: they come in the order the records were read.
void requireRecordOrder(const IssueList &issues)
{
    qint64 last = 0;
    for (const Issue &issue : issues) {
        if (issue.record < 0) continue;
        CHECK(issue.record >= last);
        last = issue.record;
    }
}

/// Threads of this process, from /proc; -1 where there is no /proc.
qsizetype threadCount()
{
    const QDir tasks(QStringLiteral("/proc/self/task"));
    return tasks.exists() ? tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot).size() : -1;
}

} // namespace

TEST_CASE("A pipelined CSV load gives the store and issues of a serial one", "[io]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString path = dir.filePath("messy.csv");
    constexpr int rows = 6'000; // several batches
    REQUIRE(writeFile(path, messyCsv(rows)));

    const LoadResult serial = loadWith(path, false);
    const LoadResult pipelined = loadWith(path, true);
    requireSameResult(serial, pipelined);
    requireRecordOrder(pipelined.issues);

    // The problems were really there, spread over the file.
    CHECK(pipelined.recordsRead == rows);
    CHECK_FALSE(pipelined.hasFatal());
    CHECK(pipelined.count(Issue::Severity::Skipped) > 150);
    CHECK(pipelined.count(Issue::Severity::Warning) > 300);
    CHECK(pipelined.issues.first().record < 200);
    CHECK(pipelined.issues.last().record > rows - 200);
    const auto duplicates = std::count_if(pipelined.issues.begin(), pipelined.issues.end(), [](const Issue &i) {
        return i.message.contains(QStringLiteral("already used by an earlier record"));
    });
    CHECK(duplicates > 40);
}

TEST_CASE("A pipelined GeoJSON load reports geometry problems where a serial one does", "[io]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString path = dir.filePath("messy.geojson");
    constexpr int rows = 5'000;
    REQUIRE(writeFile(path, messyGeoJson(rows)));

    const LoadResult serial = loadWith(path, false);
    const LoadResult pipelined = loadWith(path, true);
    requireSameResult(serial, pipelined);
    requireRecordOrder(pipelined.issues);

    // Geometry issues follow the record's date issues, and a record skipped for its date reports
    // nothing about its geometry (41 * 29 = 1189: a bad date and a bad point).
    bool sawOutOfRange = false;
    for (const Issue &issue : pipelined.issues) {
        if (issue.record == 1189) CHECK(issue.field == QStringLiteral("start"));
        sawOutOfRange = sawOutOfRange || issue.message.contains(QStringLiteral("(200, 10)"));
    }
    CHECK(sawOutOfRange);
    CHECK(pipelined.store->size() < rows);
    CHECK(pipelined.store->size() > rows * 3 / 4);
}

TEST_CASE("The record limit refuses a file the same way with or without the pipeline", "[io]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString path = dir.filePath("messy.csv");
    REQUIRE(writeFile(path, messyCsv(5'000)));

    const qint64 limit = GENERATE(1'024, 2'500);
    INFO("limit " << limit);
    const LoadResult serial = loadWith(path, false, limit);
    const LoadResult pipelined = loadWith(path, true, limit);
    requireSameResult(serial, pipelined);
    CHECK(pipelined.hasFatal());
    CHECK(pipelined.store->isEmpty());
    REQUIRE_FALSE(pipelined.issues.isEmpty());
    CHECK(pipelined.issues.last().message.contains(QStringLiteral("more than %1 records").arg(limit)));
    // Problems of the records up to the limit are reported, none after it.
    for (const Issue &issue : pipelined.issues)
        CHECK(issue.record <= limit);
    CHECK(pipelined.issues[pipelined.issues.size() - 2].record > limit - 100);
}

TEST_CASE("Cancelling a pipelined load leaves nothing and no thread running", "[io]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString path = dir.filePath("messy.csv");
    REQUIRE(writeFile(path, messyCsv(30'000)));

    const bool pipelined = GENERATE(false, true);
    const int stopAtCall = GENERATE(1, 3);
    INFO((pipelined ? "pipelined" : "serial") << ", cancel at progress call " << stopAtCall);
    LoadOptions options;
    options.pipelined = pipelined;
    const qsizetype threadsBefore = threadCount();
    int calls = 0;
    qint64 doneAtCancel = -1;
    const LoadResult result = EventLoader::load(path, options, [&](qint64 done, qint64) {
        if (++calls < stopAtCall) return true;
        doneAtCancel = done;
        return false;
    });
    REQUIRE(result.store);
    CHECK(result.cancelled);
    CHECK(result.store->isEmpty());
    CHECK(result.issues.isEmpty());
    CHECK(calls == stopAtCall);
    CHECK(result.recordsRead == doneAtCancel);
    CHECK(threadCount() <= threadsBefore); // the converter has been joined (other threads may end)
}

TEST_CASE("GDAL message collectors nest: the outer one collects again after the inner one", "[io]")
{
    // Converting on the calling thread collects conversion messages in an inner collector while
    // the load's own collector stays in place for the reading that follows.
    ensureGdalReady();
    GdalMessageCollector outer;
    {
        GdalMessageCollector inner;
        CPLError(CE_Warning, CPLE_AppDefined, "while converting");
        CHECK(inner.take() == QStringList{QStringLiteral("while converting")});
    }
    CPLError(CE_Warning, CPLE_AppDefined, "while reading");
    CHECK(outer.take() == QStringList{QStringLiteral("while reading")});
}
