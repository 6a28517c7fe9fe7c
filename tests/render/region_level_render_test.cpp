// SPDX-License-Identifier: GPL-3.0-or-later
// ACLED rows coded to a whole region (geo_precision 3) are drawn as fills of that region, not as
// pins at the region's capital; the choropleth sums a figure of the data (ACLED's fatalities).
#include "render/prepared_dataset.h"
#include "render/map/base_map_renderer.h"
#include "render/category_style.h"
#include "render/map/event_layer_renderer.h"
#include "render/map/map_legend.h"
#include "render/map/map_style.h"
#include "render/map/projected_base_map.h"
#include "render/map/web_mercator.h"
#include "render/timeline/timeline_index.h"

#include "prepared_data.h"
#include "scene_painting.h"
#include "synthetic_marks.h"
#include "../qt_string_maker.h"
#include "../test_files.h"

#include <QImage>
#include <QPainter>

#include <catch2/catch.hpp>

using namespace chronomap;
using namespace chronomap::test;

namespace {

bool near(QColor a, QColor b, int tolerance)
{
    return std::abs(a.red() - b.red()) <= tolerance && std::abs(a.green() - b.green()) <= tolerance &&
           std::abs(a.blue() - b.blue()) <= tolerance;
}

QColor over(QColor top, QColor bottom)
{
    const double a = top.alphaF();
    return QColor::fromRgbF(top.redF() * a + bottom.redF() * (1 - a), top.greenF() * a + bottom.greenF() * (1 - a),
                            top.blueF() * a + bottom.blueF() * (1 - a));
}

/// Kursk and Belgorod at 800 m a pixel, with the events of `state` (none when it has no dataset).
QImage draw(const ViewState &state, Viewport &viewport)
{
    const auto projected = std::make_shared<ProjectedBaseMap>(bundledBaseMap());
    viewport = Viewport(WebMercator::toMercatorM({36.3, 51.4}), 800, QSize(800, 600));
    QImage image(800, 600, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::black);
    QPainter p(&image);
    BaseMapRenderer(projected).render(p, viewport, {});
    if (state.dataset()) test::paintEvents(p, MapScene(projected), state, viewport);
    return image;
}

std::shared_ptr<const PreparedDataset> acled()
{
    LoadOptions options;
    options.regions = bundledBaseMap()->regions;
    const LoadResult result = EventLoader::load(formatFile("acled_2023.csv"), options);
    REQUIRE(result.store->size() == 9);
    return PreparedDataset::make({formatFile("acled_2023.csv")}, result.store, bundledBaseMap());
}

} // namespace

TEST_CASE("Region-level ACLED rows are drawn as fills of their regions, not as pins", "[render]")
{
    ViewState empty;
    Viewport viewport;
    const QImage base = draw(empty, viewport);
    ViewState state;
    state.setDataset(acled());
    const QImage frame = draw(state, viewport);
    const auto &regions = *bundledBaseMap()->regions;
    QColor fill = CategoryStyle::color(QStringLiteral("explosions/remote violence"));
    fill.setAlpha(70);

    // Inside Belgorod and inside Kursk, far from every pin: each region is filled.
    for (const QPointF inside : {QPointF(37.9, 50.3), QPointF(35.0, 52.1)}) {
        INFO("at " << inside.x() << ", " << inside.y());
        REQUIRE((regions.regionAt(inside.x(), inside.y()) == regions.find("RU-BEL") ||
                 regions.regionAt(inside.x(), inside.y()) == regions.find("RU-KRS")));
        const QPoint px = viewport.lonLatToScreenPx(inside).toPoint();
        CHECK_FALSE(near(frame.pixelColor(px), base.pixelColor(px), 10));
        CHECK(near(frame.pixelColor(px), over(fill, base.pixelColor(px)), 4));
    }
    // The region-level Kursk row (RUS12350) stands at the city of Kursk: no pin there, only the fill.
    const QPoint kurskCity = viewport.lonLatToScreenPx({36.1926, 51.7304}).toPoint();
    CHECK(near(frame.pixelColor(kurskCity), over(fill, base.pixelColor(kurskCity)), 4));
    // Orel has no event: untouched. Sumy (a pin at Yunakivka only) is not filled either.
    for (const QPointF outside : {QPointF(36.6, 52.6), QPointF(33.8, 51.4)}) {
        INFO("at " << outside.x() << ", " << outside.y());
        const QPoint px = viewport.lonLatToScreenPx(outside).toPoint();
        REQUIRE(frame.rect().contains(px));
        CHECK(near(frame.pixelColor(px), base.pixelColor(px), 2));
    }
    // An exact row is a pin of its category's colour (Sudzha, RUS12345).
    const QPoint sudzha = viewport.lonLatToScreenPx({35.2710, 51.1918}).toPoint();
    CHECK(near(frame.pixelColor(sudzha), CategoryStyle::color(QStringLiteral("explosions/remote violence")), 3));
}

