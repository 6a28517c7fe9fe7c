// SPDX-License-Identifier: GPL-3.0-or-later
// PostGIS as the event store (issue 21), against the real server of tests/db/with-postgis.sh and
// the real chronomap binary. Hidden ([.db]) and registered with the CTest label `db`: the
// README's test command leaves them out, `.ci/run` runs them through the script. Without the
// script's cluster (CHRONOMAP_TEST_PG) they fail.
#include "test_database.h"
#include "../test_paths.h"

#include "../bundled_data.h"
#include "../test_files.h"
#include "../widgets/window_loading.h"

#include "widgets/app_settings.h"
#include "widgets/main_window.h"
#include "widgets/open_database_dialog.h"
#include "core/geo/region_index.h"
#include "core/io/database_source.h"
#include "core/io/event_loader.h"
#include "core/io/region_table.h"
#include "widgets/problems_panel.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QApplication>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QMessageBox>
#include <QProcess>
#include <QSettings>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QTimer>

#include <catch2/catch.hpp>

using namespace chronomap;
using chronomap::test::bundledEvents;
using chronomap::test::dropTable;
using chronomap::test::importFile;
using chronomap::test::psql;
using chronomap::test::Run;
using chronomap::test::runChronomap;
using chronomap::test::str;
using chronomap::test::tableSource;
using chronomap::test::testDatabase;

namespace {

bool tableExists(const QString &table)
{
    return psql(QStringLiteral("SELECT to_regclass('public.%1') IS NOT NULL").arg(table)) == u"t";
}

/// A CSV of `rows` synthetic events near Kursk, written into `dir`.
QString bigCsv(const QTemporaryDir &dir, int rows)
{
    QByteArray csv = "id,date,lat,lon,title,category,regions\n";
    for (int i = 0; i < rows; ++i)
        csv += QStringLiteral("ev-%1,%2-%3-01,%4,%5,Synthetic event %1 near Kursk,deployment,RU-KRS\n")
                   .arg(i)
                   .arg(2000 + i % 25)
                   .arg(1 + i % 12, 2, 10, QLatin1Char('0'))
                   .arg(50 + (i % 700) / 100.0)
                   .arg(35 + (i % 900) / 100.0)
                   .toUtf8();
    return test::writeFile(dir, "big.csv", csv);
}

/// Ends, from another connection, the backends of other sessions whose query matches `like`,
/// as soon as one runs while `process` does. True when one was ended.
bool terminateWhenRunning(QProcess &process, const QString &like)
{
    QElapsedTimer waited;
    waited.start();
    while (process.state() == QProcess::Running && waited.elapsed() < 120'000) {
        if (psql(QStringLiteral("SELECT count(pg_terminate_backend(pid)) > 0 FROM pg_stat_activity WHERE datname = "
                                "current_database() AND pid <> pg_backend_pid() AND query ILIKE '%1'")
                     .arg(like)) == u"t")
            return true;
        process.waitForFinished(20);
    }
    return false;
}

} // namespace

TEST_CASE("db: the throwaway cluster runs PostGIS", "[.db]")
{
    CHECK(psql(QStringLiteral("SELECT ST_AsText(ST_SetSRID(ST_MakePoint(36.19, 51.73), 4326))")) ==
          QLatin1String("POINT(36.19 51.73)"));
    // Unix socket only: the server listens on no TCP port.
    CHECK(psql(QStringLiteral("SHOW listen_addresses")).isEmpty());
}

