// SPDX-License-Identifier: GPL-3.0-or-later
// Files read in a reader child process (issue 19): the same outcome as in process for every
// format and every bad fixture; a child that crashes, hangs, runs out of memory or writes
// garbage ends alone, reported with the file, the reader and the last record, and leaves no
// process behind.
#include "core/io/batch_codec.h"
#include "../test_paths.h"
#include "core/io/event_loader.h"
#include "core/io/reader_child.h"
#include "core/io/reader_process.h"
#include "core/io/reader_stream.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>

#include <ogr_core.h>

#include "../qt_string_maker.h"
#include "../reader_fault.h"
#include "../test_files.h"
#include "same_load.h"

#include <catch2/catch.hpp>

#include <limits>
#include <string>

using namespace chronomap;
using namespace chronomap::test;

namespace {

/// Both loads give the same events and the same issues, in the same order, and the child's is
/// whole.
void checkSameAsInProcess(const LoadResult &inProcess, const LoadResult &child)
{
    CHECK_FALSE(child.partial);
    checkSameOutcome(inProcess, child);
}

/// One record's batch, as a CSV reader child sends it: id ev-1, title "Title", start 2025-01-02,
/// a point; its layer has the columns id, date and title (in the roles' order: id, title, start).
FeatureBatch oneRecordBatch()
{
    FeatureBatch batch;
    batch.columns = 3;
    batch.records = {1};
    batch.text = std::string("ev-1\0"
                             "2025-01-02\0"
                             "Title\0",
                             22);
    batch.cells = {{0, 4, -1, 0}, {16, 5, -1, 0}, {5, 10, -1, 0}};
    batch.geometry = {{FeatureBatch::Geometry::State::Usable, GeometryKind::Point, false, 0, 2, 0, 0}};
    batch.lonLat = {36.0, 51.0};
    return batch;
}

} // namespace

TEST_CASE("Every format loads through the reader child as it does in process", "[io][reader]")
{
    for (const char *name : {"events.geojson", "events.gpkg", "events.kml", "events.ods", "events.xlsx",
                             "events_3857.geojson", "events_latlon.csv", "events_utm37n.gpkg", "events_wkt.csv"}) {
        INFO(name);
        const LoadResult inProcess = EventLoader::load(formatFile(name));
        const LoadResult child = ReaderProcess::load(formatFile(name));
        CHECK(child.store->size() > 0);
        checkSameAsInProcess(inProcess, child);
    }
    CHECK(childProcesses() == 0);
}

TEST_CASE("A field mapping reaches the reader child", "[io][reader]")
{
    LoadOptions options;
    REQUIRE(FieldMapping::parse(QStringLiteral("start=Fecha,title=Titular,lon=X,lat=Y"), &options.mapping, nullptr));
    const LoadResult inProcess = EventLoader::load(formatFile("events_spanish.csv"), options);
    const LoadResult child = ReaderProcess::load(formatFile("events_spanish.csv"), options);
    CHECK(child.store->size() > 0);
    checkSameAsInProcess(inProcess, child);

    // A figure column is read by the child too: each record claims its X as a figure named "X".
    REQUIRE(FieldMapping::parse(QStringLiteral("figure=X"), &options.mapping, nullptr));
    const LoadResult withFigure = ReaderProcess::load(formatFile("events_spanish.csv"), options);
    checkSameAsInProcess(EventLoader::load(formatFile("events_spanish.csv"), options), withFigure);
    REQUIRE(withFigure.store->size() == child.store->size());
    for (EventStore::Index i = 0; i < withFigure.store->size(); ++i) {
        const Event e = withFigure.store->event(i);
        REQUIRE(e.claims.size() == 1);
        CHECK(e.claims[0].quantity == "X");
        CHECK(e.claims[0].value == Approx(e.anchor().longitude()).margin(1e-9));
    }
}

