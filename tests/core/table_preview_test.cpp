// SPDX-License-Identifier: GPL-3.0-or-later
// The import dialog's look at a file (its columns and first rows) is read in a reader child, as
// the file itself is: opening a user's file with GDAL (whose GeoJSON driver parses all of it)
// may crash, hang or answer nonsense, and then the app gets an error naming the file, no crash.
#include "../test_paths.h"
#include "core/data_paths.h"
#include "core/io/geojson_fast_reader.h"
#include "core/io/reader_process.h"
#include "core/io/table_preview.h"

#include <QFile>
#include <QTemporaryDir>

#include "../qt_string_maker.h"
#include "../reader_fault.h"
#include "../test_files.h"

#include <catch2/catch.hpp>

using namespace chronomap;
using namespace chronomap::test;

TEST_CASE("A file's columns and first rows read in a reader child equal those read in process", "[io][reader]")
{
    for (const char *name :
         {"fechas_dmy.csv", "events_latlon.csv", "events.geojson", "events.xlsx", "events.gpkg", "acled_2023.csv"}) {
        INFO(name);
        const TablePreview here = TablePreview::readHere(formatFile(name), 5);
        const TablePreview child = TablePreview::read(formatFile(name), 5);
        CHECK(child.error.isEmpty());
        CHECK_FALSE(child.columns.isEmpty());
        CHECK(child.columns == here.columns);
        CHECK(child.rows == here.rows);
        CHECK(child.rows.size() == std::min<qsizetype>(5, here.rows.size()));
    }
    // One that needs the dialog, as the dialog is asked: Fecha, Titular, X, Y.
    const TablePreview fechas = TablePreview::read(formatFile("fechas_dmy.csv"));
    CHECK(TablePreview::needsMapping(fechas.columns));
    CHECK(fechas.columns.contains(u"Fecha"));
    CHECK(childProcesses() == 0);
}

TEST_CASE("GeoJSON the fast path reads shows GDAL's columns without GDAL's rows when it needs no mapping",
          "[io][reader]")
{
    // GDAL's own reading of the same file: the fast path declined by the environment.
    qputenv("CHRONOMAP_GEOJSON_READER", "gdal");
    const TablePreview byGdal = TablePreview::readHere(formatFile("events.geojson"), 5);
    qunsetenv("CHRONOMAP_GEOJSON_READER");
    REQUIRE(byGdal.error.isEmpty());
    CHECK_FALSE(byGdal.rows.isEmpty());

    const TablePreview fast = TablePreview::readHere(formatFile("events.geojson"), 5);
    CHECK(fast.error.isEmpty());
    // The same names; GDAL orders a property first met in a later feature beside its neighbours
    // there (places after actors), the fast path after all others. The order only matters to the
    // dialog's table, which gets GDAL's columns (below).
    QStringList fastSorted = fast.columns, gdalSorted = byGdal.columns;
    fastSorted.sort();
    gdalSorted.sort();
    CHECK(fastSorted == gdalSorted);
    CHECK_FALSE(TablePreview::needsMapping(fast.columns));
    CHECK(fast.rows.isEmpty()); // not read: the dialog will not come up

    // A GeoJSON file that needs the dialog gets its rows, as GDAL reads them.
    QTemporaryDir dir;
    const QString odd = dir.filePath(QStringLiteral("informe.geojson"));
    QFile file(odd);
    REQUIRE(file.open(QIODevice::WriteOnly));
    file.write(R"({"type":"FeatureCollection","features":[)"
               R"({"type":"Feature","properties":{"Fecha":"12/08/2025","Titular":"Tropas en Kursk"},)"
               R"("geometry":{"type":"Point","coordinates":[36.19,51.73]}}]})");
    file.close();
    const TablePreview needing = TablePreview::readHere(odd, 5);
    CHECK(needing.columns == QStringList{QStringLiteral("Fecha"), QStringLiteral("Titular")});
    CHECK(TablePreview::needsMapping(needing.columns));
    REQUIRE(needing.rows.size() == 1);
    CHECK(needing.rows[0] == QStringList{QStringLiteral("12/08/2025"), QStringLiteral("Tropas en Kursk")});
}

