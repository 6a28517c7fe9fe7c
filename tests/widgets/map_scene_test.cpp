// SPDX-License-Identifier: GPL-3.0-or-later
// One map scene, one prepared dataset: the window and a snapshot draw the same map, and the
// dataset's geography is derived once per load, never per frame (issue 13).
#include "core/geo/region_index.h"
#include "core/store/event_store.h"
#include "core/view/view_state.h"
#include "render/prepared_dataset.h"
#include "render/snapshot/snapshot_composer.h"
#include "render/map/map_framing.h"
#include "widgets/main_window.h"
#include "widgets/map_view.h"

#include "../render/prepared_data.h"

#include <QPainter>
#include <QSignalSpy>
#include <QTest>

#include <malloc.h>

#include <catch2/catch.hpp>

using namespace chronomap;

namespace {

/// Share of pixels whose channels differ by more than `tolerance` (0–255).
double differingShare(const QImage &a, const QImage &b, int tolerance)
{
    REQUIRE(a.size() == b.size());
    qint64 differing = 0;
    for (int y = 0; y < a.height(); ++y)
        for (int x = 0; x < a.width(); ++x) {
            const QColor p = a.pixelColor(x, y), q = b.pixelColor(x, y);
            if (std::abs(p.red() - q.red()) > tolerance || std::abs(p.green() - q.green()) > tolerance ||
                std::abs(p.blue() - q.blue()) > tolerance)
                ++differing;
        }
    return double(differing) / double(a.width() * a.height());
}

/// Bytes the heap holds in use (glibc's count; what a cache kept after a paint adds to).
[[maybe_unused]] qint64 heapInUse()
{
    return qint64(mallinfo2().uordblks);
}

/// `n` point events spread over Eurasia, one per place.
[[maybe_unused]] std::shared_ptr<const EventStore> spreadEvents(int n)
{
    EventStoreBuilder builder;
    for (int i = 0; i < n; ++i) {
        Event e;
        e.id = QStringLiteral("e%1").arg(i);
        e.title.insert({}, QStringLiteral("Event"));
        e.when = *TimeSpan::parse(u"2024-06-19");
        e.category = i % 2 ? QStringLiteral("treaty") : QStringLiteral("deployment");
        e.geometryKind = GeometryKind::Point;
        e.geometry = {QGeoCoordinate(40.0 + (i % 211) * 0.1, 30.0 + (i / 211 % 479) * 0.2)};
        builder.add(e);
    }
    return builder.build();
}

} // namespace

TEST_CASE("The window's map and a snapshot's map are the same pixels: one scene paints both", "[widgets][render]")
{
    loadBundledFonts();
    const auto dataset = test::preparedBundledDataset();
    ViewState state;
    state.setDataset(dataset);
    state.setTimeWindow(TimeWindow{FuzzyDate::parse(u"2024")->startMs, FuzzyDate::parse(u"2025")->endExclusiveMs()});
    state.setSelectedRegion(dataset->baseMap->regions->find(QStringLiteral("RU-KRS")));

    // The snapshot's map area at 1600 x 900, and a window's map of exactly that size.
    SnapshotComposer composer(state, {});
    const QSize snapshotSize(1600, 900);
    const QRectF area = composer.mapAreaFor(QSizeF(snapshotSize));
    const QSize mapSize(qRound(area.width()), qRound(area.height())); // as SnapshotComposer::mapViewportFor
    MapView map(&state);
    map.resize(mapSize);
    map.show();
    REQUIRE(QTest::qWaitForWindowExposed(&map));
    map.setViewport(MapFraming::frameEvents(*dataset, nullptr, mapSize));
    map.repaint();
    const QImage window = map.grab().toImage().convertToFormat(QImage::Format_RGB32);

    composer.setMapViewport(map.viewport());
    QImage snapshot(snapshotSize, QImage::Format_RGB32);
    // Shifted by the fraction of a pixel the layout puts the map at, so that its pixels are the
    // window's pixels rather than resampled between them.
    const QPointF fraction = area.topLeft() - QPointF(std::floor(area.left()), std::floor(area.top()));
    {
        QPainter painter(&snapshot);
        painter.translate(-fraction);
        REQUIRE(composer.paint(painter, QSizeF(snapshotSize)));
    }
    // The map's frame in the snapshot (its 1-pixel border left out), against the same pixels of
    // the window.
    const QPoint mapOrigin(int(std::floor(area.left())), int(std::floor(area.top())));
    const QRect inside = QRect(mapOrigin, mapSize).adjusted(2, 2, -2, -2);
    const QImage fromSnapshot = snapshot.copy(inside);
    const QImage fromWindow = window.copy(inside.translated(-mapOrigin));
    const double share = differingShare(fromSnapshot, fromWindow, 24);
    if (qEnvironmentVariableIsSet("CHRONOMAP_TEST_DUMP")) {
        fromSnapshot.save(QStringLiteral("/tmp/scene-snapshot.png"));
        fromWindow.save(QStringLiteral("/tmp/scene-window.png"));
    }
    INFO("map pixels that differ: " << share * 100 << " %");
    CHECK(share < 0.0005);
    // And it is a map with events on it, not two blank areas.
    CHECK(differingShare(fromWindow, QImage(fromWindow.size(), QImage::Format_RGB32), 24) > 0.5);
}

TEST_CASE("The prepared dataset is built once per load, and painting keeps no per-event cache", "[widgets][render]")
{
    loadBundledFonts();
    MainWindow window;
    window.resize(1200, 800);
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    auto *map = window.findChild<MapView *>();
    REQUIRE(map);

    // Opening a file prepares its dataset once; the frames after it prepare nothing.
    QSignalSpy loaded(&window, &MainWindow::loadFinished);
    const int before = PreparedDataset::preparedCount();
    window.openFiles({test::sourcePath("geodata/events/russia-north-korea.geojson")});
    REQUIRE((loaded.count() > 0 || loaded.wait(30'000)));
    CHECK(PreparedDataset::preparedCount() == before + 1);
    for (int i = 0; i < 3; ++i) {
        map->setViewport(map->viewport()); // a fresh frame
        map->repaint();
        window.repaint();
    }
    (void)map->eventsAt(QPointF(300, 300)); // hit-testing reads the prepared dataset too
    CHECK(PreparedDataset::preparedCount() == before + 1);

#if defined(__SANITIZE_ADDRESS__)
    WARN("heap check left out: under AddressSanitizer the heap figures are ASan's own");
#else
    // 100,000 events: a cache of their map points alone would hold 1.6 MB after a frame.
    ViewState state;
    MapView view(&state);
    view.resize(400, 300);
    view.show();
    REQUIRE(QTest::qWaitForWindowExposed(&view));
    state.setDataset(PreparedDataset::make({QStringLiteral("warm-up")}, spreadEvents(50), test::bundledBaseMap()));
    view.repaint(); // fonts, sprites and the base map's images, made once
    const auto big = PreparedDataset::make({QStringLiteral("spread")}, spreadEvents(100'000), test::bundledBaseMap(),
                                           {}, PreparedDataset::of(state)->projectedBaseMap());
    state.setDataset(big);
    (void)state.visibleEvents(); // the filter's result is the view state's, not the painting's
    view.setViewport(view.viewport());
    // One frame (a second of the same state would keep the event layer's pan cache, an image).
    const qint64 heapBefore = heapInUse();
    view.repaint();
    const qint64 kept = heapInUse() - heapBefore;
    INFO("heap kept by a frame of 100,000 events: " << kept / 1024 << " KiB");
    CHECK(kept < 1024 * 1024);
#endif
}
