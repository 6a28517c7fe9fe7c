// SPDX-License-Identifier: GPL-3.0-or-later
// A click on a cluster of the real window's map lists exactly its events in the Region panel,
// which offers to zoom to them.
#include "render/map/map_marks_clusterer.h"
#include "widgets/main_window.h"
#include "widgets/map_view.h"
#include "widgets/region_panel.h"

#include "../render/synthetic_marks.h"

#include <QPushButton>
#include <QTest>

#include <catch2/catch.hpp>

#include <set>

using namespace chronomap;

TEST_CASE("Clicking a cluster lists exactly its events in the Region panel and offers to zoom to them", "[widgets]")
{
    MainWindow window;
    window.resize(1400, 900);
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    ViewState &state = *window.viewState();
    state.setDataset(test::uniformEvents(20'000));
    state.setMarkStyle(MarkStyle::Clusters);
    MapView &map = *window.mapView();
    map.zoomToData();
    map.repaint();

    // The clusters as the map drew them: the one nearest the view's centre, by a fresh drawing.
    const PreparedDataset &data = *PreparedDataset::of(state);
    const MapMarksClusterer::Result drawn = MapMarksClusterer::cluster(MapFrame{data, state, map.viewport()});
    REQUIRE(drawn.clusters.size() > 10);
    const QPointF centre(map.width() / 2.0, map.height() / 2.0);
    const MarkGroup *target = nullptr;
    for (const MarkGroup &g : drawn.clusters)
        if (g.count > 1 && (!target || QLineF(g.px, centre).length() < QLineF(target->px, centre).length()))
            target = &g;
    REQUIRE(target);

    QTest::mouseClick(&map, Qt::LeftButton, {}, target->px.toPoint());
    RegionPanel &panel = *window.regionPanel();
    CHECK(panel.listedEvents() == target->events);
    // "142 events in this cluster" (the English plural forms when loaded).
    CHECK(panel.heading() ==
          QCoreApplication::translate("chronomap::RegionPanel", "%n event(s) in this cluster", nullptr, target->count));
    CHECK(panel.heading().startsWith(QString::number(target->count) + u' '));
    CHECK(state.selectedEvent() == -1);
    // Exactly its events: as many as the circle's count, each once, newest first.
    const EventStore::IndexList listed = panel.listedEvents();
    CHECK(int(listed.size()) == target->count);
    CHECK(std::set<EventStore::Index>(listed.begin(), listed.end()).size() == listed.size());
    CHECK(std::is_sorted(listed.rbegin(), listed.rend()));

    // "Zoom to them" frames the cluster's events: the map zooms in and shows every one.
    REQUIRE(panel.zoomButton()->isVisible());
    const double before = map.viewport().metresPerPixel();
    QTest::mouseClick(panel.zoomButton(), Qt::LeftButton);
    CHECK(map.viewport().metresPerPixel() < before);
    for (EventStore::Index i : listed)
        CHECK(map.isOnScreen(i));

    // Picking a region brings the panel back to the region's events.
    state.setSelectedRegion(0);
    CHECK_FALSE(panel.zoomButton()->isVisible());
}
