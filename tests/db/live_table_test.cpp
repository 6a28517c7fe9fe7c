// SPDX-License-Identifier: GPL-3.0-or-later
// A large table browsed live (issue 21, core/db): the database's answers equal the in-memory
// ones for the same data, and the live browser cancels, notices a lost connection and hears
// the table's NOTIFY. Against the real server of tests/db/with-postgis.sh ([.db], label `db`).
#include "test_database.h"

#include "../bundled_data.h"
#include "../qt_string_maker.h"
#include "../test_files.h"

#include "core/db/live_browser.h"
#include "core/geo/region_index.h"
#include "core/io/bin_pyramid.h"
#include "core/io/bin_pyramid_counts.h"
#include "core/io/event_loader.h"
#include "core/io/region_table.h"
#include "core/io/sql_dates.h"
#include "core/store/event_filter.h"
#include "core/store/region_membership.h"
#include "render/map/web_mercator.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <thread>
#include <tuple>

using namespace chronomap;
using chronomap::test::psql;
using chronomap::test::str;

namespace {

/// `rows` events around Kursk and Belgorod at pseudo-random places (6 decimals), of three
/// categories, dated by day or by month over 2022–2025, some with a region code only.
QString scatteredCsv(const QTemporaryDir &dir, int rows)
{
    test::ScatteredPoints options;
    options.rows = rows;
    return test::scatteredPointsCsv(dir, options);
}

std::shared_ptr<const EventStore> loadFile(const QString &file)
{
    const LoadResult result = EventLoader::load(file);
    REQUIRE_FALSE(result.hasFatal());
    return result.store;
}

std::unique_ptr<LiveTable> openTable(const QString &table)
{
    QString error;
    auto live = LiveTable::open(test::tableSource(table), &error);
    INFO(str(error));
    REQUIRE(live);
    return live;
}

/// The in-memory filter the live filter stands for.
EventFilter memoryFilter(const EventStore &store, const LiveFilter &live)
{
    EventFilter filter;
    filter.window = live.window;
    filter.match = live.match;
    QSet<QString> shown(store.categories().begin(), store.categories().end());
    shown -= live.hiddenCategories;
    if (!live.hiddenCategories.isEmpty()) filter.categories = shown;
    filter.text = live.searchText;
    return filter;
}

using BinCounts = std::map<std::tuple<int, int, QString>, qint64>;

/// The map's density binning of the same events, in memory: the shown point events inside the
/// box, projected by the renderer's Web Mercator, counted per cell and category.
BinCounts memoryBins(const EventStore &store, const LiveFilter &live, const SquareBinGrid &grid)
{
    BinCounts counts;
    for (EventStore::Index i : memoryFilter(store, live).apply(store)) {
        if (store.geometryKind(i) != GeometryKind::Point || !std::isfinite(store.lonDeg(i))) continue;
        const QPointF m = WebMercator::toMercatorM(QPointF(store.lonDeg(i), store.latDeg(i)));
        if (live.mercatorBoxM && !live.mercatorBoxM->contains(m)) continue;
        const QPoint cell = grid.cellOf(m);
        ++counts[{cell.x(), cell.y(), store.category(i)}];
    }
    return counts;
}

/// The counts of a bins answer, per cell and category.
BinCounts countsOf(const LiveResult<std::vector<LiveBin>> &result)
{
    INFO(str(result.message));
    REQUIRE(result.ok());
    BinCounts counts;
    for (const LiveBin &bin : result.value)
        counts[{bin.cell.x(), bin.cell.y(), bin.category}] += bin.count;
    return counts;
}

BinCounts liveBins(LiveTable &table, const LiveFilter &live, const SquareBinGrid &grid)
{
    return countsOf(table.bins(live, grid));
}

/// The bins that differ, "col,row,category: live vs in memory", at most ten: what a failure shows.
QStringList binDifference(const BinCounts &live, const BinCounts &memory)
{
    QStringList differences;
    BinCounts all = live;
    all.insert(memory.begin(), memory.end());
    for (const auto &[key, unused] : all) {
        const auto a = live.find(key), b = memory.find(key);
        const qint64 x = a == live.end() ? 0 : a->second, y = b == memory.end() ? 0 : b->second;
        if (x != y && differences.size() < 10)
            differences << QStringLiteral("%1,%2,%3: %4 vs %5")
                               .arg(std::get<0>(key))
                               .arg(std::get<1>(key))
                               .arg(std::get<2>(key))
                               .arg(x)
                               .arg(y);
    }
    return differences;
}

qint64 ms(int year, int month, int day)
{
    return QDateTime(QDate(year, month, day), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
}

/// The views the comparisons run over: the whole map, Kursk–Belgorod at ~100 m a pixel, and
/// that view with a window (both readings of uncertain dates), a hidden category and a search.
struct View {
    const char *label;
    LiveFilter filter;
    double metresPerPixel;
};

std::vector<View> views()
{
    const QRectF world(QPointF(-20037508.34, -20037508.34), QPointF(20037508.34, 20037508.34));
    const QRectF kursk = WebMercator::toMercatorM(QRectF(QPointF(35.0, 50.3), QPointF(38.5, 52.0)));
    std::vector<View> all;
    all.push_back({"whole map", LiveFilter{}, 20'000});
    all.back().filter.mercatorBoxM = world;
    all.push_back({"Kursk-Belgorod", LiveFilter{}, 100});
    all.back().filter.mercatorBoxM = kursk;
    View filtered{"Kursk-Belgorod, a window, a hidden category, a search", LiveFilter{}, 100};
    filtered.filter.mercatorBoxM = kursk;
    filtered.filter.window = TimeWindow{ms(2023, 3, 15), ms(2024, 8, 1)};
    filtered.filter.hiddenCategories = {QStringLiteral("diplomacy")};
    filtered.filter.searchText = QStringLiteral("BORDER");
    all.push_back(filtered);
    filtered.label = "the same, certainly in the window";
    filtered.filter.match = WindowMatch::Certainly;
    filtered.filter.searchText.clear();
    all.push_back(filtered);
    return all;
}

struct Imported {
    QString table;
    std::shared_ptr<const EventStore> store;
};

/// The bundled dataset and 20,000 scattered events, each imported once per run.
const std::vector<Imported> &importedTables()
{
    static const std::vector<Imported> tables = [] {
        static QTemporaryDir dir;
        const std::pair<QString, QString> files[] = {{test::bundledEvents(), QStringLiteral("live_bundled")},
                                                     {scatteredCsv(dir, 20'000), QStringLiteral("live_scattered")}};
        std::vector<Imported> imported;
        for (const auto &[file, table] : files) {
            test::dropTable(table);
            const test::Run run = test::importFile(file, table);
            INFO(str(run.err));
            REQUIRE(run.exitCode == 0);
            imported.push_back({table, loadFile(file)});
        }
        return imported;
    }();
    return tables;
}

/// Waits for `spy` to have at least `count` signals, up to `ms`.
bool waitFor(QSignalSpy &spy, int count, int ms)
{
    QElapsedTimer waited;
    waited.start();
    while (spy.size() < count && waited.elapsed() < ms)
        spy.wait(50);
    return spy.size() >= count;
}

} // namespace

TEST_CASE("db: live bins equal the in-memory density bins of the same data", "[.db]")
{
    for (const Imported &imported : importedTables()) {
        auto table = openTable(imported.table);
        for (const View &view : views()) {
            INFO(str(imported.table) << ", " << view.label);
            const QRectF box = *view.filter.mercatorBoxM;
            // The density bins' grid: 2x2 pixels from the view's north-west corner.
            const SquareBinGrid grid{QPointF(box.left(), box.bottom()), 2 * view.metresPerPixel};
            const BinCounts expected = memoryBins(*imported.store, view.filter, grid);
            if (imported.table == u"live_scattered") REQUIRE(expected.size() > 10); // cannot pass empty
            const BinCounts live = liveBins(*table, view.filter, grid);
            CHECK(binDifference(live, expected) == QStringList());
        }
    }
    // The scattered events at ~100 m a pixel share cells: the comparison is of counts, not only places.
    const auto &scattered = importedTables().back();
    const View kursk = views()[1];
    const BinCounts bins =
        memoryBins(*scattered.store, kursk.filter,
                   SquareBinGrid{QPointF(kursk.filter.mercatorBoxM->left(), kursk.filter.mercatorBoxM->bottom()),
                                 2 * kursk.metresPerPixel * 20});
    CHECK(std::any_of(bins.begin(), bins.end(), [](const auto &bin) { return bin.second > 1; }));
}

namespace {

/// The in-memory bins of a forView grid: the shown point events of the cells the box touches.
BinCounts memoryLevelBins(const EventStore &store, const LiveFilter &live, const SquareBinGrid &grid)
{
    const QRect cells = grid.cellsOver(*live.mercatorBoxM);
    BinCounts counts;
    for (EventStore::Index i : memoryFilter(store, live).apply(store)) {
        if (store.geometryKind(i) != GeometryKind::Point || !std::isfinite(store.lonDeg(i))) continue;
        const QPoint cell = grid.cellOf(WebMercator::toMercatorM(QPointF(store.lonDeg(i), store.latDeg(i))));
        if (cells.contains(cell)) ++counts[{cell.x(), cell.y(), store.category(i)}];
    }
    return counts;
}

/// A view at `metresPerPixel` whose north-west corner is `lonLat`, 1600x1000 pixels, its grid.
std::pair<LiveFilter, SquareBinGrid> levelView(QPointF lonLat, double metresPerPixel)
{
    LiveFilter filter;
    const QPointF nw = WebMercator::toMercatorM(lonLat);
    filter.mercatorBoxM =
        QRectF(QPointF(nw.x(), nw.y() - 1000 * metresPerPixel), QPointF(nw.x() + 1600 * metresPerPixel, nw.y()));
    return {filter, SquareBinGrid::forView(nw, metresPerPixel)};
}

/// For each view: the pyramid answers where it should, and its bins, the bins counted from the
/// rows and the in-memory bins are the same.
void checkLevelBins(LiveTable &table, const EventStore &store, bool requireBins)
{
    struct Case {
        const char *label;
        QPointF northWest;
        double metresPerPixel;
        bool fromPyramid;
        std::function<void(LiveFilter &)> adjust;
    };
    const auto none = [](LiveFilter &) {};
    const Case cases[] = {
        {"whole map (level 10)", QPointF(-180, 80), 25'000, true, none},
        {"whole map, a hidden category", QPointF(-180, 80), 25'000, true,
         [](LiveFilter &f) {
             f.hiddenCategories = {QStringLiteral("strike"), QString()};
         }},
        {"whole map, a window over all time", QPointF(-180, 80), 25'000, true,
         [](LiveFilter &f) {
             f.window = TimeWindow{ms(1000, 1, 1), ms(3000, 1, 1)};
         }},
        {"whole map, a window of a year", QPointF(-180, 80), 25'000, false,
         [](LiveFilter &f) {
             f.window = TimeWindow{ms(2023, 1, 1), ms(2024, 1, 1)};
         }},
        {"whole map, a search", QPointF(-180, 80), 25'000, false,
         [](LiveFilter &f) { f.searchText = QStringLiteral("border"); }},
        {"Europe at 4 km a pixel (level 12)", QPointF(20.3, 60.1), 4'000, true, none},
        {"Kursk-Belgorod at 1 km a pixel (level 14)", QPointF(33.1, 53.7), 1'000, false, none},
        {"Kursk-Belgorod at 150 m a pixel (level 17)", QPointF(35.2, 51.9), 150, false, none},
        // From level 15 on the rows come with their cells and are counted on our side.
        {"Kursk-Belgorod at 600 m a pixel (level 15)", QPointF(34.1, 52.6), 600, false, none},
        {"Kursk-Belgorod at 150 m a pixel, a window, a hidden category, a search", QPointF(35.2, 51.9), 150, false,
         [](LiveFilter &f) {
             f.window = TimeWindow{ms(2023, 3, 15), ms(2024, 8, 1)};
             f.hiddenCategories = {QStringLiteral("diplomacy")};
             f.searchText = QStringLiteral("border");
         }},
    };
    for (const Case &c : cases) {
        INFO(str(table.table()) << ", " << c.label);
        auto [filter, grid] = levelView(c.northWest, c.metresPerPixel);
        c.adjust(filter);
        const auto fromPyramid = table.binsFromPyramid(filter, grid);
        REQUIRE(fromPyramid.ok());
        CHECK(fromPyramid.value == c.fromPyramid);
        const BinCounts expected = memoryLevelBins(store, filter, grid);
        if (requireBins) REQUIRE(expected.size() > 5);
        CHECK(binDifference(countsOf(table.bins(filter, grid)), expected) == QStringList());
        CHECK(binDifference(countsOf(table.rowBins(filter, grid)), expected) == QStringList());
    }
}

} // namespace

TEST_CASE("db: the world grid's levels: the pyramid's bins equal the rows' and the in-memory bins", "[.db]")
{
    // forView picks the world's cells nearest to 2x2 pixels, their corner on the world's grid.
    const auto grid = SquareBinGrid::forView(QPointF(123'456.7, 6'543'210.9), 150);
    CHECK(grid.level == 17);
    CHECK(grid.cellM == Approx(SquareBinGrid::kWorldWidthM / (1 << 17)));
    CHECK(grid.cellOf(QPointF(123'456.7, 6'543'210.9)) == QPoint(0, 0));
    CHECK(grid.worldCellOf(grid.northWestM + QPointF(1, -1)) == grid.worldOrigin());
    for (const Imported &imported : importedTables()) {
        auto table = openTable(imported.table);
        CHECK(table->hasPyramid());
        checkLevelBins(*table, *imported.store, imported.table == u"live_scattered");
    }
}

TEST_CASE("db: a pan at a fine level counts only the cells it newly shows, and its bins equal the in-memory bins",
          "[.db]")
{
    const QString name = test::dropTable(QStringLiteral("live_pan"));
    QTemporaryDir dir;
    const QString file = scatteredCsv(dir, 20'000);
    REQUIRE(test::importFile(file, name).exitCode == 0);
    auto table = openTable(name);
    auto store = loadFile(file);
    // Kursk–Belgorod at 150 m a pixel (level 17), panned east, south, west, north-east, then
    // past the whole view (nothing held), each step in pixels.
    const double mpp = 150;
    QPointF northWest = WebMercator::toMercatorM(QPointF(35.2, 51.9));
    const auto viewAt = [&](QPointF nw) {
        LiveFilter filter;
        filter.mercatorBoxM = QRectF(QPointF(nw.x(), nw.y() - 1000 * mpp), QPointF(nw.x() + 1600 * mpp, nw.y()));
        return std::pair{filter, SquareBinGrid::forView(nw, mpp)};
    };
    const QPoint steps[] = {{0, 0}, {100, 0}, {0, 100}, {-250, 0}, {300, -180}, {1700, 0}};
    for (const QPoint step : steps) {
        INFO("step " << step.x() << ", " << step.y());
        northWest += QPointF(step.x() * mpp, -step.y() * mpp);
        const auto [filter, grid] = viewAt(northWest);
        REQUIRE(grid.level == 17);
        const BinCounts expected = memoryLevelBins(*store, filter, grid);
        REQUIRE(expected.size() > 100);
        CHECK(binDifference(countsOf(table->bins(filter, grid)), expected) == QStringList());
    }
    // The cells both views show come from the last answer, not the table: a row another session
    // adds there is seen once they are forgotten (LiveBrowser forgets them on the table's NOTIFY),
    // while one added in the cells newly shown is seen at once.
    const auto [before, grid] = viewAt(northWest);
    REQUIRE(table->bins(before, grid).ok()); // the same view again: every cell held, no rows read
    const QPointF panned = northWest + QPointF(100 * mpp, 0);
    const auto [after, sameGrid] = viewAt(panned);
    const auto lonLatOf = [&](QPointF pixel) {
        return WebMercator::toLonLatDeg(panned + QPointF(pixel.x() * mpp, -pixel.y() * mpp));
    };
    const QPointF inHeld = lonLatOf(QPointF(800.5, 500.5)), inNew = lonLatOf(QPointF(1550.5, 500.5));
    for (const QPointF &p : {inHeld, inNew})
        psql(QStringLiteral("INSERT INTO %1 (id, \"start\", category, title, regions, geom) VALUES ('added-%2', "
                            "'2024-01-01', 'added', 'Added', '{}', ST_SetSRID(ST_MakePoint(%3, %4), 4326))")
                 .arg(name, p == inHeld ? QStringLiteral("held") : QStringLiteral("new"))
                 .arg(p.x(), 0, 'g', 17)
                 .arg(p.y(), 0, 'g', 17));
    const auto addedCells = [&](const BinCounts &bins) {
        int added = 0;
        for (const auto &[key, count] : bins)
            if (std::get<2>(key) == u"added") added += int(count);
        return added;
    };
    CHECK(addedCells(countsOf(table->bins(after, sameGrid))) == 1);
    table->forgetHeldBins();
    CHECK(addedCells(countsOf(table->bins(after, sameGrid))) == 2);
}

TEST_CASE("db: the pyramid stays true through inserts, updates, deletes and a truncate", "[.db]")
{
    const QString table = test::dropTable(QStringLiteral("live_pyramid_changes"));
    QTemporaryDir dir;
    const QString file = scatteredCsv(dir, 3'000);
    REQUIRE(test::importFile(file, table).exitCode == 0);
    auto live = openTable(table);
    REQUIRE(live->hasPyramid());
    const auto storeOfTable = [&] {
        const auto all = live->events(LiveFilter{}, 1'000'000);
        INFO(str(all.message));
        REQUIRE(all.ok());
        REQUIRE(all.value.store);
        return all.value.store;
    };
    const QString columns = QStringLiteral("id, \"start\", \"end\", category, title, regions, geom");
    // Copies of the first 40 rows, then some of them moved, recategorized and redated, then
    // some deleted, then all emptied: after each, the three counts agree.
    psql(QStringLiteral("INSERT INTO %1 (%2) SELECT 'copy-' || id, \"start\", \"end\", category, title, regions, "
                        "geom FROM %1 ORDER BY id LIMIT 40")
             .arg(table, columns));
    checkLevelBins(*live, *storeOfTable(), true);
    psql(QStringLiteral("UPDATE %1 SET geom = ST_Translate(geom, 0.7, -0.3), category = 'moved', \"start\" = '1999' "
                        "WHERE id LIKE 'copy-%' AND id < 'copy-ev-1005'")
             .arg(table));
    checkLevelBins(*live, *storeOfTable(), true);
    psql(QStringLiteral("DELETE FROM %1 WHERE id LIKE 'copy-ev-1%' OR id LIKE 'ev-2%'").arg(table));
    checkLevelBins(*live, *storeOfTable(), true);
    psql(QStringLiteral("TRUNCATE %1").arg(table));
    checkLevelBins(*live, *storeOfTable(), false);
}

namespace {

/// Checks `table`'s pyramid: one row per level, grid row and category, its cells ascending, as
/// many counts as cells, every count above 0; and at every level the unpacked cells are the
/// rows counted per world cell and category by BinPyramid's SQL (the import counts them in the
/// client: BinPyramidCounts).
void checkPyramidIsRowsCounted(const QString &table)
{
    const QString bins = table + QStringLiteral("_bins");
    CHECK(psql(QStringLiteral("SELECT count(*) FROM %1 WHERE cardinality(cxs) <> cardinality(counts) OR "
                              "cardinality(cxs) = 0 OR EXISTS (SELECT 1 FROM unnest(counts) n WHERE n <= 0) OR "
                              "cxs <> ARRAY(SELECT DISTINCT unnest(cxs) ORDER BY 1)")
                   .arg(bins)) == u"0");
    CHECK(psql(QStringLiteral("SELECT count(*) FROM %1").arg(bins)) ==
          psql(QStringLiteral("SELECT count(DISTINCT (level, cy, category)) FROM %1").arg(bins)));
    const QString x = QStringLiteral("(6378137.0 * radians(ST_X(geom)))");
    const QString y = QStringLiteral("(6378137.0 * ln(tan(pi() / 4 + radians(greatest(-85.0511287798066, "
                                     "least(85.0511287798066, ST_Y(geom)))) / 2)))");
    for (int level = 0; level <= BinPyramid::kTopLevel; ++level) {
        INFO(str(table) << ", level " << level);
        const QString cell = QString::number(std::ldexp(SquareBinGrid::kWorldWidthM, -level), 'g', 17);
        const QString half = QString::number(SquareBinGrid::kWorldWidthM / 2, 'g', 17);
        const QString unpacked =
            QStringLiteral("SELECT u.cx, cy, category, u.n FROM %1, unnest(cxs, counts) u(cx, n) WHERE level = %2")
                .arg(bins)
                .arg(level);
        const QString counted = QStringLiteral("SELECT floor((%1 + %3) / %4)::int, floor((%3 - %2) / %4)::int, "
                                               "coalesce(category, ''), count(*) FROM %5 WHERE GeometryType(geom) = "
                                               "'POINT' GROUP BY 1, 2, 3")
                                    .arg(x, y, half, cell, table);
        CHECK(psql(QStringLiteral("SELECT count(*) FROM ((%1) EXCEPT (%2)) a").arg(unpacked, counted)) == u"0");
        CHECK(psql(QStringLiteral("SELECT count(*) FROM ((%2) EXCEPT (%1)) a").arg(unpacked, counted)) == u"0");
        CHECK(psql(QStringLiteral("SELECT count(*) > 0 FROM (%1) a").arg(unpacked)) == u"t");
    }
}

} // namespace

TEST_CASE("db: the pyramid packs each level's cells by grid row and category, and they are the rows' counts", "[.db]")
{
    checkPyramidIsRowsCounted(importedTables().back().table);
}

TEST_CASE("db: the import's pyramid counts points on the cells' edges in the cells the server's SQL puts them in",
          "[.db]")
{
    // Points on the top level's column edges (longitudes exact in binary), on its row edges
    // (latitudes from the inverse Mercator, within an ulp of the edge), on the clamped
    // latitudes and the antimeridian; categories with a quote, none and a non-ASCII one.
    const double cellM = std::ldexp(SquareBinGrid::kWorldWidthM, -BinPyramid::kTopLevel);
    const double half = SquareBinGrid::kWorldWidthM / 2;
    const QStringList categories = {QStringLiteral("strike"), QStringLiteral("it's"), QString(),
                                    QStringLiteral("d\u00e9ploiement")};
    QList<QPointF> lonLats;
    for (int k = 0; k <= 4096; k += 3) {
        const double edgeLon = -180 + k * (360.0 / 4096);
        const double edgeLat = WebMercator::toLonLatDeg(QPointF(0, half - k * cellM)).y();
        lonLats << QPointF(edgeLon, 50.25) << QPointF(edgeLon, -33.5) << QPointF(12.5, edgeLat)
                << QPointF(edgeLon, edgeLat);
    }
    lonLats << QPointF(180, 85.0511287798066) << QPointF(-180, -85.0511287798066) << QPointF(0, 89.9)
            << QPointF(0, -89.9);
    // The points are where the order of the operations matters: the map's own formula, which
    // multiplies in another order, puts some of them in another cell.
    const auto differs = [&](QPointF p) {
        const QPointF m = WebMercator::toMercatorM(p);
        const QPoint map(int(std::floor((m.x() + half) / cellM)), int(std::floor((half - m.y()) / cellM)));
        return map != BinPyramidCounts::topLevelCellOf(p.x(), p.y());
    };
    REQUIRE(std::count_if(lonLats.begin(), lonLats.end(), differs) > 0);

    QTemporaryDir dir;
    QByteArray csv = "id,title,start,category,lat,lon\n";
    for (qsizetype i = 0; i < lonLats.size(); ++i) {
        csv += "edge-" + QByteArray::number(i) + ",Edge " + QByteArray::number(i) + ",2024-01-01,\"" +
               categories[i % categories.size()].toUtf8() + "\"," + QByteArray::number(lonLats[i].y(), 'g', 17) + ',' +
               QByteArray::number(lonLats[i].x(), 'g', 17) + '\n';
    }
    const QString file = test::writeFile(dir, "edges.csv", csv);
    const QString table = QStringLiteral("live_edges");
    test::dropTable(table);
    const test::Run run = test::importFile(file, table);
    INFO(str(run.err));
    REQUIRE(run.exitCode == 0);
    CHECK(psql(QStringLiteral("SELECT count(*) FROM %1 WHERE GeometryType(geom) = 'POINT'").arg(table)) ==
          QString::number(lonLats.size()));
    checkPyramidIsRowsCounted(table);
    test::dropTable(table);
}

TEST_CASE("db: the live timeline's density per month and lane equals the in-memory counts", "[.db]")
{
    for (const Imported &imported : importedTables()) {
        auto table = openTable(imported.table);
        for (View view : views()) {
            INFO(str(imported.table) << ", " << view.label);
            view.filter.mercatorBoxM.reset(); // the timeline is of every shown event, wherever it is
            const EventStore &store = *imported.store;
            std::map<std::pair<qint64, QString>, qint64> expected;
            for (EventStore::Index i : memoryFilter(store, view.filter).apply(store)) {
                const QDate day = utcDateOf(store.when(i).earliestMs());
                ++expected[{ms(day.year(), day.month(), 1), store.category(i)}];
            }
            if (imported.table == u"live_scattered") REQUIRE(expected.size() >= 2);
            const auto result = table->timelineDensity(view.filter, QStringLiteral("month"));
            INFO(str(result.message));
            REQUIRE(result.ok());
            std::map<std::pair<qint64, QString>, qint64> live;
            for (const LiveTimeBin &bin : result.value)
                live[{bin.binStartMs, bin.category}] += bin.count;
            CHECK(live == expected);
        }
    }
}

namespace {

/// What a region click is asked with: nothing hidden; a window; a window with categories hidden
/// (the members table answers these three where it is kept); and what only the wide rows can
/// answer: "certainly in the window", a search.
std::vector<std::pair<const char *, LiveFilter>> regionFilters()
{
    std::vector<std::pair<const char *, LiveFilter>> filters(5);
    filters[0].first = "nothing hidden";
    filters[1].first = "in a window";
    filters[1].second.window = TimeWindow{ms(2023, 3, 15), ms(2024, 8, 1)};
    filters[2] = {"in a window, categories hidden", filters[1].second};
    filters[2].second.hiddenCategories = {QStringLiteral("diplomacy"), QString()};
    filters[3] = {"certainly in a window", filters[1].second};
    filters[3].second.match = WindowMatch::Certainly;
    filters[4].first = "a search";
    filters[4].second.searchText = QStringLiteral("1");
    return filters;
}

/// For RU-KRS and Belgorod, and each of regionFilters(): a region click's page and count through
/// `table` equal the in-memory region list of `store` (the table's events), its first events by
/// start and its size. Returns the counts, per region and filter.
std::vector<qint64> checkRegionPages(LiveTable &table, const std::shared_ptr<const EventStore> &store)
{
    const auto regions = test::bundledBaseMap()->regions;
    const RegionMembership membership(store, regions);
    std::vector<qint64> counts;
    for (const char *name : {"RU-KRS", "Belgorod"}) {
        for (const auto &[label, live] : regionFilters()) {
            const int r = regions->find(QLatin1String(name));
            REQUIRE(r >= 0);
            EventFilter filter = memoryFilter(*store, live);
            filter.regionIndex = r;
            // The store's order: earliest start, then id.
            std::vector<std::pair<qint64, QString>> members;
            for (EventStore::Index i : filter.apply(*store, &membership))
                members.emplace_back(store->when(i).earliestMs(), store->id(i));
            std::sort(members.begin(), members.end());
            if (live == LiveFilter{}) REQUIRE(members.size() > 0);
            counts.push_back(qint64(members.size()));
            // A page shorter than the region (cut inside a run of equal starts or not) and
            // one longer than it.
            for (const qsizetype page : {qsizetype(members.size() / 3 + 1), qsizetype(members.size() + 10)}) {
                INFO(str(table.table()) << ", " << name << ", " << label << ", page " << page);
                QStringList expected;
                for (size_t k = 0; k < members.size() && qsizetype(k) < page; ++k)
                    expected << members[k].second;
                const auto result = table.regionEvents(live, regions->regions()[r], page);
                INFO(str(result.message));
                REQUIRE(result.ok());
                REQUIRE(result.value.store);
                CHECK(result.value.total == qint64(members.size()));
                QStringList got;
                for (EventStore::Index i = 0; i < result.value.store->size(); ++i)
                    got << result.value.store->id(i);
                // The store keeps equal starts in the order read: the page's set is compared
                // for the ids, its starts in order.
                QStringList gotSorted = got, expectedSorted = expected;
                gotSorted.sort();
                expectedSorted.sort();
                CHECK(gotSorted == expectedSorted);
                for (EventStore::Index i = 0; i < result.value.store->size() && i < qsizetype(members.size()); ++i)
                    CHECK(result.value.store->when(i).earliestMs() == members[size_t(i)].first);
            }
        }
    }
    return counts;
}

/// Every event of `table`, read back as a store.
std::shared_ptr<const EventStore> storeOfTable(LiveTable &table)
{
    const auto all = table.events(LiveFilter{}, 1'000'000);
    INFO(str(all.message));
    REQUIRE(all.ok());
    REQUIRE(all.value.store);
    return all.value.store;
}

/// The ids of a region click's first 100,000 events.
QStringList regionIds(LiveTable &table, const AreaFeature &region)
{
    const auto result = table.regionEvents(LiveFilter{}, region, 100'000);
    INFO(str(result.message));
    REQUIRE(result.ok());
    REQUIRE(result.value.store);
    QStringList ids;
    for (EventStore::Index i = 0; i < result.value.store->size(); ++i)
        ids << result.value.store->id(i);
    return ids;
}

} // namespace

TEST_CASE("db: a region's page and count through SQL equal the in-memory region list's first events and size", "[.db]")
{
    for (const Imported &imported : importedTables()) {
        auto table = openTable(imported.table);
        // The import wrote each row's regions (RegionTable): the click reads them.
        CHECK(
            psql(QStringLiteral("SELECT count(*) > 0 FROM %1 WHERE cardinality(located_in) > 0").arg(imported.table)) ==
            u"t");
        checkRegionPages(*table, imported.store);
    }
}

TEST_CASE("db: rows inserted and moved by plain SQL after the import are found by the region click where they lie",
          "[.db]")
{
    const QString table = test::dropTable(QStringLiteral("live_located"));
    QTemporaryDir dir;
    REQUIRE(test::importFile(scatteredCsv(dir, 3'000), table).exitCode == 0);
    auto live = openTable(table);
    const auto regions = test::bundledBaseMap()->regions;
    const int kursk = regions->find(QStringLiteral("RU-KRS"));
    const int belgorod = regions->find(QStringLiteral("RU-BEL"));
    REQUIRE(kursk >= 0);
    REQUIRE(belgorod >= 0);
    // Kursk's and Belgorod's label points lie in them (as the in-memory index finds them).
    const QPointF inKursk = regions->regions()[kursk].labelLonLat;
    const QPointF inBelgorod = regions->regions()[belgorod].labelLonLat;
    REQUIRE(regions->regionAt(inKursk.x(), inKursk.y()) == kursk);
    REQUIRE(regions->regionAt(inBelgorod.x(), inBelgorod.y()) == belgorod);
    const QPointF atSea(-30, 40); // the Atlantic: in no region
    REQUIRE(regions->regionAt(atSea.x(), atSea.y()) == -1);
    const auto point = [](QPointF p) {
        return QStringLiteral("ST_SetSRID(ST_MakePoint(%1, %2), 4326)")
            .arg(QString::number(p.x(), 'g', 17), QString::number(p.y(), 'g', 17));
    };
    // A point in Kursk coded to Belgorod only, and a line from the sea with one vertex in Kursk,
    // written as another analyst would, by SQL.
    psql(QStringLiteral("INSERT INTO %1 (id, \"start\", category, title, regions, geom) VALUES ('sql-point', "
                        "'2024-05-01', 'strike', 'Inserted by SQL', '{RU-BEL}', %2), ('sql-line', '2024-05-02', "
                        "'strike', 'A line by SQL', '{}', ST_MakeLine(%3, %2))")
             .arg(table, point(inKursk), point(atSea)));
    CHECK(psql(QStringLiteral("SELECT string_agg(id || ':' || array_to_string(located_in, ','), ' ' ORDER BY id) "
                              "FROM %1 WHERE id LIKE 'sql-%'")
                   .arg(table)) == u"sql-line:RU-KRS sql-point:RU-KRS");
    QStringList ids = regionIds(*live, regions->regions()[kursk]);
    CHECK(ids.contains(QStringLiteral("sql-point")));
    CHECK(ids.contains(QStringLiteral("sql-line")));
    CHECK(regionIds(*live, regions->regions()[belgorod]).contains(QStringLiteral("sql-point"))); // by its code
    checkRegionPages(*live, storeOfTable(*live));
    // The point moved to Belgorod: Kursk's click drops it. The line's Kursk vertex moved too.
    psql(QStringLiteral("UPDATE %1 SET geom = %2 WHERE id = 'sql-point'").arg(table, point(inBelgorod)));
    psql(QStringLiteral("UPDATE %1 SET geom = ST_SetPoint(geom, 1, %2) WHERE id = 'sql-line'")
             .arg(table, point(inBelgorod)));
    CHECK(psql(QStringLiteral("SELECT string_agg(id || ':' || array_to_string(located_in, ','), ' ' ORDER BY id) "
                              "FROM %1 WHERE id LIKE 'sql-%'")
                   .arg(table)) == u"sql-line:RU-BEL sql-point:RU-BEL");
    ids = regionIds(*live, regions->regions()[kursk]);
    CHECK_FALSE(ids.contains(QStringLiteral("sql-point")));
    CHECK_FALSE(ids.contains(QStringLiteral("sql-line")));
    CHECK(regionIds(*live, regions->regions()[belgorod]).contains(QStringLiteral("sql-line")));
    // A hand-written `located_in` is put right.
    psql(QStringLiteral("UPDATE %1 SET located_in = '{RU-KRS}' WHERE id = 'sql-line'").arg(table));
    CHECK_FALSE(regionIds(*live, regions->regions()[kursk]).contains(QStringLiteral("sql-line")));
    checkRegionPages(*live, storeOfTable(*live));
}

namespace {

/// The number of rows of `table`'s members table that its rows do not give (each code of a
/// row's `regions` and `located_in` once, with its id, fid, start, end and category), and of the
/// rows' codes it lacks.
QString membersOff(const QString &table)
{
    const QString given =
        QStringLiteral("SELECT DISTINCT c.code, t.id, t.fid, %2, %3, t.category FROM %1 t, unnest(t.regions::text[] "
                       "|| t.located_in::text[]) c(code)")
            .arg(table, LiveSql::startOf(QStringLiteral("t.\"start\"")),
                 LiveSql::endExclusiveOf(QStringLiteral("coalesce(nullif(t.\"end\", ''), t.\"start\")")));
    const QString kept =
        QStringLiteral("SELECT code, id, fid, start_at, end_at, category FROM %1_region_members").arg(table);
    return psql(
        QStringLiteral("SET TimeZone = 'UTC'; SELECT count(*) FROM (((%1) EXCEPT ALL (%2)) UNION ALL ((%2) EXCEPT ALL "
                       "(%1))) d")
            .arg(given, kept));
}

} // namespace

TEST_CASE("db: the region members table stays true through inserts, updates, deletes and a truncate", "[.db]")
{
    const QString table = test::dropTable(QStringLiteral("live_members"));
    QTemporaryDir dir;
    REQUIRE(test::importFile(scatteredCsv(dir, 3'000), table).exitCode == 0);
    auto live = openTable(table);
    const auto regions = test::bundledBaseMap()->regions;
    const int kursk = regions->find(QStringLiteral("RU-KRS"));
    REQUIRE(kursk >= 0);
    const QPointF inKursk = regions->regions()[kursk].labelLonLat;
    REQUIRE(psql(QStringLiteral("SELECT count(*) > 0 FROM %1_region_members WHERE code = 'RU-KRS'").arg(table)) ==
            u"t");
    CHECK(membersOff(table) == u"0");
    checkRegionPages(*live, storeOfTable(*live));
    // Copies of 40 rows and a point in Kursk coded to Belgorod, from a session in another time
    // zone (the members' starts are UTC's all the same).
    const QString columns = QStringLiteral("id, \"start\", \"end\", category, title, regions, geom");
    psql(QStringLiteral("SET TimeZone = 'Asia/Tokyo'; INSERT INTO %1 (%2) SELECT 'copy-' || id, \"start\", \"end\", "
                        "category, title, regions, geom FROM %1 ORDER BY id LIMIT 40; INSERT INTO %1 (id, \"start\", "
                        "category, title, regions, geom) VALUES ('sql-point', '2024-05-01', 'strike', 'By SQL', "
                        "'{RU-BEL}', ST_SetSRID(ST_MakePoint(%3, %4), 4326))")
             .arg(table, columns, QString::number(inKursk.x(), 'g', 17), QString::number(inKursk.y(), 'g', 17)));
    CHECK(psql(QStringLiteral("SELECT string_agg(code || ' ' || to_char(start_at AT TIME ZONE 'UTC', 'YYYY-MM-DD "
                              "HH24:MI'), ', ' ORDER BY code) FROM %1_region_members WHERE id = 'sql-point'")
                   .arg(table)) == u"RU-BEL 2024-05-01 00:00, RU-KRS 2024-05-01 00:00");
    CHECK(membersOff(table) == u"0");
    checkRegionPages(*live, storeOfTable(*live));
    // Some copies moved, recoded and redated; the point moved out to sea.
    psql(QStringLiteral("UPDATE %1 SET geom = ST_Translate(geom, 0.7, -0.3), regions = '{RU-KRS}', \"start\" = '1999' "
                        "WHERE id LIKE 'copy-%' AND id < 'copy-ev-1005'; UPDATE %1 SET geom = "
                        "ST_SetSRID(ST_MakePoint(-30, 40), 4326) WHERE id = 'sql-point'")
             .arg(table));
    CHECK(
        psql(QStringLiteral("SELECT string_agg(code, ',') FROM %1_region_members WHERE id = 'sql-point'").arg(table)) ==
        u"RU-BEL");
    CHECK(membersOff(table) == u"0");
    checkRegionPages(*live, storeOfTable(*live));
    psql(QStringLiteral("DELETE FROM %1 WHERE id LIKE 'copy-ev-1%' OR id LIKE 'ev-2%'").arg(table));
    CHECK(membersOff(table) == u"0");
    checkRegionPages(*live, storeOfTable(*live));
    // A click in a window with categories hidden is answered from the members table alone: a
    // member taken out of it by hand is no longer counted.
    const LiveFilter inWindow = regionFilters()[2].second;
    const auto before = live->regionEvents(inWindow, regions->regions()[kursk], 10);
    REQUIRE(before.ok());
    REQUIRE(before.value.total > 0);
    psql(QStringLiteral("DELETE FROM %1_region_members WHERE ctid = (SELECT m.ctid FROM %1_region_members m JOIN %1 t "
                        "ON t.fid = m.fid WHERE m.code = 'RU-KRS' AND t.\"start\" BETWEEN '2023-04' AND '2024-07' "
                        "AND t.category <> 'diplomacy' LIMIT 1)")
             .arg(table));
    CHECK(live->regionEvents(inWindow, regions->regions()[kursk], 10).value.total == before.value.total - 1);
    psql(QStringLiteral("TRUNCATE %1").arg(table));
    CHECK(psql(QStringLiteral("SELECT count(*) FROM %1_region_members").arg(table)) == u"0");
    CHECK(regionIds(*live, regions->regions()[kursk]).isEmpty());
}

TEST_CASE("db: the import's own region members are the rows the SQL rule gives, for every date precision", "[.db]")
{
    QTemporaryDir dir;
    // Every precision as start and as end (a date-time with milliseconds, which its text drops),
    // instants and spans, empty categories, coded regions (also one the row lies in, and a code of
    // no region), located ones, places at sea, and dates before 1970 and across a year's end.
    const QString mixed = test::writeFile(dir, "mixed_dates.csv",
                                          "id,date,end,lat,lon,title,category,regions\n"
                                          "y1,2023,,51.7,36.2,Year,strike,\n"
                                          "y2,2022,2024,51.7,36.2,Years,,RU-BEL\n"
                                          "m1,2024-02,,50.6,36.6,Month in a leap year,,\n"
                                          "m2,2023-12,2024-01,50.6,36.6,Months,strike,RU-KRS;RU-BEL\n"
                                          "d1,2024-12-31,,51.7,36.2,Day,diplomacy,\n"
                                          "d2,1969-12-31,1970-01-01,51.7,36.2,Days before 1970,,\n"
                                          "t1,2024-05-01T09:30:15.250Z,,51.7,36.2,Time,strike,\n"
                                          "t2,2024-05-01T23:59:59Z,2024-05-02T00:00:00.999Z,50.6,36.6,Times,,UA-63\n"
                                          "t3,1969-07-20T20:17:40.500Z,,51.7,36.2,Time before 1970,,\n"
                                          "x1,2024-03-05T10:00:00+03:00,2024-03,51.7,36.2,Time to month,strike,\n"
                                          "s1,2024-06,,40,-30,At sea,,\n"
                                          "s2,2024-06-02,,40,-30,At sea coded,,XX-NONE\n");
    struct Case {
        const char *label;
        QString file;
        QString table;
    };
    const Case cases[] = {
        {"dates of every precision", mixed, QStringLiteral("members_mixed")},
        {"bundled dataset", test::bundledEvents(), QStringLiteral("members_bundled")},
        {"ACLED CSV", test::formatFile("acled_2023.csv"), QStringLiteral("members_acled")},
    };
    for (const Case &c : cases) {
        SECTION(c.label)
        {
            const QString table = test::dropTable(c.table);
            const test::Run imported = test::importFile(c.file, table);
            INFO(str(imported.err));
            REQUIRE(imported.exitCode == 0);
            CHECK(psql(QStringLiteral("SELECT count(*) > 0 FROM %1_region_members").arg(table)) == u"t");
            CHECK(membersOff(table) == u"0");
            // The same table filled by the rule itself (as an import before this one did).
            const QString members = RegionTable::membersTable(table);
            QString byRule = RegionTable::memberFillStatements(table).last();
            byRule = byRule.mid(byRule.indexOf(QStringLiteral("SELECT")));
            CHECK(psql(QStringLiteral("BEGIN; SET LOCAL TimeZone = 'UTC'; CREATE TEMP TABLE by_rule AS %2; SELECT "
                                      "count(*) FROM ((TABLE by_rule EXCEPT ALL TABLE %1) UNION ALL (TABLE %1 EXCEPT "
                                      "ALL TABLE by_rule)) d; ROLLBACK")
                           .arg(members, byRule)) == u"0");
        }
    }
    const QString table = QStringLiteral("members_mixed");
    if (psql(QStringLiteral("SELECT to_regclass('%1') IS NOT NULL").arg(table)) == u"t") {
        // What the dates became, read back in UTC.
        CHECK(psql(QStringLiteral("SET TimeZone = 'UTC'; SELECT string_agg(id || ' ' || code || ' ' || start_at || ' "
                                  "' || end_at, E'\\n' ORDER BY id, code) FROM %1_region_members WHERE id IN ('t1', "
                                  "'d2', 'x1', 'y2')")
                       .arg(table)) == QStringLiteral("d2 RU-KRS 1969-12-31 00:00:00+00 1970-01-02 00:00:00+00\n"
                                                      "t1 RU-KRS 2024-05-01 09:30:15+00 2024-05-01 09:30:15.001+00\n"
                                                      "x1 RU-KRS 2024-03-05 07:00:00+00 2024-04-01 00:00:00+00\n"
                                                      "y2 RU-BEL 2022-01-01 00:00:00+00 2025-01-01 00:00:00+00\n"
                                                      "y2 RU-KRS 2022-01-01 00:00:00+00 2025-01-01 00:00:00+00"));
    }
}

TEST_CASE("db: a table imported before rows kept their regions answers a region click as the in-memory list", "[.db]")
{
    const QString table = test::dropTable(QStringLiteral("live_unlocated"));
    QTemporaryDir dir;
    const QString file = scatteredCsv(dir, 3'000);
    REQUIRE(test::importFile(file, table).exitCode == 0);
    const auto located = checkRegionPages(*openTable(table), loadFile(file));
    // What the import before the members table kept each row's end and category made.
    psql(QStringLiteral("ALTER TABLE %1_region_members DROP COLUMN end_at, DROP COLUMN category").arg(table));
    CHECK(checkRegionPages(*openTable(table), loadFile(file)) == located);
    // What the import before the members table made: `located_in` without it.
    psql(QStringLiteral("DROP TABLE %1_region_members; DROP TRIGGER %1_chronomap_members_insert ON %1; DROP TRIGGER "
                        "%1_chronomap_members_update ON %1; DROP TRIGGER %1_chronomap_members_delete ON %1; DROP "
                        "TRIGGER %1_chronomap_members_truncate ON %1")
             .arg(table));
    CHECK(checkRegionPages(*openTable(table), loadFile(file)) == located);
    // What an older import made: no `located_in`, no trigger for it, no regions table.
    psql(QStringLiteral("ALTER TABLE %1 DROP COLUMN located_in CASCADE; DROP TABLE %1_regions").arg(table));
    CHECK(psql(QStringLiteral("SELECT count(*) FROM pg_trigger WHERE tgrelid = '%1'::regclass AND tgname = "
                              "'%1_chronomap_locate'")
                   .arg(table)) == u"0");
    CHECK(checkRegionPages(*openTable(table), loadFile(file)) == located);
}

TEST_CASE("db: the events of a small view come back as a store, a large view says it has too many", "[.db]")
{
    const Imported &bundled = importedTables().front();
    auto table = openTable(bundled.table);
    const LiveFilter everything;
    const auto all = table->events(everything, 100'000);
    REQUIRE(all.ok());
    REQUIRE(all.value.store);
    REQUIRE(all.value.store->size() == bundled.store->size());
    // Field by field, what the map and the lists draw.
    QHash<QString, EventStore::Index> byId;
    for (EventStore::Index i = 0; i < all.value.store->size(); ++i)
        byId.insert(all.value.store->id(i), i);
    for (EventStore::Index i = 0; i < bundled.store->size(); ++i) {
        const Event a = bundled.store->event(i);
        REQUIRE(byId.contains(a.id));
        const Event b = all.value.store->event(byId.value(a.id));
        INFO(str(a.id));
        CHECK(b.id == a.id);
        CHECK(b.when == a.when);
        CHECK(b.title.value(QString()) == a.title.value(QString()));
        CHECK(b.category == a.category);
        CHECK(b.regions == a.regions);
        CHECK(b.geometryKind == a.geometryKind);
        CHECK(b.geometry == a.geometry);
        CHECK(b.confidence == a.confidence);
    }
    const auto few = table->events(everything, 5);
    REQUIRE(few.ok());
    CHECK(few.value.tooMany);
    CHECK_FALSE(few.value.store);
}

TEST_CASE("db: a cancelled query returns at once", "[.db]")
{
    QString error;
    auto connection = PgConnection::open(test::testDatabase(), &error);
    INFO(str(error));
    REQUIRE(connection);
    PgOutcome outcome;
    QElapsedTimer elapsed;
    elapsed.start();
    std::thread query([&] { outcome = connection->query("SELECT pg_sleep(60)"); });
    // Cancelled from this thread once the server runs it.
    QElapsedTimer waited;
    waited.start();
    while (psql(QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE query = 'SELECT pg_sleep(60)' AND state = "
                               "'active'")) != u"1" &&
           waited.elapsed() < 10'000)
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    connection->cancel();
    query.join();
    CHECK(outcome.status == PgStatus::Cancelled);
    CHECK(elapsed.elapsed() < 15'000);
    // The connection is still there for the next query.
    const PgOutcome next = connection->query("SELECT 41 + 1");
    REQUIRE(next.status == PgStatus::Ok);
    CHECK(next.rows.integer(0, 0) == 42);
}

TEST_CASE("db: the live browser answers the newest request only", "[.db]")
{
    const Imported &scattered = importedTables().back();
    LiveBrowser browser(test::tableSource(scattered.table));
    QSignalSpy opened(&browser, &LiveBrowser::opened);
    QSignalSpy answered(&browser, &LiveBrowser::answered);
    QSignalSpy failed(&browser, &LiveBrowser::failed);
    REQUIRE(waitFor(opened, 1, 10'000));
    CHECK(opened.first().first().toLongLong() == scattered.store->size());
    const View kursk = views()[1];
    LiveRequest request;
    request.filter = kursk.filter;
    request.grid = SquareBinGrid{QPointF(kursk.filter.mercatorBoxM->left(), kursk.filter.mercatorBoxM->bottom()),
                                 2 * kursk.metresPerPixel};
    quint64 last = 0;
    for (int i = 0; i < 5; ++i) // a pan: five views in a row, each cancelling the one before
        last = browser.request(request);
    request.kind = LiveRequest::Kind::TimelineDensity;
    last = browser.request(request);
    REQUIRE(waitFor(answered, 1, 20'000));
    answered.wait(300); // nothing else comes
    CHECK(failed.isEmpty());
    REQUIRE(answered.size() == 1);
    const auto answer = answered.first().first().value<std::shared_ptr<const LiveAnswer>>();
    CHECK(answer->request == last);
    CHECK(answer->kind == LiveRequest::Kind::TimelineDensity);
    CHECK_FALSE(answer->timeline.empty());
    CHECK(browser.lastAnswer(LiveRequest::Kind::TimelineDensity) == answer);
}

TEST_CASE("db: a dropped connection is one message naming the database, and the last answer stays", "[.db]")
{
    const Imported &bundled = importedTables().front();
    // A password in the string, which the server (trust) does not ask for: never shown.
    const QString source =
        test::tableSource(bundled.table) + QStringLiteral(" password=secret application_name=dropped");
    LiveBrowser browser(source);
    QSignalSpy opened(&browser, &LiveBrowser::opened);
    QSignalSpy answered(&browser, &LiveBrowser::answered);
    QSignalSpy failed(&browser, &LiveBrowser::failed);
    REQUIRE(waitFor(opened, 1, 10'000));
    LiveRequest request;
    request.kind = LiveRequest::Kind::TimelineDensity;
    browser.request(request);
    REQUIRE(waitFor(answered, 1, 10'000));
    const auto kept = browser.lastAnswer(LiveRequest::Kind::TimelineDensity);
    REQUIRE(kept);

    CHECK(psql(QStringLiteral("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = "
                              "'dropped'")) == u"1");
    REQUIRE(waitFor(failed, 1, 5'000));
    failed.wait(500);
    REQUIRE(failed.size() == 1);
    const QString message = failed.first().first().toString();
    INFO(str(message));
    CHECK(message.contains(u"was lost"));
    CHECK(message.contains(u"dbname=chronomap_test"));
    CHECK(message.contains(u"password=***"));
    CHECK_FALSE(message.contains(u"secret"));
    CHECK(browser.lastAnswer(LiveRequest::Kind::TimelineDensity) == kept);

    // The next request reconnects.
    const quint64 again = browser.request(request);
    REQUIRE(waitFor(answered, 2, 10'000));
    CHECK(answered.last().first().value<std::shared_ptr<const LiveAnswer>>()->request == again);
}

TEST_CASE("db: another session's insert reaches the live browser within 5 s", "[.db]")
{
    const QString table = test::dropTable(QStringLiteral("live_notified"));
    REQUIRE(test::importFile(test::formatFile("acled_2023.csv"), table).exitCode == 0);
    LiveBrowser browser(test::tableSource(table));
    QSignalSpy opened(&browser, &LiveBrowser::opened);
    QSignalSpy changed(&browser, &LiveBrowser::tableChanged);
    REQUIRE(waitFor(opened, 1, 10'000));
    CHECK(changed.isEmpty());
    // A change to another table is not this one's.
    test::dropTable(QStringLiteral("live_other"));
    REQUIRE(test::importFile(test::formatFile("acled_2023.csv"), QStringLiteral("live_other")).exitCode == 0);
    psql(QStringLiteral("INSERT INTO live_other (id, start, title, category) VALUES ('x', '2025-08-20', 'x', 'x')"));
    QElapsedTimer elapsed;
    elapsed.start();
    psql(QStringLiteral("INSERT INTO %1 (id, start, title, category) VALUES ('added', '2025-08-20', 'Added by "
                        "another analyst', 'deployment')")
             .arg(table));
    REQUIRE(waitFor(changed, 1, 5'000));
    CHECK(elapsed.elapsed() < 5'000);
    changed.wait(300);
    CHECK(changed.size() == 1);
}
