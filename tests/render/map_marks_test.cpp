// SPDX-License-Identifier: GPL-3.0-or-later
// Many events at a glance: MarkStyle::Auto's choice, clusters that never overlap, hexagon bins
// coloured by their count with region-level records counted in their regions, and the selected
// event over a cluster.
#include "render/map/event_layer_renderer.h"
#include "render/map/hexbin_layer.h"
#include "render/map/map_legend.h"
#include "render/map/map_marks_clusterer.h"
#include "render/map/map_scene.h"
#include "render/map/projected_base_map.h"
#include "render/map/web_mercator.h"
#include "render/category_style.h"
#include "core/io/event_loader.h"

#include "prepared_data.h"
#include "scene_painting.h"
#include "synthetic_marks.h"
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

/// The whole world on a 1920x1080 screen.
Viewport worldView()
{
    return Viewport(QPointF(0, 0), WebMercator::kWorldWidthM / 1080, QSize(1920, 1080));
}

std::shared_ptr<const ProjectedBaseMap> projected()
{
    static const auto p = std::make_shared<ProjectedBaseMap>(bundledBaseMap());
    return p;
}

/// The event layers of `state` over `viewport` on white; what they drew.
MapHits draw(const ViewState &state, const Viewport &viewport, QImage *image = nullptr)
{
    QImage local(viewport.sizePx(), QImage::Format_ARGB32_Premultiplied);
    QImage &target = image ? *image : local;
    target = QImage(viewport.sizePx(), QImage::Format_ARGB32_Premultiplied);
    target.fill(Qt::white);
    QPainter p(&target);
    return paintEvents(p, MapScene(projected()), state, viewport);
}