TEST_CASE("db: an imported file queries as the same events as the file", "[.db]")
{
    struct Case {
        const char *label;
        QString file;
        QString table;
    };
    const Case cases[] = {
        {"bundled dataset", bundledEvents(), QStringLiteral("bundled")},
        {"ACLED CSV", test::formatFile("acled_2023.csv"), QStringLiteral("acled")},
        {"GeoPackage", test::formatFile("events.gpkg"), QStringLiteral("gpkg")},
    };
    for (const Case &c : cases) {
        SECTION(c.label)
        {
            dropTable(c.table);
            const Run imported = importFile(c.file, c.table);
            INFO(str(imported.err));
            REQUIRE(imported.exitCode == 0);
            const Run fromFile = runChronomap({QStringLiteral("--query"), QStringLiteral("--data"), c.file});
            REQUIRE(fromFile.exitCode == 0);
            const qsizetype events = fromFile.out.count(u'\n') - 1;
            REQUIRE(events > 0);
            CHECK(imported.out.contains(QStringLiteral(": %1 events written to table %2").arg(events).arg(c.table)));
            CHECK(psql(QStringLiteral("SELECT count(*) FROM %1").arg(c.table)) == QString::number(events));

            const Run fromTable =
                runChronomap({QStringLiteral("--query"), QStringLiteral("--data"), tableSource(c.table)});
            INFO(str(fromTable.err));
            REQUIRE(fromTable.exitCode == 0);
            CHECK(str(fromTable.out) == str(fromFile.out)); // every field of the schema, as CSV
        }
    }
}

namespace {

/// Text that COPY's text format must escape or pass through untouched: a tab, a newline, a
/// carriage return, backslashes (one before N, as in COPY's NULL), both quotes, braces and a
/// comma (array literals), and non-ASCII (Cyrillic, an en dash, an emoji).
QString awkward(const char *column)
{
    return QStringLiteral("%1: tab\there, new\nline, CR\r, back\\slash \\N \\\\, \"double\" 'single', {brace,comma}, "
                          "Київ – ✓ 😀")
        .arg(QLatin1String(column));
}

/// `awkward` without its backslashes, for list items: GDAL's PostgreSQL driver, which reads the
/// table back, drops a backslash inside a text[] item (the table stores it, see the test).
QString awkwardItem(const char *column)
{
    return awkward(column).remove(u'\\');
}

/// A GeoJSON feature whose every text field is `awkward` (its list items `awkwardItem`), with the given geometry (null
/// for none).
QJsonObject awkwardFeature(const QString &id, const char *start, const QJsonValue &geometry)
{
    QJsonObject source{{"name", awkward("source")}, {"url", ""}, {"published", "2024-10-31"}, {"language", "en"}};
    QJsonObject properties{
        {"id", id},
        {"title", awkward("title")},
        {"title_es", awkward("title_es")},
        {"summary", awkward("summary")},
        {"summary_es", awkward("summary_es")},
        {"start", start}, // distinct: the query's order is by start, the table's along the Z-order curve
        {"date_precision", "day"},
        {"category", awkward("category")},
        {"actors", QJsonArray{awkwardItem("actor"), awkwardItem("actor 2")}},
        {"places", QJsonArray{awkwardItem("place")}},
        {"regions", QJsonArray{"RU-KRS"}},
        {"location_precision", "exact"},
        {"claims", QJsonArray{}},
        {"sources", QJsonArray{source}},
        {"related", QJsonArray{}},
        {"provenance", awkward("provenance")},
        {"confidence", "reported"},
    };
    return QJsonObject{{"type", "Feature"}, {"geometry", geometry}, {"properties", properties}};
}

/// Hex of the UTF-8 text of `sql`'s one value, so that a tab or a newline survives psql's output.
QString storedHex(const QString &sql)
{
    return psql(QStringLiteral("SELECT encode(convert_to((%1)::text, 'UTF8'), 'hex')").arg(sql));
}

} // namespace

