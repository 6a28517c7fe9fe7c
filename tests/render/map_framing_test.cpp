// SPDX-License-Identifier: GPL-3.0-or-later
#include "prepared_data.h"
#include "../qt_string_maker.h"
#include "render/map/map_framing.h"
#include "core/view/view_state.h"
#include "render/map/web_mercator.h"

#include <catch2/catch.hpp>

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

} // namespace

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
