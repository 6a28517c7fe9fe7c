// SPDX-License-Identifier: GPL-3.0-or-later
#include "render/prepared_dataset.h"
#include "render/map/base_map_renderer.h"
#include "render/category_style.h"
#include "render/map/event_layer_cache.h"
#include "render/map/event_layer_renderer.h"
#include "core/geo/region_index.h"
#include "render/map/marker_sprites.h"
#include "render/map/projected_base_map.h"
#include "render/map/screen_geometry.h"
#include "render/map/web_mercator.h"

#include "prepared_data.h"
#include "scene_painting.h"

#include <QDate>
#include <QImage>
#include <QPainter>
#include <QPicture>

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <random>
#include <set>

#include "../qt_string_maker.h"

#include <catch2/catch.hpp>

using namespace chronomap;

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

struct Frame {
    QImage image;
    Viewport viewport;
};

Frame draw(const ViewState &state, QPointF centreLonLat, double metresPerPixel)
{
    const auto projected = std::make_shared<ProjectedBaseMap>(test::bundledBaseMap());
    const BaseMapRenderer base(projected);
    const MapScene events(projected);
    Frame f{QImage(800, 600, QImage::Format_ARGB32_Premultiplied),
            Viewport(WebMercator::toMercatorM(centreLonLat), metresPerPixel, QSize(800, 600))};
    f.image.fill(Qt::black);
    QPainter p(&f.image);
    base.render(p, f.viewport, {});
    test::paintEvents(p, events, state, f.viewport);
    return f;
}

/// One treaty event at Pyongyang over the bundled base map.
std::shared_ptr<const PreparedDataset> treatyAtPyongyang()
{
    EventStoreBuilder builder;
    Event treaty;
    treaty.id = QStringLiteral("treaty");
    treaty.title.insert({}, QStringLiteral("Treaty signed"));
    treaty.when = *TimeSpan::parse(u"2024-06-19");
    treaty.category = QStringLiteral("treaty");
    treaty.geometryKind = GeometryKind::Point;
    treaty.geometry = {QGeoCoordinate(39.03, 125.75)};
    builder.add(treaty);
    return PreparedDataset::make({QStringLiteral("test")}, builder.build(), test::bundledBaseMap());
}

} // namespace

TEST_CASE("A marker at Pyongyang takes its category's colour", "[render]")
{
    ViewState state;
    state.setDataset(treatyAtPyongyang());

    const Frame f = draw(state, {127, 38}, 3000);
    const QPoint pyongyang = f.viewport.lonLatToScreenPx({125.75, 39.03}).toPoint();
    CHECK(near(f.image.pixelColor(pyongyang), CategoryStyle::color(QStringLiteral("treaty")), 3));
    // Far from the marker the map shows land, not the marker colour.
    CHECK_FALSE(
        near(f.image.pixelColor(pyongyang + QPoint(40, 0)), CategoryStyle::color(QStringLiteral("treaty")), 30));

    state.setHiddenCategories({QStringLiteral("treaty")});
    const Frame hidden = draw(state, {127, 38}, 3000);
    CHECK_FALSE(near(hidden.image.pixelColor(pyongyang), CategoryStyle::color(QStringLiteral("treaty")), 30));
}

TEST_CASE("Selecting Kursk highlights its polygon", "[render]")
{
    ViewState state;
    state.setDataset(test::preparedBundledDataset());
    const auto &regions = *test::bundledBaseMap()->regions;
    const int kursk = regions.find(QStringLiteral("RU-KRS"));
    REQUIRE(kursk >= 0);
    // A point inside Kursk Oblast, away from the city where markers sit.
    const QPointF inside(35.0, 52.1);
    REQUIRE(regions.regionAt(inside.x(), inside.y()) == kursk);

    const Frame before = draw(state, {36.5, 51.5}, 800);
    const QPoint px = before.viewport.lonLatToScreenPx(inside).toPoint();
    const QColor land = before.image.pixelColor(px);
    state.setSelectedRegion(kursk);
    const Frame after = draw(state, {36.5, 51.5}, 800);
    const QColor highlighted = after.image.pixelColor(px);
    CHECK_FALSE(near(land, highlighted, 10));
    CHECK(near(highlighted, over(MapStyle::standard().highlightFill, land), 4));
    // Belgorod, next door, is not highlighted.
    const QPoint belgorod = after.viewport.lonLatToScreenPx({37.9, 50.3}).toPoint();
    REQUIRE(regions.regionAt(37.9, 50.3) == regions.find(QStringLiteral("RU-BEL")));
    CHECK(near(after.image.pixelColor(belgorod), before.image.pixelColor(belgorod), 2));
}