TEST_CASE("db: text that COPY escapes (tab, newline, backslash, quotes, non-ASCII, empty) is stored as the file has it",
          "[.db]")
{
    const QString table = dropTable(QStringLiteral("escapes"));
    const QJsonObject point{{"type", "Point"}, {"coordinates", QJsonArray{36.19, 51.73}}};
    const QJsonObject line{{"type", "LineString"},
                           {"coordinates", QJsonArray{QJsonArray{36.1, 51.7}, QJsonArray{37.5, 50.6}}}};
    QJsonObject placeless = awkwardFeature(QStringLiteral("no-place"), "2024-11-02", QJsonValue::Null);
    QJsonObject properties = placeless.value("properties").toObject();
    properties.insert("title_es", ""); // an empty text, not a missing one
    properties.insert("places", QJsonArray{});
    properties.insert("location_precision", "unknown");
    placeless.insert("properties", properties);
    const QJsonObject collection{
        {"type", "FeatureCollection"},
        {"features", QJsonArray{awkwardFeature(QStringLiteral("point"), "2024-10-31", point),
                                awkwardFeature(QStringLiteral("line"), "2024-11-01", line), placeless}}};
    QTemporaryDir dir;
    const QString file = test::writeFile(dir, "awkward.geojson", QJsonDocument(collection).toJson());

    const Run imported = importFile(file, table);
    INFO(str(imported.err));
    REQUIRE(imported.exitCode == 0);
    REQUIRE(psql(QStringLiteral("SELECT count(*) FROM %1").arg(table)) == u"3");
    const auto hex = [](const QString &text) { return QString::fromLatin1(text.toUtf8().toHex()); };
    for (const char *id : {"point", "line", "no-place"}) {
        INFO(id);
        const QString row = QStringLiteral("SELECT %2 FROM %1 WHERE id = '%3'").arg(table, "%1", QLatin1String(id));
        for (const char *column : {"title", "summary", "summary_es", "provenance"})
            CHECK(storedHex(row.arg(QLatin1String(column))) == hex(awkward(column)));
        CHECK(storedHex(row.arg("actors[1]")) == hex(awkwardItem("actor")));
        CHECK(storedHex(row.arg("actors[2]")) == hex(awkwardItem("actor 2")));
        CHECK(storedHex(row.arg("sources->0->>'name'")) == hex(awkward("source")));
    }
    // Empty is empty text and an empty list, not NULL; a missing place is NULL.
    CHECK(psql(QStringLiteral("SELECT title_es = '' AND places = '{}' AND lon IS NULL AND lat IS NULL AND geom IS NULL "
                              "FROM %1 WHERE id = 'no-place'")
                   .arg(table)) == u"t");
    CHECK(storedHex(QStringLiteral("SELECT title_es FROM %1 WHERE id = 'point'").arg(table)) ==
          hex(awkward("title_es")));
    CHECK(storedHex(QStringLiteral("SELECT places[1] FROM %1 WHERE id = 'line'").arg(table)) ==
          hex(awkwardItem("place")));
    // The geometries exact, in EPSG:4326, the point's lon/lat beside it.
    CHECK(psql(QStringLiteral("SELECT string_agg(ST_AsEWKT(geom), ', ' ORDER BY id) FROM %1").arg(table)) ==
          QStringLiteral("SRID=4326;LINESTRING(36.1 51.7,37.5 50.6), SRID=4326;POINT(36.19 51.73)"));
    CHECK(psql(QStringLiteral("SELECT lon = 36.19 AND lat = 51.73 FROM %1 WHERE id = 'point'").arg(table)) == u"t");
    // And the table reads back as the file, every field.
    const Run fromFile = runChronomap({QStringLiteral("--query"), QStringLiteral("--data"), file});
    const Run fromTable = runChronomap({QStringLiteral("--query"), QStringLiteral("--data"), tableSource(table)});
    INFO(str(fromTable.err));
    REQUIRE(fromFile.exitCode == 0);
    REQUIRE(fromTable.exitCode == 0);
    CHECK(str(fromTable.out) == str(fromFile.out));
}

