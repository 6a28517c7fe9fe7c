// SPDX-License-Identifier: GPL-3.0-or-later
// Map figures: frames of the map as MapView draws them, headless on a 1920x1080 QImage over the
// focus area of the synthetic data, and the point → admin-1 region lookup.
//  - map.frame.full.ms: base map, events and labels drawn from scratch (no base map image, as
//    after a zoom or a resize: MapView then draws the view alone), 100,000 events (markers).
//  - map.frame.pan.ms: the base map image and the event layer (EventLayerCache) cached once,
//    then per frame both blitted at an offset (what panning costs), 100,000 events.
//  - map.frame.pan_redraw.ms: as pan, but the events drawn afresh every frame instead of from
//    the cached layer (how panning drew before EventLayerCache), for a ratio within one run.
//  - map.frame.events_layer.ms: the event layer drawn afresh into its cache (view plus margin)
//    and blitted, as on the first frame of a pan after a change of state or scale (the frame of
//    the change itself draws the events straight, as the redraw figure).
//  - map.frame.basemap.ms: the base map and its labels alone, from scratch (part of full).
//  - map.frame.basemap_margin.ms: the same with MapView's 256 px margin for panning on every
//    side, as drawn once zooming pauses (or by a pan straight after a zoom).
//  - map.frame.1m.ms: as full, with the run's events (1,000,000 by default: density bins).
//  - map.hit.region.us: RegionIndex::regionAt for random points in the focus area, per call.
// The renderers are built once per dataset (as MapView does), and the first frame is drawn
// untimed (glyph caches, the renderer's Mercator projection of the events).
#include "bench_scene.h"
#include "figure_groups.h"
#include "process_stats.h"

#include "render/map/base_map_renderer.h"
#include "render/map/event_layer_cache.h"
#include "render/map/map_scene.h"
#include "core/geo/region_index.h"
#include "render/map/map_style.h"
#include "render/map/projected_base_map.h"
#include "core/view/view_state.h"

#include <QElapsedTimer>
#include <QImage>
#include <QPainter>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <random>