namespace {

/// A GeoJSON file of `features` points whose properties are `early` up to the byte offset
/// `lateFrom`, then `late`; `tail` ends it (a truncated one makes it malformed there).
QString writeLongGeoJson(const QTemporaryDir &dir, const QString &name, const QByteArray &early, const QByteArray &late,
                         qint64 lateFrom, const QByteArray &tail = "]}")
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly)) return {};
    file.write(R"({"type":"FeatureCollection","features":[)");
    for (int i = 0; file.pos() < lateFrom + 4096; ++i) {
        if (i > 0) file.write(",");
        file.write(R"({"type":"Feature","properties":{)" +
                   QByteArray(file.pos() < lateFrom ? early : late).replace("#", QByteArray::number(i)) +
                   R"(},"geometry":{"type":"Point","coordinates":[36.19,51.73]}})");
    }
    file.write(tail);
    return path;
}

} // namespace

TEST_CASE("A GeoJSON file whose first features need no mapping is previewed from them alone", "[io][reader]")
{
    QTemporaryDir dir;
    constexpr qint64 kLate = 2 << 20; // past the first chunk (256 KiB) and the layout scan's first call back
    // Start and title found in the first features: the preview stops there. A column first met
    // later is not listed, and would not have made a mapping needed.
    const QString simple =
        writeLongGeoJson(dir, QStringLiteral("long.geojson"), R"("date":"2025-08-12","title":"Event #")",
                         R"("date":"2025-08-13","title":"Event #","late_note":"n")", kLate);
    for (const TablePreview &preview : {TablePreview::readHere(simple, 5), TablePreview::read(simple, 5)}) {
        CHECK(preview.error.isEmpty());
        CHECK(preview.columns == QStringList{QStringLiteral("date"), QStringLiteral("title")});
        CHECK_FALSE(TablePreview::needsMapping(preview.columns));
    }
    // Not a reading of the whole file: one broken past the first features previews the same, and
    // its load reports it.
    const QString broken = writeLongGeoJson(dir, QStringLiteral("broken.geojson"), R"("date":"2025-08-12","title":"E")",
                                            R"("date":"2025-08-13","title":"E")", kLate, R"(,{"type":)");
    const TablePreview brokenPreview = TablePreview::read(broken, 5);
    CHECK(brokenPreview.error.isEmpty());
    CHECK(brokenPreview.columns == QStringList{QStringLiteral("date"), QStringLiteral("title")});
    const LoadResult load = ReaderProcess::loadFile(broken, {});
    CHECK(load.hasFatal());

    // Features with an id, which the fast path leaves to GDAL (a field or the feature's number,
    // as GDAL reads it): their property names still decide, without GDAL opening the file.
    const QString withIds = dir.filePath(QStringLiteral("ids.geojson"));
    QFile ids(withIds);
    REQUIRE(ids.open(QIODevice::WriteOnly));
    ids.write(R"({"type":"FeatureCollection","features":[)"
              R"({"type":"Feature","id":"a1","properties":{"date":"2025-08-12","title":"E"},)"
              R"("geometry":{"type":"Point","coordinates":[36.19,51.73]}}]})");
    ids.close();
    CHECK_FALSE(GeoJsonFastReader::open(QFile::encodeName(withIds), QStringLiteral("geojson")));
    const TablePreview idPreview = TablePreview::readHere(withIds, 5);
    CHECK(idPreview.error.isEmpty());
    CHECK(idPreview.columns == QStringList{QStringLiteral("date"), QStringLiteral("title")});
    CHECK(idPreview.rows.isEmpty()); // GDAL's reading gives rows (and an id column)

    // First features that need a mapping (Fecha, Titular): the whole file is read, as before, and
    // the column met later is listed for the dialog, with GDAL's rows.
    const QString spanish =
        writeLongGeoJson(dir, QStringLiteral("informe.geojson"), R"("Fecha":"12/08/2025","Titular":"T#")",
                         R"("Fecha":"13/08/2025","Titular":"T#","Nota":"n")", kLate);
    const TablePreview whole = TablePreview::read(spanish, 5);
    CHECK(whole.error.isEmpty());
    CHECK(whole.columns == QStringList{QStringLiteral("Fecha"), QStringLiteral("Titular"), QStringLiteral("Nota")});
    REQUIRE(whole.rows.size() == 5);
    CHECK(whole.rows[0] == QStringList{QStringLiteral("12/08/2025"), QStringLiteral("T0"), QString()});
    CHECK(childProcesses() == 0);
}

TEST_CASE("A file that is no table gives the reader's message through the child", "[io][reader]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("notes.csv.txt"));
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly));
    file.write("\x89PNG\r\n\x1a\n not a table at all");
    file.close();
    const TablePreview here = TablePreview::readHere(path, 5), child = TablePreview::read(path, 5);
    CHECK_FALSE(here.error.isEmpty());
    CHECK(child.error == here.error);
    CHECK(child.columns.isEmpty());
}

