// SPDX-License-Identifier: GPL-3.0-or-later
// What a new user tripped over (issue 18), in the renderers: national borders that look like
// oblast borders, names under markers, a timeline label cut at the edge.
#include "render/map/base_map_renderer.h"
#include "render/map/event_layer_renderer.h"
#include "render/map/map_framing.h"
#include "core/geo/region_index.h"
#include "render/map/map_style.h"
#include "render/map/projected_base_map.h"
#include "render/snapshot/snapshot_composer.h"
#include "render/timeline/timeline_renderer.h"
#include "render/map/web_mercator.h"

#include "prepared_data.h"
#include "scene_painting.h"

#include <QDate>
#include <QImage>
#include <QPainter>

#include <algorithm>
#include <cmath>

#include "../qt_string_maker.h"

#include <catch2/catch.hpp>

using namespace chronomap;

namespace {

std::string text(const QRectF &r)
{
    return QStringLiteral("(%1, %2, %3 x %4)").arg(r.x()).arg(r.y()).arg(r.width()).arg(r.height()).toStdString();
}

double luminance(QRgb c)
{
    return 0.299 * qRed(c) + 0.587 * qGreen(c) + 0.114 * qBlue(c);
}

/// How much darker than `background` the device pixels within `radiusPx` logical pixels of
/// `logicalPx` are, summed: a line's weight times its darkness.
double inkAround(const QImage &image, QPointF logicalPx, double radiusPx, double background)
{
    const double s = image.devicePixelRatio();
    const QPoint c = (logicalPx * s).toPoint();
    const int r = int(std::round(radiusPx * s));
    double ink = 0;
    for (int y = c.y() - r; y <= c.y() + r; ++y)
        for (int x = c.x() - r; x <= c.x() + r; ++x)
            if (image.rect().contains(x, y)) ink += std::max(0.0, background - luminance(image.pixel(x, y)));
    return ink / (s * s); // per logical pixel², so both scales compare
}

/// The median ink round the vertices of `borders` that fall well inside the view.
double medianInk(const QImage &image, const Viewport &viewport, const QList<ProjectedLines> &borders, double background)
{
    std::vector<double> inks;
    const QTransform t = viewport.mercatorToScreen();
    const QRectF inside = QRectF(QPointF(0, 0), viewport.sizePx()).adjusted(20, 20, -20, -20);
    for (const ProjectedLines &lines : borders)
        for (const QPolygonF &part : lines.parts)
            for (const QPointF &m : part)
                if (const QPointF px = t.map(m); inside.contains(px))
                    inks.push_back(inkAround(image, px, 3, background));
    REQUIRE(inks.size() >= 20);
    std::nth_element(inks.begin(), inks.begin() + inks.size() / 2, inks.end());
    return inks[inks.size() / 2];
}

} // namespace