TEST_CASE("db: the table has its indexes, its geometry in EPSG:4326 and the change trigger", "[.db]")
{
    const QString table = dropTable(QStringLiteral("schema_check"));
    REQUIRE(importFile(bundledEvents(), table).exitCode == 0);
    const QString indexes =
        psql(QStringLiteral("SELECT string_agg(indexdef, E'\\n' ORDER BY indexname) FROM pg_indexes WHERE "
                            "tablename = '%1'")
                 .arg(table));
    INFO(str(indexes));
    CHECK(indexes.contains(QStringLiteral("USING gist (geom)")));
    CHECK(indexes.contains(QStringLiteral("USING btree (start)")));
    CHECK(indexes.contains(QStringLiteral("USING btree (\"end\")")));
    CHECK(indexes.contains(QStringLiteral("USING gin (regions)")));
    CHECK(indexes.contains(QStringLiteral("USING gin (located_in)")));
    CHECK(psql(QStringLiteral("SELECT Find_SRID('public', '%1', 'geom')").arg(table)) == u"4326");
    // The change trigger, the bin pyramid's (BinPyramid), which is there and counts every point, and
    // the region members' (RegionTable), whose index a click reads.
    CHECK(
        psql(QStringLiteral("SELECT string_agg(indexdef, E'\\n' ORDER BY indexname) FROM pg_indexes WHERE tablename = "
                            "'%1_region_members'")
                 .arg(table))
            .contains(QStringLiteral("USING btree (code, start_at, id) INCLUDE (fid, end_at, category)")));
    // Vacuumed after the commit: its pages all visible, so that a click counts from the index alone.
    CHECK(psql(QStringLiteral("SELECT relpages > 0 AND relallvisible = relpages FROM pg_class WHERE relname = "
                              "'%1_region_members'")
                   .arg(table)) == u"t");
    CHECK(psql(QStringLiteral("SELECT string_agg(tgname, ',' ORDER BY tgname) FROM pg_trigger WHERE tgrelid = "
                              "'%1'::regclass AND NOT tgisinternal")
                   .arg(table)) == QStringLiteral("%1_chronomap_bins_delete,%1_chronomap_bins_insert,%1_chronomap_bins_"
                                                  "truncate,%1_chronomap_bins_update,%1_chronomap_locate,%1_"
                                                  "chronomap_members_delete,%1_chronomap_members_insert,%1_"
                                                  "chronomap_members_truncate,%1_chronomap_members_update,%1_"
                                                  "chronomap_notify")
                                       .arg(table));
    // The regions beside it (RegionTable): every ring of every bundled region with a code.
    qsizetype rings = 0;
    for (const AreaFeature &region : test::bundledBaseMap()->regions->regions())
        if (!region.code.isEmpty()) rings += RegionTable::ringWkts(region).size();
    REQUIRE(rings > 0);
    CHECK(psql(QStringLiteral("SELECT count(*) FROM %1_regions WHERE ST_IsClosed(ST_ExteriorRing(geom))").arg(table)) ==
          QString::number(rings));
    CHECK(psql(QStringLiteral("SELECT (SELECT sum(n) FROM %1_bins, unnest(counts) n WHERE level = 0) = (SELECT "
                              "count(*) FROM %1 WHERE "
                              "GeometryType(geom) = 'POINT') AND (SELECT count(*) FROM %1) > 0")
                   .arg(table)) == u"t");
    // Kursk's deployment is a point in the oblast.
    CHECK(psql(QStringLiteral("SELECT count(*) > 0 FROM %1 WHERE ST_Intersects(geom, ST_MakeEnvelope(34, 50.8, 38.6, "
                              "52.5, 4326)) AND 'RU-KRS' = ANY(regions)")
                   .arg(table)) == u"t");
}

TEST_CASE("db: a region query through the database equals the file's", "[.db]")
{
    const QString table = dropTable(QStringLiteral("regions"));
    REQUIRE(importFile(bundledEvents(), table).exitCode == 0);
    for (const char *region : {"RU-KRS", "Belgorod"}) {
        const QStringList filters = {QStringLiteral("--region"), QLatin1String(region)};
        const Run a =
            runChronomap(QStringList{QStringLiteral("--query"), QStringLiteral("--data"), bundledEvents()} + filters);
        const Run b = runChronomap(
            QStringList{QStringLiteral("--query"), QStringLiteral("--data"), tableSource(table)} + filters);
        INFO(region << ": " << str(b.err));
        REQUIRE(a.exitCode == 0);
        REQUIRE(b.exitCode == 0);
        CHECK(str(b.out) == str(a.out));
    }
}

