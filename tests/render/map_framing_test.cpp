// SPDX-License-Identifier: GPL-3.0-or-later
#include "prepared_data.h"
#include "../qt_string_maker.h"
#include "render/map/map_framing.h"
#include "core/view/view_state.h"
#include "render/map/web_mercator.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <random>

using namespace chronomap;

namespace {

bool onScreen(const Viewport &viewport, QPointF lonLat)
{
    // Any copy of the world counts: the map repeats east and west.
    for (double shift : {-360.0, 0.0, 360.0}) {
        const QPointF px = viewport.lonLatToScreenPx(lonLat + QPointF(shift, 0));
        if (QRectF(QPointF(0, 0), QSizeF(viewport.sizePx())).contains(px)) return true;
    }
    return false;
}

/// The bounds by the definition: every longitude sorted, the first widest gap between neighbours
/// (the wrap round the back winning ties), past 180° the world centred on the mean direction.
QRectF boundsBySorting(const QList<QPointF> &points)
{
    constexpr double kDegToRad = 3.14159265358979323846 / 180.0;
    std::vector<double> lons;
    double minLat = 90, maxLat = -90, sumSin = 0, sumCos = 0;
    for (const QPointF &p : points) {
        lons.push_back(p.x());
        minLat = std::min(minLat, p.y());
        maxLat = std::max(maxLat, p.y());
        sumSin += std::sin(p.x() * kDegToRad);
        sumCos += std::cos(p.x() * kDegToRad);
    }
    std::sort(lons.begin(), lons.end());
    double gap = lons.front() + 360 - lons.back(), west = lons.front(), east = lons.back();
    for (size_t i = 1; i < lons.size(); ++i)
        if (lons[i] - lons[i - 1] > gap) {
            gap = lons[i] - lons[i - 1];
            west = lons[i];
            east = lons[i - 1] + 360;
        }
    if (east - west > 180 && (sumSin != 0 || sumCos != 0)) {
        const double centre = std::atan2(sumSin, sumCos) / kDegToRad;
        west = centre - 180;
        east = centre + 180;
    }
    return QRectF(WebMercator::toMercatorM(QPointF(west, minLat)), WebMercator::toMercatorM(QPointF(east, maxLat)))
        .normalized();
}

double westLonOf(const QRectF &bounds)
{
    return WebMercator::toLonLatDeg(bounds.topLeft()).x();
}

double widthDegOf(const QRectF &bounds)
{
    return bounds.width() / WebMercator::kWorldWidthM * 360;
}

} // namespace