TEST_CASE("The choropleth shades regions with events and leaves the others", "[render]")
{
    ViewState state;
    state.setDataset(test::preparedBundledDataset());
    state.setMapMode(MapMode::Choropleth);
    const auto &regions = *test::bundledBaseMap()->regions;
    const auto counts = regionCounts(*state.dataset(), state.visibleEvents());
    const int kursk = regions.find(QStringLiteral("RU-KRS"));
    REQUIRE(counts[kursk] > 0);
    const Frame f = draw(state, {36.5, 51.5}, 800);
    const QPoint px = f.viewport.lonLatToScreenPx({35.0, 52.1}).toPoint();
    CHECK_FALSE(near(f.image.pixelColor(px), MapStyle::standard().focusLand, 10));

    // Orel, north of Kursk, has no events: it keeps the land colour.
    const QPointF inOrel(36.6, 52.6);
    const int orel = regions.regionAt(inOrel.x(), inOrel.y());
    REQUIRE(orel == regions.find(QStringLiteral("RU-ORL")));
    REQUIRE(counts[orel] == 0);
    const QPoint orelPx = f.viewport.lonLatToScreenPx(inOrel).toPoint();
    REQUIRE(f.image.rect().contains(orelPx));
    CHECK(near(f.image.pixelColor(orelPx), MapStyle::standard().focusLand, 2));
}

TEST_CASE("Douglas-Peucker detail keeps the end points and simplifies within the tolerance", "[render]")
{
    // A zigzag along x with teeth of growing height: small teeth go first, large ones stay.
    QPolygonF line;
    for (int i = 0; i <= 40; ++i)
        line.append(QPointF(i * 10.0, (i % 2 ? 1.0 : -1.0) * (i / 4.0)));
    const std::vector<float> detail = douglasPeuckerDetail(line);
    REQUIRE(detail.size() == size_t(line.size()));
    CHECK(std::isinf(detail.front()));
    CHECK(std::isinf(detail.back()));

    const QTransform identity;
    for (const double tolerance : {0.5, 2.0, 5.0, 20.0}) {
        QPolygonF kept;
        toScreen(line, detail, tolerance, identity, 0.0, kept, 0.0);
        CHECK(kept.first() == line.first());
        CHECK(kept.last() == line.last());
        // Every vertex left out lies within the tolerance of the simplified line.
        for (const QPointF &p : line) {
            double best = std::numeric_limits<double>::max();
            for (qsizetype k = 1; k < kept.size(); ++k) {
                const QPointF a = kept[k - 1], ab = kept[k] - a;
                const double u = std::clamp(QPointF::dotProduct(p - a, ab) / QPointF::dotProduct(ab, ab), 0.0, 1.0);
                const QPointF d = p - (a + u * ab);
                best = std::min(best, std::hypot(d.x(), d.y()));
            }
            CHECK(best <= tolerance + 1e-6);
        }
    }
    // A coarser tolerance never keeps a vertex a finer one dropped.
    QPolygonF fine, coarse;
    toScreen(line, detail, 1.0, identity, 0.0, fine, 0.0);
    toScreen(line, detail, 4.0, identity, 0.0, coarse, 0.0);
    CHECK(coarse.size() < fine.size());
    for (const QPointF &p : coarse)
        CHECK(fine.contains(p));
    // Without a tolerance nothing is dropped.
    QPolygonF all;
    toScreen(line, detail, 0.0, identity, 0.0, all, 0.0);
    CHECK(all == line);
}

