// SPDX-License-Identifier: GPL-3.0-or-later
// The window on a real platform plugin: every other widget test runs on `offscreen`, which
// cannot show a missing xcb dependency, a window that never maps or input that never arrives.
// Run by CTest under xvfb-run with QT_QPA_PLATFORM=xcb (tests/CMakeLists.txt).
#include "core/data_paths.h"
#include "core/geo/region_index.h"
#include "widgets/main_window.h"
#include "widgets/map_view.h"
#include "widgets/region_panel.h"
#include "core/store/region_membership.h"
#include "window_loading.h"

#include <QGuiApplication>
#include <QTest>

#include <catch2/catch.hpp>

#include <algorithm>

using namespace chronomap;

TEST_CASE("On X11 the window maps, and a click on Kursk lists Kursk's events", "[.xcb]")
{
    REQUIRE(QGuiApplication::platformName() == QStringLiteral("xcb"));
    MainWindow window;
    window.resize(1400, 900);
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window, 10'000));
    REQUIRE(test::loadFiles(window, {DataPaths::bundledEvents()}));

    MapView *map = window.mapView();
    map->zoomToData();
    QTest::qWait(100); // let the X server deliver the expose of the new frame
    const auto dataset = window.viewState()->dataset();
    const int kursk = dataset->baseMap->regions->find(QStringLiteral("RU-KRS"));
    REQUIRE(kursk >= 0);

    // A synthetic press and release at Kursk's centre, delivered through the xcb window.
    QTest::mouseClick(map, Qt::LeftButton, {}, map->screenPosOf(QPointF(36.19, 51.73)).toPoint());
    CHECK(window.viewState()->selectedRegion() == kursk);

    EventStore::IndexList expected = dataset->membership->eventsIn(kursk);
    std::reverse(expected.begin(), expected.end());
    REQUIRE_FALSE(expected.empty());
    CHECK(window.regionPanel()->listedEvents() == expected);
}
