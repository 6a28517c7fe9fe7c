// SPDX-License-Identifier: GPL-3.0-or-later
// db.*: a large PostGIS table browsed live (issue 21, core/db), not in CI. Needs a server:
// CHRONOMAP_BENCH_PG (or the CHRONOMAP_TEST_PG of tests/db/with-postgis.sh), a `PG:` string
// without `tables=`; without one the group says so and measures nothing. Makes a table of
// CHRONOMAP_BENCH_DB_ROWS rows (default 10,000,000) with generate_series,
// in PostgisImport's columns and indexes, then times what the live view asks:
//   db.bins.whole_map.ms   the density bins of the whole map at 1600x1000 pixels (first frame)
//   db.bins.pan.kursk.ms   the bins of a Kursk–Belgorod view (150 m a pixel) panned by 100 px
//   db.region.kursk.ms     the events of RU-KRS (a region click), db.region.kursk.events their number
//   db.rss.mb              this process's resident memory after all of it
#include "bench_scene.h"
#include "figure_groups.h"
#include "process_stats.h"

#include "core/db/live_table.h"
#include "core/geo/region_index.h"
#include "render/map/web_mercator.h"

#include <QElapsedTimer>

#include <cstdio>

namespace chronomap::bench {

namespace {

constexpr const char *kTable = "bench_live";

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
/// over the world, a date a day from 2000 on, five categories.
bool makeTable(PgConnection &db, qint64 rows)
{
    const QByteArray sql[] = {
        QByteArray("DROP TABLE IF EXISTS ") + kTable,
        QByteArray("CREATE TABLE ") + kTable +
            " AS SELECT 'ev-' || i AS id, to_char(date '2000-01-01' + (i % 9000)::int, 'YYYY-MM-DD') AS \"start\", "
            "NULL::text AS \"end\", (ARRAY['deployment','strike','diplomacy','protest','exercise'])[1 + i % 5] AS "
            "category, 'Synthetic event ' || i AS title, NULL::text AS summary, ARRAY[]::text[] AS regions, "
            "'reported'::text AS confidence, NULL::text AS provenance, NULL::text AS location_precision, "
            "CASE WHEN i % 3 < 2 THEN ST_SetSRID(ST_MakePoint(30 + 15 * random(), 45 + 11 * random()), 4326) "
            "ELSE ST_SetSRID(ST_MakePoint(-180 + 360 * random(), -60 + 130 * random()), 4326) END AS geom "
            "FROM generate_series(1, " +
            QByteArray::number(rows) + ") AS i",
        QByteArray("CREATE INDEX ON ") + kTable + " USING gist (geom)",
        QByteArray("CREATE INDEX ON ") + kTable + " (\"start\")",
        QByteArray("ANALYZE ") + kTable,
    };
    for (const QByteArray &statement : sql) {
        const PgOutcome outcome = db.query(statement);
        if (outcome.status != PgStatus::Ok) {
            std::fprintf(stderr, "# db: %s\n", qPrintable(outcome.message));
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
        QElapsedTimer made;
        made.start();
        if (!makeTable(*db, rows)) return;
        std::printf("# db: table of %lld rows made in %.1f s\n", static_cast<long long>(rows),
                    double(made.elapsed()) / 1e3);
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
        const SquareBinGrid grid{QPointF(filter.mercatorBoxM->left(), filter.mercatorBoxM->bottom()), 2 * mpp};
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
                            const SquareBinGrid grid{
                                QPointF(filter.mercatorBoxM->left(), filter.mercatorBoxM->bottom()), 2 * mpp};
                            return table->bins(filter, grid).ok();
                        },
                        repetitions),
                    1);
    }
    // A click on Kursk oblast.
    if (const auto baseMap = benchBaseMap(); baseMap && baseMap->regions) {
        const int kursk = baseMap->regions->find(QStringLiteral("RU-KRS"));
        qsizetype events = 0;
        figures.add(QStringLiteral("db.region.kursk.ms"),
                    timedMs(
                        [&] {
                            const auto result = table->regionEvents(LiveFilter{}, baseMap->regions->regions()[kursk]);
                            events = result.value.store ? result.value.store->size() : 0;
                            return result.ok();
                        },
                        repetitions),
                    1);
        figures.add(QStringLiteral("db.region.kursk.events"), double(events), 0);
    }
    figures.add(QStringLiteral("db.rss.mb"), double(residentBytes()) / 1e6, 0);
}

} // namespace chronomap::bench