TEST_CASE("A group of events shows its marker with a count badge, the same from the badge cache", "[render]")
{
    EventStoreBuilder builder;
    for (int i = 0; i < 3; ++i) {
        Event e;
        e.id = QStringLiteral("treaty-%1").arg(i);
        e.title.insert({}, QStringLiteral("Treaty"));
        e.when = *TimeSpan::parse(QStringLiteral("2024-06-%1").arg(10 + i));
        e.category = QStringLiteral("treaty");
        e.geometryKind = GeometryKind::Point;
        e.geometry = {QGeoCoordinate(39.03, 125.75)};
        builder.add(e);
    }
    ViewState state;
    state.setDataset(PreparedDataset::make({QStringLiteral("test")}, builder.build(), test::bundledBaseMap()));

    const auto projected = std::make_shared<ProjectedBaseMap>(test::bundledBaseMap());
    const MapScene events(projected);
    const Viewport viewport(WebMercator::toMercatorM(QPointF(127, 38)), 3000, QSize(400, 300));
    const auto frame = [&] {
        QImage image(viewport.sizePx(), QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::white);
        QPainter p(&image);
        MapHits hits;
        hits = test::paintEvents(p, events, state, viewport);
        REQUIRE(hits.markers.size() == 1);
        CHECK(hits.markers.front().count == 3);
        return image;
    };
    const QImage first = frame();
    const QPoint marker = viewport.lonLatToScreenPx({125.75, 39.03}).toPoint();
    CHECK(near(first.pixelColor(marker), CategoryStyle::color(QStringLiteral("treaty")), 3));
    // The badge's dark box up and to the right of the marker (at (r * 0.4, -r * 1.9), 12 px high).
    const QPoint badge = marker + QPoint(4, -11) + QPoint(1, 5);
    CHECK(near(first.pixelColor(badge), over(QColor(0x22, 0x22, 0x22, 220), Qt::white), 40));
    // Drawn again from the cache: the same pixels.
    CHECK(frame() == first);
}

