// SPDX-License-Identifier: GPL-3.0-or-later
#include "render/category_style.h"
#include "core/geo/region_index.h"
#include "widgets/map_view.h"
#include "widgets/region_panel.h"
#include "core/store/region_membership.h"
#include "render/map/web_mercator.h"

#include "../render/prepared_data.h"

#include <QGeoCoordinate>
#include <optional>
#include <QSignalSpy>
#include <QTest>
#include <QTreeWidget>

#include "../qt_string_maker.h"

#include <catch2/catch.hpp>

using namespace chronomap;

TEST_CASE("Clicking Kursk on a real map lists Kursk's events, clicking the Kim-Putin arc selects the call", "[widgets]")
{
    ViewState state;
    MapView map(&state);
    RegionPanel panel(&state);
    map.resize(1200, 800);
    map.show();
    REQUIRE(QTest::qWaitForWindowExposed(&map));
    state.setDataset(test::preparedBundledDataset());
    map.zoomToData();
    map.repaint();

    const auto dataset = state.dataset();
    const auto &regions = *dataset->baseMap->regions;
    const int kursk = regions.find(QStringLiteral("RU-KRS"));
    REQUIRE(kursk >= 0);
    QSignalSpy regionSpy(&state, &ViewState::selectedRegionChanged);

    const QPoint kurskPx = map.screenPosOf(QPointF(36.19, 51.73)).toPoint();
    QTest::mouseClick(&map, Qt::LeftButton, {}, kurskPx);
    CHECK(state.selectedRegion() == kursk);
    CHECK(regionSpy.count() >= 1);

    // The panel lists the region's events, newest first, as the core computes them.
    EventStore::IndexList expected = dataset->membership->eventsIn(kursk);
    std::reverse(expected.begin(), expected.end());
    CHECK(panel.listedEvents() == expected);
    QSet<QString> categories;
    for (EventStore::Index i : panel.listedEvents())
        categories.insert(dataset->events->category(i));
    CHECK(categories.contains(QStringLiteral("deployment")));
    CHECK(categories.contains(QStringLiteral("labour-dispatch")));
    CHECK(panel.list()->topLevelItemCount() == int(expected.size()));

    // Halfway along the great circle from Pyongyang to Moscow lies the call's arc. The visits
    // between the capitals draw their arcs along the same circle: a search leaves the call alone.
    const EventStore::Index call = test::kimPutinCall(*dataset->events);
    REQUIRE(call >= 0);
    state.setSearchText(QStringLiteral("phone"));
    map.repaint();
    const QGeoCoordinate pyongyang(39.03, 125.75), moscow(55.75, 37.62);
    const QGeoCoordinate middle =
        pyongyang.atDistanceAndAzimuth(pyongyang.distanceTo(moscow) / 2, pyongyang.azimuthTo(moscow));
    QTest::mouseClick(&map, Qt::LeftButton, {},
                      map.screenPosOf(QPointF(middle.longitude(), middle.latitude())).toPoint());
    CHECK(state.selectedEvent() == call);

    QTest::keyClick(&map, Qt::Key_Escape);
    CHECK(state.selectedEvent() == -1);
}

TEST_CASE("Dragging pans and the wheel zooms about the cursor", "[widgets]")
{
    ViewState state;
    MapView map(&state);
    map.resize(900, 600);
    map.show();
    REQUIRE(QTest::qWaitForWindowExposed(&map));
    state.setDataset(test::preparedBundledDataset());
    map.zoomToData();
    const QPointF kyiv(30.52, 50.45);
    const QPointF before = map.screenPosOf(kyiv);
    QTest::mousePress(&map, Qt::LeftButton, {}, QPoint(400, 300));
    QTest::mouseMove(&map, QPoint(450, 320));
    QTest::mouseMove(&map, QPoint(500, 340));
    QTest::mouseRelease(&map, Qt::LeftButton, {}, QPoint(500, 340));
    CHECK(map.screenPosOf(kyiv).x() == Approx(before.x() + 100).margin(0.5));
    CHECK(map.screenPosOf(kyiv).y() == Approx(before.y() + 40).margin(0.5));

    const double scale = map.viewport().metresPerPixel();
    QTest::keyClick(&map, Qt::Key_Plus);
    CHECK(map.viewport().metresPerPixel() < scale);
    QTest::keyClick(&map, Qt::Key_Minus);
    CHECK(map.viewport().metresPerPixel() == Approx(scale));
}