TEST_CASE("db: a failed import leaves no table", "[.db]")
{
    SECTION("a file with nothing usable")
    {
        const QString table = dropTable(QStringLiteral("nothing_usable"));
        const Run run = importFile(test::badFile("truncated.geojson"), table);
        INFO(str(run.err));
        CHECK(run.exitCode == 2);
        CHECK(run.err.contains(QStringLiteral("nothing was written to the database")));
        CHECK_FALSE(tableExists(table));
        CHECK_FALSE(tableExists(table + QStringLiteral("_bins")));
    }
    SECTION("a table kept beside it (the pyramid's, the regions') cannot be made: no table, no pyramid, the other "
            "table as it was")
    {
        for (const char *suffix : {"_bins", "_regions"}) {
            const QString table = dropTable(QStringLiteral("beside_taken"));
            const QString taken = table + QLatin1String(suffix);
            INFO(str(taken));
            psql(QStringLiteral("DROP TABLE IF EXISTS %1; CREATE TABLE %1 (note text); INSERT INTO %1 VALUES ('kept')")
                     .arg(taken));
            const Run run = importFile(bundledEvents(), table);
            INFO(str(run.err));
            CHECK(run.exitCode == 2);
            CHECK(run.err.contains(QStringLiteral("the table %1 (kept beside a table %2").arg(taken, table)));
            CHECK_FALSE(tableExists(table));
            CHECK_FALSE(tableExists(table + QStringLiteral("_bins_span")));
            CHECK(psql(QStringLiteral("SELECT string_agg(note, ',') FROM %1").arg(taken)) == u"kept");
            psql(QStringLiteral("DROP TABLE %1").arg(taken));
        }
    }
    SECTION("a table of that name is there already: it stays as it was")
    {
        const QString table = dropTable(QStringLiteral("taken"));
        psql(QStringLiteral("CREATE TABLE taken (note text); INSERT INTO taken VALUES ('kept')"));
        const Run run = importFile(bundledEvents(), table);
        CHECK(run.exitCode == 2);
        CHECK(run.err.contains(QStringLiteral("the table taken already exists")));
        CHECK(psql(QStringLiteral("SELECT string_agg(note, ',') FROM taken")) == u"kept");
    }
    SECTION("the connection is killed while the rows are written")
    {
        const QString table = dropTable(QStringLiteral("killed"));
        QTemporaryDir dir;
        const QString file = bigCsv(dir, 120'000);
        QProcess import;
        import.start(chronomap::test::chronomapExe(),
                     {QStringLiteral("--import-pg"), file, testDatabase(), QStringLiteral("--table"), table});
        REQUIRE(import.waitForStarted());
        // The import's backend, once it copies rows in, is ended from another connection.
        const bool killed = terminateWhenRunning(import, QStringLiteral("COPY %%killed%%"));
        REQUIRE(killed);
        REQUIRE(import.waitForFinished(60'000));
        const QString err = QString::fromUtf8(import.readAllStandardError());
        INFO(str(err));
        CHECK(import.exitCode() == 2);
        CHECK(err.contains(QStringLiteral("nothing was written")));
        CHECK_FALSE(tableExists(table));
        CHECK_FALSE(tableExists(table + QStringLiteral("_bins")));
    }
}

TEST_CASE("db: a database that cannot be reached is one clear line", "[.db]")
{
    QTemporaryDir nowhere;
    const QString source =
        QStringLiteral("PG:host=%1 dbname=chronomap_test password=secret tables=events").arg(nowhere.path());
    const Run run = runChronomap({QStringLiteral("--query"), QStringLiteral("--data"), source});
    INFO(str(run.err));
    CHECK(run.exitCode == 2);
    CHECK(run.err.contains(QStringLiteral("cannot read the database table")));
    CHECK(run.err.contains(QStringLiteral("password=***")));
    CHECK_FALSE(run.err.contains(QStringLiteral("secret")));
    // Without tables=, the table is asked for.
    const Run noTable = runChronomap({QStringLiteral("--query"), QStringLiteral("--data"), testDatabase()});
    CHECK(noTable.exitCode == 2);
    CHECK(noTable.err.contains(QStringLiteral("tables=NAME")));
}

TEST_CASE("db: a change to an imported table is notified", "[.db]")
{
    const QString table = dropTable(QStringLiteral("notified"));
    REQUIRE(importFile(test::formatFile("acled_2023.csv"), table).exitCode == 0);
    // A second session listens; psql prints a notification after its next command completes.
    QProcess listener;
    listener.start(QStringLiteral("psql"), {QStringLiteral("-X"), QStringLiteral("-d"), testDatabase().mid(3)});
    REQUIRE(listener.waitForStarted());
    listener.write("LISTEN chronomap;\nSELECT 'listening';\n");
    QElapsedTimer waited;
    waited.start();
    QByteArray seen;
    while (!seen.contains("listening") && waited.elapsed() < 10'000) {
        listener.waitForReadyRead(100);
        seen += listener.readAllStandardOutput();
    }
    REQUIRE(seen.contains("listening"));
    psql(QStringLiteral("INSERT INTO %1 (id, start, title, category) VALUES ('added', '2025-08-20', 'Added by "
                        "another analyst', 'deployment')")
             .arg(table));
    listener.write("SELECT 'after';\n\\q\n");
    REQUIRE(listener.waitForFinished(10'000));
    seen += listener.readAllStandardOutput();
    INFO(seen.toStdString());
    CHECK(seen.contains("Asynchronous notification \"chronomap\" with payload \"notified\""));
}

TEST_CASE("db: a connection dropped while a table is read fails the load, naming the database", "[.db]")
{
    const QString table = dropTable(QStringLiteral("dropped"));
    QTemporaryDir dir;
    REQUIRE(importFile(bigCsv(dir, 120'000), table).exitCode == 0);
    QProcess query;
    query.start(chronomap::test::chronomapExe(),
                {QStringLiteral("--query"), QStringLiteral("--data"), tableSource(table)});
    REQUIRE(query.waitForStarted());
    // GDAL reads the rows through a cursor, FETCHing a few hundred at a time.
    REQUIRE(terminateWhenRunning(query, QStringLiteral("FETCH %%")));
    REQUIRE(query.waitForFinished(60'000));
    const QString err = QString::fromUtf8(query.readAllStandardError());
    INFO(str(err));
    CHECK(query.exitCode() == 2);
    CHECK(err.contains(QStringLiteral("tables=dropped: record ")));
    CHECK(err.contains(QStringLiteral("the connection to the database was lost while reading the table after record")));
    CHECK(query.readAllStandardOutput().isEmpty()); // not the rows read before, as if they were all
}

TEST_CASE("db: the window opens a table, keeps it out of the settings, and keeps its view when the database is gone",
          "[.db]")
{
    QTemporaryDir settingsDir;
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settingsDir.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settingsDir.path());
    const QString table = dropTable(QStringLiteral("window"));
    REQUIRE(importFile(bundledEvents(), table).exitCode == 0);

    MainWindow window;
    window.restoreSettings(std::make_unique<AppSettings>());
    window.resize(1000, 700);
    window.show();
    REQUIRE(test::loadFiles(window, {test::formatFile("events.geojson")}));
    REQUIRE(test::loadFiles(window, {tableSource(table)}));
    REQUIRE(window.store());
    CHECK(window.store()->size() == 41);
    CHECK(window.currentFiles() == QStringList{tableSource(table)});
    auto storedDatabase = [] {
        const AppSettings settings;
        return (settings.lastFiles() + settings.recentFiles()).filter(QStringLiteral("PG:")).size();
    };
    CHECK(storedDatabase() == 0);

    // A server that is not there: the table stays on screen, Problems says why.
    const auto before = window.store();
    const int rowsBefore = window.problemsPanel()->topLevelItemCount();
    QTemporaryDir nowhere;
    QString boxText; // the window says so in a message box too, which the test closes
    QTimer closer;
    QObject::connect(&closer, &QTimer::timeout, [&] {
        if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
            boxText = box->text();
            box->accept();
        }
    });
    closer.start(50);
    CHECK_FALSE(test::loadFiles(
        window, {QStringLiteral("PG:host=%1 dbname=chronomap_test tables=%2").arg(nowhere.path(), table)}));
    closer.stop();
    CHECK(boxText.contains(u"cannot read the database table"));
    CHECK(window.store() == before);
    REQUIRE(window.problemsPanel()->topLevelItemCount() > rowsBefore);
    CHECK(window.problemsPanel()->topLevelItem(rowsBefore)->text(4).startsWith(u"cannot read the database table"));
    window.close(); // saves the settings
    CHECK(storedDatabase() == 0);
}

namespace {

/// Opens a table through File → Open Database…, typing `fields` (keys of OpenDatabaseDialog::field)
/// and `password` into the dialog; returns whether the load succeeded. `boxText` gets a failure's
/// message box, which is closed.
bool openThroughDialog(MainWindow &window, const QMap<QString, QString> &fields, const QString &password,
                       bool *askedForPassword, QString *boxText)
{
    bool filled = false;
    QTimer driver; // fills the modal dialog, then closes a failure's message box
    QObject::connect(&driver, &QTimer::timeout, [&] {
        QWidget *modal = QApplication::activeModalWidget();
        if (auto *dialog = qobject_cast<OpenDatabaseDialog *>(modal); dialog && !filled) {
            filled = true;
            for (auto it = fields.cbegin(); it != fields.cend(); ++it) {
                dialog->field(it.key())->clear();
                QTest::keyClicks(dialog->field(it.key()), it.value());
            }
            *askedForPassword = dialog->passwordEdit()->isVisible();
            QTest::keyClicks(dialog->passwordEdit(), password);
            QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Open), Qt::LeftButton);
        } else if (auto *box = qobject_cast<QMessageBox *>(modal)) {
            *boxText = box->text();
            box->accept();
        }
    });
    driver.start(50);
    QSignalSpy finished(&window, &MainWindow::loadFinished);
    auto *action = window.findChild<QAction *>(QStringLiteral("openDatabase"));
    REQUIRE(action);
    action->trigger();
    REQUIRE(filled);
    REQUIRE(finished.wait(60'000));
    return finished.first().value(0).toBool();
}

/// Every event as "id|title|start", sorted: what a table's load must equal.
QStringList eventKeys(const EventStore &store)
{
    QStringList keys;
    for (EventStore::Index i = 0; i < EventStore::Index(store.size()); ++i)
        keys.append(QStringLiteral("%1|%2|%3").arg(store.id(i), store.title(i)).arg(store.event(i).when.earliestMs()));
    keys.sort();
    return keys;
}

} // namespace

TEST_CASE("db: File → Open Database… opens a table from its fields, and a password-protected role with the "
          "password typed",
          "[.db]")
{
    QTemporaryDir settingsDir;
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settingsDir.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settingsDir.path());
    QTemporaryDir noPassFile;
    const QByteArray oldPassFile = qgetenv("PGPASSFILE");
    qputenv("PGPASSFILE", QFile::encodeName(noPassFile.filePath(QStringLiteral("pgpass"))));
    const QString table = dropTable(QStringLiteral("dialog"));
    REQUIRE(importFile(bundledEvents(), table).exitCode == 0);
    const LoadResult fromFile = EventLoader::load(bundledEvents());
    REQUIRE(fromFile.store->size() == 41);

    const QString pg = testDatabase();
    QMap<QString, QString> fields{{QStringLiteral("host"), DatabaseSource::option(pg, QStringLiteral("host"))},
                                  {QStringLiteral("dbname"), DatabaseSource::option(pg, QStringLiteral("dbname"))},
                                  {QStringLiteral("user"), DatabaseSource::option(pg, QStringLiteral("user"))},
                                  {QStringLiteral("tables"), table}};
    MainWindow window;
    window.restoreSettings(std::make_unique<AppSettings>());
    window.resize(1000, 700);
    window.show();
    bool asked = false;
    QString boxText;
    SECTION("the cluster's own user, no password needed")
    {
        REQUIRE(openThroughDialog(window, fields, QString(), &asked, &boxText));
        REQUIRE(window.store());
        CHECK(eventKeys(*window.store()) == eventKeys(*fromFile.store));
        CHECK(window.currentFiles() ==
              QStringList{QStringLiteral("PG:host=%1 dbname=%2 user=%3 tables=%4")
                              .arg(fields[QStringLiteral("host")], fields[QStringLiteral("dbname")],
                                   fields[QStringLiteral("user")], table)});
    }
    SECTION("a role that logs in with a password only")
    {
        // A role the server asks a password of (pg_hba.conf's first line for it), granted the table.
        const QString role = QStringLiteral("chronomap_pw"), password = QStringLiteral("pw 4 'test'");
        psql(QStringLiteral("DROP ROLE IF EXISTS %1").arg(role));
        psql(QStringLiteral("CREATE ROLE %1 LOGIN PASSWORD 'pw 4 ''test'''").arg(role));
        psql(QStringLiteral("GRANT SELECT ON \"%1\" TO %2").arg(table, role));
        const QString hbaPath = psql(QStringLiteral("SHOW hba_file"));
        QFile hba(hbaPath);
        REQUIRE(hba.open(QIODevice::ReadOnly));
        const QByteArray hbaBefore = hba.readAll();
        hba.close();
        REQUIRE(hba.open(QIODevice::WriteOnly | QIODevice::Truncate));
        hba.write("local all " + role.toUtf8() + " scram-sha-256\n" + hbaBefore);
        hba.close();
        psql(QStringLiteral("SELECT pg_reload_conf()"));
        fields[QStringLiteral("user")] = role;

        // The wrong password: a clear failure, the password in no message.
        CHECK_FALSE(openThroughDialog(window, fields, QStringLiteral("not-it"), &asked, &boxText));
        CHECK(asked);
        CHECK(boxText.contains(u"cannot read the database table"));
        CHECK_FALSE(boxText.contains(u"not-it"));
        // The right one: the reader child gets it as PGPASSWORD, this process never does.
        const bool opened = openThroughDialog(window, fields, password, &asked, &boxText);
        REQUIRE(hba.open(QIODevice::WriteOnly | QIODevice::Truncate));
        hba.write(hbaBefore);
        hba.close();
        psql(QStringLiteral("SELECT pg_reload_conf()"));
        REQUIRE(opened);
        REQUIRE(window.store());
        CHECK(eventKeys(*window.store()) == eventKeys(*fromFile.store));
        CHECK_FALSE(qEnvironmentVariableIsSet("PGPASSWORD"));
        CHECK_FALSE(window.windowTitle().contains(password));
    }
    window.close(); // saves the settings
    // Read back from the file the window wrote (see open_database_dialog_test.cpp).
    QSettings stored(settingsDir.filePath(QStringLiteral("Unknown Organization/chronomap_tests.conf")),
                     QSettings::IniFormat);
    REQUIRE(stored.status() == QSettings::NoError);
    CHECK(stored.value(QStringLiteral("database/tables")).toString() == table);
    CHECK(stored.value(QStringLiteral("database/host")).toString() == fields[QStringLiteral("host")]);
    QFile file(stored.fileName());
    REQUIRE(file.open(QIODevice::ReadOnly));
    CHECK_FALSE(file.readAll().contains("pw 4"));
    if (oldPassFile.isNull())
        qunsetenv("PGPASSFILE");
    else
        qputenv("PGPASSFILE", oldPassFile);
}