TEST_CASE("Every bad fixture gives the same outcome through the reader child", "[io][reader]")
{
    const QDir bad(chronomap::test::testDataDir() + QLatin1String("/bad"));
    const QStringList files = bad.entryList(QDir::Files);
    REQUIRE(files.size() >= 26);
    for (const QString &name : files) {
        if (name == u"README.md") continue;
        INFO(str(name));
        const QString path = bad.filePath(name);
        checkSameAsInProcess(EventLoader::load(path), ReaderProcess::load(path));
    }
    // The limits travel to the child too.
    LoadOptions low;
    low.maxVertices = 10;
    low.maxJsonDepth = 3;
    low.maxTextBytes = 16;
    for (const char *name : {"many_vertices.geojson", "deep_json.geojson", "wrong_types.geojson"}) {
        INFO(name);
        checkSameAsInProcess(EventLoader::load(badFile(name), low), ReaderProcess::load(badFile(name), low));
    }
    LoadOptions few;
    few.maxRecords = 2;
    checkSameAsInProcess(EventLoader::load(formatFile("events_latlon.csv"), few),
                         ReaderProcess::load(formatFile("events_latlon.csv"), few));
    CHECK(childProcesses() == 0);
}

TEST_CASE("A reader child that aborts is reported with the file, the reader and the last record", "[io][reader]")
{
    QTemporaryDir dir;
    const QString path = writeEventsCsv(dir, 3000);
    const ReaderFault fault("abort@2500");
    const LoadResult result = ReaderProcess::load(path);
    INFO(allIssues(result));
    CHECK(result.store->isEmpty()); // nothing half-loaded
    REQUIRE(result.partial);
    CHECK(result.partial->size() == 2499); // what arrived before the crash, if the user wants it
    REQUIRE(result.issues.size() == 1);
    const Issue &issue = result.issues.first();
    CHECK(issue.severity == Issue::Severity::Fatal);
    CHECK(issue.file == path);
    CHECK(issue.record == 2499);
    CHECK(issue.recordId == u"ev-2499");
    CHECK(issue.message.startsWith(u"the reader (CSV) crashed with signal 6 ("));
    CHECK(issue.message.contains(u"after record 2499"));
    CHECK(issue.message.contains(u"(2499 event"));
    CHECK(childProcesses() == 0);
}

TEST_CASE("A reader child that crashes while opening names no record", "[io][reader]")
{
    const ReaderFault fault("abort");
    const LoadResult result = ReaderProcess::load(formatFile("events.geojson"));
    REQUIRE(result.issues.size() == 1);
    CHECK(result.issues.first().record == -1);
    CHECK(result.issues.first().message.startsWith(u"the reader (while opening the file) crashed with signal 6"));
    REQUIRE(result.partial);
    CHECK(result.partial->isEmpty());
    CHECK(childProcesses() == 0);
}

TEST_CASE("The watchdog ends a reader child that stops making progress", "[io][reader]")
{
    QTemporaryDir dir;
    const QString path = writeEventsCsv(dir, 2000);
    const ReaderFault fault("loop@1500");
    ReaderLimits limits;
    // Longer than a start or a pause between batches on a loaded 2-core machine (1.5 s was not,
    // beside a sanitizer suite at the lowest priority).
    limits.watchdogMs = 3000;
    QElapsedTimer clock;
    clock.start();
    const LoadResult result = ReaderProcess::load(path, {}, {}, limits);
    CHECK(clock.elapsed() < 8000);
    REQUIRE(result.issues.size() == 1);
    CHECK(result.issues.first().record == 1499);
    CHECK(result.issues.first().message.startsWith(u"the reader (CSV) made no progress for 3 s after record 1499"));
    REQUIRE(result.partial);
    CHECK(result.partial->size() == 1499);
    CHECK(childProcesses() == 0);
}

TEST_CASE("Cancelling ends a stuck reader child at once", "[io][reader]")
{
    const ReaderFault fault("loop");
    QElapsedTimer clock;
    clock.start();
    qint64 cancelledAfterMs = -1;
    const LoadResult result = ReaderProcess::load(formatFile("events.geojson"), {}, [&](qint64, qint64) {
        if (clock.elapsed() < 300) return true;
        if (cancelledAfterMs < 0) cancelledAfterMs = clock.elapsed();
        return false;
    });
    CHECK(result.cancelled);
    CHECK(result.store->isEmpty());
    CHECK(result.issues.isEmpty());
    CHECK(clock.elapsed() - cancelledAfterMs < 500); // the child is killed, not waited for
    CHECK(childProcesses() == 0);
}