namespace chronomap::bench {

namespace {

constexpr QSize kFrameSize(1920, 1080);
constexpr int kCacheMarginPx = 256; // as MapView
constexpr int kHitCalls = 20'000;

int frameRuns(const BenchContext &context)
{
    return std::max(7, context.repetitions());
}

struct Scene {
    std::unique_ptr<MapScene> map;
    ViewState state;
    const BaseMapRenderer &base() const { return *map->baseMapRenderer(); }
    MapFrame frame(const Viewport &viewport) const { return {*PreparedDataset::of(state), state, viewport}; }
};

/// One full frame of every layer of the map scene (base map, events, names, legend), as the
/// window draws it without its caches. Returns ms.
double fullFrame(QImage &image, const Scene &scene, const Viewport &viewport)
{
    QElapsedTimer timer;
    timer.start();
    QPainter painter(&image);
    MapFrameResult drawn;
    scene.map->paint(painter, scene.frame(viewport), drawn);
    painter.end();
    return elapsedMs(timer.nsecsElapsed());
}

bool makeScene(Scene &scene, std::shared_ptr<const BaseMap> baseMap, std::shared_ptr<const EventStore> store)
{
    if (!baseMap || !store || store->isEmpty()) return false;
    showStore(scene.state, std::move(store), std::move(baseMap));
    scene.map = std::make_unique<MapScene>(PreparedDataset::of(scene.state)->projectedBaseMap());
    return true;
}

double medianFullFrame(const BenchContext &context, Scene &scene, const Viewport &viewport)
{
    QImage image(kFrameSize, QImage::Format_ARGB32_Premultiplied);
    (void)fullFrame(image, scene, viewport); // warm-up
    std::vector<double> ms;
    for (int i = 0; i < frameRuns(context); ++i)
        ms.push_back(fullFrame(image, scene, viewport));
    return median(ms);
}

/// The base map alone (with its labels), drawn from scratch: the part of a full frame that
/// does not depend on the events.
double medianBaseMapFrame(const BenchContext &context, Scene &scene, const Viewport &viewport)
{
    QImage image(viewport.sizePx(), QImage::Format_ARGB32_Premultiplied);
    std::vector<double> ms;
    for (int i = 0; i <= frameRuns(context); ++i) {
        QElapsedTimer timer;
        timer.start();
        QPainter painter(&image);
        scene.base().render(painter, viewport, scene.state.language());
        scene.base().renderLabels(painter, viewport, scene.state.language());
        painter.end();
        if (i > 0) ms.push_back(elapsedMs(timer.nsecsElapsed()));
    }
    return median(ms);
}

double medianPanFrame(const BenchContext &context, Scene &scene, const Viewport &viewport, bool redraw = false)
{
    // The cache as MapView::renderBaseCache makes it: the view plus a margin on every side.
    const QSize cacheSize = kFrameSize + QSize(2 * kCacheMarginPx, 2 * kCacheMarginPx);
    const Viewport cacheViewport(viewport.centreMercatorM(), viewport.metresPerPixel(), cacheSize);
    QImage cache(cacheSize, QImage::Format_RGB32); // opaque, as MapView's
    {
        QPainter p(&cache);
        scene.base().render(p, cacheViewport, scene.state.language());
        scene.base().renderLabels(p, cacheViewport, scene.state.language());
    }
    QImage image(kFrameSize, QImage::Format_ARGB32_Premultiplied);
    EventLayerCache events(kCacheMarginPx);
    // A frame of the state before the pan, drawn straight (the pan's first frame makes the layer).
    {
        QPainter painter(&image);
        events.paint(painter, *scene.map, scene.frame(viewport));
    }
    Viewport moving = viewport;
    std::vector<double> ms;
    for (int i = 0; i <= frameRuns(context); ++i) {
        moving.panByPx(QPointF(i % 2 ? -17 : 23, i % 3 ? 9 : -11)); // stays well inside the margin
        QElapsedTimer timer;
        timer.start();
        QPainter painter(&image);
        const QPointF offset = cacheViewport.toScreenPx(moving.centreMercatorM()) -
                               cacheViewport.toScreenPx(cacheViewport.centreMercatorM());
        painter.drawImage(QPointF(-kCacheMarginPx, -kCacheMarginPx) - offset, cache);
        if (redraw) {
            MapFrameResult drawn;
            scene.map->paintGroup(MapScene::Group::Events, painter, scene.frame(moving), drawn);
        } else {
            events.paint(painter, *scene.map, scene.frame(moving));
        }
        painter.end();
        // The first frame is the warm-up, and draws the event layer; a later pan that missed the
        // cache would measure the wrong thing, so it shows as -1.
        if (i > 0) {
            if (!redraw && !events.lastPaintReused()) return -1;
            ms.push_back(elapsedMs(timer.nsecsElapsed()));
        }
    }
    return median(ms);
}

/// The event layer drawn afresh into its cache and blitted, after a frame drawn straight.
double medianEventLayerFrame(const BenchContext &context, Scene &scene, const Viewport &viewport)
{
    QImage image(kFrameSize, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    EventLayerCache events(kCacheMarginPx);
    std::vector<double> ms;
    for (int i = 0; i <= frameRuns(context); ++i) {
        events.invalidate();
        QPainter painter(&image);
        events.paint(painter, *scene.map, scene.frame(viewport)); // drawn straight, the first frame
        QElapsedTimer timer;
        timer.start();
        events.paint(painter, *scene.map, scene.frame(viewport)); // the second makes the layer
        painter.end();
        if (!events.lastPaintMadeLayer()) return -1;
        if (i > 0) ms.push_back(elapsedMs(timer.nsecsElapsed()));
    }
    return median(ms);
}

void hitFigures(const std::shared_ptr<const BaseMap> &baseMap, Figures &figures)
{
    if (!baseMap || !baseMap->regions) return;
    const RegionIndex &index = *baseMap->regions;
    std::mt19937_64 rng(7);
    std::uniform_real_distribution<double> lon(20.0, 140.0), lat(35.0, 65.0);
    std::vector<std::pair<double, double>> points(kHitCalls);
    for (auto &p : points)
        p = {lon(rng), lat(rng)};
    for (int i = 0; i < 200; ++i)
        (void)index.regionAt(points[size_t(i)].first, points[size_t(i)].second); // warm-up
    // Median of batch means: one call is too short to time on its own.
    std::vector<double> us;
    qint64 found = 0;
    constexpr int kBatch = 1000;
    for (int b = 0; b < kHitCalls / kBatch; ++b) {
        QElapsedTimer timer;
        timer.start();
        for (int i = b * kBatch; i < (b + 1) * kBatch; ++i)
            found += index.regionAt(points[size_t(i)].first, points[size_t(i)].second) >= 0;
        us.push_back(double(timer.nsecsElapsed()) / 1e3 / kBatch);
    }
    figures.add(QStringLiteral("map.hit.region.us"), median(us), 2);
    figures.add(QStringLiteral("map.hit.region.found_share"), double(found) / kHitCalls, 3);
}

} // namespace

void mapFigures(BenchContext &context, Figures &figures)
{
    loadBundledFonts();
    const std::shared_ptr<const BaseMap> baseMap = benchBaseMap();
    if (!baseMap) return;
    const Viewport viewport = focusViewport(kFrameSize);
    {
        Scene scene;
        if (makeScene(scene, baseMap, storeOf(context, kMapEvents))) {
            figures.add(QStringLiteral("map.frame.full.ms"), medianFullFrame(context, scene, viewport), 2);
            figures.add(QStringLiteral("map.frame.pan.ms"), medianPanFrame(context, scene, viewport), 2);
            figures.add(QStringLiteral("map.frame.pan_redraw.ms"), medianPanFrame(context, scene, viewport, true), 2);
            figures.add(QStringLiteral("map.frame.events_layer.ms"), medianEventLayerFrame(context, scene, viewport),
                        2);
            figures.add(QStringLiteral("map.frame.basemap.ms"), medianBaseMapFrame(context, scene, viewport), 2);
            const Viewport withMargin(viewport.centreMercatorM(), viewport.metresPerPixel(),
                                      kFrameSize + QSize(2 * kCacheMarginPx, 2 * kCacheMarginPx));
            figures.add(QStringLiteral("map.frame.basemap_margin.ms"), medianBaseMapFrame(context, scene, withMargin),
                        2);
        }
    }
    {
        Scene scene;
        if (makeScene(scene, baseMap, context.store())) {
            const QString name = context.events() == 1'000'000 ? QStringLiteral("map.frame.1m.ms")
                                                               : QStringLiteral("map.frame.all_events.ms");
            figures.add(name, medianFullFrame(context, scene, viewport), 2);
        }
    }
    hitFigures(baseMap, figures);
    mapStyleFigures(context, figures, baseMap);
    mapSwitchFigures(context, figures, baseMap);
}

} // namespace chronomap::bench
