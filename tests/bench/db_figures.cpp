// SPDX-License-Identifier: GPL-3.0-or-later
// db.*: a large PostGIS table browsed live (issue 21, core/db), not in CI. Needs a server:
// CHRONOMAP_BENCH_PG (or the CHRONOMAP_TEST_PG of tests/db/with-postgis.sh), a `PG:` string
// without `tables=`; without one the group says so and measures nothing. Makes a table of
// CHRONOMAP_BENCH_DB_ROWS rows (default 10,000,000) with generate_series,
// in PostgisImport's columns and indexes, then times what the live view asks:
//   db.bins.whole_map.ms   the density bins of the whole map at 1600x1000 pixels (first frame)
//   db.bins.pan.kursk.ms   the bins of a Kursk–Belgorod view (150 m a pixel) panned by 100 px
//                          (after the first step, the cells both views show are reused)
//   db.bins.zoom.kursk.ms  that view counted whole, as after a zoom to it
//   db.region.kursk.ms     a click on RU-KRS: its first 1000 events as a store and the count of all,
//                          db.region.kursk.events that count
//   db.region.kursk.window.ms the same click with the timeline brushed to 2023 and a category
//                          hidden (as while the window plays), db.region.kursk.window.events its count
//   db.import.csv.1m.ms    `chronomap --import-pg` of the 1M synthetic events.csv (load, write, indexes)
//   db.import.ogr2ogr.1m.ms `ogr2ogr -f PostgreSQL` of the same file, db.import.ratio the first over it
// The table's `located_in` (RegionTable) is what the import would write: RegionMembership's rule
// against the bundled regions, here computed by the server from `bench_live_regions` (the import's
// regions table) in one pass over the points (every row is a point; streaming 10M rows through
// the client and back would take minutes), then the import's GIN index and trigger, and its
// `<table>_region_members` (RegionTable::memberStatements; made for a kept table of an older
// build, with the `fid` it keys on).
// CHRONOMAP_BENCH_DB_KEEP=1 reuses the table when it is there with the rows asked for and that
// column.
//   db.rss.mb              this process's resident memory after all of it
#include "bench_scene.h"
#include "figure_groups.h"
#include "process_stats.h"

#include "core/db/live_table.h"
#include "core/io/bin_pyramid.h"
#include "core/db/postgis_import.h"
#include "core/io/region_table.h"
#include "core/geo/region_index.h"
#include "render/map/web_mercator.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>

#include <cstdio>

