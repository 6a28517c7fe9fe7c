// SPDX-License-Identifier: GPL-3.0-or-later
// A large table browsed live in the window (issue 21): a table over the threshold opens a
// LiveSession instead of loading; the map paints the database's bins, equal to the in-memory
// density of the same data; a region click lists the database's events; another session's
// insert refreshes the view; a dropped connection keeps the picture and says why. Against the
// real server of tests/db/with-postgis.sh ([.db], label `db`), real widgets offscreen.
#include "test_database.h"

#include "../qt_string_maker.h"
#include "../test_files.h"
#include "../widgets/window_loading.h"

#include "core/geo/region_index.h"
#include "core/io/event_loader.h"
#include "core/store/event_filter.h"
#include "render/map/marker_layer.h"
#include "render/map/web_mercator.h"
#include "widgets/app_settings.h"
#include "widgets/live_session.h"
#include "widgets/main_window.h"
#include "widgets/map_view.h"
#include "widgets/problems_panel.h"
#include "widgets/region_panel.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QLocale>
#include <QSettings>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <numeric>
#include <set>

using namespace chronomap;
using chronomap::test::psql;
using chronomap::test::str;

namespace {

/// `rows` point events around Kursk and Belgorod at pseudo-random places, of three categories,
/// dated by day over 2022–2025.
QString pointsCsv(const QTemporaryDir &dir, int rows)
{
    QByteArray csv = "id,date,lat,lon,title,category\n";
    quint32 seed = 777;
    const auto next = [&seed] {
        seed = seed * 1664525u + 1013904223u;
        return double(seed >> 8) / double(1u << 24);
    };
    const char *categories[] = {"deployment", "strike", "diplomacy"};
    for (int i = 0; i < rows; ++i)
        csv += QStringLiteral("lw-%1,%2-%3-%4,%5,%6,Live window event %1,%7\n")
                   .arg(i)
                   .arg(2022 + i % 4)
                   .arg(1 + i % 12, 2, 10, QLatin1Char('0'))
                   .arg(1 + i % 28, 2, 10, QLatin1Char('0'))
                   .arg(QString::number(50.3 + 1.7 * next(), 'f', 6), QString::number(35.0 + 3.5 * next(), 'f', 6),
                        QLatin1String(categories[i % 3]))
                   .toUtf8();
    return test::writeFile(dir, "live_window.csv", csv);
}

/// Waits, handling events, until `done()` or `ms` passed.
template<typename Done> bool waitUntil(Done done, int ms)
{
    QElapsedTimer waited;
    waited.start();
    while (!done() && waited.elapsed() < ms)
        QTest::qWait(20);
    return done();
}

/// Whether the session's bins are those of the map's current view.
bool binsOfView(const LiveSession &session, const MapView &map)
{
    const auto density = session.density();
    const DensityCounts view = DensityCounts::forViewport(map.viewport());
    return density && density->grid.northWestM == view.grid.northWestM && density->grid.cellM == view.grid.cellM &&
           density->firstCell == view.firstCell && density->columns == view.columns && density->rows == view.rows;
}

quint64 total(const DensityCounts &d)
{
    return std::accumulate(d.counts.begin(), d.counts.end(), quint64(0));
}

/// Sets the threshold for one test: the environment variable the README documents.
struct Threshold {
    explicit Threshold(qint64 rows) { qputenv("CHRONOMAP_MAX_DATABASE_ROWS", QByteArray::number(rows)); }
    ~Threshold() { qunsetenv("CHRONOMAP_MAX_DATABASE_ROWS"); }
};

} // namespace