namespace {

/// Share of the pixels that differ between two images of one size, inside the focus frame
/// (labels cut by the edge may still differ: a cache with a margin draws them whole).
double differingShare(const QImage &a, const QImage &b)
{
    REQUIRE(a.size() == b.size());
    const QRect inside = a.rect().adjusted(3, 3, -3, -3);
    const QImage x = a.copy(inside).convertToFormat(QImage::Format_RGB32),
                 y = b.copy(inside).convertToFormat(QImage::Format_RGB32);
    qint64 differing = 0;
    for (int row = 0; row < x.height(); ++row) {
        const auto *p = reinterpret_cast<const QRgb *>(x.constScanLine(row));
        const auto *q = reinterpret_cast<const QRgb *>(y.constScanLine(row));
        for (int col = 0; col < x.width(); ++col)
            differing += p[col] != q[col];
    }
    return double(differing) / (double(x.width()) * x.height());
}

/// Pixels painted in a category's own colour: the markers' fills (and arcs). A pan that lost or
/// doubled a marker changes this count, however small the marker's share of the view.
qint64 markerPixels(const QImage &image)
{
    QSet<QRgb> colours;
    const EventStore &events = *test::preparedBundledDataset()->events;
    for (EventStore::Index i = 0; i < events.size(); ++i)
        colours.insert(CategoryStyle::color(events.category(i)).rgb());
    const QImage x = image.copy(image.rect().adjusted(3, 3, -3, -3)).convertToFormat(QImage::Format_RGB32);
    qint64 count = 0;
    for (int row = 0; row < x.height(); ++row) {
        const auto *p = reinterpret_cast<const QRgb *>(x.constScanLine(row));
        for (int col = 0; col < x.width(); ++col)
            count += colours.contains(p[col] | 0xff000000u);
    }
    return count;
}

/// The pan left the same map as a fresh drawing: the same marker pixels, and the same picture but
/// for antialiased edges where the base map's margin was drawn at another sub-pixel offset.
void checkSameMap(const QImage &panned, const QImage &fresh)
{
    const qint64 pannedMarkers = markerPixels(panned), freshMarkers = markerPixels(fresh);
    INFO("marker pixels: panned " << pannedMarkers << ", fresh " << freshMarkers);
    CHECK(freshMarkers > 0);
    CHECK(pannedMarkers == freshMarkers);
    CHECK(differingShare(panned, fresh) < 0.02);
}

/// A MapView of `size` shown on `dataset`, framed on its data or at `viewport`, and painted.
struct ShownMap {
    ShownMap(std::shared_ptr<const Dataset> dataset, QSize size, std::optional<Viewport> viewport = {}) : map(&state)
    {
        map.resize(size);
        map.show();
        REQUIRE(QTest::qWaitForWindowExposed(&map));
        state.setDataset(std::move(dataset));
        if (viewport) {
            map.setViewport(*viewport);
            REQUIRE(map.viewport() == *viewport);
        } else {
            map.zoomToData();
        }
        map.repaint();
    }
    ViewState state;
    MapView map;
};

QImage freshMapAt(const ViewState &state, const Viewport &viewport, QSize size)
{
    return ShownMap(state.dataset(), size, viewport).map.grab().toImage();
}

void drag(MapView &map, QPoint from, QPoint to)
{
    QTest::mousePress(&map, Qt::LeftButton, {}, from);
    QTest::mouseMove(&map, (from + to) / 2);
    QTest::mouseMove(&map, to);
    QTest::mouseRelease(&map, Qt::LeftButton, {}, to);
}

} // namespace

