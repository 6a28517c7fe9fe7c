// SPDX-License-Identifier: GPL-3.0-or-later
#include "render/map/hexbin_layer.h"

#include "core/view/view_state.h"
#include "render/category_style.h"
#include "render/map/integer_rounding.h"
#include "render/map/screen_geometry.h"
#include "render/map/web_mercator.h"

#include <QHash>
#include <QPainter>
#include <QPainterPath>

#include <cmath>
#include <future>
#include <limits>
#include <numbers>
#include <span>

namespace chronomap {

namespace {

constexpr double kSqrt3 = 1.7320508075688772;

QPointF worldOriginPx(const Viewport &viewport)
{
    const double half = WebMercator::kWorldWidthM / 2;
    return viewport.mercatorToScreen().map(QPointF(-half, half));
}

quint64 keyOf(QPoint cell)
{
    return (quint64(quint32(cell.x())) << 32) | quint32(cell.y());
}

/// Calls `f(event, px)` for each visible point event (newest first) at each world copy within
/// `reachPx` of the view, leaving out region-level records when they are region fills. With
/// `share`, only part `share.first` of `share.second` equal parts of those events, in the same order.
template<typename F>
void forEachPointOnScreen(const MapFrame &frame, double reachPx, F f, std::pair<size_t, size_t> share = {0, 1})
{
    const auto &mercator = frame.data.pointsMercator();
    const auto &all = frame.state.visibleEvents();
    const size_t n = size_t(all.size());
    const std::span<const EventStore::Index> visible(all.data() + n - n * (share.first + 1) / share.second,
                                                     all.data() + n - n * share.first / share.second);
    const bool fills = frame.data.projectedBaseMap() != nullptr;
    const QTransform t = frame.viewport.mercatorToScreen();
    const QSize size = frame.viewport.sizePx();
    const QList<double> copies = frame.viewport.worldCopies();
    const double x0 = -reachPx, y0 = -reachPx, x1 = size.width() + reachPx, y1 = size.height() + reachPx;
    for (auto it = visible.rbegin(); it != visible.rend(); ++it) {
        const EventStore::Index i = *it;
        if (!frame.data.isPoint(i) || (fills && frame.data.isRegionLevel(i))) continue;
        const QPointF m = mercator[size_t(i)];
        const double y = m.y() * t.m22() + t.dy();
        if (!(y >= y0 && y <= y1)) continue; // NaN too
        for (double shift : copies) {
            const double x = (m.x() + shift) * t.m11() + t.dx();
            if (x >= x0 && x <= x1) f(i, QPointF(x, y));
        }
    }
}

/// The marker colour of category `index` (EventStore::categoryIndex) of `store`; grey past the last.
QColor categoryColour(const EventStore &store, int index)
{
    const QStringList &categories = store.categories();
    return index >= 0 && index < categories.size() ? CategoryStyle::color(categories[index]) : QColor(0x88, 0x88, 0x88);
}

} // namespace

QPointF HexGrid::centreOf(QPoint cell) const
{
    return originPx + radiusPx * QPointF(kSqrt3 * (cell.x() + cell.y() / 2.0), 1.5 * cell.y());
}

QPolygonF HexGrid::hexagon(QPoint cell) const
{
    const QPointF c = centreOf(cell);
    QPolygonF hex;
    for (int k = 0; k < 6; ++k) {
        const double a = std::numbers::pi / 180 * (60 * k - 30);
        hex << c + radiusPx * QPointF(std::cos(a), std::sin(a));
    }
    return hex;
}

HexBinning HexBinLayer::bin(const MapFrame &frame, double radiusPx)
{
    HexBinning b;
    b.grid = HexGrid{worldOriginPx(frame.viewport), radiusPx};
    if (!frame.data.events) return b;
    const EventStore &store = *frame.data.events;
    const size_t categories = size_t(store.categories().size()) + 1;
    // The bins of the cells around the view by axial coordinates, in a flat table (a hash
    // lookup per event cost most of a frame at a million events); a hash for any cell outside.
    const QSizeF size(frame.viewport.sizePx());
    const QPointF from = (QPointF(-radiusPx, -radiusPx) - b.grid.originPx) / radiusPx;
    const QPointF to = (QPointF(size.width() + radiusPx, size.height() + radiusPx) - b.grid.originPx) / radiusPx;
    const double third = kSqrt3 / 3;
    const int qMin = int(std::floor(third * from.x() - to.y() / 3)) - 2;
    const int qMax = int(std::ceil(third * to.x() - from.y() / 3)) + 2;
    const int rMin = int(std::floor(2.0 / 3 * from.y())) - 2, rMax = int(std::ceil(2.0 / 3 * to.y())) + 2;
    const int columns = std::max(0, qMax - qMin + 1), rows = std::max(0, rMax - rMin + 1);
    const QPointF originPx = b.grid.originPx;
    const double perRadius = 1 / radiusPx; // as cellOf(), without a division per event

    /// The cells met, in the order first met, and their counts per category (cells x categories).
    struct Cells {
        std::vector<int> at; ///< by axial coordinates around the view: index into `cells`, -1 none
        QHash<quint64, int> outside;
        std::vector<QPoint> cells;
        std::vector<int> counts;
        int &slotOf(QPoint cell, int q, int r, int columns, int rows)
        {
            if (q >= 0 && r >= 0 && q < columns && r < rows) return at[size_t(r) * size_t(columns) + size_t(q)];
            auto it = outside.find(keyOf(cell));
            if (it == outside.end()) it = outside.insert(keyOf(cell), -1);
            return it.value();
        }
        /// The counts of `cell`, appended in first-met order when new.
        int *countsOf(QPoint cell, int q, int r, int columns, int rows, size_t categories)
        {
            int &slot = slotOf(cell, q, r, columns, rows);
            if (slot < 0) {
                slot = int(cells.size());
                cells.push_back(cell);
                counts.resize(counts.size() + categories, 0);
            }
            return counts.data() + size_t(slot) * categories;
        }
    };
    // In time order, not in rows as heat: a bin's categories are read per event, and the
    // events' categories lie in time order. Past a few hundred thousand events the newer and the
    // older half are counted on two threads, then merged in that order: the same cells in the
    // same first-met order as one pass.
    const auto count = [&](std::pair<size_t, size_t> share) {
        Cells c;
        c.at.assign(size_t(columns) * size_t(rows), -1);
        forEachPointOnScreen(
            frame, radiusPx,
            [&](EventStore::Index i, QPointF px) {
                const QPoint cell = HexGrid::cellOfUnits((px - originPx) * perRadius);
                int *counts = c.countsOf(cell, cell.x() - qMin, cell.y() - rMin, columns, rows, categories);
                ++counts[std::min<size_t>(store.categoryIndex(i), categories - 1)];
            },
            share);
        return c;
    };
    constexpr qsizetype kParallelFrom = 200'000;
    Cells merged;
    if (frame.state.visibleEvents().size() < kParallelFrom) { // computed here, then only read by both threads
        merged = count({0, 1});
    } else {
        auto older = std::async(std::launch::async, count, std::pair<size_t, size_t>{1, 2});
        merged = count({0, 2});
        const Cells rest = older.get();
        for (size_t k = 0; k < rest.cells.size(); ++k) {
            const QPoint cell = rest.cells[k];
            int *counts = merged.countsOf(cell, cell.x() - qMin, cell.y() - rMin, columns, rows, categories);
            for (size_t c = 0; c < categories; ++c)
                counts[c] += rest.counts[k * categories + c];
        }
    }
    b.bins.reserve(merged.cells.size());
    for (const QPoint cell : merged.cells) {
        MarkGroup g;
        g.hexCell = cell;
        g.px = b.grid.centreOf(cell);
        g.radiusPx = radiusPx;
        b.bins.push_back(std::move(g));
    }
    const std::vector<int> &binCategories = merged.counts;
    int minCount = std::numeric_limits<int>::max(), maxCount = 0;
    for (size_t k = 0; k < b.bins.size(); ++k) {
        MarkGroup &g = b.bins[k];
        const int *counts = binCategories.data() + k * categories;
        for (size_t c = 0; c < categories; ++c)
            if (counts[c] > 0) {
                g.categories.emplace_back(quint16(c), counts[c]);
                g.count += counts[c];
            }
        std::stable_sort(g.categories.begin(), g.categories.end(),
                         [](const auto &x, const auto &y) { return x.second > y.second; });
        minCount = std::min(minCount, g.count);
        maxCount = std::max(maxCount, g.count);
    }
    // Region-level records: in each region they name.
    if (const auto &baseMap = frame.data.projectedBaseMap()) {
        b.regionCounts.assign(size_t(baseMap->regions.size()), 0);
        b.regionCategories.assign(size_t(baseMap->regions.size()), -1);
        QHash<int, std::vector<int>> regionCategoryCounts; // few regions hold region-level records
        for (EventStore::Index i : frame.state.visibleEvents())
            if (frame.data.isRegionLevel(i))
                for (int r : frame.data.regionsNamedBy(i))
                    if (r >= 0 && size_t(r) < b.regionCounts.size()) {
                        ++b.regionCounts[size_t(r)];
                        auto &counts = regionCategoryCounts[r];
                        counts.resize(categories, 0);
                        ++counts[std::min<size_t>(store.categoryIndex(i), categories - 1)];
                    }
        for (auto it = regionCategoryCounts.cbegin(); it != regionCategoryCounts.cend(); ++it)
            b.regionCategories[size_t(it.key())] =
                int(std::max_element(it->begin(), it->end()) - it->begin()); // the first of equals
        for (int c : b.regionCounts)
            if (c > 0) {
                minCount = std::min(minCount, c);
                maxCount = std::max(maxCount, c);
            }
    }
    b.scale = CountScale::of(maxCount > 0 ? minCount : 1, maxCount);
    return b;
}

QColor HexBinLayer::colourOf(int count, const CountScale &scale)
{
    QColor c = viridis(scale.position(count));
    c.setAlpha(215);
    return c;
}

QColor HexBinLayer::categoryColourOf(QColor category, int count, const CountScale &scale)
{
    category.setAlpha(int(std::lround(90 + 150 * scale.position(count))));
    return category;
}

void HexBinLayer::record(HexBinning binning, MapHits &hits)
{
    hits.groups = std::move(binning.bins);
    hits.hexOriginPx = binning.grid.originPx;
    hits.hexRadiusPx = binning.grid.radiusPx;
    hits.regionCounts = std::move(binning.regionCounts);
    hits.regionCategories = std::move(binning.regionCategories);
    hits.dense = true;
    hits.marks.binScale = binning.scale;
}

void HexBinLayer::renderRegions(QPainter &painter, const MapFrame &frame, const MapHits &hits)
{
    const ProjectedBaseMap *baseMap = frame.data.projectedBaseMap().get();
    if (!baseMap) return;
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    const Viewport &viewport = frame.viewport;
    const QTransform t = viewport.mercatorToScreen();
    const QRectF visible = viewport.visibleMercatorRect();
    for (size_t r = 0; r < hits.regionCounts.size() && qsizetype(r) < baseMap->regions.size(); ++r) {
        if (hits.regionCounts[r] == 0) continue;
        const ProjectedArea &area = baseMap->regions[qsizetype(r)];
        const int category = r < hits.regionCategories.size() ? hits.regionCategories[r] : -1;
        QColor fill = hits.marks.binsByCategory && category >= 0
                          ? categoryColourOf(categoryColour(*frame.data.events, category), hits.regionCounts[r],
                                             hits.marks.binScale)
                          : colourOf(hits.regionCounts[r], hits.marks.binScale);
        QColor edge = fill.darker(130);
        edge.setAlpha(255);
        fill.setAlphaF(fill.alphaF() * 150 / 215);
        for (double shift : viewport.worldCopies()) {
            if (!area.box.intersects(visible.translated(-shift, 0))) continue;
            painter.setPen(QPen(edge, 1.2, Qt::DashLine));
            painter.setBrush(fill);
            painter.drawPath(areaPath(area.rings, t, shift));
        }
    }
    painter.restore();
}

void HexBinLayer::renderBins(QPainter &painter, const MapFrame &frame, const MapHits &hits,
                             QHash<quint64, QImage> &sprites, double devicePixelRatio)
{
    const double r = hits.hexRadiusPx;
    const QSizeF logical(2 * r + 2, 2 * r + 2);
    const quint64 size = quint64(std::lround(r * 4));
    const bool byCategory = hits.marks.binsByCategory && frame.data.events;
    if (sprites.size() > 4096) sprites.clear();
    for (const MarkGroup &g : hits.groups) {
        const int step = int(std::lround(hits.marks.binScale.position(g.count) * 255));
        // The colour step, the size and (by category) the most frequent category.
        const quint64 category = byCategory && !g.categories.empty() ? g.categories.front().first + 1u : 0u;
        const quint64 key = (category << 32) | (size << 8) | quint64(step);
        auto it = sprites.find(key);
        if (it == sprites.end()) {
            QImage image((logical * devicePixelRatio).toSize() + QSize(1, 1), QImage::Format_ARGB32_Premultiplied);
            image.setDevicePixelRatio(devicePixelRatio);
            image.fill(Qt::transparent);
            QPainter p(&image);
            p.setRenderHint(QPainter::Antialiasing, true);
            p.setPen(QPen(QColor(255, 255, 255, 160), 0.8));
            QColor fill = viridis(step / 255.0);
            fill.setAlpha(215);
            if (category > 0) {
                fill = categoryColour(*frame.data.events, int(category - 1));
                fill.setAlpha(int(std::lround(90 + 150 * step / 255.0))); // as categoryColourOf()
            }
            p.setBrush(fill);
            p.drawPolygon(HexGrid{QPointF(r + 1, r + 1), r - 0.5}.hexagon(QPoint(0, 0)));
            p.end();
            it = sprites.insert(key, image);
        }
        painter.drawImage(g.px - QPointF(r + 1, r + 1), *it);
    }
}

EventStore::IndexList HexBinLayer::eventsIn(const MapFrame &frame, const MapHits &hits, QPoint cell)
{
    EventStore::IndexList found;
    const HexGrid grid{hits.hexOriginPx, hits.hexRadiusPx};
    forEachPointOnScreen(frame, hits.hexRadiusPx, [&](EventStore::Index i, QPointF px) {
        if (grid.cellOf(px) == cell && (found.empty() || found.back() != i)) found.push_back(i);
    });
    return found;
}

} // namespace chronomap
