// SPDX-License-Identifier: GPL-3.0-or-later
#include "render/map/marker_layer.h"

#include "core/view/view_state.h"
#include "render/map/device_blitter.h"
#include "render/map/point_rows.h"
#include "render/map/web_mercator.h"

#include <QPainter>

#include <cmath>

namespace chronomap {

MarkerLayer::MarkerLayer(const MapStyle &style, double devicePixelRatio)
    : m_style(style), m_sprites(devicePixelRatio), m_devicePixelRatio(devicePixelRatio)
{}

QPoint MarkerLayer::groupCellOf(QPointF mercatorM, double metresPerPixel)
{
    const double half = WebMercator::kWorldWidthM / 2, cellM = kGroupCellPx * metresPerPixel;
    return {int(std::floor((mercatorM.x() + half) / cellM)), int(std::floor((half - mercatorM.y()) / cellM))};
}

const QImage &MarkerLayer::badge(int count) const
{
    count = std::min(count, 1000);
    if (const auto it = m_badges.constFind(count); it != m_badges.constEnd()) return *it;
    const QString text = count > 999 ? QStringLiteral("999+") : QString::number(count);
    // The rounded box at (1, 1) of a margin of one pixel, so its antialiased edge is not cut.
    const QSizeF box(8 + 6 * text.size(), 12);
    QImage image((QSizeF(box.width() + 2, box.height() + 2) * m_devicePixelRatio).toSize() + QSize(1, 1),
                 QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(m_devicePixelRatio);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing, true);
    QFont font = m_style.font;
    font.setPointSizeF(7);
    font.setBold(true);
    painter.setFont(font);
    const QRectF rect(QPointF(1, 1), box);
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor(0x22, 0x22, 0x22, 220));
    painter.drawRoundedRect(rect, 6, 6);
    painter.setPen(Qt::white);
    painter.drawText(rect, Qt::AlignCenter, text);
    painter.end();
    return *m_badges.insert(count, image);
}