TEST_CASE("A zoom draws the view alone, the margin comes once zooming pauses, and pans show the same map", "[widgets]")
{
    ShownMap shown(test::preparedBundledDataset(), QSize(900, 600));
    ViewState &state = shown.state;
    MapView &map = shown.map;

    // A pan straight after a zoom: the base map has no margin yet and is drawn again.
    QTest::keyClick(&map, Qt::Key_Plus);
    map.repaint();
    drag(map, QPoint(400, 300), QPoint(440, 330));
    checkSameMap(map.grab().toImage(), freshMapAt(state, map.viewport(), map.size()));

    // A pan after a pause: blitted from the margin drawn meanwhile.
    QTest::keyClick(&map, Qt::Key_Plus);
    map.repaint();
    QTest::qWait(400);
    drag(map, QPoint(400, 300), QPoint(350, 280));
    const QImage panned = map.grab().toImage();
    checkSameMap(panned, freshMapAt(state, map.viewport(), map.size()));
    // A pan that drew the wrong part would differ almost everywhere.
    drag(map, QPoint(400, 300), QPoint(300, 300));
    CHECK(differingShare(panned, map.grab().toImage()) > 0.2);
}

TEST_CASE("A pan across the antimeridian shows the same map as a fresh view there", "[widgets]")
{
    // Chukotka and the Aleutians, the view's centre just west of 180°.
    const Viewport chukotka(WebMercator::toMercatorM(QPointF(179.8, 64.0)), 2000, QSize(900, 600));
    ShownMap shown(test::preparedBundledDataset(), QSize(900, 600), chukotka);
    MapView &map = shown.map;
    QTest::qWait(400);                             // the panning margin is drawn
    drag(map, QPoint(500, 300), QPoint(420, 300)); // eastwards across 180°: the centre wraps
    REQUIRE(map.viewport().centreMercatorM().x() < 0);
    checkSameMap(map.grab().toImage(), freshMapAt(shown.state, map.viewport(), map.size()));
}

TEST_CASE("After a pan served from the cached event layer, markers answer as on a freshly drawn map", "[widgets]")
{
    ShownMap shown(test::preparedBundledDataset(), QSize(900, 600));
    ViewState &state = shown.state;
    MapView &map = shown.map;
    QTest::mousePress(&map, Qt::LeftButton, {}, QPoint(400, 300));
    QTest::mouseMove(&map, QPoint(440, 320));
    QTest::mouseMove(&map, QPoint(470, 345));
    QTest::mouseRelease(&map, Qt::LeftButton, {}, QPoint(470, 345));
    map.repaint(); // makes the event layer
    QTest::mousePress(&map, Qt::LeftButton, {}, QPoint(470, 345));
    QTest::mouseMove(&map, QPoint(430, 330));
    QTest::mouseMove(&map, QPoint(410, 300));
    QTest::mouseRelease(&map, Qt::LeftButton, {}, QPoint(410, 300));
    map.repaint(); // blits it at an offset

    ShownMap freshMap(state.dataset(), map.size(), map.viewport());
    const MapView &fresh = freshMap.map;

    const EventStore &store = *state.dataset()->events;
    const QRectF inside = QRectF(map.rect()).adjusted(30, 30, -30, -30);
    QPoint marker;
    int answered = 0;
    for (EventStore::Index i = 0; i < store.size(); ++i) {
        if (store.geometryKind(i) != GeometryKind::Point || store.locationPrecision(i) == LocationPrecision::Region)
            continue;
        const QPointF px = map.screenPosOf(QPointF(store.lonDeg(i), store.latDeg(i)));
        if (!inside.contains(px) || !map.legendHits().categoryAt(px).isEmpty()) continue;
        const auto events = map.eventsAt(px);
        CHECK(events == fresh.eventsAt(px));
        if (!events.empty()) {
            ++answered;
            marker = px.toPoint();
        }
    }
    REQUIRE(answered > 0);
    const auto expected = fresh.eventsAt(marker);
    REQUIRE_FALSE(expected.empty());
    QTest::mouseClick(&map, Qt::LeftButton, {}, marker);
    CHECK(state.selectedEvent() == expected.front());
}