TEST_CASE("The choropleth sums ACLED fatalities per region, and its legend says so", "[render]")
{
    ViewState state;
    state.setDataset(acled());
    state.setMapMode(MapMode::Choropleth);
    const auto &regions = *bundledBaseMap()->regions;
    const int kursk = regions.find("RU-KRS"), belgorod = regions.find("RU-BEL"), sumy = regions.find("UA-59");
    const QList<int> counts = regionShading(state);
    CHECK(counts[kursk] == 3);
    CHECK(counts[belgorod] == 3);

    state.setChoroplethFigure(QStringLiteral("fatalities"));
    REQUIRE(state.choroplethFigure());
    const QList<int> sums = regionShading(state);
    CHECK(sums[kursk] == 2 + 10 + 0);   // Sudzha, Glushkovo, the region-level row
    CHECK(sums[belgorod] == 0 + 0 + 1); // Belgorod, Shebekino, the region-level row
    CHECK(sums[sumy] == 3);
    CHECK(FigureValues::quantities(*state.dataset()->events) == QStringList{"fatalities"});

    // The time window narrows the sum: 12 to 13 August keeps Sudzha (2) and Glushkovo's month (10).
    state.setTimeWindow(TimeWindow{utcMidnightMs(QDate(2025, 8, 12)), utcMidnightMs(QDate(2025, 8, 14))});
    CHECK(regionShading(state)[kursk] == 12);
    state.setWindowMatch(WindowMatch::Certainly);
    CHECK(regionShading(state)[kursk] == 2);

    // The legend names the figure.
    const MapLegend legend(MapStyle::standard());
    CHECK(legend.title(state) == "Sum of fatalities per region");
    state.setChoroplethFigure({});
    CHECK(legend.title(state) == "Events per region");
}

TEST_CASE("The prepared dataset names each record's regions and indexes its timeline as a fresh look-up does",
          "[render]")
{
    // Enough records for the timeline's index to be built on a second thread; the codes in the
    // spellings files use (case, spaces), unknown ones, repeated ones and none.
    const QStringList spellings = {QStringLiteral("RU-KRS"), QStringLiteral("ru-bel"), QStringLiteral(" UA-14 "),
                                   QStringLiteral("XX-NOWHERE"), QStringLiteral("RU-KRS")};
    EventStoreBuilder builder;
    const int count = 25'000;
    builder.reserve(count);
    for (int i = 0; i < count; ++i) {
        Event e = pointEvent(i, 30 + (i % 100) * 0.1, 45 + (i % 70) * 0.1, markCategories()[i % 6]);
        for (int k = 0; k < i % 4; ++k)
            e.regions.append(spellings[(i + k) % spellings.size()]);
        builder.add(e);
    }
    const auto data = PreparedDataset::make({QStringLiteral("regions")}, builder.build(), bundledBaseMap());
    const EventStore &store = *data->events;
    const RegionIndex &regions = *bundledBaseMap()->regions;
    int named = 0;
    for (EventStore::Index i = 0; i < store.size(); ++i) {
        std::vector<int> expected;
        for (const QString &code : store.regionCodes(i))
            if (const int r = regions.find(code); r >= 0) expected.push_back(r);
        const auto got = data->regionsNamedBy(i);
        REQUIRE(std::vector<int>(got.begin(), got.end()) == expected);
        named += int(expected.size());
    }
    CHECK(named > count / 2);

    const TimelineIndex fresh(data->events);
    const TimelineIndex &prepared = data->timelineIndex();
    REQUIRE(prepared.store() == data->events);
    REQUIRE(prepared.binMs() == fresh.binMs());
    const TimeWindow extent = store.extent();
    for (quint16 c = 0; c < quint16(store.categories().size()); ++c) {
        CHECK(prepared.countOverlapping(c, extent.fromMs, extent.toMs) ==
              fresh.countOverlapping(c, extent.fromMs, extent.toMs));
        CHECK(prepared.eventsOf(c, extent) == fresh.eventsOf(c, extent));
        std::vector<float> a(200), b(200);
        const double msPerPx = double(extent.toMs - extent.fromMs) / 200;
        prepared.massColumns(c, extent.fromMs, msPerPx, 200, a.data());
        fresh.massColumns(c, extent.fromMs, msPerPx, 200, b.data());
        CHECK(a == b);
    }
}
