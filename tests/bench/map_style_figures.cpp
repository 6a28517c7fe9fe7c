// SPDX-License-Identifier: GPL-3.0-or-later
// Map style figures (issue 22, group `map`): how many events can be read at a glance. Headless
// on a 1920x1080 QImage, the whole world (or the front) in view:
//  - map.marks.world.100k: marks (markers, clusters or hexagon bins) drawn for 100,000 events
//    spread uniformly over the world, MarkStyle::Auto. map.marks.front.100k: the same for
//    100,000 events piled up along a front line (synthetic_layouts.h), framed on the front.
//  - map.overlap.world.100k, map.overlap.front.100k: the share of those marks that another mark
//    covers by more than a quarter of its area (a mark taken as its circle: a marker's, a
//    cluster's, a hexagon's inscribed one).
//  - map.style.<style>.100k.ms: the event layers of the world view of 100,000 uniform events
//    drawn straight (as on the frame of a change of style or zoom), per style (auto, markers,
//    clusters, hexbins, heat). map.style.<style>.1m.ms: the same with the run's events
//    (1,000,000 by default) over their focus area.
#include "bench_scene.h"
#include "figure_groups.h"
#include "process_stats.h"
#include "synthetic_layouts.h"

#include "render/map/map_scene.h"
#include "render/map/web_mercator.h"
#include "core/view/view_state.h"

#include <QElapsedTimer>
#include <QHash>
#include <QImage>
#include <QPainter>

#include <cmath>
#include <numbers>