TEST_CASE("db: a table over the threshold is browsed live in the window", "[.db]")
{
    QTemporaryDir settingsDir;
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settingsDir.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settingsDir.path());
    QTemporaryDir dir;
    const QString file = pointsCsv(dir, 3000);
    const QString table = test::dropTable(QStringLiteral("live_window"));
    const test::Run imported = test::importFile(file, table);
    INFO(str(imported.err));
    REQUIRE(imported.exitCode == 0);
    const Threshold threshold(1000);
    REQUIRE(LiveSession::threshold() == 1000);

    MainWindow window;
    window.restoreSettings(std::make_unique<AppSettings>());
    window.resize(1200, 800);
    window.show();
    const QString source = test::tableSource(table) + QStringLiteral(" application_name=live_window");
    REQUIRE(test::loadFiles(window, {source}));

    // Live mode: nothing loaded, the status bar says where the events are.
    LiveSession *session = window.liveSession();
    REQUIRE(session);
    CHECK(session->rows() == 3000);
    CHECK(window.store()->isEmpty());
    // "row(s)" without the English plural forms loaded
    CHECK(window.countText().startsWith(QStringLiteral("Live from database: %1 row").arg(QLocale().toString(3000))));

    // Kursk–Belgorod: the map paints the database's bins, cell for cell the in-memory density.
    MapView *map = window.mapView();
    map->setViewport(Viewport(WebMercator::toMercatorM(QPointF(36.6, 51.1)), 500, map->size()));
    map->repaint();
    REQUIRE(waitUntil([&] { return binsOfView(*session, *map); }, 20'000));
    const LoadResult loaded = EventLoader::load(file);
    REQUIRE_FALSE(loaded.hasFatal());
    ViewState memoryState;
    const auto baseMap = window.viewState()->dataset()->baseMap;
    REQUIRE(baseMap);
    auto prepared = PreparedDataset::make({file}, loaded.store, baseMap);
    memoryState.setDataset(prepared);
    memoryState.setTimeWindow(window.viewState()->timeWindow());
    const DensityCounts memory = MarkerLayer::countDensity(MapFrame{*prepared, memoryState, map->viewport()});
    const auto live = session->density();
    INFO("map " << map->width() << "x" << map->height() << " px");
    CHECK(total(memory) > 2500); // the view holds most of the events
    CHECK(total(*live) == total(memory));
    CHECK(live->counts == memory.counts);
    // The legend lists the view's categories as the database counted them, not "no events".
    map->repaint();
    std::set<QString> legendCategories;
    for (const LegendHits::Entry &entry : map->legendHits().entries)
        legendCategories.insert(entry.category);
    CHECK(legendCategories ==
          std::set<QString>{QStringLiteral("deployment"), QStringLiteral("strike"), QStringLiteral("diplomacy")});

    // The timeline: the table's events per month and category, all of them.
    REQUIRE(waitUntil([&] { return session->periodCounts() != nullptr; }, 20'000));
    std::map<QString, qint64> liveLanes, memoryLanes;
    for (const TimelinePeriodCount &p : *session->periodCounts()) {
        liveLanes[p.category] += p.count;
        CHECK(QDateTime::fromMSecsSinceEpoch(p.toMs, Qt::UTC) ==
              QDateTime::fromMSecsSinceEpoch(p.fromMs, Qt::UTC).addMonths(1));
    }
    for (EventStore::Index i = 0; i < loaded.store->size(); ++i)
        ++memoryLanes[loaded.store->category(i)];
    CHECK(liveLanes == memoryLanes);
    QTest::qWait(50); // the timeline repaints

    // The picture: bins in the heat ramp's colours over the base map.
    const QImage shot = window.grab().toImage();
    if (const QString shots = qEnvironmentVariable("CHRONOMAP_TEST_SHOTS"); !shots.isEmpty())
        shot.save(shots + QStringLiteral("/live_window.png"));
    const QImage mapShot = map->grab().toImage();
    const QColor ramp = MapStyle::standard().choroplethRamp[4];
    int heatPixels = 0;
    for (int y = 0; y < mapShot.height(); y += 2)
        for (int x = 0; x < mapShot.width(); x += 2)
            if (const QColor c = mapShot.pixelColor(x, y); std::abs(c.red() - ramp.red()) < 40 &&
                                                           std::abs(c.green() - ramp.green()) < 40 &&
                                                           std::abs(c.blue() - ramp.blue()) < 40)
                ++heatPixels;
    CHECK(heatPixels > 0);

    // A click on Belgorod oblast lists its events from the database, those of the file.
    const int belgorod = baseMap->regions->find(QStringLiteral("RU-BEL"));
    REQUIRE(belgorod >= 0);
    QSignalSpy regionAnswered(session, &LiveSession::regionEventsChanged);
    QTest::mouseClick(map, Qt::LeftButton, {}, map->screenPosOf(QPointF(37.5, 50.7)).toPoint());
    REQUIRE(window.viewState()->selectedRegion() == belgorod);
    REQUIRE(waitUntil([&] { return !regionAnswered.isEmpty(); }, 20'000));
    const auto liveRegion = session->regionEvents().store;
    REQUIRE(liveRegion);
    const Dataset memoryDataset({file}, loaded.store, baseMap);
    EventFilter filter = memoryState.filter();
    filter.regionIndex = belgorod;
    const EventStore::IndexList memoryRegion = filter.apply(*loaded.store, memoryDataset.membership.get());
    QStringList liveIds, memoryIds;
    for (EventStore::Index i = 0; i < liveRegion->size(); ++i)
        liveIds << liveRegion->id(i);
    for (EventStore::Index i : memoryRegion)
        memoryIds << loaded.store->id(i);
    liveIds.sort();
    memoryIds.sort();
    CHECK(memoryIds.size() > 100);
    CHECK(liveIds == memoryIds);
    CHECK(qsizetype(window.regionPanel()->listedEvents().size()) == memoryIds.size());
    CHECK(window.regionPanel()->heading().contains(QStringLiteral("RU-BEL")));

    // A small view: its events as markers, the file's events in that view.
    const Viewport kursk = map->viewport();
    map->setViewport(Viewport(WebMercator::toMercatorM(QPointF(36.6, 51.1)), 40, map->size()));
    map->repaint();
    REQUIRE(waitUntil([&] { return map->liveEvents() && !map->liveDensity(); }, 20'000));
    const QRectF small = map->viewport().visibleMercatorRect();
    qsizetype inSmall = 0;
    for (EventStore::Index i : memoryState.visibleEvents())
        inSmall += small.contains(prepared->pointsMercator()[size_t(i)]);
    CHECK(inSmall > 0);
    CHECK(map->liveEvents()->events->size() == inSmall);
    map->setViewport(kursk);
    map->repaint();
    REQUIRE(waitUntil([&] { return binsOfView(*session, *map); }, 20'000));

    // Another analyst adds an event in view: the bins follow within 5 s.
    const quint64 before = total(*session->density());
    QElapsedTimer notified;
    notified.start();
    psql(QStringLiteral("INSERT INTO %1 (id, \"start\", title, category, geom) VALUES ('added', '2025-08-20', "
                        "'Added by another analyst', 'strike', ST_SetSRID(ST_MakePoint(36.6, 51.1), 4326))")
             .arg(table));
    CHECK(waitUntil([&] { return total(*session->density()) == before + 1; }, 5'000));
    INFO("refreshed after " << notified.elapsed() << " ms");

    // The connection dropped: a Problems entry and the status bar say so; the bins stay.
    const auto kept = session->density();
    const QImage beforeDrop = map->grab().toImage();
    const int problemsBefore = window.problemsPanel()->topLevelItemCount();
    CHECK(psql(QStringLiteral("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = "
                              "'live_window'")) == u"1");
    REQUIRE(waitUntil([&] { return window.problemsPanel()->topLevelItemCount() > problemsBefore; }, 10'000));
    const QString problem = window.problemsPanel()->topLevelItem(problemsBefore)->text(4);
    INFO(str(problem));
    CHECK(problem.contains(u"was lost"));
    CHECK(window.statusBar()->currentMessage().contains(u"was lost"));
    CHECK(session->density() == kept);
    CHECK(map->grab().toImage() == beforeDrop); // the same view, the same bins, drawn as before
}