namespace chronomap::bench {

namespace {

constexpr const char *kTable = "bench_live";
/// A region click's page: the list's first events (LiveTable::regionEvents), the rest counted.
constexpr qsizetype kRegionPage = 1000;

/// True when CHRONOMAP_BENCH_DB_KEEP is set and the table is there with `rows` rows and its
/// `located_in` (a server kept between runs: making 10M rows takes minutes).
bool tableKept(PgConnection &db, qint64 rows)
{
    if (qEnvironmentVariableIsEmpty("CHRONOMAP_BENCH_DB_KEEP")) return false;
    const PgOutcome counted = db.query(QByteArray("SELECT count(*), (SELECT count(*) FROM information_schema.columns "
                                                  "WHERE table_name = '") +
                                       kTable + "' AND column_name = '" + RegionTable::kColumn + "') FROM " + kTable);
    return counted.status == PgStatus::Ok && counted.rows.integer(0, 0) == rows && counted.rows.integer(0, 1) == 1;
}

double timedMs(const std::function<bool()> &run, int repetitions)
{
    std::vector<double> ms;
    for (int i = 0; i < repetitions; ++i) {
        QElapsedTimer timer;
        timer.start();
        if (!run()) return -1;
        ms.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    return median(ms);
}

/// The table, made on the server: points around the Russia–Ukraine border (two thirds) and
/// over the world, a date a day from 2000 on, five categories; each point's `located_in` from the
/// import's regions table (the points indexed apart first, so that each ring is tested, prepared
/// once, against the points of its box), then the rows in spatial order, as --import-pg writes.
bool makeTable(PgConnection &db, qint64 rows, const RegionIndex &regions)
{
    const QByteArray points = QByteArray(kTable) + "_points";
    const QByteArray located = QByteArray(kTable) + "_located";
    QByteArrayList sql = {
        QByteArray("DROP TABLE IF EXISTS ") + kTable + ", " + kTable + "_bins, " + kTable + "_bins_span, " + kTable +
            "_regions, " + points + ", " + located,
        QByteArray("SET work_mem = '256MB'"), // the sort
        QByteArray("CREATE UNLOGGED TABLE ") + points +
            " AS SELECT 'ev-' || i AS id, to_char(date '2000-01-01' + (i % 9000)::int, 'YYYY-MM-DD') AS \"start\", "
            "NULL::text AS \"end\", (ARRAY['deployment','strike','diplomacy','protest','exercise'])[1 + i % 5] AS "
            "category, 'Synthetic event ' || i AS title, NULL::text AS summary, ARRAY[]::text[] AS regions, "
            "'reported'::text AS confidence, NULL::text AS provenance, NULL::text AS location_precision, "
            "CASE WHEN i % 3 < 2 THEN ST_SetSRID(ST_MakePoint(30 + 15 * random(), 45 + 11 * random()), 4326) "
            "ELSE ST_SetSRID(ST_MakePoint(-180 + 360 * random(), -60 + 130 * random()), 4326) END AS geom "
            "FROM generate_series(1, " +
            QByteArray::number(rows) + ") AS i ORDER BY geom",
        QByteArray("CREATE INDEX ON ") + points + " USING gist (geom)",
        QByteArray("ANALYZE ") + points,
    };
    for (const QString &statement : RegionTable::buildStatements(QLatin1String(kTable), regions))
        sql << statement.toUtf8();
    sql << QByteArray("CREATE UNLOGGED TABLE ") + located +
               " AS SELECT id, array_agg(code ORDER BY code) AS codes "
               "FROM (SELECT p.id, r.code FROM " +
               kTable + "_regions r JOIN " + points +
               " p ON p.geom && r.geom AND ST_Intersects(r.geom, p.geom) GROUP BY 1, 2 HAVING count(*) % 2 = 1) c "
               "GROUP BY id";
    // `fid` numbers the rows as the import's driver does (its primary key).
    sql << QByteArray("CREATE TABLE ") + kTable + " AS SELECT row_number() OVER (ORDER BY p.geom) AS fid, p.*, " +
               "coalesce(l.codes, '{}') AS " + RegionTable::kColumn + " FROM " + points + " p LEFT JOIN " + located +
               " l USING (id) ORDER BY p.geom";
    sql << QByteArray("DROP TABLE ") + points + ", " + located;
    sql << QByteArray("ALTER TABLE ") + kTable + " ADD PRIMARY KEY (fid)";
    sql << QByteArray("CREATE INDEX ON ") + kTable + " USING gist (geom)";
    sql << QByteArray("CREATE INDEX ON ") + kTable + " (\"start\")";
    sql << QByteArray("CREATE INDEX ON ") + kTable + " USING gin (regions)";
    for (const QString &statement : RegionTable::triggerStatements(QLatin1String(kTable)))
        sql << statement.toUtf8();
    for (const QString &statement : RegionTable::memberStatements(QLatin1String(kTable)))
        sql << statement.toUtf8();
    sql << QByteArray("ANALYZE ") + kTable;
    // As the import does after its commit: a click counts from the members' index alone.
    sql << "VACUUM (ANALYZE) " + RegionTable::membersTable(QLatin1String(kTable)).toUtf8();
    for (const QByteArray &statement : std::as_const(sql)) {
        const PgOutcome outcome = db.query(statement);
        if (outcome.status != PgStatus::Ok) {
            std::fprintf(stderr, "# db: %s\n", qPrintable(outcome.message));
            return false;
        }
    }
    return true;
}

/// The click's members table of a kept table made by an older build (remade if it lacks the
/// rows' ends), and the `fid` it keys on.
bool addMembers(PgConnection &db)
{
    const QByteArray members = RegionTable::membersTable(QLatin1String(kTable)).toUtf8();
    const PgOutcome kept = db.query("SELECT to_regclass($1) IS NOT NULL, (SELECT count(*) FROM "
                                    "information_schema.columns WHERE table_name = $2 AND column_name = 'fid'), "
                                    "(SELECT count(*) FROM information_schema.columns WHERE table_name = $1 AND "
                                    "column_name = 'end_at')",
                                    {members, kTable});
    if (kept.status != PgStatus::Ok) return false;
    if (kept.rows.text(0, 0) == u"t" && kept.rows.integer(0, 2) == 1) return true;
    QElapsedTimer made;
    made.start();
    QByteArrayList sql;
    if (kept.rows.text(0, 0) == u"t") {
        sql << "DROP TABLE " + members;
        for (const char *change : {"insert", "update", "delete", "truncate"})
            sql << QByteArray("DROP TRIGGER ") + kTable + "_chronomap_members_" + change + " ON " + kTable;
    }
    if (kept.rows.integer(0, 1) == 0)
        sql << QByteArray("ALTER TABLE ") + kTable + " ADD COLUMN fid bigserial PRIMARY KEY";
    for (const QString &statement : RegionTable::memberStatements(QLatin1String(kTable)))
        sql << statement.toUtf8();
    sql << "VACUUM (ANALYZE) " + members;
    for (const QByteArray &statement : std::as_const(sql)) {
        const PgOutcome outcome = db.query(statement);
        if (outcome.status != PgStatus::Ok) {
            std::fprintf(stderr, "# db: %s\n", qPrintable(outcome.message));
            return false;
        }
    }
    std::printf("# db: region members table made in %.1f s\n", double(made.elapsed()) / 1e3);
    return true;
}

/// The table's bin pyramid, as the import makes it (BinPyramid), in one transaction.
bool makePyramid(PgConnection &db)
{
    QByteArrayList sql = {"BEGIN"};
    for (const QString &statement : BinPyramid::buildStatements(QLatin1String(kTable)))
        sql << statement.toUtf8();
    sql << "COMMIT";
    for (const QByteArray &statement : std::as_const(sql)) {
        const PgOutcome outcome = db.query(statement);
        if (outcome.status != PgStatus::Ok) {
            std::fprintf(stderr, "# db: %s\n", qPrintable(outcome.message));
            db.query("ROLLBACK");
            return false;
        }
    }
    return true;
}

void printServer(PgConnection &db)
{
    const PgOutcome version = db.query("SELECT version(), postgis_lib_version()");
    if (version.status == PgStatus::Ok)
        std::printf("# db server: %s, PostGIS %s\n", qPrintable(version.rows.text(0, 0)),
                    qPrintable(version.rows.text(0, 1)));
    const PgOutcome settings = db.query(
        "SELECT string_agg(name || '=' || setting || coalesce(unit, ''), ', ' ORDER BY name) FROM pg_settings WHERE "
        "name IN ('shared_buffers', 'work_mem', 'effective_cache_size', 'max_parallel_workers_per_gather', 'jit', "
        "'fsync', 'random_page_cost')");
    if (settings.status == PgStatus::Ok) std::printf("# db settings: %s\n", qPrintable(settings.rows.text(0, 0)));
}

/// Wall time of one run of `program args` (ms), -1 when it fails.
double runMs(const QString &program, const QStringList &args)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    QElapsedTimer timer;
    timer.start();
    process.start(program, args);
    const bool finished = process.waitForFinished(600'000);
    const double ms = double(timer.nsecsElapsed()) / 1e6;
    if (!finished || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        std::fprintf(stderr, "# db: %s failed (exit %d)\n", qPrintable(program), process.exitCode());
        return -1;
    }
    return ms;
}

/// Drops the tables the import figures write: chronomap's with those beside it, and ogr2ogr's.
void dropImported(PgConnection &db)
{
    QStringList tables{QStringLiteral("bench_import")};
    tables << PostgisImport::tablesBeside(tables.front()) << QStringLiteral("bench_ogr2ogr");
    db.query(QByteArray("DROP TABLE IF EXISTS ") + tables.join(QStringLiteral(", ")).toUtf8());
}

/// The 1M-event CSV into a new table, by chronomap and by ogr2ogr, alternately, medians.
void importFigures(BenchContext &context, PgConnection &db, const QString &source, Figures &figures)
{
    const QString chronomap = context.chronomapPath();
    if (!QFileInfo(chronomap).isExecutable()) {
        std::fprintf(stderr, "# db: no chronomap binary at %s; import figures skipped\n", qPrintable(chronomap));
        return;
    }
    const QString csv = syntheticFilesOf(context, 1'000'000).csvPath;
    std::vector<double> ours, theirs;
    for (int i = 0; i < context.repetitions(); ++i) {
        dropImported(db);
        ours.push_back(runMs(chronomap, {QStringLiteral("--import-pg"), csv, source, QStringLiteral("--table"),
                                         QStringLiteral("bench_import")}));
        // ogr2ogr's defaults for a new table (COPY, a GiST index), the CSV's lon/lat as points.
        theirs.push_back(
            runMs(QStringLiteral("ogr2ogr"),
                  {QStringLiteral("-f"), QStringLiteral("PostgreSQL"), source, csv, QStringLiteral("-nln"),
                   QStringLiteral("bench_ogr2ogr"), QStringLiteral("-oo"), QStringLiteral("X_POSSIBLE_NAMES=lon"),
                   QStringLiteral("-oo"), QStringLiteral("Y_POSSIBLE_NAMES=lat"), QStringLiteral("-a_srs"),
                   QStringLiteral("EPSG:4326"), QStringLiteral("-lco"), QStringLiteral("GEOMETRY_NAME=geom")}));
        if (ours.back() < 0 || theirs.back() < 0) return;
    }
    dropImported(db);
    figures.add(QStringLiteral("db.import.csv.1m.ms"), median(ours), 0);
    figures.add(QStringLiteral("db.import.ogr2ogr.1m.ms"), median(theirs), 0);
    figures.add(QStringLiteral("db.import.ratio"), median(ours) / median(theirs), 2);
}

} // namespace

void dbFigures(BenchContext &context, Figures &figures)
{
    QString source = qEnvironmentVariable("CHRONOMAP_BENCH_PG");
    if (source.isEmpty()) source = qEnvironmentVariable("CHRONOMAP_TEST_PG");
    if (source.isEmpty()) {
        std::printf("# db: skipped (no CHRONOMAP_BENCH_PG; run through tests/db/with-postgis.sh)\n");
        return;
    }
    bool ok = false;
    qint64 rows = qEnvironmentVariableIntValue("CHRONOMAP_BENCH_DB_ROWS", &ok);
    if (!ok || rows < 1) rows = 10'000'000;
    QString error;
    {
        auto db = PgConnection::open(source, &error);
        if (!db) {
            std::fprintf(stderr, "# db: %s\n", qPrintable(error));
            return;
        }
        printServer(*db);
        if (qEnvironmentVariableIsEmpty("CHRONOMAP_BENCH_DB_NO_IMPORT")) importFigures(context, *db, source, figures);
        QElapsedTimer made;
        made.start();
        const auto baseMap = benchBaseMap();
        if (!baseMap || !baseMap->regions) {
            std::fprintf(stderr, "# db: no base map, no regions\n");
            return;
        }
        if (tableKept(*db, rows)) {
            std::printf("# db: table of %lld rows kept from an earlier run\n", static_cast<long long>(rows));
        } else if (!makeTable(*db, rows, *baseMap->regions)) {
            return;
        } else {
            std::printf("# db: table of %lld rows made in %.1f s\n", static_cast<long long>(rows),
                        double(made.elapsed()) / 1e3);
        }
        // The click's members table (RegionTable), made for a table kept from an older build.
        if (!addMembers(*db)) return;
        // A pyramid in the packed layout (one of an older build is made again).
        const PgOutcome kept = db->query(QByteArray("SELECT count(*) = 2 FROM information_schema.columns WHERE "
                                                    "table_name = '") +
                                         kTable + "_bins' AND column_name IN ('cxs', 'counts')");
        if (kept.status != PgStatus::Ok || kept.rows.text(0, 0) != u"t") {
            db->query(QByteArray("DROP TABLE IF EXISTS ") + kTable + "_bins, " + kTable + "_bins_span");
            for (const char *change : {"insert", "update", "delete", "truncate"})
                db->query(QByteArray("DROP TRIGGER IF EXISTS ") + kTable + "_chronomap_bins_" + change + " ON " +
                          kTable);
            made.restart();
            if (!makePyramid(*db)) return;
            std::printf("# db: bin pyramid (levels 0-%d) made in %.1f s\n", BinPyramid::kTopLevel,
                        double(made.elapsed()) / 1e3);
        }
    }
    auto table = LiveTable::open(source + QStringLiteral(" tables=") + QLatin1String(kTable), &error);
    if (!table) {
        std::fprintf(stderr, "# db: %s\n", qPrintable(error));
        return;
    }
    const int repetitions = context.repetitions();
    const QSize screen(1600, 1000);
    // The whole map: the world's width over 1600 pixels; bins of 2x2 pixels.
    {
        const double mpp = WebMercator::kWorldWidthM / screen.width();
        LiveFilter filter;
        filter.mercatorBoxM = QRectF(-WebMercator::kWorldWidthM / 2, -mpp * screen.height() / 2,
                                     WebMercator::kWorldWidthM, mpp * screen.height());
        const auto grid =
            SquareBinGrid::forView(QPointF(filter.mercatorBoxM->left(), filter.mercatorBoxM->bottom()), mpp);
        figures.add(QStringLiteral("db.bins.whole_map.ms"),
                    timedMs([&] { return table->bins(filter, grid).ok(); }, repetitions), 1);
    }
    // Kursk–Belgorod at 150 m a pixel, panned east by 100 pixels a step.
    {
        const double mpp = 150;
        const QPointF centre = WebMercator::toMercatorM(QPointF(36.5, 51.2));
        int step = 0;
        figures.add(QStringLiteral("db.bins.pan.kursk.ms"),
                    timedMs(
                        [&] {
                            LiveFilter filter;
                            const QPointF c = centre + QPointF(100 * mpp * ++step, 0);
                            filter.mercatorBoxM = QRectF(c - QPointF(screen.width(), screen.height()) * mpp / 2,
                                                         QSizeF(screen.width(), screen.height()) * mpp);
                            const auto grid = SquareBinGrid::forView(
                                QPointF(filter.mercatorBoxM->left(), filter.mercatorBoxM->bottom()), mpp);
                            return table->bins(filter, grid).ok();
                        },
                        repetitions),
                    1);
    }
    // The same view counted whole, as after a zoom to it (no cells of its level held).
    {
        const double mpp = 150;
        const QPointF c = WebMercator::toMercatorM(QPointF(36.5, 51.2));
        LiveFilter filter;
        filter.mercatorBoxM = QRectF(c - QPointF(screen.width(), screen.height()) * mpp / 2,
                                     QSizeF(screen.width(), screen.height()) * mpp);
        const auto grid =
            SquareBinGrid::forView(QPointF(filter.mercatorBoxM->left(), filter.mercatorBoxM->bottom()), mpp);
        figures.add(QStringLiteral("db.bins.zoom.kursk.ms"),
                    timedMs(
                        [&] {
                            table->forgetHeldBins();
                            return table->bins(filter, grid).ok();
                        },
                        repetitions),
                    1);
    }
    // A click on Kursk oblast.
    if (const auto baseMap = benchBaseMap(); baseMap && baseMap->regions) {
        const int kursk = baseMap->regions->find(QStringLiteral("RU-KRS"));
        qint64 events = 0;
        figures.add(QStringLiteral("db.region.kursk.ms"),
                    timedMs(
                        [&] {
                            const auto result =
                                table->regionEvents(LiveFilter{}, baseMap->regions->regions()[kursk], kRegionPage);
                            events = result.value.total;
                            return result.ok();
                        },
                        repetitions),
                    1);
        figures.add(QStringLiteral("db.region.kursk.events"), double(events), 0);
        LiveFilter brushed;
        brushed.window = TimeWindow{QDateTime(QDate(2023, 1, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch(),
                                    QDateTime(QDate(2024, 1, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch()};
        brushed.hiddenCategories = {QStringLiteral("diplomacy")};
        figures.add(QStringLiteral("db.region.kursk.window.ms"),
                    timedMs(
                        [&] {
                            const auto result =
                                table->regionEvents(brushed, baseMap->regions->regions()[kursk], kRegionPage);
                            events = result.value.total;
                            return result.ok();
                        },
                        repetitions),
                    1);
        figures.add(QStringLiteral("db.region.kursk.window.events"), double(events), 0);
    }
    figures.add(QStringLiteral("db.rss.mb"), double(residentBytes()) / 1e6, 0);
}

} // namespace chronomap::bench