TEST_CASE("Framing many points finds the widest gap of their longitudes as sorting them would", "[render]")
{
    std::mt19937 random(20261206);
    // 60,000 events on both sides of the antimeridian (Chukotka, Alaska): framed over it, 25° wide.
    QList<QPointF> pacific;
    std::uniform_real_distribution<double> west(170, 180), east(-180, -165), lat(50, 70);
    for (int i = 0; i < 60'000; ++i)
        pacific.append(QPointF(i % 2 ? west(random) : east(random), lat(random)));
    pacific.append({QPointF(170, 60), QPointF(-165, 60)});
    const QRectF acrossAntimeridian = MapFraming::mercatorBoundsOf(pacific);
    CHECK(acrossAntimeridian == boundsBySorting(pacific));
    CHECK(westLonOf(acrossAntimeridian) == Approx(170).margin(1e-9));
    CHECK(widthDegOf(acrossAntimeridian) == Approx(25).margin(1e-9));

    // Clusters on a half-degree grid (equal gaps everywhere: the first one is taken), a few places
    // far out, the same place many times, and points evenly round the whole circle (every gap
    // the same, the wrap round the back among them).
    for (int run = 0; run < 20; ++run) {
        QList<QPointF> points;
        const int clusters = 1 + run % 5;
        std::uniform_real_distribution<double> centre(-180, 180), spread(0, 2 + run);
        std::vector<double> centres;
        for (int c = 0; c < clusters; ++c)
            centres.push_back(centre(random));
        const int count = 1'000 + run * 5'000;
        for (int i = 0; i < count; ++i) {
            double lon = centres[size_t(i % clusters)] + spread(random);
            if (run % 2) lon = std::round(lon * 2) / 2;
            points.append(QPointF(std::remainder(lon, 360.0), lat(random)));
        }
        if (run % 3 == 0) points.append(QList<QPointF>(500, QPointF(centres.front(), 55)));
        INFO("run " << run << ": " << count << " points in " << clusters << " clusters");
        CHECK(MapFraming::mercatorBoundsOf(points) == boundsBySorting(points));
    }
    // Two places half the globe apart, many times each: the gap between them ties with the wrap
    // round the back, which wins (the interval from the first place eastwards).
    QList<QPointF> opposite;
    for (int i = 0; i < 10'000; ++i)
        opposite.append(QPointF(i % 2 ? 90 : -90, lat(random)));
    CHECK(MapFraming::mercatorBoundsOf(opposite) == boundsBySorting(opposite));
    CHECK(westLonOf(MapFraming::mercatorBoundsOf(opposite)) == Approx(-90).margin(1e-9));
    // Few points share one bucket: the widest gap between two of them (190°, the shorter way
    // round is east from 100° across the antimeridian) is found inside it.
    const QList<QPointF> twoPlaces = {QPointF(-90, 40), QPointF(100, 50)};
    CHECK(MapFraming::mercatorBoundsOf(twoPlaces) == boundsBySorting(twoPlaces));
    CHECK(westLonOf(MapFraming::mercatorBoundsOf(twoPlaces)) == Approx(100).margin(1e-9));
    QList<QPointF> evenlyRound;
    for (int i = 0; i < 1'000; ++i)
        evenlyRound.append(QPointF(-180 + 0.36 * i, 10));
    CHECK(MapFraming::mercatorBoundsOf(evenlyRound) == boundsBySorting(evenlyRound));
}

TEST_CASE("Framing takes the shorter way round and follows a contact's arc", "[render]")
{
    // Moscow and Pyongyang alone: the frame lies between them, over Siberia.
    const QRectF ends = MapFraming::mercatorBoundsOf({QPointF(37.62, 55.75), QPointF(125.75, 39.03)});
    CHECK(WebMercator::toLonLatDeg(ends.center()).x() == Approx(81.7).margin(0.1));
    // Across the antimeridian: Vladivostok and Anchorage framed over the Pacific, 78° wide.
    const QRectF pacific = MapFraming::mercatorBoundsOf({QPointF(131.89, 43.12), QPointF(-149.8, 61.25)});
    CHECK(pacific.width() / WebMercator::kWorldWidthM * 360 == Approx(78.31).margin(0.01));
}

TEST_CASE("Events from Washington to Pyongyang frame the world with Eurasia in one piece", "[render]")
{
    const auto dataset = test::preparedBundledDataset();
    ViewState state;
    state.setDataset(dataset);
    // June 2024 to August 2025: the treaty, Kursk, the US and NATO statements, the Alaska summit.
    state.setTimeWindow(
        TimeWindow{FuzzyDate::parse(u"2024-06")->startMs, FuzzyDate::parse(u"2025-08")->endExclusiveMs()});
    const Viewport viewport = MapFraming::frameEvents(*dataset, &state.visibleEvents(), QSize(1600, 800));

    const QPointF moscow(37.62, 55.75), kursk(36.19, 51.73), pyongyang(125.75, 39.03), seoul(126.98, 37.57),
        washington(-77.04, 38.9), anchorage(-149.8, 61.25);
    for (QPointF place : {moscow, kursk, pyongyang, seoul, washington, anchorage}) {
        INFO(place.x() << ", " << place.y());
        CHECK(onScreen(viewport, place));
    }
    // The contacts between Moscow and Pyongyang are drawn across Siberia: both ends in the same
    // copy of the world, Moscow to the west, rather than at opposite edges of the map.
    const double moscowX = viewport.lonLatToScreenPx(moscow).x();
    double pyongyangX = viewport.lonLatToScreenPx(pyongyang).x();
    INFO("Moscow at x " << moscowX << ", Pyongyang at x " << pyongyangX);
    CHECK(moscowX > 0);
    CHECK(pyongyangX < viewport.sizePx().width());
    CHECK(moscowX < pyongyangX);
}