/// 100,000 uniform events drawn as clusters at the world view, into `state`.
MapHits drawWorldClusters(ViewState &state)
{
    state.setDataset(uniformEvents(100'000));
    state.setMarkStyle(MarkStyle::Clusters);
    const MapHits hits = draw(state, worldView());
    REQUIRE(hits.marks.style == MarkStyle::Clusters);
    return hits;
}

} // namespace

TEST_CASE("At the world view of 100,000 events no two cluster circles overlap and each event is in one", "[render]")
{
    ViewState state;
    const Viewport viewport = worldView();
    const MapHits hits = drawWorldClusters(state);
    REQUIRE(hits.groups.size() > 50);
    for (size_t a = 0; a < hits.groups.size(); ++a)
        for (size_t b = a + 1; b < hits.groups.size(); ++b) {
            const MarkGroup &x = hits.groups[a], &y = hits.groups[b];
            const double d = std::hypot(x.px.x() - y.px.x(), x.px.y() - y.px.y());
            INFO("clusters " << a << " and " << b);
            REQUIRE(d >= x.radiusPx + y.radiusPx);
        }
    // Area proportional to the count, from the largest down to the smallest radius.
    const auto largest = std::max_element(hits.groups.begin(), hits.groups.end(),
                                          [](const auto &x, const auto &y) { return x.count < y.count; });
    CHECK(largest->radiusPx == Approx(MapMarksClusterer::kMaxRadiusPx));
    for (const MarkGroup &g : hits.groups) {
        CHECK(int(g.events.size()) == g.count);
        const double expected = MapMarksClusterer::kMaxRadiusPx * std::sqrt(double(g.count) / largest->count);
        CHECK(g.radiusPx == Approx(std::max(expected, MapMarksClusterer::kMinRadiusPx)));
    }
    // A click inside a circle answers with its events.
    const MarkGroup &some = hits.groups[hits.groups.size() / 2];
    CHECK(eventsAt(MapScene(projected()), some.px, viewport, state, hits) == some.events);
}

TEST_CASE("Auto draws 100,000 world-wide events as at most 2,000 marks and the bundled data as markers", "[render]")
{
    ViewState state;
    state.setDataset(uniformEvents(100'000));
    const MapHits hits = draw(state, worldView());
    CHECK(hits.marks.automatic);
    CHECK(hits.marks.style != MarkStyle::Markers);
    CHECK(hits.markers.empty());
    CHECK(hits.groups.size() <= 2000);
    CHECK(hits.groups.size() >= 100);

    ViewState bundled;
    bundled.setDataset(preparedBundledDataset());
    const Viewport korea(WebMercator::toMercatorM(QPointF(127, 40)), 3000, QSize(800, 600));
    const MapHits few = draw(bundled, korea);
    CHECK(few.marks.style == MarkStyle::Markers);
    CHECK_FALSE(few.markers.empty());
    CHECK(few.groups.empty());
}

TEST_CASE("A hexagon bin's colour follows its count", "[render]")
{
    // Two piles far apart: 1 event near Seoul, 60 near Vladivostok, 600 near Harbin.
    EventStoreBuilder builder;
    int n = 0;
    builder.add(pointEvent(n++, 127.0, 37.5, QStringLiteral("treaty")));
    for (int i = 0; i < 60; ++i)
        builder.add(pointEvent(n++, 131.9 + 0.001 * i, 43.1, QStringLiteral("treaty")));
    for (int i = 0; i < 600; ++i)
        builder.add(pointEvent(n++, 126.6 + 0.0001 * i, 45.75, QStringLiteral("deployment")));
    ViewState state;
    state.setDataset(PreparedDataset::make({QStringLiteral("piles")}, builder.build(), bundledBaseMap()));
    state.setMarkStyle(MarkStyle::HexBins);
    const Viewport viewport(WebMercator::toMercatorM(QPointF(129, 41)), 2500, QSize(800, 600));
    QImage image;
    const MapHits hits = draw(state, viewport, &image);
    REQUIRE(hits.marks.style == MarkStyle::HexBins);
    REQUIRE(hits.groups.size() == 3);
    CHECK(hits.marks.binScale.minCount == 1);
    CHECK(hits.marks.binScale.maxCount == 600);
    CHECK(hits.marks.binScale.logarithmic);
    std::map<int, QColor> colourByCount;
    for (const MarkGroup &g : hits.groups) {
        INFO("bin of " << g.count);
        const QColor expected = over(HexBinLayer::colourOf(g.count, hits.marks.binScale), Qt::white);
        CHECK(near(image.pixelColor(g.px.toPoint()), expected, 3));
        colourByCount[g.count] = image.pixelColor(g.px.toPoint());
    }
    REQUIRE(colourByCount.size() == 3);
    // Darker (lower on viridis) for fewer events: lightness rises with the count.
    CHECK(colourByCount[1].lightness() < colourByCount[60].lightness());
    CHECK(colourByCount[60].lightness() < colourByCount[600].lightness());
    // The bin at Harbin holds those 600 events, nothing else.
    const QPointF harbin = viewport.lonLatToScreenPx({126.63, 45.75});
    const EventStore::IndexList inBin = eventsAt(MapScene(projected()), harbin, viewport, state, hits);
    CHECK(inBin.size() == 600);
}

TEST_CASE("A region-level event counts in its region's hexagon-bin count, not in a bin", "[render]")
{
    LoadOptions options;
    options.regions = bundledBaseMap()->regions;
    const LoadResult result = EventLoader::load(formatFile("acled_2023.csv"), options);
    const auto data = PreparedDataset::make({formatFile("acled_2023.csv")}, result.store, bundledBaseMap());
    ViewState state;
    state.setDataset(data);
    state.setMarkStyle(MarkStyle::HexBins);
    const Viewport viewport(WebMercator::toMercatorM({36.3, 51.4}), 800, QSize(800, 600));
    QImage image;
    const MapHits hits = draw(state, viewport, &image);
    const int kursk = bundledBaseMap()->regions->find("RU-KRS");
    REQUIRE(kursk >= 0);
    int regionLevelInKursk = 0, regionLevel = 0, points = 0;
    for (EventStore::Index i : state.visibleEvents()) {
        if (data->isRegionLevel(i)) {
            ++regionLevel;
            for (int r : data->regionsNamedBy(i))
                regionLevelInKursk += r == kursk;
        } else if (data->isPoint(i)) {
            // On screen, or near enough for its bin to reach into it.
            const double reach = HexBinLayer::kRadiusPx;
            points += QRectF(QPointF(0, 0), QSizeF(viewport.sizePx()))
                          .adjusted(-reach, -reach, reach, reach)
                          .contains(viewport.toScreenPx(data->pointsMercator()[size_t(i)]));
        }
    }
    REQUIRE(regionLevelInKursk >= 1);
    REQUIRE(size_t(kursk) < hits.regionCounts.size());
    CHECK(hits.regionCounts[size_t(kursk)] == regionLevelInKursk);
    // The bins hold the exact points on screen, and only them.
    int binned = 0;
    for (const MarkGroup &g : hits.groups) {
        binned += g.count;
        for (EventStore::Index i : HexBinLayer::eventsIn(MapFrame{*data, state, viewport}, hits, g.hexCell))
            CHECK_FALSE(data->isRegionLevel(i));
    }
    CHECK(binned == points);
    // Kursk is filled in its count's colour, far from every bin (the city of Kursk, where the
    // region-level row would have stood as a pin).
    QColor fill = HexBinLayer::colourOf(hits.regionCounts[size_t(kursk)], hits.marks.binScale);
    fill.setAlpha(150);
    const QPoint inside = viewport.lonLatToScreenPx({35.0, 52.1}).toPoint();
    CHECK(near(image.pixelColor(inside), over(fill, Qt::white), 4));
}

TEST_CASE("The selected event stays visible above its cluster", "[render]")
{
    EventStoreBuilder builder;
    for (int i = 0; i < 200; ++i)
        builder.add(pointEvent(i, 127.0 + 0.01 * (i % 10), 37.5 + 0.01 * (i / 10), QStringLiteral("deployment")));
    builder.add(pointEvent(999, 127.05, 37.6, QStringLiteral("treaty")));
    ViewState state;
    state.setDataset(PreparedDataset::make({QStringLiteral("pile")}, builder.build(), bundledBaseMap()));
    state.setMarkStyle(MarkStyle::Clusters);
    const Viewport viewport(WebMercator::toMercatorM(QPointF(127, 38)), 3000, QSize(400, 300));
    const EventStore &store = *state.dataset()->events;
    EventStore::Index treaty = -1;
    for (EventStore::Index i = 0; i < store.size(); ++i)
        if (store.category(i) == QStringLiteral("treaty")) treaty = i;
    REQUIRE(treaty >= 0);
    const QPoint at = viewport.lonLatToScreenPx({127.05, 37.6}).toPoint();

    QImage before;
    const MapHits clustered = draw(state, viewport, &before);
    REQUIRE(clustered.groups.size() == 1);
    CHECK(clustered.groups.front().count == 201);
    CHECK_FALSE(near(before.pixelColor(at), CategoryStyle::color(QStringLiteral("treaty")), 12));

    state.setSelectedEvent(treaty);
    QImage after;
    const MapHits selected = draw(state, viewport, &after);
    REQUIRE(selected.groups.size() == 1);
    CHECK(near(after.pixelColor(at), CategoryStyle::color(QStringLiteral("treaty")), 12));
    REQUIRE(selected.selectionPx.size() >= 1);
}

TEST_CASE("Hexagon bins by dominant category take that category's colour, shaded by count", "[render]")
{
    // 60 treaties with 5 deployments near Vladivostok; 600 deployments near Harbin.
    EventStoreBuilder builder;
    int n = 0;
    for (int i = 0; i < 60; ++i)
        builder.add(pointEvent(n++, 131.9 + 0.001 * i, 43.1, QStringLiteral("treaty")));
    for (int i = 0; i < 5; ++i)
        builder.add(pointEvent(n++, 131.9 + 0.001 * i, 43.1, QStringLiteral("deployment")));
    for (int i = 0; i < 600; ++i)
        builder.add(pointEvent(n++, 126.6 + 0.0001 * i, 45.75, QStringLiteral("deployment")));
    ViewState state;
    state.setDataset(PreparedDataset::make({QStringLiteral("piles")}, builder.build(), bundledBaseMap()));
    state.setMarkStyle(MarkStyle::HexBins);
    state.setHexBinsByCategory(true);
    const Viewport viewport(WebMercator::toMercatorM(QPointF(129, 44)), 2500, QSize(800, 600));
    QImage image;
    const MapHits hits = draw(state, viewport, &image);
    REQUIRE(hits.marks.style == MarkStyle::HexBins);
    CHECK(hits.marks.binsByCategory);
    REQUIRE(hits.groups.size() == 2);
    const QStringList &categories = state.dataset()->events->categories();
    for (const MarkGroup &g : hits.groups) {
        INFO("bin of " << g.count);
        const QString dominant = g.count == 65 ? QStringLiteral("treaty") : QStringLiteral("deployment");
        REQUIRE_FALSE(g.categories.empty());
        CHECK(categories[g.categories.front().first] == dominant);
        const QColor expected = over(
            HexBinLayer::categoryColourOf(CategoryStyle::color(dominant), g.count, hits.marks.binScale), Qt::white);
        CHECK(near(image.pixelColor(g.px.toPoint()), expected, 3));
    }
    // The fuller bin is the more opaque.
    CHECK(HexBinLayer::categoryColourOf(Qt::red, 600, hits.marks.binScale).alpha() >
          HexBinLayer::categoryColourOf(Qt::red, 65, hits.marks.binScale).alpha());

    // Off again: the bins follow the count on the ramp.
    state.setHexBinsByCategory(false);
    QImage byCount;
    const MapHits counted = draw(state, viewport, &byCount);
    CHECK_FALSE(counted.marks.binsByCategory);
    for (const MarkGroup &g : counted.groups)
        CHECK(near(byCount.pixelColor(g.px.toPoint()),
                   over(HexBinLayer::colourOf(g.count, counted.marks.binScale), Qt::white), 3));
}

TEST_CASE("The clusters' legend shows reference circles whose areas are proportional to their counts", "[render]")
{
    ViewState state;
    const Viewport viewport = worldView();
    const MapHits hits = drawWorldClusters(state);
    REQUIRE(hits.marks.clusterMaxCount > 10);

    QImage image(viewport.sizePx(), QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter painter(&image);
    LegendHits legendHits;
    const QRectF box =
        MapLegend().render(painter, QRectF(QPointF(0, 0), QSizeF(viewport.sizePx())), state, &legendHits, &hits.marks);
    painter.end();
    REQUIRE(legendHits.sizeCircles.size() == 3);
    const auto &largest = legendHits.sizeCircles.front();
    CHECK(largest.count == hits.marks.clusterMaxCount);
    CHECK(largest.radiusPx == Approx(MapMarksClusterer::kMaxRadiusPx));
    for (const auto &c : legendHits.sizeCircles) {
        INFO("circle of " << c.count);
        // The same area per event as the largest, the map's circles' scale.
        CHECK(c.radiusPx * c.radiusPx / c.count == Approx(largest.radiusPx * largest.radiusPx / largest.count));
        CHECK(c.radiusPx > MapMarksClusterer::kMinRadiusPx);
        CHECK(
            box.contains(QRectF(c.centrePx - QPointF(c.radiusPx, c.radiusPx), QSizeF(2 * c.radiusPx, 2 * c.radiusPx))));
        // Drawn: the circle's left edge is a dark line, just inside it is the light fill.
        const QPoint edge = (c.centrePx - QPointF(c.radiusPx, 0)).toPoint();
        int darkest = 255;
        for (int dx = -1; dx <= 1; ++dx)
            darkest = std::min(darkest, image.pixelColor(edge + QPoint(dx, 0)).lightness());
        CHECK(darkest < 180);
        CHECK(image.pixelColor((c.centrePx - QPointF(c.radiusPx - 3, 0)).toPoint()).lightness() > 200);
    }
    CHECK(legendHits.sizeCircles[1].count < largest.count);
    CHECK(legendHits.sizeCircles[2].count < legendHits.sizeCircles[1].count);

    // No size legend for hexagon bins.
    state.setMarkStyle(MarkStyle::HexBins);
    const MapHits bins = draw(state, viewport);
    QImage other(viewport.sizePx(), QImage::Format_ARGB32_Premultiplied);
    QPainter p2(&other);
    MapLegend().render(p2, QRectF(QPointF(0, 0), QSizeF(viewport.sizePx())), state, &legendHits, &bins.marks);
    CHECK(legendHits.sizeCircles.empty());
}
