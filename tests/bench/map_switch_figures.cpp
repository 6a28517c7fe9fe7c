// SPDX-License-Identifier: GPL-3.0-or-later
// Map switch figures (issue 22, group `map`): how long the map takes from a change of style or
// zoom to the next finished frame, as MapView draws it (headless, 1920x1080, the focus area):
//  - map.switch.style.<n>.ms: View → Map Style changed (Auto → Markers → Clusters → Hexagon bins
//    → Heat → Auto, round and round): the state's style set, then the frame: the cached base map
//    blitted, the event layers drawn straight (EventLayerCache after a change of state), names
//    and legend. The slowest change's median.
//  - map.switch.zoom.<n>.ms: a wheel step in (x1.5) or out, in each style: the base map of the
//    view drawn afresh (MapView's cache after a change of scale), the event layers straight,
//    names and legend. The slowest style's median.
// <n> is 100k (kMapEvents) and 1m (the run's events, when a million). The budget is a frame's
// (16 / 33 ms) plus 50 ms.
#include "bench_scene.h"
#include "figure_groups.h"
#include "process_stats.h"

#include "render/map/event_layer_cache.h"
#include "render/map/map_scene.h"
#include "core/view/view_state.h"

#include <QElapsedTimer>
#include <QImage>
#include <QPainter>

#include <algorithm>

namespace chronomap::bench {

namespace {

constexpr QSize kFrameSize(1920, 1080);

const MarkStyle kStyleCycle[] = {MarkStyle::Auto, MarkStyle::Markers, MarkStyle::Clusters, MarkStyle::HexBins,
                                 MarkStyle::Heat};

/// The map as MapView keeps it: the scene, the base map's cached image and the event layer cache.
struct Window {
    ViewState state;
    std::unique_ptr<MapScene> scene;
    QImage baseCache;
    EventLayerCache events;
    QImage frame{kFrameSize, QImage::Format_ARGB32_Premultiplied};

    void renderBaseCache(const Viewport &viewport)
    {
        baseCache = QImage(viewport.sizePx(), QImage::Format_RGB32);
        QPainter p(&baseCache);
        MapFrameResult drawn;
        scene->paintGroup(MapScene::Group::BaseMap, p, MapFrame{*PreparedDataset::of(state), state, viewport}, drawn);
    }
    /// One frame as MapView::paintEvent draws it, the base map from the cache.
    void paint(const Viewport &viewport)
    {
        QPainter painter(&frame);
        painter.drawImage(QPointF(0, 0), baseCache);
        const MapFrame mapFrame{*PreparedDataset::of(state), state, viewport};
        events.paint(painter, *scene, mapFrame);
        MapFrameResult drawn;
        drawn.labelObstacles = events.labelObstacles();
        drawn.marks = events.marks();
        scene->paintGroup(MapScene::Group::Overlays, painter, mapFrame, drawn);
    }
};

int runs(const BenchContext &context)
{
    return std::max(5, context.repetitions());
}

/// The slowest change of style's median time to its frame.
double styleSwitchMs(const BenchContext &context, Window &window, const Viewport &viewport)
{
    window.renderBaseCache(viewport);
    window.state.setMarkStyle(kStyleCycle[0]);
    window.paint(viewport); // warm-up: sprites, glyphs
    constexpr size_t kStyles = std::size(kStyleCycle);
    std::vector<std::vector<double>> ms(kStyles);
    for (int run = 0; run <= runs(context); ++run)
        for (size_t k = 1; k <= kStyles; ++k) {
            QElapsedTimer timer;
            timer.start();
            window.state.setMarkStyle(kStyleCycle[k % kStyles]);
            window.paint(viewport);
            if (run > 0) ms[k % kStyles].push_back(elapsedMs(timer.nsecsElapsed()));
        }
    double slowest = 0;
    for (const auto &one : ms)
        slowest = std::max(slowest, median(one));
    return slowest;
}

/// The slowest style's median time from a wheel step to its frame.
double zoomSwitchMs(const BenchContext &context, Window &window, const Viewport &viewport)
{
    double slowest = 0;
    for (MarkStyle style : kStyleCycle) {
        window.state.setMarkStyle(style);
        Viewport view = viewport;
        std::vector<double> ms;
        for (int run = 0; run <= 2 * runs(context); ++run) {
            QElapsedTimer timer;
            timer.start();
            view.zoomAbout(QPointF(kFrameSize.width() / 2.0, kFrameSize.height() / 2.0), run % 2 ? 1 / 1.5 : 1.5);
            window.renderBaseCache(view);
            window.paint(view);
            if (run > 0) ms.push_back(elapsedMs(timer.nsecsElapsed()));
        }
        slowest = std::max(slowest, median(ms));
    }
    return slowest;
}

void switchFigures(BenchContext &context, Figures &figures, std::shared_ptr<const EventStore> store,
                   const std::shared_ptr<const BaseMap> &baseMap, const char *size)
{
    Window window;
    showStore(window.state, std::move(store), baseMap);
    window.scene = std::make_unique<MapScene>(PreparedDataset::of(window.state)->projectedBaseMap());
    const Viewport focus = focusViewport(kFrameSize);
    figures.add(QStringLiteral("map.switch.style.%1.ms").arg(QLatin1String(size)),
                styleSwitchMs(context, window, focus), 2);
    figures.add(QStringLiteral("map.switch.zoom.%1.ms").arg(QLatin1String(size)), zoomSwitchMs(context, window, focus),
                2);
}

} // namespace

void mapSwitchFigures(BenchContext &context, Figures &figures, const std::shared_ptr<const BaseMap> &baseMap)
{
    switchFigures(context, figures, storeOf(context, kMapEvents), baseMap, "100k");
    if (context.events() == 1'000'000) switchFigures(context, figures, context.store(), baseMap, "1m");
}

} // namespace chronomap::bench