const MarkerLayer::BadgedMarker &MarkerLayer::badgedMarker(QHash<int, BadgedMarker> &cache, const QImage &sprite,
                                                           int count) const
{
    count = std::min(count, 1000);
    if (const auto it = cache.constFind(count); it != cache.constEnd()) return *it;
    // The badge's box sits at (r * 0.4, -r * 1.9) from the marker's centre, its image one pixel
    // out; in device pixels, rounded as drawing it at that offset on its own would.
    const double r = m_sprites.radiusPx(), dpr = m_devicePixelRatio;
    QImage spriteDevice = sprite, badgeDevice = badge(count);
    spriteDevice.setDevicePixelRatio(1); // composed pixel for pixel
    badgeDevice.setDevicePixelRatio(1);
    const QPointF centre = QPointF(sprite.width(), sprite.height()) / 2;
    const QPoint badgeAt = (centre + QPointF(r * 0.4 - 1, -r * 1.9 - 1) * dpr).toPoint();
    const QRect bounds = QRect(QPoint(0, 0), sprite.size()) | QRect(badgeAt, badgeDevice.size());
    QImage image(bounds.size(), QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    {
        QPainter painter(&image);
        painter.drawImage(-bounds.topLeft(), spriteDevice);
        painter.drawImage(badgeAt - bounds.topLeft(), badgeDevice);
    }
    image.setDevicePixelRatio(dpr);
    ++m_badgedMarkerCount;
    return *cache.insert(count, {image, QPointF(bounds.topLeft()) / dpr});
}

void MarkerLayer::render(QPainter &painter, const MapFrame &frame, MapHits &hits) const
{
    const EventStore &store = *frame.data.events;
    const auto &mercator = frame.data.pointsMercator();
    const auto &visible = frame.state.visibleEvents();
    const Viewport &viewport = frame.viewport;
    const bool fills = frame.data.projectedBaseMap() != nullptr; // region-level records are fills
    const QTransform t = viewport.mercatorToScreen();
    const QSize size = viewport.sizePx();
    const double r = m_sprites.radiusPx();
    const QList<double> copies = viewport.worldCopies();
    const double mpp = viewport.metresPerPixel();
    // Groups are cells of the map-anchored grid (groupCellOf). A group is drawn when its cell
    // lies within reach of the view: far enough out that a marker's badge (up and to the right
    // of it) reaching into the view is drawn too. All of a cell's events or none: a view and a
    // larger cached layer around it draw the same groups where they overlap.
    const double reachPx = 2 * r + 48;
    struct CopyGrid {
        double shift;
        QPoint first; ///< the first cell within reach
        int columns, rows;
        std::vector<int> group; ///< group by cell from `first`, -1 for none yet
    };
    std::vector<CopyGrid> grids;
    for (double shift : copies) {
        const QPoint a = groupCellOf(viewport.toMercatorM(QPointF(-reachPx, -reachPx)) - QPointF(shift, 0), mpp);
        const QPoint b = groupCellOf(
            viewport.toMercatorM(QPointF(size.width() + reachPx, size.height() + reachPx)) - QPointF(shift, 0), mpp);
        const int columns = b.x() - a.x() + 1, rows = b.y() - a.y() + 1;
        if (columns <= 0 || rows <= 0) continue;
        grids.push_back({shift, a, columns, rows, std::vector<int>(size_t(columns) * size_t(rows), -1)});
    }
    std::vector<MapHits::Marker> groups;

    // Newest first, so each group's marker shows its newest event's category.
    for (auto it = visible.rbegin(); it != visible.rend(); ++it) {
        const EventStore::Index i = *it;
        if (!frame.data.isPoint(i) || (fills && frame.data.isRegionLevel(i))) continue;
        const QPointF m = mercator[size_t(i)];
        if (!std::isfinite(m.x()) || !std::isfinite(m.y())) continue;
        const QPoint cell = groupCellOf(m, mpp);
        for (CopyGrid &grid : grids) {
            const int cx = cell.x() - grid.first.x(), cy = cell.y() - grid.first.y();
            if (cx < 0 || cy < 0 || cx >= grid.columns || cy >= grid.rows) continue;
            int &g = grid.group[size_t(cy) * size_t(grid.columns) + size_t(cx)];
            if (g < 0) {
                g = int(groups.size());
                groups.push_back(
                    {QPointF((m.x() + grid.shift) * t.m11() + t.dx(), m.y() * t.m22() + t.dy()), i, 1, cell});
            } else {
                ++groups[size_t(g)].count;
            }
        }
    }
    // Each category's sprite, its centre offset and its badged markers looked up once, not by
    // name per marker.
    if (m_badgedMarkerCount > kMaxBadgedMarkers) {
        m_badgedMarkers.clear();
        m_badgedMarkerCount = 0;
    }
    struct CategorySprites {
        QImage sprite;
        QPointF centre;
        QHash<int, BadgedMarker> *badged = nullptr;
    };
    std::vector<CategorySprites> spriteOf(size_t(store.categories().size()) + 1);
    {
        DeviceBlitter blitter(painter, m_devicePixelRatio);
        // Oldest groups drawn first so the newest sit on top.
        for (auto g = groups.rbegin(); g != groups.rend(); ++g) {
            CategorySprites &c = spriteOf[std::min<size_t>(store.categoryIndex(g->first), spriteOf.size() - 1)];
            if (c.sprite.isNull()) {
                const QString category = store.category(g->first);
                c.sprite = m_sprites.sprite(category); // shared, not copied
                const QSizeF logical = QSizeF(c.sprite.size()) / c.sprite.devicePixelRatio();
                c.centre = QPointF(logical.width() / 2, logical.height() / 2);
                c.badged = &m_badgedMarkers[category];
            }
            if (g->count > 1) {
                const BadgedMarker &m = badgedMarker(*c.badged, c.sprite, g->count);
                blitter.draw(g->px - c.centre + m.originPx, m.image);
                hits.coveredPx.emplace_back(g->px - c.centre + m.originPx,
                                            QSizeF(m.image.size()) / m.image.devicePixelRatio());
            } else {
                blitter.draw(g->px - c.centre, c.sprite);
                hits.coveredPx.emplace_back(g->px - QPointF(r + 1, r + 1), QSizeF(2 * r + 2, 2 * r + 2));
            }
        }
    } // the blitter draws in device space until here
    hits.markers = std::move(groups);
    hits.markerRadiusPx = r;
}

void MarkerLayer::renderDensity(QPainter &painter, const MapFrame &frame, MapHits &hits) const
{
    paintDensity(painter, frame.viewport, countDensity(frame), m_style);
    hits.dense = true;
}

DensityCounts MarkerLayer::countDensity(const MapFrame &frame)
{
    // One count per cell of the view's density grid: a frame costs the same at 150k and 1M.
    const Viewport &viewport = frame.viewport;
    DensityCounts d = DensityCounts::forViewport(viewport);
    if (d.counts.empty()) return d;
    const QList<double> copies = viewport.worldCopies();
    const SquareBinGrid &grid = d.grid;
    const double west = grid.northWestM.x() + d.firstCell.x() * grid.cellM;
    const double north = grid.northWestM.y() - d.firstCell.y() * grid.cellM;
    const double perCellM = 1.0 / grid.cellM; // a multiplication per point, not a division
    const int w = d.columns, h = d.rows;
    quint32 *counts = d.counts.data();
    // SquareBinGrid::cellOf less the first cell; int() is floor here, negatives being skipped.
    // Mercator y falls as the row grows: false once past the south edge.
    const auto count = [&](QPointF m) {
        const double row = (north - m.y()) * perCellM;
        if (row >= h) return false;
        if (row < 0) return true;
        const size_t y = size_t(int(row)); // through int: one instruction, not size_t's branches
        for (double shift : copies) {
            const double column = (m.x() + shift - west) * perCellM;
            if (column >= 0 && column < w) ++counts[y * size_t(w) + size_t(int(column))];
        }
        return true;
    };
    const PointRows rows(frame, false);
    if (rows.available()) { // from the grid's north edge, row by row
        rows.forEachFrom(north, [&](EventStore::Index, QPointF m) { return count(m); });
        return d;
    }
    const auto &mercator = frame.data.pointsMercator(); // few events: in any order
    for (EventStore::Index i : frame.state.visibleEvents())
        if (const QPointF m = mercator[size_t(i)];
            frame.data.isPoint(i) && std::isfinite(m.x()) && std::isfinite(m.y()))
            count(m);
    return d;
}

void MarkerLayer::paintDensity(QPainter &painter, const Viewport &viewport, const DensityCounts &density,
                               const MapStyle &style)
{
    if (density.counts.empty()) return;
    const int w = density.columns, h = density.rows;
    const quint32 peak = std::max<quint32>(1, *std::max_element(density.counts.begin(), density.counts.end()));
    const double logPeak = std::log1p(double(peak));
    const auto colourOf = [&](quint32 c) {
        const double v = std::log1p(double(c)) / logPeak; // 0..1
        const QColor col = style.choroplethRamp[std::min(4, int(v * 5))];
        const int a = int(140 + 115 * v);
        return qPremultiply(qRgba(col.red(), col.green(), col.blue(), a));
    };
    // Most bins hold few events: their colours once, not a logarithm per bin.
    std::vector<QRgb> lowColours(std::min<quint32>(peak, 1024) + 1);
    for (quint32 c = 1; c < lowColours.size(); ++c)
        lowColours[c] = colourOf(c);
    QImage heat(w, h, QImage::Format_ARGB32_Premultiplied);
    heat.fill(Qt::transparent);
    for (int y = 0; y < h; ++y) {
        auto *line = reinterpret_cast<QRgb *>(heat.scanLine(y));
        const quint32 *row = density.counts.data() + size_t(y) * size_t(w);
        for (int x = 0; x < w; ++x)
            if (const quint32 c = row[x]) line[x] = c < lowColours.size() ? lowColours[c] : colourOf(c);
    }
    // Each count one cell at the grid's place and size on screen, which may be a fraction of a
    // pixel off the pixel grid: nearest neighbour, no antialiasing (a whole factor at the view's
    // corner, the in-memory case, is a plain blit for the raster engine).
    const SquareBinGrid &grid = density.grid;
    const QPointF originM(grid.northWestM.x() + density.firstCell.x() * grid.cellM,
                          grid.northWestM.y() - density.firstCell.y() * grid.cellM);
    const double cellPx = grid.cellM / viewport.metresPerPixel();
    QPointF originPx = viewport.toScreenPx(originM);
    const QPointF rounded(std::round(originPx.x()), std::round(originPx.y()));
    if (std::abs(originPx.x() - rounded.x()) < 1e-6 && std::abs(originPx.y() - rounded.y()) < 1e-6)
        originPx = rounded; // the view's own corner, back from metres
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, false);
    painter.setRenderHint(QPainter::SmoothPixmapTransform, false);
    painter.drawImage(QRectF(originPx, QSizeF(w * cellPx, h * cellPx)), heat);
    painter.restore();
}

} // namespace chronomap