TEST_CASE("A reader child that crashes, writes garbage or hangs while previewing gives an error naming the file",
          "[io][reader]")
{
    const QString path = formatFile("fechas_dmy.csv");
    {
        const ReaderFault fault("abort");
        const TablePreview preview = TablePreview::read(path);
        CHECK(preview.columns.isEmpty());
        CHECK(preview.error.startsWith(QStringLiteral("the reader could not read the first rows of ") + path));
        CHECK(preview.error.contains(u"it crashed with signal 6 ("));
    }
    {
        const ReaderFault fault("garbage");
        const TablePreview preview = TablePreview::read(path);
        CHECK(preview.columns.isEmpty());
        CHECK(preview.error.endsWith(u"its answer was malformed"));
    }
    {
        const ReaderFault fault("loop");
        ReaderLimits limits;
        limits.watchdogMs = 1500;
        const TablePreview preview = ReaderProcess::preview(path, 20, limits);
        CHECK(preview.columns.isEmpty());
        CHECK(preview.error.endsWith(u"no answer in 1.5 s"));
    }
    CHECK(childProcesses() == 0);
    // And without a fault the same file previews: the faults above were the children's alone.
    CHECK(TablePreview::read(path).error.isEmpty());
}

TEST_CASE("The bundled dataset's columns are read in process, as the dataset is loaded", "[io][reader]")
{
    // A reader child would crash here (the fault is the child's alone): the preview has none.
    const ReaderFault fault("abort");
    const TablePreview bundled = TablePreview::read(DataPaths::bundledEvents());
    CHECK(bundled.error.isEmpty());
    CHECK(bundled.columns.contains(u"start"));
    CHECK_FALSE(TablePreview::needsMapping(bundled.columns));
    CHECK(childProcesses() == 0);
    // A copy of it is a user's file: read by a child, which crashes as told.
    QTemporaryDir dir;
    const QString copy = dir.filePath(QStringLiteral("events.geojson"));
    REQUIRE(QFile::copy(DataPaths::bundledEvents(), copy));
    CHECK(TablePreview::read(copy).error.contains(u"it crashed with signal 6"));
}

TEST_CASE("A preview's JSON round-trips, and anything else is refused", "[io][reader]")
{
    TablePreview preview;
    preview.columns = {QStringLiteral("Fecha"), QStringLiteral("Titular")};
    preview.rows = {{QStringLiteral("12/08/2025"), QStringLiteral("Tropas en Kursk")},
                    {QString(), QStringLiteral("…")}};
    const std::optional<TablePreview> back = TablePreview::fromJson(preview.toJson());
    REQUIRE(back);
    CHECK(back->columns == preview.columns);
    CHECK(back->rows == preview.rows);
    CHECK(back->error.isEmpty());
    for (const char *bad : {"", "[]", "{\"columns\":[\"a\"],\"rows\":[[\"x\",\"y\"]],\"error\":\"\"}",
                            "{\"columns\":[1],\"rows\":[],\"error\":\"\"}", "{\"columns\":[\"a\"],\"rows\":[]}"}) {
        INFO(bad);
        CHECK_FALSE(TablePreview::fromJson(QByteArray(bad)));
    }
}