TEST_CASE("National borders are drawn heavier and darker than admin-1 borders, on screen and in exports", "[render]")
{
    const auto projected = std::make_shared<ProjectedBaseMap>(test::bundledBaseMap());
    const BaseMapRenderer base(projected);
    const auto &regions = *test::bundledBaseMap()->regions;
    const int kursk = regions.find(QStringLiteral("RU-KRS"));
    const int belgorod = regions.find(QStringLiteral("RU-BEL"));
    REQUIRE(kursk >= 0);
    REQUIRE(belgorod >= 0);
    // Kursk's border with Ukraine is national (held by whichever of Kursk and Sumy comes first);
    // its border with Belgorod is not.
    qsizetype national = 0;
    for (const ProjectedLines &l : projected->nationalBorders)
        national += l.parts.size();
    REQUIRE(national > 0);

    const double background = luminance(MapStyle::standard().focusLand.rgb());
    // From oblasts filling the view to a whole-country view where admin-1 lines still show.
    const double scale = GENERATE(1.0, 2.0); // 2: a 4K snapshot, a high-DPI screen
    const double metresPerPixel = GENERATE(800.0, 2500.0);
    const Viewport viewport(WebMercator::toMercatorM(QPointF(36.5, 51.2)), metresPerPixel, QSize(800, 600));
    REQUIRE(viewport.zoomLevel() >= 3.0); // admin-1 borders are drawn
    QImage image((QSizeF(viewport.sizePx()) * scale).toSize(), QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(scale);
    QPainter painter(&image);
    base.render(painter, viewport, {});
    painter.end();

    INFO("scale " << scale << ", " << metresPerPixel << " m/px");
    const double nationalInk = medianInk(image, viewport, projected->nationalBorders, background);
    const double oblastInk = medianInk(image, viewport, projected->regionBorders, background);
    INFO("national ink " << nationalInk << ", admin-1 ink " << oblastInk);
    CHECK(nationalInk > 2.0 * oblastInk);
}

TEST_CASE("Names go after the markers, to a free side or nowhere, and the selected place's name stays readable",
          "[render]")
{
    loadBundledFonts();
    const auto dataset = test::preparedBundledDataset();
    const auto projected = std::make_shared<ProjectedBaseMap>(dataset->baseMap);
    const BaseMapRenderer base(projected);
    const MapScene events(projected);
    ViewState state;
    state.setDataset(dataset);
    state.setTimeWindow(
        TimeWindow{FuzzyDate::parse(u"2024-06")->startMs, FuzzyDate::parse(u"2025-08")->endExclusiveMs()});
    // The event nearest Kursk (the city): selected, its ring round the town.
    const QPointF kurskCity(36.19, 51.73);
    const EventStore &store = *dataset->events;
    EventStore::Index atKursk = -1;
    double nearest = 0.2; // degrees
    for (EventStore::Index i : state.visibleEvents()) {
        const double d = std::hypot(store.lonDeg(i) - kurskCity.x(), store.latDeg(i) - kurskCity.y());
        if (d < nearest) {
            nearest = d;
            atKursk = i;
        }
    }
    REQUIRE(atKursk >= 0);
    state.setSelectedEvent(atKursk);

    // Moscow, Kursk, Pyongyang, Seoul in one view: the window's events in Eurasia (framing the
    // statements in Washington and the Alaska summit too would make it the world).
    const QSize size(1600, 800);
    EventStore::IndexList eurasian;
    for (EventStore::Index i : state.visibleEvents())
        if (store.geometryKind(i) == GeometryKind::Line || (store.lonDeg(i) > 25 && store.lonDeg(i) < 135))
            eurasian.push_back(i);
    const Viewport viewport = MapFraming::frameEvents(*PreparedDataset::of(dataset), &eurasian, size);
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    QPainter painter(&image);
    base.render(painter, viewport, {});
    MapHits hits;
    hits = test::paintEvents(painter, events, state, viewport);
    const LabelObstacles obstacles = hits.labelObstacles();
    const auto placed = base.renderLabels(painter, viewport, {}, obstacles);
    painter.end();

    REQUIRE(obstacles.rects.size() > 5);
    REQUIRE(obstacles.selectedPx.size() >= 1);
    QStringList names;
    for (const auto &label : placed) {
        names.append(label.name);
        for (const QRectF &o : obstacles.rects) {
            INFO(label.name.toStdString() << " at " << text(label.box) << " over a marker at " << text(o));
            CHECK_FALSE(label.box.intersects(o));
        }
    }
    INFO(names.join(QStringLiteral(", ")).toStdString());
    // The capitals with markers on them move aside rather than vanish; Kursk, selected, is named.
    for (const char *name : {"Moscow", "Pyongyang", "Seoul", "Kursk"})
        CHECK(names.contains(QLatin1String(name)));
    // ... and drawn over everything: the label colour's text is there in its box.
    for (const auto &label : placed) {
        if (label.name != u"Kursk") continue;
        int ink = 0;
        const QRect box = label.box.toAlignedRect() & image.rect();
        for (int y = box.top(); y <= box.bottom(); ++y)
            for (int x = box.left(); x <= box.right(); ++x)
                ink += luminance(image.pixel(x, y)) < 90;
        CHECK(ink > 15);
    }
}

TEST_CASE("The snapshot's timeline ends its last label with an ellipsis, not cut at the edge", "[render]")
{
    loadBundledFonts();
    const auto dataset = test::preparedBundledDataset();
    ViewState state;
    state.setDataset(dataset);
    // The README's example: June 2024 to August 2025 with the Kim–Putin call selected.
    state.setTimeWindow(
        TimeWindow{FuzzyDate::parse(u"2024-06")->startMs, FuzzyDate::parse(u"2025-08")->endExclusiveMs()});
    state.setSelectedEvent(test::kimPutinCall(*dataset->events));
    const double width = GENERATE(1920.0, 1280.0, 1000.0);
    const QSizeF size(width, width * 9 / 16);
    SnapshotComposer composer(state, {});
    QImage image(size.toSize(), QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter painter(&image);
    const auto layout = composer.paint(painter, size);
    painter.end();
    REQUIRE(layout);
    const TimelineRenderer timeline;
    const auto parts = timeline.layoutFor(layout->timeline, state);
    // The last two pixel columns inside the plot hold no text: a label running into the edge
    // ends in "…" before it.
    int textPixels = 0;
    for (int x = int(std::floor(parts.plot.right())) - 2; x < int(std::floor(parts.plot.right())); ++x)
        for (int y = int(parts.lanes.top()) + 1; y < int(parts.lanes.bottom()) - 1; ++y)
            textPixels += luminance(image.pixel(x, y)) < 110;
    INFO("width " << width << ", plot " << text(parts.plot));
    CHECK(textPixels == 0);
}
