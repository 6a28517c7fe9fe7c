// SPDX-License-Identifier: GPL-3.0-or-later
#include "render/map/heat_layer.h"

#include "render/map/point_rows.h"
#include "render/map/sequential_ramp.h"

#include <QPainter>

#include <algorithm>
#include <cmath>

namespace chronomap {

namespace {

/// A box blur of radius `r` along rows (`stride` 1) or columns of a w x h grid, in place.
void boxBlur(std::vector<float> &grid, std::vector<float> &scratch, int w, int h, int r, bool rows)
{
    const int lines = rows ? h : w, length = rows ? w : h;
    const size_t step = rows ? 1 : size_t(w);
    scratch.resize(size_t(length));
    const float norm = 1.0f / float(2 * r + 1);
    for (int l = 0; l < lines; ++l) {
        float *line = grid.data() + (rows ? size_t(l) * size_t(w) : size_t(l));
        float sum = 0;
        for (int k = 0; k <= std::min(r, length - 1); ++k)
            sum += line[size_t(k) * step];
        for (int k = 0; k < length; ++k) {
            scratch[size_t(k)] = sum * norm;
            if (k + r + 1 < length) sum += line[size_t(k + r + 1) * step];
            if (k - r >= 0) sum -= line[size_t(k - r) * step];
        }
        for (int k = 0; k < length; ++k)
            line[size_t(k) * step] = scratch[size_t(k)];
    }
}

} // namespace

QImage HeatLayer::surface(const MapFrame &frame, double *peakOut)
{
    const Viewport &viewport = frame.viewport;
    const QSize size = viewport.sizePx();
    // A margin of the kernel's reach, so hot spots just off screen warm its edge.
    const int margin = 3 * kBlurCells;
    const int w = (size.width() + kCellPx - 1) / kCellPx + 2 * margin;
    const int h = (size.height() + kCellPx - 1) / kCellPx + 2 * margin;
    std::vector<float> grid(size_t(w) * size_t(h), 0.0f), scratch;
    const auto &mercator = frame.data.pointsMercator();
    const bool fills = frame.data.projectedBaseMap() != nullptr;
    const QTransform t = viewport.mercatorToScreen();
    const QList<double> copies = viewport.worldCopies();
    const double sx = t.m11() / kCellPx, sy = t.m22() / kCellPx, dx = t.dx() / kCellPx + margin,
                 dy = t.dy() / kCellPx + margin;
    const auto count = [&](QPointF m) {
        const double y = m.y() * sy + dy;
        if (!(y >= 0 && y < h)) return;
        for (double shift : copies) {
            const double x = (m.x() + shift) * sx + dx;
            if (x >= 0 && x < w) grid[size_t(int(y)) * size_t(w) + size_t(int(x))] += 1.0f;
        }
    };
    // Whole counts: the same sums in any order. Row by row when the dataset keeps rows (a
    // random cell per event missed the cache on most of a million events).
    if (const PointRows rows(frame, true); rows.available()) {
        rows.forEachFrom((-1 - dy) / sy, [&](EventStore::Index, QPointF m) { // from a cell above
            if (m.y() * sy + dy >= h) return false;
            count(m);
            return true;
        });
    } else {
        for (EventStore::Index i : frame.state.visibleEvents())
            if (frame.data.isPoint(i) && !(fills && frame.data.isRegionLevel(i))) count(mercator[size_t(i)]);
    }
    for (int pass = 0; pass < 3; ++pass) {
        boxBlur(grid, scratch, w, h, kBlurCells, true);
        boxBlur(grid, scratch, w, h, kBlurCells, false);
    }
    const float peak = std::max(1e-6f, *std::max_element(grid.begin(), grid.end()));
    if (peakOut) *peakOut = peak;
    // A square-root scale: a lone event still shows, the hot spots stand out.
    QRgb colours[256];
    for (int k = 0; k < 256; ++k) {
        const double v = k / 255.0;
        const QColor c = viridis(v);
        const int a = k == 0 ? 0 : int(60 + 170 * std::min(1.0, v * 1.5));
        colours[k] = qPremultiply(qRgba(c.red(), c.green(), c.blue(), a));
    }
    QImage image(w - 2 * margin, h - 2 * margin, QImage::Format_ARGB32_Premultiplied);
    const float threshold = 0.02f / float(2 * kBlurCells + 1); // below a lone event's faint rim
    for (int y = 0; y < image.height(); ++y) {
        auto *line = reinterpret_cast<QRgb *>(image.scanLine(y));
        const float *row = grid.data() + size_t(y + margin) * size_t(w) + size_t(margin);
        for (int x = 0; x < image.width(); ++x) {
            const float v = row[x];
            line[x] = v < threshold ? 0 : colours[std::clamp(int(std::sqrt(v / peak) * 255.0f), 1, 255)];
        }
    }
    return image;
}

void HeatLayer::render(QPainter &painter, const MapFrame &frame, MapHits &hits)
{
    const QImage image = surface(frame);
    painter.save();
    painter.setRenderHint(QPainter::SmoothPixmapTransform, true);
    painter.drawImage(QRectF(QPointF(0, 0), QSizeF(image.size() * kCellPx)), image);
    painter.restore();
    hits.dense = true;
}

} // namespace chronomap