namespace chronomap::bench {

namespace {

constexpr QSize kFrameSize(1920, 1080);

struct Mark {
    QPointF px;
    double radiusPx;
};

std::vector<Mark> marksOf(const MapHits &hits)
{
    std::vector<Mark> marks;
    for (const auto &m : hits.markers)
        marks.push_back({m.px, hits.markerRadiusPx});
    for (const MarkGroup &g : hits.groups)
        marks.push_back({g.px, hits.marks.style == MarkStyle::HexBins ? g.radiusPx * std::sqrt(3.0) / 2 : g.radiusPx});
    return marks;
}

/// The area two circles share.
double lensArea(double d, double r1, double r2)
{
    if (d >= r1 + r2) return 0;
    if (d <= std::abs(r1 - r2)) return std::numbers::pi * std::pow(std::min(r1, r2), 2);
    const double a = r1 * r1 * std::acos((d * d + r1 * r1 - r2 * r2) / (2 * d * r1));
    const double b = r2 * r2 * std::acos((d * d + r2 * r2 - r1 * r1) / (2 * d * r2));
    const double c = 0.5 * std::sqrt((-d + r1 + r2) * (d + r1 - r2) * (d - r1 + r2) * (d + r1 + r2));
    return a + b - c;
}

double overlapShare(const std::vector<Mark> &marks)
{
    if (marks.empty()) return 0;
    double reach = 1;
    for (const Mark &m : marks)
        reach = std::max(reach, 2 * m.radiusPx);
    QHash<quint64, std::vector<int>> buckets;
    const auto key = [](int x, int y) { return (quint64(quint32(x)) << 32) | quint32(y); };
    for (size_t k = 0; k < marks.size(); ++k)
        buckets[key(int(std::floor(marks[k].px.x() / reach)), int(std::floor(marks[k].px.y() / reach)))].push_back(
            int(k));
    int covered = 0;
    for (size_t k = 0; k < marks.size(); ++k) {
        const Mark &m = marks[k];
        const int bx = int(std::floor(m.px.x() / reach)), by = int(std::floor(m.px.y() / reach));
        bool over = false;
        for (int dx = -1; dx <= 1 && !over; ++dx)
            for (int dy = -1; dy <= 1 && !over; ++dy)
                for (int o : buckets.value(key(bx + dx, by + dy))) {
                    if (size_t(o) == k) continue;
                    const Mark &n = marks[size_t(o)];
                    const double d = std::hypot(n.px.x() - m.px.x(), n.px.y() - m.px.y());
                    if (lensArea(d, m.radiusPx, n.radiusPx) > 0.25 * std::numbers::pi * m.radiusPx * m.radiusPx) {
                        over = true;
                        break;
                    }
                }
        covered += over;
    }
    return double(covered) / double(marks.size());
}

MapHits drawEvents(const MapScene &scene, const ViewState &state, const Viewport &viewport, double *ms = nullptr)
{
    QImage image(viewport.sizePx(), QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QElapsedTimer timer;
    timer.start();
    QPainter painter(&image);
    MapFrameResult drawn;
    scene.paintGroup(MapScene::Group::Events, painter, MapFrame{*PreparedDataset::of(state), state, viewport}, drawn);
    painter.end();
    if (ms) *ms = elapsedMs(timer.nsecsElapsed());
    return drawn.hits;
}

double medianStyleFrame(const BenchContext &context, const MapScene &scene, ViewState &state, MarkStyle style,
                        const Viewport &viewport)
{
    state.setMarkStyle(style);
    (void)drawEvents(scene, state, viewport); // warm-up
    std::vector<double> ms;
    for (int i = 0; i < std::max(5, context.repetitions()); ++i) {
        double one = 0;
        (void)drawEvents(scene, state, viewport, &one);
        ms.push_back(one);
    }
    return median(ms);
}

const std::pair<MarkStyle, const char *> kStyles[] = {{MarkStyle::Auto, "auto"},
                                                      {MarkStyle::Markers, "markers"},
                                                      {MarkStyle::Clusters, "clusters"},
                                                      {MarkStyle::HexBins, "hexbins"},
                                                      {MarkStyle::Heat, "heat"}};

} // namespace

void mapStyleFigures(BenchContext &context, Figures &figures, const std::shared_ptr<const BaseMap> &baseMap)
{
    const Viewport world(QPointF(0, 0), WebMercator::kWorldWidthM / kFrameSize.height(), kFrameSize);
    {
        ViewState state;
        showStore(state, uniformWorldStore(100'000), baseMap);
        const MapScene scene(PreparedDataset::of(state)->projectedBaseMap());
        const MapHits hits = drawEvents(scene, state, world);
        const std::vector<Mark> marks = marksOf(hits);
        figures.add(QStringLiteral("map.marks.world.100k"), double(marks.size()), 0);
        figures.add(QStringLiteral("map.overlap.world.100k"), overlapShare(marks), 4);
        for (const auto &[style, name] : kStyles)
            figures.add(QStringLiteral("map.style.%1.100k.ms").arg(QLatin1String(name)),
                        medianStyleFrame(context, scene, state, style, world), 2);
    }
    {
        ViewState state;
        showStore(state, frontLineStore(100'000), baseMap);
        const MapScene scene(PreparedDataset::of(state)->projectedBaseMap());
        // The front framed: Ukraine's east, about 1,000 km across.
        const Viewport front(WebMercator::toMercatorM(QPointF(35.5, 48.4)), 700, kFrameSize);
        const std::vector<Mark> marks = marksOf(drawEvents(scene, state, front));
        figures.add(QStringLiteral("map.marks.front.100k"), double(marks.size()), 0);
        figures.add(QStringLiteral("map.overlap.front.100k"), overlapShare(marks), 4);
    }
    if (context.events() == 1'000'000) {
        ViewState state;
        showStore(state, context.store(), baseMap);
        const MapScene scene(PreparedDataset::of(state)->projectedBaseMap());
        const Viewport focus = focusViewport(kFrameSize);
        for (const auto &[style, name] : kStyles)
            figures.add(QStringLiteral("map.style.%1.1m.ms").arg(QLatin1String(name)),
                        medianStyleFrame(context, scene, state, style, focus), 2);
    }
}

} // namespace chronomap::bench