TEST_CASE("A reader child writing garbage is a malformed stream, not a crash of the app", "[io][reader]")
{
    const ReaderFault fault("garbage");
    const LoadResult result = ReaderProcess::load(formatFile("events.geojson"));
    REQUIRE(result.issues.size() == 1);
    CHECK(result.issues.first().message.contains(u"sent malformed data"));
    CHECK(result.store->isEmpty());
    CHECK(childProcesses() == 0);
}

TEST_CASE("A file needing more memory than the reader's limit is reported as such", "[io][reader]")
{
    // 40,000 placemarks (15 MB): GDAL's KML readers hold the whole document in memory, over
    // 100 MB of it, more than the 48 MiB the reader is given here.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("large.kml"));
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly));
    file.write(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<kml xmlns=\"http://www.opengis.net/kml/2.2\"><Document>\n");
    const QByteArray description(200, 'x');
    for (int i = 0; i < 40'000; ++i)
        file.write("<Placemark><name>Event " + QByteArray::number(i) +
                   "</name><TimeStamp><when>2020-01-01</when></TimeStamp><description>" + description +
                   "</description><Point><coordinates>36.1,51.2</coordinates></Point></Placemark>\n");
    file.write("</Document></kml>\n");
    file.close();
    ReaderLimits limits;
    limits.memoryBytes = 48 << 20;
    const LoadResult result = ReaderProcess::load(path, {}, {}, limits);
    INFO(allIssues(result));
    CHECK(result.store->isEmpty());
    REQUIRE_FALSE(result.issues.isEmpty());
    CHECK(result.issues.last().severity == Issue::Severity::Fatal);
#if defined(__SANITIZE_ADDRESS__) // GCC with -fsanitize=address (CHRONOMAP_SANITIZE)
    // AddressSanitizer's allocator cannot live under an address-space limit: its mmap fails and
    // it aborts the child instead of throwing bad_alloc. Still the child's failure alone.
    const QString &message = result.issues.last().message;
    CHECK((message.contains(u"too large for the reader's memory limit (48 MiB") ||
           message.contains(u"crashed with signal 6")));
#else
    CHECK(result.issues.last().message.contains(u"too large for the reader's memory limit (48 MiB"));
#endif
    CHECK(childProcesses() == 0);
    // With the default limit the same file loads.
    const LoadResult loaded = ReaderProcess::load(path);
    CHECK(loaded.store->size() == 40'000);
}

TEST_CASE("A missing reader binary is reported, not fatal to the app", "[io][reader]")
{
    const QString real = ReaderProcess::executable();
    ReaderProcess::setExecutable(QStringLiteral("/nonexistent/chronomap"));
    const LoadResult result = ReaderProcess::load(formatFile("events.geojson"));
    ReaderProcess::setExecutable(real);
    REQUIRE(result.issues.size() == 1);
    CHECK(result.issues.first().message.startsWith(u"cannot start the file reader /nonexistent/chronomap"));
    CHECK(childProcesses() == 0);
}

TEST_CASE("The stream decoder refuses truncated and inconsistent frames", "[io][reader]")
{
    // A real batch from a real file, then cut and corrupted.
    ipc::FrameWriter writer;
    writer.driver(QStringLiteral("CSV"));
    writer.layer({"events", 1, true, {{"id", 4, 0}, {"date", 4, 0}, {"title", 4, 0}}});
    const FeatureBatch batch = oneRecordBatch();
    writer.batch(batch);
    const std::string good = writer.bytes();
    {
        ReaderStream stream(QStringLiteral("x.csv"), {});
        REQUIRE(stream.feed(good.data(), qsizetype(good.size())));
        CHECK(stream.driver() == u"CSV");
        CHECK(stream.eventsConverted() == 1);
        CHECK(stream.lastRecordId() == u"ev-1");
    }
    {
        // Byte by byte, the same.
        ReaderStream stream(QStringLiteral("x.csv"), {});
        for (char c : good)
            REQUIRE(stream.feed(&c, 1));
        CHECK(stream.eventsConverted() == 1);
    }
    // A cell pointing past the text, a vertex out of range, a wrong column count: refused.
    for (int corruption = 0; corruption < 3; ++corruption) {
        FeatureBatch bad = batch;
        if (corruption == 0) bad.cells[1] = {16, 50, -1, 0};
        if (corruption == 1) bad.geometry[0].vertexEnd = 4;
        if (corruption == 2) bad.columns = 2;
        ipc::FrameWriter w;
        w.layer({"events", 1, true, {{"id", 4, 0}, {"date", 4, 0}, {"title", 4, 0}}});
        w.batch(bad);
        ReaderStream stream(QStringLiteral("x.csv"), {});
        CHECK_FALSE(stream.feed(w.bytes().data(), qsizetype(w.bytes().size())));
        CHECK(stream.malformed());
        CHECK(stream.eventsConverted() == 0);
    }
    // A frame claiming a gigabyte.
    const char huge[] = {char(ipc::FrameType::Batch), char(0xff), char(0xff), char(0xff), char(0x7f)};
    ReaderStream stream(QStringLiteral("x.csv"), {});
    CHECK_FALSE(stream.feed(huge, sizeof huge));
}

TEST_CASE("A record count a child estimates near the limit of 64 bits is only an estimate", "[io][reader]")
{
    // Found by fuzz_reader_stream: the estimate plus its sixteenth overflowed (UBSan). The stream
    // goes on and the records come as sent; below -1 (unknown) an estimate is a malformed frame.
    for (const qint64 estimated :
         {std::numeric_limits<qint64>::max(), std::numeric_limits<qint64>::max() / 16 * 15, qint64(-1), qint64(-2)}) {
        INFO("estimated " << estimated);
        ipc::FrameWriter writer;
        writer.driver(QStringLiteral("CSV"));
        writer.total(0, estimated);
        writer.layer({"events", 1, true, {{"id", OFTString, 0}, {"date", OFTString, 0}, {"title", OFTString, 0}}});
        writer.batch(oneRecordBatch());
        writer.end({1, true, 1, false, 0, 0});
        ReaderStream stream(QStringLiteral("x.csv"), {});
        const bool fed = stream.feed(writer.bytes().data(), qsizetype(writer.bytes().size()));
        if (estimated < -1) {
            CHECK_FALSE(fed);
            CHECK(stream.malformed());
            continue;
        }
        REQUIRE(fed);
        REQUIRE(stream.ended());
        const LoadResult result = stream.finish();
        REQUIRE(result.store);
        REQUIRE(result.store->size() == 1);
        CHECK(result.store->id(0) == u"ev-1");
    }
}

TEST_CASE("A typed date whose parts a child sends out of range, NaN included, is no date", "[io][reader]")
{
    // Found by fuzz_reader_stream: int(NaN) of a part was undefined behaviour (UBSan). Record 1's
    // date is good; the others' have a NaN year, an hour of 25 and a month of 1e300.
    const double nan = std::numeric_limits<double>::quiet_NaN();
    ipc::FrameWriter writer;
    writer.driver(QStringLiteral("XLSX"));
    writer.layer({"events", 1, true, {{"id", OFTString, 0}, {"date", OFTDateTime, 0}, {"title", OFTString, 0}}});
    FeatureBatch batch;
    batch.columns = 3;
    batch.records = {1, 2, 3, 4};
    batch.text = std::string("a\0\0T\0b\0\0T\0c\0\0T\0d\0\0T\0", 20);
    // Per record: present, year, month, day, hour, minute, second, zone flag (OGR's).
    batch.numbers = {1, 2025, 1, 2, 9,  30, 0, 100, 1, nan,  1,     2, 9, 30, 0, 100,
                     1, 2025, 1, 2, 25, 30, 0, 100, 1, 2025, 1e300, 2, 9, 30, 0, 100};
    for (int r = 0; r < 4; ++r) {
        const qsizetype at = r * 5;
        batch.cells.push_back({at, 1, -1, 0}); // in the roles' order: id, title, start
        batch.cells.push_back({at + 3, 1, -1, 0});
        batch.cells.push_back({at + 2, 0, r * 8, 0});
        batch.geometry.push_back({FeatureBatch::Geometry::State::Usable, GeometryKind::Point, false, 0, 2, 0, 0});
    }
    batch.lonLat = {36.0, 51.0};
    writer.batch(batch);
    writer.end({4, true, 4, false, 0, 0});
    ReaderStream stream(QStringLiteral("dates.xlsx"), {});
    REQUIRE(stream.feed(writer.bytes().data(), qsizetype(writer.bytes().size())));
    REQUIRE(stream.ended());
    const LoadResult result = stream.finish();
    REQUIRE(result.store);
    REQUIRE(result.store->size() == 1);
    CHECK(result.store->id(0) == u"a");
    CHECK(result.store->when(0).start().toIso() == u"2025-01-02T09:30:00Z");
    // The three others are skipped, each for its missing start date.
    CHECK(result.count(Issue::Severity::Skipped) == 3);
}

TEST_CASE("A batch decodes to the cells, geometries and issues it was written with, a CSV's cells a byte each",
          "[io][reader]")
{
    // Every kind of cell: after the one before (one varint), unset, out of order, a string list,
    // a number, a date; records with no geometry (one byte), a point, a skipped one with issues.
    const std::vector<int> types = {OFTString, OFTStringList, OFTReal, OFTDateTime};
    FeatureBatch batch;
    batch.columns = 4;
    batch.records = {3, 4, 9};
    batch.text = std::string("a\0"
                             "x;y\0x\0y\0"
                             "1.5\0"
                             "2025-01-02\0"
                             "b\0"
                             "12\0",
                             30);
    batch.numbers = {1.5, 1, 2025, 1, 2, 0, 0, 0, 0, 12};
    batch.cells = {{0, 1, -1, 0},
                   {2, 3, 6, 2},
                   {10, 3, 0, 0},
                   {14, 10, 1, 0}, // record 3
                   {27, 2, -1, 0},
                   {-1, 0, -1, 0},
                   {},
                   {}, // record 4: out of order, unset
                   {25, 1, -1, 0},
                   {},
                   {27, 2, 9, 0},
                   {}}; // record 9: earlier text again
    batch.geometry = {{FeatureBatch::Geometry::State::None, GeometryKind::None, false, 0, 0, 0, 0},
                      {FeatureBatch::Geometry::State::Usable, GeometryKind::Point, true, 0, 2, 0, 0},
                      {FeatureBatch::Geometry::State::Skipped, GeometryKind::None, false, 2, 2, 0, 1}};
    batch.lonLat = {36.0, 51.0};
    batch.issues = {{Issue::Severity::Skipped, QStringLiteral("geometry"), QStringLiteral("empty Point")}};
    ipc::FrameWriter writer;
    writer.batch(batch);
    const QByteArrayView payload = QByteArrayView(writer.bytes()).sliced(ipc::kHeaderBytes);
    FeatureBatch decoded;
    REQUIRE(ipc::decodeBatch(payload, types, &decoded));
    CHECK(decoded.columns == batch.columns);
    CHECK(decoded.records == batch.records);
    CHECK(decoded.text == batch.text);
    CHECK(decoded.numbers == batch.numbers);
    REQUIRE(decoded.cells.size() == batch.cells.size());
    for (size_t i = 0; i < batch.cells.size(); ++i) {
        INFO("cell " << i);
        const FeatureBatch::Cell &a = batch.cells[i], &b = decoded.cells[i];
        CHECK(b.offset == a.offset);
        if (a.offset < 0) continue; // unset: the rest is never read
        CHECK(b.size == a.size);
        CHECK(b.extra == a.extra);
        CHECK(b.extraCount == a.extraCount);
    }
    REQUIRE(decoded.geometry.size() == batch.geometry.size());
    for (size_t i = 0; i < batch.geometry.size(); ++i) {
        INFO("geometry " << i);
        const FeatureBatch::Geometry &a = batch.geometry[i], &b = decoded.geometry[i];
        CHECK(b.state == a.state);
        CHECK(b.kind == a.kind);
        CHECK(b.regionPrecision == a.regionPrecision);
        CHECK(b.vertexBegin == a.vertexBegin);
        CHECK(b.vertexEnd == a.vertexEnd);
        CHECK(b.issueBegin == a.issueBegin);
        CHECK(b.issueEnd == a.issueEnd);
    }
    CHECK(decoded.lonLat == batch.lonLat);
    REQUIRE(decoded.issues.size() == 1);
    CHECK(decoded.issues[0].field == u"geometry");
    CHECK(decoded.issues[0].message == u"empty Point");

    // A CSV's batch: 1,000 records of ten short text cells and no geometry. Each cell is one
    // byte and each record's geometry one, beside the text and the fixed header.
    FeatureBatch csv;
    csv.columns = 10;
    for (qint64 record = 1; record <= 1000; ++record) {
        csv.records.push_back(record);
        for (int column = 0; column < csv.columns; ++column) {
            csv.cells.push_back({qsizetype(csv.text.size()), 5, -1, 0});
            csv.text.append("cell5", 6);
        }
        csv.geometry.push_back({FeatureBatch::Geometry::State::None, GeometryKind::None, false, 0, 0, 0, 0});
    }
    ipc::FrameWriter csvWriter;
    csvWriter.batch(csv);
    const size_t fixed = ipc::kHeaderBytes + 8 + 8 + 4 + 8 + 8 + 8; // columns, records, text, three counts
    CHECK(csvWriter.bytes().size() == fixed + csv.text.size() + 1000 * (1 + 10 + 1));
    FeatureBatch csvDecoded;
    REQUIRE(ipc::decodeBatch(QByteArrayView(csvWriter.bytes()).sliced(ipc::kHeaderBytes),
                             std::vector<int>(10, OFTString), &csvDecoded));
    CHECK(csvDecoded.cells.back().offset == csv.cells.back().offset);
    CHECK(csvDecoded.geometry.back().vertexEnd == 0);
    // The one-byte cell is checked as the others are: its text must end inside the batch.
    csv.cells.back().size = 6;
    ipc::FrameWriter badWriter;
    badWriter.batch(csv);
    CHECK_FALSE(ipc::decodeBatch(QByteArrayView(badWriter.bytes()).sliced(ipc::kHeaderBytes),
                                 std::vector<int>(10, OFTString), &csvDecoded));
}

TEST_CASE("Every role of an explicit mapping reaches the reader child, related records (the last role) included",
          "[io][reader]")
{
    // The mapping crosses to the child as role numbers: the last role once fell off the end of
    // the range the child accepted, and of the reader's arrays indexed by role.
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("renamed.csv"));
    {
        QFile f(file);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write("ident,headline,begins,x,y,links\n"
                "a,First,2024-06-19,125.75,39.03,\"[{\"\"id\"\": \"\"b\"\", \"\"relation\"\": \"\"follows-up\"\"}]\"\n"
                "b,Second,2024-11-09,37.62,55.75,\n");
    }
    LoadOptions options;
    for (const auto &[role, column] : {std::pair{FieldRole::Id, "ident"}, std::pair{FieldRole::Title, "headline"},
                                       std::pair{FieldRole::Start, "begins"}, std::pair{FieldRole::Longitude, "x"},
                                       std::pair{FieldRole::Latitude, "y"}, std::pair{FieldRole::Related, "links"}})
        options.mapping.setColumn(role, QString::fromLatin1(column));
    const LoadResult child = ReaderProcess::load(file, options);
    checkSameAsInProcess(EventLoader::load(file, options), child);
    CHECK(child.issues.isEmpty());
    REQUIRE(child.store->size() == 2);
    const Event a = child.store->event(0);
    CHECK(a.id == QStringLiteral("a"));
    CHECK(a.related == QList<Related>{{QStringLiteral("b"), QStringLiteral("follows-up")}});
}
