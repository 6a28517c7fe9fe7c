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
#include "render/timeline/time_step.h"
#include "widgets/app_settings.h"
#include "widgets/event_panel.h"
#include "widgets/filter_bar.h"
#include "widgets/live_session.h"
#include "widgets/main_window.h"
#include "widgets/map_view.h"
#include "widgets/problems_panel.h"
#include "widgets/region_panel.h"
#include "widgets/timeline_view.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QLineF>
#include <QLocale>
#include <QMenu>
#include <QTableView>
#include <QToolButton>
#include <QTreeWidget>
#include <QSettings>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

#include <catch2/catch.hpp>

#include <algorithm>
#include <limits>
#include <map>
#include <numeric>
#include <set>

using namespace chronomap;
using chronomap::test::psql;
using chronomap::test::str;

namespace {

/// `rows` point events around Kursk and Belgorod, each with a place and a day.
QString pointsCsv(const QTemporaryDir &dir, int rows)
{
    test::ScatteredPoints options;
    options.rows = rows;
    options.seed = 777;
    options.file = "live_window.csv";
    options.idPrefix = QStringLiteral("lw-");
    options.title = QStringLiteral("Live window event");
    options.varied = false;
    return test::scatteredPointsCsv(dir, options);
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
    // All the file's points in view (35–38.5° E, 50.3–52° N), whatever room the docks leave the map.
    MapView *map = window.mapView();
    const QRectF pointsM =
        QRectF(WebMercator::toMercatorM(QPointF(35.0, 52.0)), WebMercator::toMercatorM(QPointF(38.5, 50.3)))
            .normalized();
    const double metresPerPx =
        std::max({500.0, pointsM.width() / (map->width() - 40), pointsM.height() / (map->height() - 40)});
    map->setViewport(Viewport(pointsM.center(), metresPerPx, map->size()));
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

    // The timeline: the table's events per period (the unit its zoom asks for) and category,
    // all of them.
    REQUIRE(waitUntil([&] { return session->periodCounts() != nullptr; }, 20'000));
    std::map<QString, qint64> memoryLanes;
    for (EventStore::Index i = 0; i < loaded.store->size(); ++i)
        ++memoryLanes[loaded.store->category(i)];
    const auto lanesOf = [](const LiveSession &live) {
        std::map<QString, qint64> lanes;
        const TimeStep period{live.periodCountsUnit(), 1};
        for (const TimelinePeriodCount &p : *live.periodCounts()) {
            lanes[p.category] += p.count;
            CHECK(p.toMs == period.add(p.fromMs));
        }
        return lanes;
    };
    CHECK(lanesOf(*session) == memoryLanes);
    // Zoomed in to two months, the columns are days; out to ten years, months or years.
    TimelineView *timeline = window.timelineView();
    const auto utcMs = [](int y, int m) { return QDateTime(QDate(y, m, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch(); };
    timeline->setVisibleRange({utcMs(2024, 3), utcMs(2024, 5)});
    CHECK(session->timelineUnit() == TimeUnit::Day);
    REQUIRE(waitUntil([&] { return session->periodCountsUnit() == TimeUnit::Day; }, 20'000));
    std::set<std::pair<qint64, QString>> memoryDays; // the (day, category) pairs of the file
    for (EventStore::Index i = 0; i < loaded.store->size(); ++i)
        memoryDays.insert(
            {TimeStep{TimeUnit::Day, 1}.floor(loaded.store->when(i).earliestMs()), loaded.store->category(i)});
    CHECK(session->periodCounts()->size() == memoryDays.size());
    CHECK(lanesOf(*session) == memoryLanes);
    timeline->setVisibleRange({utcMs(2018, 1), utcMs(2028, 1)});
    CHECK(session->timelineUnit() == LiveSession::timelineUnitFor(timeline->axis().msPerPx()));
    CHECK(int(session->timelineUnit()) >= int(TimeUnit::Month));
    REQUIRE(waitUntil([&] { return session->periodCountsUnit() == session->timelineUnit(); }, 20'000));
    CHECK(lanesOf(*session) == memoryLanes);
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

    // Pages of 100: the region's first 100 events by date, and the heading says of how many.
    session->setPageSize(100);
    regionAnswered.clear();
    window.viewState()->setSelectedRegion(-1);
    window.viewState()->setSelectedRegion(belgorod);
    REQUIRE(waitUntil([&] { return !regionAnswered.isEmpty(); }, 20'000));
    const LiveEvents regionPage = session->regionEvents();
    REQUIRE(regionPage.store);
    CHECK(regionPage.store->size() == 100);
    CHECK(regionPage.total == memoryIds.size());
    INFO(str(window.regionPanel()->heading()));
    CHECK(window.regionPanel()->heading().contains(
        QStringLiteral("showing the first 100 of %1 event").arg(memoryIds.size())));
    CHECK(window.regionPanel()->listedEvents().size() == 100);
    qint64 latestOfPage = std::numeric_limits<qint64>::min();
    std::set<QString> pageIds;
    for (EventStore::Index i = 0; i < regionPage.store->size(); ++i) {
        pageIds.insert(regionPage.store->id(i));
        latestOfPage = std::max(latestOfPage, regionPage.store->when(i).earliestMs());
    }
    qint64 earliestAfter = std::numeric_limits<qint64>::max();
    for (EventStore::Index i : memoryRegion)
        if (!pageIds.count(loaded.store->id(i)))
            earliestAfter = std::min(earliestAfter, loaded.store->when(i).earliestMs());
    CHECK(latestOfPage <= earliestAfter); // the first by date
    for (const QString &id : pageIds)
        CHECK(memoryIds.contains(id));

    // A row of the region's list: the event panel shows that event, asked for by id.
    QTreeWidget *regionList = window.regionPanel()->list();
    QTreeWidgetItem *row = regionList->topLevelItem(3);
    REQUIRE(row);
    regionList->setCurrentItem(row);
    REQUIRE(waitUntil([&] { return session->selectedEvent() && session->selectedEvent()->size() == 1; }, 20'000));
    const EventStore::Index chosenInFile = loaded.store->findId(session->selectedEvent()->id(0));
    REQUIRE(chosenInFile >= 0);
    CHECK(window.eventPanel()->titleText() == row->text(1));
    CHECK(window.eventPanel()->titleText() == loaded.store->title(chosenInFile, window.viewState()->language()));

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
    // The "All events" table lists them, all of them.
    REQUIRE(waitUntil([&] { return session->viewEvents().store == map->liveEvents()->events; }, 20'000));
    CHECK(window.eventTable()->model()->rowCount() == inSmall);
    CHECK(window.eventTableNote() == QStringLiteral("%1 event(s) in view, from the database").arg(inSmall));

    // A click on a marker: the event panel shows the event there, asked for by id.
    const PreparedDataset &markers = *map->liveEvents();
    const QPointF centre(map->width() / 2.0, map->height() / 2.0);
    map->repaint(); // the frame the user clicks on
    REQUIRE_FALSE(map->liveHits().markers.empty());
    MapHits::Marker marker = map->liveHits().markers.front(); // a copy: the next frame draws anew
    for (const MapHits::Marker &m : map->liveHits().markers)
        if (QLineF(m.px, centre).length() < QLineF(marker.px, centre).length()) marker = m;
    session->selectEvent(QString());
    QTest::mouseClick(map, Qt::LeftButton, {}, marker.px.toPoint());
    REQUIRE(waitUntil([&] { return session->selectedEvent() && session->selectedEvent()->size() == 1; }, 20'000));
    // The marker's newest event, as a click on a marker in memory picks.
    CHECK(session->selectedEvent()->id(0) == markers.events->id(marker.first));
    const EventStore::Index clicked = loaded.store->findId(session->selectedEvent()->id(0));
    REQUIRE(clicked >= 0);
    CHECK(window.eventPanel()->titleText() == loaded.store->title(clicked, window.viewState()->language()));
    // The map rings the chosen event where it is, and no longer once none is chosen.
    map->repaint();
    REQUIRE(map->liveChosenEvent());
    const QPointF clickedPx = map->viewport().mercatorToScreen().map(prepared->pointsMercator()[size_t(clicked)]);
    const auto ringedAt = [&](QPointF px) {
        const auto &rings = map->liveChosenHits().selectionPx;
        return std::any_of(rings.begin(), rings.end(), [&](QPointF c) { return QLineF(c, px).length() < 0.5; });
    };
    CHECK(ringedAt(clickedPx));
    session->selectEvent(QString());
    map->repaint();
    CHECK(map->liveChosenHits().selectionPx.empty());
    // A row of the table: the same.
    window.eventTable()->selectRow(2);
    const QString rowId = session->viewEvents().store->id(2);
    REQUIRE(waitUntil([&] { return session->selectedEvent() && session->selectedEvent()->id(0) == rowId; }, 20'000));
    CHECK(window.eventPanel()->titleText() == session->viewEvents().store->title(2, window.viewState()->language()));

    map->setViewport(kursk);
    map->repaint();
    REQUIRE(waitUntil([&] { return binsOfView(*session, *map); }, 20'000));
    map->repaint();
    CHECK(ringedAt(map->viewport().mercatorToScreen().map(
        prepared->pointsMercator()[size_t(loaded.store->findId(rowId))]))); // over the bins too

    // Too many for markers: the table lists the first page of the view's events by date and
    // says of how many.
    const QRectF kurskRect = map->viewport().visibleMercatorRect();
    qint64 inKursk = 0;
    for (EventStore::Index i : memoryState.visibleEvents())
        inKursk += kurskRect.contains(prepared->pointsMercator()[size_t(i)]);
    REQUIRE(waitUntil([&] { return session->viewEvents().total > 100; }, 20'000));
    CHECK(session->viewEvents().total == inKursk);
    CHECK(window.eventTable()->model()->rowCount() == 100);
    INFO(str(window.eventTableNote()));
    CHECK(window.eventTableNote().remove(u',').contains(QStringLiteral("the first 100 of %1").arg(inKursk)));

    // The filter bar's categories are the table's; hiding one goes to SQL.
    auto *filterBar = window.findChild<FilterBar *>();
    REQUIRE(filterBar);
    REQUIRE(waitUntil([&] { return session->categories().size() == 3; }, 20'000));
    QStringList listed;
    QAction *strike = nullptr;
    for (QAction *a : filterBar->categoryMenu()->actions())
        if (a->isCheckable()) {
            listed << a->data().toString();
            if (a->data().toString() == u"strike") strike = a;
        }
    listed.sort();
    CHECK(listed == QStringList{QStringLiteral("deployment"), QStringLiteral("diplomacy"), QStringLiteral("strike")});
    REQUIRE(strike);
    // Confidence and provenance go to SQL too: the menu lists the table's provenances (its rows
    // give none).
    CHECK(filterBar->filterButton()->isEnabled());
    CHECK(session->provenances() == QStringList{QString()});
    QAction *unknownConfidence = nullptr;
    int provenanceEntries = 0;
    for (QAction *a : filterBar->filterMenu()->actions()) {
        if (!a->isCheckable()) continue;
        if (a->data().typeId() == QMetaType::Int && a->data().toInt() == int(Confidence::Unknown))
            unknownConfidence = a;
        provenanceEntries += a->data().typeId() == QMetaType::QString;
    }
    CHECK(provenanceEntries == 1);
    REQUIRE(unknownConfidence);
    // Nor are the map styles and the choropleth drawn: disabled, saying why.
    auto *styles = window.findChild<QMenu *>(QStringLiteral("mapStyles"));
    REQUIRE(styles);
    CHECK_FALSE(styles->menuAction()->isEnabled());
    CHECK(styles->menuAction()->toolTip().contains(QStringLiteral("browsed live")));
    const quint64 allBins = total(*session->density());
    strike->trigger();
    CHECK(window.viewState()->hiddenCategories() == QSet<QString>{QStringLiteral("strike")});
    // Two thirds of the view's events: few enough for markers, those of the file.
    REQUIRE(waitUntil([&] { return map->liveEvents() && !map->liveDensity(); }, 20'000));
    memoryState.setHiddenCategories({QStringLiteral("strike")});
    qint64 shownInKursk = 0;
    for (EventStore::Index i : memoryState.visibleEvents())
        shownInKursk += kurskRect.contains(prepared->pointsMercator()[size_t(i)]);
    CHECK(map->liveEvents()->events->size() == shownInKursk);
    CHECK_FALSE(map->liveEvents()->events->categories().contains(QStringLiteral("strike")));
    CHECK(filterBar->categoryButton()->text() == QStringLiteral("Categories (1 hidden)"));
    map->repaint(); // the legend keeps it, greyed, to bring it back
    CHECK(std::any_of(map->legendHits().entries.begin(), map->legendHits().entries.end(),
                      [](const LegendHits::Entry &e) { return e.category == u"strike" && e.hidden; }));
    if (const QString shots = qEnvironmentVariable("CHRONOMAP_TEST_SHOTS"); !shots.isEmpty())
        window.grab().toImage().save(shots + QStringLiteral("/live_window_event.png"));
    strike->trigger();
    memoryState.setHiddenCategories({});
    REQUIRE(waitUntil([&] { return binsOfView(*session, *map) && total(*session->density()) == allBins; }, 20'000));
    // Hiding the records that give no confidence (all of them here) leaves none in view.
    unknownConfidence->trigger();
    CHECK(window.viewState()->hiddenConfidences() == QSet<Confidence>{Confidence::Unknown});
    REQUIRE(waitUntil([&] { return map->liveEvents() && map->liveEvents()->events->isEmpty(); }, 20'000));
    CHECK(filterBar->filterButton()->text() == QStringLiteral("Confidence && provenance (1 hidden)"));
    unknownConfidence->trigger();
    REQUIRE(waitUntil([&] { return binsOfView(*session, *map) && total(*session->density()) == allBins; }, 20'000));

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
