// SPDX-License-Identifier: GPL-3.0-or-later
#include "render/map/viewport.h"
#include "render/map/web_mercator.h"

#include "../qt_string_maker.h"

#include <catch2/catch.hpp>

using namespace chronomap;

TEST_CASE("Web Mercator round trips", "[geo]")
{
    const auto [lon, lat] = GENERATE(table<double, double>({{0, 0},
                                                            {36.19, 51.73},
                                                            {125.75, 39.03},
                                                            {-149.9, 61.22},
                                                            {179.99, 66.0},
                                                            {-179.99, -45.0},
                                                            {10, 85.0},
                                                            {-70, -85.0}}));
    const QPointF m = WebMercator::toMercatorM({lon, lat});
    const QPointF back = WebMercator::toLonLatDeg(m);
    CHECK(back.x() == Approx(lon).margin(1e-9));
    CHECK(back.y() == Approx(lat).margin(1e-9));
}

TEST_CASE("Web Mercator known values", "[geo]")
{
    CHECK(WebMercator::toMercatorM({180, 0}).x() == Approx(WebMercator::kWorldWidthM / 2));
    // EPSG:3857 of Moscow (37.62 E, 55.75 N) as PROJ gives it.
    const QPointF moscow = WebMercator::toMercatorM({37.62, 55.75});
    CHECK(moscow.x() == Approx(4187839.24).margin(1.0));
    CHECK(moscow.y() == Approx(7508807.85).margin(1.0));
    // Beyond the square world, latitudes are clamped rather than sent to infinity.
    CHECK(std::isfinite(WebMercator::toMercatorM({0, 90}).y()));
}

TEST_CASE("Viewport maps screen and Mercator both ways and zooms about the cursor", "[geo]")
{
    Viewport v(WebMercator::toMercatorM({37, 52}), 2000.0, QSize(1000, 800));
    const QPointF kursk = v.lonLatToScreenPx({36.19, 51.73});
    const QPointF back = v.screenPxToLonLat(kursk);
    CHECK(back.x() == Approx(36.19).margin(1e-9));
    CHECK(back.y() == Approx(51.73).margin(1e-9));
    CHECK(v.mercatorToScreen().map(WebMercator::toMercatorM({36.19, 51.73})).x() == Approx(kursk.x()));

    const QPointF anchor(200, 150);
    const QPointF underCursor = v.screenPxToLonLat(anchor);
    v.zoomAbout(anchor, 3.0);
    CHECK(v.metresPerPixel() == Approx(2000.0 / 3.0));
    CHECK(v.screenPxToLonLat(anchor).x() == Approx(underCursor.x()).margin(1e-9));
    CHECK(v.screenPxToLonLat(anchor).y() == Approx(underCursor.y()).margin(1e-9));

    const QPointF before = v.lonLatToScreenPx({36.19, 51.73});
    v.panByPx({30, -20});
    const QPointF after = v.lonLatToScreenPx({36.19, 51.73});
    CHECK(after.x() == Approx(before.x() + 30));
    CHECK(after.y() == Approx(before.y() - 20));
}

TEST_CASE("Across the antimeridian both sides show side by side", "[geo]")
{
    // Centred on the Bering Strait at 180°: Chukotka (west of the line) and the Aleutians
    // (east of it) are neighbours on screen, not a world apart.
    Viewport v(WebMercator::toMercatorM({180, 63}), 3000.0, QSize(1200, 800));
    const QPointF chukotka = v.lonLatToScreenPx({177.5, 64.7});
    const QPointF aleutians = v.lonLatToScreenPx({-176.6, 51.9});
    CHECK(chukotka.x() > 0);
    CHECK(chukotka.x() < 600);
    CHECK(aleutians.x() > 600);
    CHECK(aleutians.x() < 1200);
    CHECK(v.worldCopies().size() == 2);
    // Crossing the line while panning keeps the centre inside one world.
    v.panByPx({-400, 0});
    CHECK(std::abs(v.centreMercatorM().x()) <= WebMercator::kWorldWidthM / 2);
    // 400 px at 3 km/px is 1,200 km, 10.78° of longitude east of the line.
    CHECK(v.screenPxToLonLat(QPointF(600, 400)).x() ==
          Approx(-180 + 1.2e6 / WebMercator::kEarthRadiusM * 180 / M_PI).margin(1e-6));
}