TEST_CASE("At scale 2 a marker is its sprite copied pixel for pixel, in place", "[render]")
{
    ViewState state;
    state.setDataset(treatyAtPyongyang());

    constexpr double dpr = 2;
    const auto projected = std::make_shared<ProjectedBaseMap>(test::bundledBaseMap());
    const MapScene events(projected, MapScene::Options{.devicePixelRatio = dpr});
    const Viewport viewport(WebMercator::toMercatorM(QPointF(127, 38)), 3000, QSize(400, 300));
    QImage image(viewport.sizePx() * dpr, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(dpr);
    image.fill(Qt::white);
    {
        QPainter p(&image);
        test::paintEvents(p, events, state, viewport);
    }

    QImage sprite = MarkerSprites(dpr).sprite(QStringLiteral("treaty"));
    sprite.setDevicePixelRatio(1);
    QImage expected(sprite.size(), QImage::Format_ARGB32_Premultiplied);
    expected.fill(Qt::white);
    QPainter(&expected).drawImage(0, 0, sprite);
    const QPointF centre = viewport.lonLatToScreenPx({125.75, 39.03}) * dpr;
    const QPoint topLeft(qRound(centre.x() - sprite.width() / 2.0), qRound(centre.y() - sprite.height() / 2.0));
    QImage drawn = image.copy(QRect(topLeft, sprite.size()));
    drawn.setDevicePixelRatio(1);
    CHECK(drawn == expected);
}

TEST_CASE("Admin-1 borders: every stretch of every region's outline drawn exactly once", "[render]")
{
    const ProjectedBaseMap map(test::bundledBaseMap());
    REQUIRE(map.regionBorders.size() == map.regions.size());
    // Segments as unordered pairs of vertices, as the outlines and the borders hold them.
    using Segment = std::pair<std::pair<double, double>, std::pair<double, double>>;
    auto segment = [](QPointF p, QPointF q) {
        const std::pair<double, double> a{p.x(), p.y()}, b{q.x(), q.y()};
        return a < b ? Segment{a, b} : Segment{b, a};
    };
    // Calls `visit` with every segment of `lines`.
    auto forEachSegment = [&](const QList<QPolygonF> &lines, const auto &visit) {
        for (const QPolygonF &line : lines)
            for (qsizetype i = 1; i < line.size(); ++i)
                visit(segment(line[i - 1], line[i]));
    };
    auto segmentsOf = [&](const QList<QPolygonF> &lines) {
        std::set<Segment> out;
        forEachSegment(lines, [&](const Segment &s) { out.insert(s); });
        return out;
    };

    std::set<Segment> outlineSegments;
    qsizetype outlineCount = 0;
    for (const ProjectedArea &region : map.regions)
        forEachSegment(region.outlines, [&](const Segment &s) {
            outlineSegments.insert(s);
            ++outlineCount;
        });
    std::set<Segment> borderSegments;
    qsizetype drawnTwice = 0;
    // Admin-1 and national stretches together (issue 18 split the national ones off).
    REQUIRE(map.nationalBorders.size() == map.regions.size());
    for (const auto *list : {&map.regionBorders, &map.nationalBorders})
        for (const ProjectedLines &borders : *list) {
            REQUIRE(borders.parts.size() == borders.partDetailM.size());
            forEachSegment(borders.parts, [&](const Segment &s) { drawnTwice += !borderSegments.insert(s).second; });
        }
    CHECK(drawnTwice == 0);
    CHECK(borderSegments == outlineSegments); // nothing lost
    // Neighbours share their borders: a third of the outline segments are someone else's too.
    CHECK(qsizetype(borderSegments.size()) < outlineCount * 3 / 4);

    // Kursk and Belgorod share a border: it belongs to whichever comes first, once.
    const int kursk = test::bundledBaseMap()->regions->find(QStringLiteral("RU-KRS"));
    const int belgorod = test::bundledBaseMap()->regions->find(QStringLiteral("RU-BEL"));
    REQUIRE(kursk >= 0);
    REQUIRE(belgorod >= 0);
    const std::set<Segment> kurskOutline = segmentsOf(map.regions[kursk].outlines),
                            kurskDrawn = segmentsOf(map.regionBorders[kursk].parts),
                            belgorodDrawn = segmentsOf(map.regionBorders[belgorod].parts);
    qsizetype shared = 0;
    forEachSegment(map.regions[belgorod].outlines, [&](const Segment &s) {
        if (!kurskOutline.count(s)) return;
        ++shared;
        CHECK(kurskDrawn.count(s) + belgorodDrawn.count(s) == 1);
    });
    CHECK(shared > 10);
}

TEST_CASE("Place and region names follow a change of language from the label cache", "[render]")
{
    loadBundledFonts();
    const auto projected = std::make_shared<ProjectedBaseMap>(test::bundledBaseMap());
    // Zoomed in enough for region names too.
    const Viewport viewport(WebMercator::toMercatorM(QPointF(37.6, 55.7)), 600, QSize(800, 600));
    const auto labels = [&](const BaseMapRenderer &renderer, const QString &lang) {
        QImage image(viewport.sizePx(), QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::white);
        QPainter p(&image);
        renderer.renderLabels(p, viewport, lang);
        return image;
    };
    const BaseMapRenderer reused(projected);
    const QImage english = labels(reused, QStringLiteral("en"));
    const QImage russian = labels(reused, QStringLiteral("ru"));
    CHECK(russian != english);
    CHECK(russian == labels(BaseMapRenderer(projected), QStringLiteral("ru")));
    CHECK(labels(reused, QStringLiteral("en")) == english);
}

TEST_CASE("Density bins follow a change of data in the same renderer", "[render]")
{
    // More point events than kDenseThreshold, on a grid of places: dense frames.
    const auto dataset = [](double lonOffset) {
        EventStoreBuilder builder;
        const qsizetype n = EventLayerRenderer::kDenseThreshold + 10'000;
        for (qsizetype i = 0; i < n; ++i) {
            Event e;
            e.id = QStringLiteral("e%1").arg(i);
            e.title.insert({}, QStringLiteral("Event"));
            e.when = *TimeSpan::parse(u"2024-06-19");
            e.category = QStringLiteral("treaty");
            e.geometryKind = GeometryKind::Point;
            e.geometry = {QGeoCoordinate(36.0 + (i % 97) * 0.05, 124.0 + lonOffset + (i % 89) * 0.05)};
            builder.add(e);
        }
        return PreparedDataset::make({QStringLiteral("dense")}, builder.build(), test::bundledBaseMap());
    };
    const auto projected = std::make_shared<ProjectedBaseMap>(test::bundledBaseMap());
    const Viewport viewport(WebMercator::toMercatorM(QPointF(127, 38)), 3000, QSize(400, 300));
    const auto frame = [&](const MapScene &renderer, const ViewState &state) {
        QImage image(viewport.sizePx(), QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::white);
        QPainter p(&image);
        MapHits hits;
        hits = test::paintEvents(p, renderer, state, viewport);
        CHECK(hits.dense);
        return image;
    };
    ViewState first, second;
    first.setDataset(dataset(0.0));
    second.setDataset(dataset(1.5));
    const MapScene reused(projected);
    const QImage a = frame(reused, first);
    const QImage b = frame(reused, second);
    CHECK(a != b);
    CHECK(b == frame(MapScene(projected), second));
    // The bins lie where the events are: inside the grid, not far outside it.
    const QPoint inside = viewport.lonLatToScreenPx({125.0, 37.0}).toPoint();
    const QPoint outside = viewport.lonLatToScreenPx({129.5, 35.0}).toPoint();
    CHECK(a.pixelColor(inside) != QColor(Qt::white));
    REQUIRE(a.rect().contains(outside));
    CHECK(a.pixelColor(outside) == QColor(Qt::white));
}

namespace {

/// Clustered point events (many share a marker), some across the antimeridian, a contact arc
/// across it, dated over 2024 in three categories.
std::shared_ptr<const PreparedDataset> clusteredDataset(double lonShiftDeg = 0)
{
    EventStoreBuilder builder;
    std::mt19937 rng(11);
    std::normal_distribution<double> jitter(0.0, 0.6);
    const QPointF centres[] = {{127.0, 38.5}, {131.9, 43.1}, {179.5, 66.0}, {-178.5, 64.5}, {135.0, 48.5}};
    const QString categories[] = {QStringLiteral("treaty"), QStringLiteral("deployment"),
                                  QStringLiteral("labour-dispatch")};
    for (int i = 0; i < 3000; ++i) {
        Event e;
        e.id = QStringLiteral("e%1").arg(i);
        e.title.insert({}, QStringLiteral("Event %1").arg(i));
        e.when = *TimeSpan::parse(QDate(2024, 1, 1).addDays(i % 366).toString(Qt::ISODate));
        e.category = categories[i % 3];
        e.geometryKind = GeometryKind::Point;
        const QPointF c = centres[i % 5];
        double lon = c.x() + lonShiftDeg + jitter(rng);
        if (lon >= 180) lon -= 360;
        if (lon < -180) lon += 360;
        e.geometry = {QGeoCoordinate(c.y() + jitter(rng) * 0.5, lon)};
        builder.add(e);
    }
    Event call;
    call.id = QStringLiteral("call");
    call.title.insert({}, QStringLiteral("Call"));
    call.when = *TimeSpan::parse(u"2024-06-19");
    call.category = QStringLiteral("treaty");
    call.geometryKind = GeometryKind::Line;
    call.geometry = {QGeoCoordinate(64.7, 177.5), QGeoCoordinate(43.1, 131.9)};
    builder.add(call);
    return PreparedDataset::make({QStringLiteral("clusters")}, builder.build(), test::bundledBaseMap());
}

QImage transparentFrame(QSize size)
{
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    return image;
}

QImage freshLayer(const MapScene &renderer, const Viewport &viewport, const ViewState &state)
{
    QImage image = transparentFrame(viewport.sizePx());
    QPainter p(&image);
    test::paintEvents(p, renderer, state, viewport);
    return image;
}

QImage cachedLayer(EventLayerCache &cache, const MapScene &renderer, const Viewport &viewport, const ViewState &state)
{
    QImage image = transparentFrame(viewport.sizePx());
    QPainter p(&image);
    cache.paint(p, renderer, MapFrame{*PreparedDataset::of(state), state, viewport});
    return image;
}

} // namespace

TEST_CASE("A pan blits the cached event layer with the pixels of a fresh drawing", "[render]")
{
    ViewState state;
    std::shared_ptr<const ProjectedBaseMap> projected;
    Viewport start;
    SECTION("the bundled events, faded outside a window, one selected")
    {
        const auto dataset = test::preparedBundledDataset();
        state.setDataset(dataset);
        state.setTimeWindow(TimeWindow{FuzzyDate::parse(u"2024-06")->startMs, FuzzyDate::parse(u"2025")->startMs});
        state.setOutOfWindowMode(OutOfWindowMode::Faded);
        state.setSelectedEvent(test::kimPutinCall(*dataset->events));
        // Kursk to Pyongyang (framing every event would show the world, where pans hit its top).
        start = Viewport(WebMercator::toMercatorM(QPointF(80, 50)), 9000, QSize(800, 600));
    }
    SECTION("clusters on both sides of the antimeridian, the view across it")
    {
        state.setDataset(clusteredDataset());
        // Markers, whose groups are anchored to the map (Auto would draw these piles as
        // clusters, which are not: see EventLayerCache).
        state.setMarkStyle(MarkStyle::Markers);
        start = Viewport(WebMercator::toMercatorM(QPointF(179.9, 62)), 2500, QSize(800, 600));
    }
    projected = std::make_shared<ProjectedBaseMap>(state.dataset()->baseMap);
    const MapScene renderer(projected);
    REQUIRE_FALSE(EventLayerRenderer::drawsDensityBins(*PreparedDataset::of(state), state));
    EventLayerCache cache(256);
    // The first frame of a state is drawn straight, the second makes the layer, pans reuse it.
    const QImage first = cachedLayer(cache, renderer, start, state);
    CHECK_FALSE(cache.lastPaintReused());
    CHECK_FALSE(cache.lastPaintMadeLayer());
    CHECK(first == freshLayer(renderer, start, state));
    CHECK(cachedLayer(cache, renderer, start, state) == first);
    CHECK(cache.lastPaintMadeLayer());
    for (const QPoint delta : {QPoint(37, -21), QPoint(-200, 150), QPoint(256, -256), QPoint(-3, 255)}) {
        Viewport moved = start;
        moved.panByPx(delta);
        const QImage panned = cachedLayer(cache, renderer, moved, state);
        CHECK(cache.lastPaintReused());
        CHECK(panned == freshLayer(renderer, moved, state));
    }
    // Past the margin, or at another scale, the layer is drawn again.
    Viewport far = start;
    far.panByPx({300, 0});
    CHECK(cachedLayer(cache, renderer, far, state) == freshLayer(renderer, far, state));
    CHECK_FALSE(cache.lastPaintReused());
    CHECK(cache.lastPaintMadeLayer());
    Viewport zoomed = far;
    zoomed.zoomAbout({400, 300}, 1.5);
    CHECK(cachedLayer(cache, renderer, zoomed, state) == freshLayer(renderer, zoomed, state));
    CHECK_FALSE(cache.lastPaintReused());
}

TEST_CASE("The cached event layer is drawn again after a change of filter, window, selection or data", "[render]")
{
    const auto dataset = clusteredDataset();
    ViewState state;
    state.setDataset(dataset);
    const auto projected = std::make_shared<ProjectedBaseMap>(dataset->baseMap);
    const MapScene renderer(projected);
    const Viewport viewport(WebMercator::toMercatorM(QPointF(130, 41)), 2500, QSize(800, 600));
    EventLayerCache cache(128);
    QImage before = cachedLayer(cache, renderer, viewport, state);
    REQUIRE(cachedLayer(cache, renderer, viewport, state) == before);
    REQUIRE(cache.lastPaintMadeLayer());
    REQUIRE(cachedLayer(cache, renderer, viewport, state) == before);
    REQUIRE(cache.lastPaintReused());

    const auto changed = [&](const char *what, const std::function<void()> &change) {
        INFO(what);
        change();
        const QImage after = cachedLayer(cache, renderer, viewport, state);
        CHECK_FALSE(cache.lastPaintReused());
        CHECK(after != before);
        CHECK(after == freshLayer(renderer, viewport, state));
        // The layer made again for the new state, then reused.
        CHECK(cachedLayer(cache, renderer, viewport, state) == after);
        CHECK(cache.lastPaintMadeLayer());
        CHECK(cachedLayer(cache, renderer, viewport, state) == after);
        CHECK(cache.lastPaintReused());
        before = after;
    };
    changed("filter", [&] { state.setHiddenCategories({QStringLiteral("treaty")}); });
    changed("time window", [&] {
        state.setTimeWindow(TimeWindow{FuzzyDate::parse(u"2024-03")->startMs, FuzzyDate::parse(u"2024-05")->startMs});
    });
    changed("faded events", [&] { state.setOutOfWindowMode(OutOfWindowMode::Faded); });
    changed("selection", [&] {
        const auto &visible = state.visibleEvents();
        REQUIRE_FALSE(visible.empty());
        state.setSelectedEvent(visible.front());
    });
    changed("data", [&] { state.setDataset(clusteredDataset(1.0)); });
}

TEST_CASE("Marker groups are anchored to the map: a pan keeps the same events together", "[render]")
{
    const auto dataset = clusteredDataset();
    ViewState state;
    state.setDataset(dataset);
    state.setMarkStyle(MarkStyle::Markers); // Auto draws these piles as clusters
    const auto projected = std::make_shared<ProjectedBaseMap>(dataset->baseMap);
    const MapScene renderer(projected);
    const Viewport start(WebMercator::toMercatorM(QPointF(130, 41)), 2500, QSize(800, 600));
    const auto groupsOf = [&](const Viewport &viewport) {
        QImage image = transparentFrame(viewport.sizePx());
        QPainter p(&image);
        MapHits hits;
        hits = test::paintEvents(p, renderer, state, viewport);
        return hits;
    };
    const MapHits before = groupsOf(start);
    REQUIRE(before.markers.size() > 20);
    REQUIRE(std::any_of(before.markers.begin(), before.markers.end(), [](const auto &m) { return m.count > 1; }));
    for (const QPointF delta : {QPointF(3, 5), QPointF(-5, 2), QPointF(4.5, -3.25), QPointF(-123, 77)}) {
        INFO("pan by " << delta.x() << ", " << delta.y());
        Viewport moved = start;
        moved.panByPx(delta);
        const MapHits after = groupsOf(moved);
        int compared = 0;
        for (const MapHits::Marker &m : before.markers) {
            const QPointF px = m.px + delta;
            if (px.x() < 20 || px.y() < 20 || px.x() > 780 || px.y() > 580) continue;
            const auto same = std::find_if(after.markers.begin(), after.markers.end(),
                                           [&](const MapHits::Marker &a) { return a.first == m.first; });
            REQUIRE(same != after.markers.end());
            CHECK(same->count == m.count);
            CHECK(same->cell == m.cell);
            CHECK(same->px.x() == Approx(px.x()).margin(1e-6));
            CHECK(same->px.y() == Approx(px.y()).margin(1e-6));
            // The group under the marker: the same events before and after.
            CHECK(test::eventsAt(renderer, px, moved, state, after) ==
                  test::eventsAt(renderer, m.px, start, state, before));
            ++compared;
        }
        CHECK(compared > 20);
    }
}

TEST_CASE("Place names keep clear of the legend and of the attribution in the map's corners", "[render]")
{
    const auto dataset = test::preparedBundledDataset();
    const MapScene scene(dataset->projectedBaseMap());
    ViewState state;
    state.setDataset(dataset);
    const QSize size(900, 600);
    const QRectF attribution = MapLegend().attributionRect(QRectF(QPointF(0, 0), QSizeF(size)));
    // Regional views across Eastern Europe and Russia, where the names are dense: many put a
    // name close to a corner, and none goes under the legend or the attribution.
    int namesBeside = 0, namesBesideLegend = 0;
    for (double lon = 20; lon <= 60; lon += 4)
        for (double lat = 44; lat <= 60; lat += 4) {
            const Viewport viewport(WebMercator::toMercatorM(QPointF(lon, lat)), 1500, size);
            QImage image(size, QImage::Format_ARGB32_Premultiplied);
            QPainter painter(&image);
            MapFrameResult drawn;
            scene.paint(painter, MapFrame{*dataset, state, viewport}, drawn);
            for (const auto &name : drawn.names) {
                INFO(name.name.toStdString() << " at " << lon << "°, " << lat << "°");
                CHECK_FALSE(name.box.intersects(attribution));
                CHECK_FALSE(name.box.intersects(drawn.legendRect));
                namesBeside += name.box.intersects(attribution.adjusted(-60, -30, 0, 0));
                namesBesideLegend += name.box.intersects(drawn.legendRect.adjusted(0, -30, 60, 0));
            }
        }
    CHECK(namesBeside > 10);
    CHECK(namesBesideLegend > 10);
}

TEST_CASE("At scale 2 wide borders and coasts drawn segment by segment cover what Qt's stroker covers", "[render]")
{
    // The raster path draws each segment of a wide line on its own (BaseMapRenderer::render);
    // a QPicture is a vector device, so it records the polylines, and replaying it on an image
    // strokes them as Qt always did. Both at scale 2, the 4K snapshot's scale, over the Kursk
    // front (national border, admin-1 borders) and the Korean coasts.
    constexpr double dpr = 2;
    const auto projected = std::make_shared<ProjectedBaseMap>(test::bundledBaseMap());
    const BaseMapRenderer base(projected);
    for (const QPointF centre : {QPointF(35.5, 51.5), QPointF(128, 38)}) {
        INFO("centre " << centre.x() << ", " << centre.y());
        const Viewport viewport(WebMercator::toMercatorM(centre), 1500, QSize(500, 400));
        const auto blank = [&] {
            QImage image(viewport.sizePx() * dpr, QImage::Format_RGB32);
            image.setDevicePixelRatio(dpr);
            image.fill(Qt::white);
            return image;
        };
        QImage bySegment = blank();
        {
            QPainter p(&bySegment);
            base.render(p, viewport, {});
        }
        QPicture recorded;
        {
            QPainter p(&recorded);
            base.render(p, viewport, {});
        }
        QImage stroked = blank();
        {
            QPainter p(&stroked);
            p.drawPicture(0, 0, recorded);
        }
        // The same lines: about as many dark pixels (the rasterizer's edge pixels come out a
        // shade darker: some 20 % more of them pass the threshold), and nearly every pixel within
        // 48 levels (some thirty apart of 400,000; square caps, whose corners stick out where
        // segments meet, put some 450 apart).
        const auto darkPixels = [](const QImage &image) {
            qint64 dark = 0;
            for (int y = 0; y < image.height(); ++y)
                for (int x = 0; x < image.width(); ++x)
                    dark += qGray(image.pixel(x, y)) < 140;
            return dark;
        };
        const qint64 darkStroked = darkPixels(stroked), darkSegments = darkPixels(bySegment);
        INFO("dark pixels: stroked " << darkStroked << ", by segment " << darkSegments);
        CHECK(darkStroked > 400); // national borders run through both views
        CHECK(std::abs(darkSegments - darkStroked) < darkStroked / 3);
        qint64 apart = 0;
        for (int y = 0; y < stroked.height(); ++y)
            for (int x = 0; x < stroked.width(); ++x)
                apart += !near(stroked.pixelColor(x, y), bySegment.pixelColor(x, y), 48);
        INFO("pixels more than 48 levels apart: " << apart);
        CHECK(apart < qint64(stroked.width()) * stroked.height() / 2000);
    }
}
