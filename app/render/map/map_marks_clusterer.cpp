// SPDX-License-Identifier: GPL-3.0-or-later
#include "render/map/map_marks_clusterer.h"

#include "render/map/integer_rounding.h"
#include "render/map/web_mercator.h"

#include <QHash>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace chronomap {

namespace {

struct Circle {
    double sumX = 0, sumY = 0; ///< screen px, summed over the events
    int count = 0;
    QPointF centre() const { return {sumX / count, sumY / count}; }
};

} // namespace

double MapMarksClusterer::radiusOf(int count, int maxCount)
{
    if (maxCount <= 0) return kMinRadiusPx;
    return std::clamp(kMaxRadiusPx * std::sqrt(double(count) / maxCount), kMinRadiusPx, kMaxRadiusPx);
}

MapMarksClusterer::Result MapMarksClusterer::cluster(const MapFrame &frame, double reachPx)
{
    Result result;
    if (!frame.data.events) return result;
    const EventStore &store = *frame.data.events;
    const auto &mercator = frame.data.pointsMercator();
    const auto &visible = frame.state.visibleEvents();
    const Viewport &viewport = frame.viewport;
    const bool fills = frame.data.projectedBaseMap() != nullptr;
    const QTransform t = viewport.mercatorToScreen();
    const QSize size = viewport.sizePx();
    const size_t categories = size_t(store.categories().size()) + 1;

    // Cells of the grid anchored at the world's north-west corner (of each world copy), over the
    // view and its reach.
    // Multiplied by the inverse: two divisions per event were most of a frame at a million.
    const double cellM = kCellPx * viewport.metresPerPixel(), half = WebMercator::kWorldWidthM / 2;
    const double cellsPerM = 1 / cellM;
    const auto cellOf = [&](QPointF m) {
        return QPoint(floorToInt((m.x() + half) * cellsPerM), floorToInt((half - m.y()) * cellsPerM));
    };
    struct CopyGrid {
        double shift;
        QPoint first;
        int columns, rows;
        std::vector<int> circle; ///< circle by cell from `first`, -1 for none yet
    };
    std::vector<CopyGrid> grids;
    for (double shift : viewport.worldCopies()) {
        const QPoint a = cellOf(viewport.toMercatorM(QPointF(-reachPx, -reachPx)) - QPointF(shift, 0));
        const QPoint b =
            cellOf(viewport.toMercatorM(QPointF(size.width() + reachPx, size.height() + reachPx)) - QPointF(shift, 0));
        const int columns = b.x() - a.x() + 1, rows = b.y() - a.y() + 1;
        if (columns <= 0 || rows <= 0) continue;
        grids.push_back({shift, a, columns, rows, std::vector<int>(size_t(columns) * size_t(rows), -1)});
    }
    std::vector<Circle> circles;
    std::vector<int> categoryCounts;                        // circles x categories: a circle's count by category index
    std::vector<std::pair<EventStore::Index, int>> members; // (event, circle), newest first
    // An event in view in several world copies is a member once per copy: room for all at once
    // (grown by doubling, a 4K export copied 2.4 MB through two smaller arrays, fresh pages).
    members.reserve(visible.size() * std::max<size_t>(1, grids.size()));
    // As QRectF::contains, inline (a library call per event).
    const double reachX0 = -reachPx, reachY0 = -reachPx, reachX1 = size.width() + reachPx,
                 reachY1 = size.height() + reachPx;
    for (auto it = visible.rbegin(); it != visible.rend(); ++it) {
        const EventStore::Index i = *it;
        if (!frame.data.isPoint(i) || (fills && frame.data.isRegionLevel(i))) continue;
        const QPointF m = mercator[size_t(i)];
        if (!std::isfinite(m.x()) || !std::isfinite(m.y())) continue;
        const QPoint cell = cellOf(m);
        for (CopyGrid &grid : grids) {
            const int cx = cell.x() - grid.first.x(), cy = cell.y() - grid.first.y();
            if (cx < 0 || cy < 0 || cx >= grid.columns || cy >= grid.rows) continue;
            const QPointF px((m.x() + grid.shift) * t.m11() + t.dx(), m.y() * t.m22() + t.dy());
            if (!(px.x() >= reachX0 && px.x() <= reachX1 && px.y() >= reachY0 && px.y() <= reachY1)) continue;
            int &c = grid.circle[size_t(cy) * size_t(grid.columns) + size_t(cx)];
            if (c < 0) {
                c = int(circles.size());
                circles.push_back({});
                categoryCounts.resize(categoryCounts.size() + categories, 0);
            }
            Circle &circle = circles[size_t(c)];
            circle.sumX += px.x();
            circle.sumY += px.y();
            ++circle.count;
            ++categoryCounts[size_t(c) * categories + std::min<size_t>(store.categoryIndex(i), categories - 1)];
            members.emplace_back(i, c);
        }
    }
    if (circles.empty()) return result;

    // Merge overlapping circles until none overlap. Radii scale by the largest cell's count while
    // merging; a circle merged past it stays at the largest radius.
    int scaleCount = 0;
    for (const Circle &c : circles)
        scaleCount = std::max(scaleCount, c.count);
    std::vector<int> parent(circles.size());
    std::iota(parent.begin(), parent.end(), 0);
    std::vector<int> alive(circles.size());
    std::iota(alive.begin(), alive.end(), 0);
    const double bucketPx = 2 * kMaxRadiusPx + kGapPx;
    for (bool merged = true; merged;) {
        merged = false;
        QHash<quint64, std::vector<int>> buckets;
        const auto keyOf = [](int bx, int by) { return (quint64(quint32(bx)) << 32) | quint32(by); };
        for (int c : alive) {
            const QPointF p = circles[size_t(c)].centre();
            buckets[keyOf(int(std::floor(p.x() / bucketPx)), int(std::floor(p.y() / bucketPx)))].push_back(c);
        }
        for (int c : alive) {
            if (parent[size_t(c)] != c) continue;
            Circle &a = circles[size_t(c)];
            const QPointF p = a.centre();
            const int bx = int(std::floor(p.x() / bucketPx)), by = int(std::floor(p.y() / bucketPx));
            for (int dx = -1; dx <= 1; ++dx)
                for (int dy = -1; dy <= 1; ++dy) {
                    const auto bucket = buckets.constFind(keyOf(bx + dx, by + dy));
                    if (bucket == buckets.constEnd()) continue;
                    for (int o : *bucket) {
                        if (o == c || parent[size_t(o)] != o) continue;
                        Circle &b = circles[size_t(o)];
                        const QPointF q = b.centre(), ap = a.centre();
                        const double need = radiusOf(a.count, scaleCount) + radiusOf(b.count, scaleCount) + kGapPx;
                        if (std::hypot(q.x() - ap.x(), q.y() - ap.y()) >= need) continue;
                        a.sumX += b.sumX;
                        a.sumY += b.sumY;
                        a.count += b.count;
                        for (size_t k = 0; k < categories; ++k)
                            categoryCounts[size_t(c) * categories + k] += categoryCounts[size_t(o) * categories + k];
                        parent[size_t(o)] = c;
                        merged = true;
                    }
                }
        }
        std::erase_if(alive, [&](int c) { return parent[size_t(c)] != c; });
    }
    const auto root = [&](int c) {
        while (parent[size_t(c)] != c)
            c = parent[size_t(c)];
        return c;
    };

    // Final radii by the largest circle: none grows, so none comes to overlap.
    for (int c : alive)
        result.maxCount = std::max(result.maxCount, circles[size_t(c)].count);
    std::vector<int> groupOf(circles.size(), -1);
    const QRectF view(QPointF(0, 0), QSizeF(size));
    for (int c : alive) {
        const Circle &circle = circles[size_t(c)];
        MarkGroup g;
        g.px = circle.centre();
        g.count = circle.count;
        g.radiusPx = radiusOf(circle.count, result.maxCount);
        if (!view.adjusted(-g.radiusPx, -g.radiusPx, g.radiusPx, g.radiusPx).contains(g.px)) continue;
        const int *counts = categoryCounts.data() + size_t(c) * categories;
        for (size_t k = 0; k < categories; ++k)
            if (counts[k] > 0) g.categories.emplace_back(quint16(k), counts[k]);
        std::stable_sort(g.categories.begin(), g.categories.end(),
                         [](const auto &x, const auto &y) { return x.second > y.second; });
        g.events.reserve(size_t(g.count));
        groupOf[size_t(c)] = int(result.clusters.size());
        result.clusters.push_back(std::move(g));
    }
    for (const auto &[event, c] : members)
        if (const int g = groupOf[size_t(root(c))]; g >= 0) {
            auto &events = result.clusters[size_t(g)].events;
            // The same event once, though world copies may put it in one cluster twice.
            if (events.empty() || events.back() != event) events.push_back(event);
        }
    return result;
}

} // namespace chronomap
