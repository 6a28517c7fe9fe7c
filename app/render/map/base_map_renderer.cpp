// SPDX-License-Identifier: GPL-3.0-or-later
#include "render/map/base_map_renderer.h"

#include "core/geo/region_index.h"
#include "render/map/screen_geometry.h"
#include "render/map/web_mercator.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPaintEngine>

#include <cmath>
#include <tuple>
#include <vector>

namespace chronomap {

BaseMapRenderer::BaseMapRenderer(std::shared_ptr<const ProjectedBaseMap> map, const MapStyle &style)
    : m_map(std::move(map)), m_style(style)
{
    for (const AreaFeature &c : m_map->source->countries)
        m_countryHasRegions.append(m_style.countriesWithRegions.contains(c.code));
}

void BaseMapRenderer::render(QPainter &painter, const Viewport &viewport, const QString &) const
{
    painter.save();
    painter.fillRect(QRectF(QPointF(0, 0), viewport.sizePx()), m_style.sea);
    const QTransform t = viewport.mercatorToScreen();
    const QRectF visible = viewport.visibleMercatorRect();
    const double tolerance = 0.6;
    // Lines keep the vertices that move them by at least this much on screen (Douglas–Peucker):
    // a regional view walks a fraction of the 1:10m borders and draws the same lines.
    const double minDetailM = kLineDetailPx * viewport.metresPerPixel();
    QPolygonF screen;
    // Qt draws a line of a device pixel or less with its fast hairline stroker; a line just
    // wider is drawn one device pixel wide to stay on that path: under a scale of 2 (a 4K
    // snapshot, a high-DPI screen) the 0.6 px admin-1 borders would otherwise be stroked as
    // polygons, several times the work for a fifth of a pixel.
    const double deviceScale = painter.combinedTransform().m11();
    // A wider line Qt strokes as a polygon: joins computed, then an antialiased fill of the
    // outline, most of a 4K snapshot's painting for its coasts and national borders. On a raster
    // device an opaque one gets flat caps instead, and drawLines draws its segments one by one:
    // Qt's line rasterizer draws each as a rectangle ending at its vertices, several times
    // faster. A bevel join's triangle on the outside of a turn is left out: under a device pixel
    // at these widths. Vector output (SVG, PDF) keeps its polylines.
    const bool rasterDevice = painter.paintEngine() && painter.paintEngine()->type() == QPaintEngine::Raster;
    const auto linePen = [deviceScale, rasterDevice](const QColor &colour, double widthPx) {
        const double devicePx = widthPx * deviceScale;
        if (devicePx > 1 && devicePx <= kHairlineMaxDevicePx) return QPen(colour, 1 / deviceScale);
        QPen pen(colour, widthPx);
        if (rasterDevice && devicePx > kHairlineMaxDevicePx && colour.alpha() == 255) pen.setCapStyle(Qt::FlatCap);
        return pen;
    };
    std::vector<QLineF> segments;
    const auto drawLines = [&](const QList<QPolygonF> &lines, const QList<std::vector<float>> &detailM, double shift) {
        const bool bySegment = painter.pen().capStyle() == Qt::FlatCap; // linePen's choice
        for (qsizetype i = 0; i < lines.size(); ++i) {
            toScreen(lines[i], detailM.value(i), minDetailM, t, shift, screen, tolerance);
            if (!bySegment) {
                painter.drawPolyline(screen);
                continue;
            }
            segments.clear();
            for (qsizetype k = 1; k < screen.size(); ++k)
                segments.emplace_back(screen[k - 1], screen[k]);
            painter.drawLines(segments.data(), int(segments.size()));
        }
    };

    for (double shift : viewport.worldCopies()) {
        const QRectF view = visible.translated(-shift, 0);
        // Land as one fill, no outline: coasts come from the coastline layer. The fills are not
        // antialiased: every land edge lies under the antialiased coastline and every focus
        // country's edge under a border, so the edge pixels do not show, and an antialiased
        // fill of a continent costs ten times as much.
        painter.setRenderHint(QPainter::Antialiasing, false);
        painter.setPen(Qt::NoPen);
        painter.setBrush(m_style.land);
        for (const ProjectedArea &a : m_map->land)
            if (a.box.intersects(view)) painter.drawPath(areaPath(a.rings, t, shift));
        painter.setBrush(m_style.focusLand);
        for (qsizetype c = 0; c < m_map->countries.size(); ++c)
            if (m_countryHasRegions[c] && m_map->countries[c].box.intersects(view))
                painter.drawPath(areaPath(m_map->countries[c].rings, t, shift));

        painter.setRenderHint(QPainter::Antialiasing, true);
        painter.setBrush(Qt::NoBrush);
        // Admin-1 borders at regional zooms; they also carry the borders of their countries.
        const bool showRegions = viewport.zoomLevel() >= 3.0;
        if (showRegions) {
            painter.setPen(linePen(m_style.regionBorder, m_style.regionBorderWidthPx));
            for (const ProjectedLines &l : m_map->regionBorders)
                if (l.box.intersects(view)) drawLines(l.parts, l.partDetailM, shift);
            // National borders over them, heavier and darker, as atlases draw them.
            painter.setPen(linePen(m_style.countryBorder, m_style.countryBorderWidthPx));
            for (const ProjectedLines &l : m_map->nationalBorders)
                if (l.box.intersects(view)) drawLines(l.parts, l.partDetailM, shift);
        }
        painter.setPen(linePen(m_style.countryBorder, m_style.countryBorderWidthPx));
        for (qsizetype c = 0; c < m_map->countries.size(); ++c) {
            const ProjectedArea &a = m_map->countries[c];
            if (!a.box.intersects(view)) continue;
            if (m_countryHasRegions[c] && showRegions) continue;
            drawLines(a.outlines, a.outlineDetailM, shift);
        }
        painter.setPen(linePen(m_style.coastline, 0.8));
        for (const ProjectedLines &l : m_map->coastline)
            if (l.box.intersects(view)) drawLines(l.parts, l.partDetailM, shift);
    }
    painter.restore();
}

void BaseMapRenderer::updateLabelCache(const QString &lang, double devicePixelRatio) const
{
    if (m_labels && m_labels->lang == lang && m_labels->devicePixelRatio == devicePixelRatio) return;
    m_labels = LabelCache{lang, devicePixelRatio, {}, {}}; // not emplace(): clang sees no default constructor there
    for (const Place &p : m_map->source->places)
        m_labels->places.push_back({localized(p.name, lang), {}});
    for (const auto &region : m_map->source->regions->regions())
        m_labels->regions.push_back({localized(region.name, lang), {}});
}

QFont BaseMapRenderer::regionFont() const
{
    QFont font = m_style.font;
    font.setPointSizeF(m_style.font.pointSizeF() - 1);
    font.setItalic(true);
    return font;
}

QList<BaseMapRenderer::PlacedLabel> BaseMapRenderer::renderLabels(QPainter &painter, const Viewport &viewport,
                                                                  const QString &lang,
                                                                  const LabelObstacles &obstacles) const
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setRenderHint(QPainter::TextAntialiasing, true);
    // On raster devices a name is drawn as an image made the first time it shows: its halo and
    // its text are five text draws, each laid out again. Vector output (SVG) keeps real text.
    const bool raster = painter.paintEngine() && painter.paintEngine()->type() == QPaintEngine::Raster;
    const double dpr = painter.device() ? painter.device()->devicePixelRatio() : 1.0;
    updateLabelCache(lang, dpr);
    const double zoom = viewport.zoomLevel();
    const QRectF screenRect(QPointF(0, 0), viewport.sizePx());
    QList<PlacedLabel> placed;
    QList<QRectF> taken;
    const auto isFree = [&](const QRectF &r) {
        if (!screenRect.contains(r)) return false;
        for (const QRectF &t : std::as_const(taken))
            if (t.intersects(r)) return false;
        for (const QRectF &o : obstacles.rects)
            if (o.intersects(r)) return false;
        return true;
    };
    const auto take = [&](const QString &name, const QRectF &r) {
        taken.append(r.adjusted(-3, -2, 3, 2));
        placed.append({name, r});
    };
    // Where a place's name may go: right of its point (the atlas' first choice), left, above,
    // below; then the same sides pushed past whatever covers the point (a marker on the town).
    const auto sidesOf = [&](QPointF px, QSizeF size, double ascent) {
        double right = 4, left = 4, up = 3, down = 3;
        for (const QRectF &o : obstacles.rects)
            if (o.contains(px)) {
                right = std::max(right, o.right() - px.x() + 2);
                left = std::max(left, px.x() - o.left() + 2);
                up = std::max(up, px.y() - o.top() + 1);
                down = std::max(down, o.bottom() - px.y() + 1);
            }
        const double y = px.y() - ascent / 2 - 1, x = px.x() - size.width() / 2;
        std::vector<QRectF> sides;
        for (const auto &[r, l, u, d] : {std::tuple{4.0, 4.0, 3.0, 3.0}, std::tuple{right, left, up, down}}) {
            sides.emplace_back(QPointF(px.x() + r, y), size);
            sides.emplace_back(QPointF(px.x() - l - size.width(), y), size);
            sides.emplace_back(QPointF(x, px.y() - u - size.height()), size);
            sides.emplace_back(QPointF(x, px.y() + d), size);
        }
        return sides;
    };
    // Text and its white halo, one pixel round, as drawn on the map.
    const QColor halo(255, 255, 255, 210);
    const auto drawWithHalo = [&](QPainter &p, const QRectF &box, const QString &name) {
        p.setPen(halo);
        for (const QPointF &o : {QPointF(-1, 0), QPointF(1, 0), QPointF(0, -1), QPointF(0, 1)})
            p.drawText(box.translated(o), Qt::AlignLeft | Qt::AlignTop, name);
        p.setPen(m_style.label);
        p.drawText(box, Qt::AlignLeft | Qt::AlignTop, name);
    };
    // An image of a label with a margin of `marginPx`, drawn by `draw` in a box at (margin, margin).
    const auto labelImage = [&](const QFont &font, QSizeF box, double marginPx, const auto &draw) {
        const QSizeF logical(std::ceil(box.width() + 2 * marginPx), std::ceil(box.height() + 2 * marginPx));
        QImage image((logical * dpr).toSize(), QImage::Format_ARGB32_Premultiplied);
        image.setDevicePixelRatio(dpr);
        image.fill(Qt::transparent);
        QPainter p(&image);
        p.setRenderHint(QPainter::TextAntialiasing, true);
        p.setFont(font);
        draw(p, QRectF(QPointF(marginPx, marginPx), box));
        return image;
    };

    // Places first: capitals and big towns win the space, by Natural Earth's rank.
    QFont font = m_style.font;
    painter.setFont(font);
    const QFontMetricsF fm(font);
    const double maxRank = zoom * 1.4 - 2.0;
    const auto &places = m_map->source->places;
    // The place under the selection ring is named first, whatever its rank.
    QList<qsizetype> order, selectedPlaces;
    order.reserve(places.size());
    for (qsizetype i = 0; i < places.size(); ++i) {
        bool selected = false;
        if (!obstacles.selectedPx.isEmpty()) {
            const QPointF px = viewport.lonLatToScreenPx(places[i].lonLat);
            for (const QPointF &s : obstacles.selectedPx)
                selected |= QLineF(px, s).length() <= obstacles.selectedRadiusPx;
        }
        (selected ? selectedPlaces : order).append(i);
    }
    order = selectedPlaces + order;
    for (const qsizetype i : std::as_const(order)) {
        const Place &p = places[i];
        const bool capital = p.featureClass.startsWith(QLatin1String("Admin-0 capital"));
        const bool selected = selectedPlaces.contains(i);
        if (p.scaleRank > maxRank && !(capital && zoom >= 2.5) && !selected) continue;
        const QPointF px = viewport.lonLatToScreenPx(p.lonLat);
        if (!screenRect.contains(px)) continue;
        Label &label = m_labels->places[size_t(i)];
        QRectF box;
        for (const QRectF &side : sidesOf(px, QSizeF(label.widthPx(fm), fm.height()), fm.ascent()))
            if (isFree(side)) {
                box = side;
                break;
            }
        if (box.isNull()) continue; // no free side: left out rather than drawn under a marker
        take(label.name, box);
        painter.setPen(QPen(m_style.label, 1));
        painter.setBrush(capital ? m_style.label : QColor(Qt::white));
        painter.drawEllipse(px, capital ? 2.6 : 2.2, capital ? 2.6 : 2.2);
        if (!raster) {
            drawWithHalo(painter, box, label.name);
            continue;
        }
        if (label.image.isNull())
            label.image = labelImage(font, box.size(), 1.0,
                                     [&](QPainter &lp, const QRectF &at) { drawWithHalo(lp, at, label.name); });
        painter.drawImage(box.topLeft() - QPointF(1, 1), label.image);
    }

    // Region names where a region is large enough on screen to hold its name.
    if (zoom >= 4.0) {
        const QFont rFont = regionFont();
        painter.setFont(rFont);
        const QFontMetricsF rfm(rFont);
        painter.setPen(m_style.regionLabel);
        const auto &regions = m_map->source->regions->regions();
        for (qsizetype r = 0; r < regions.size(); ++r) {
            const QRectF box = m_map->regions[r].box;
            Label &label = m_labels->regions[size_t(r)];
            const double boxPx = box.width() / viewport.metresPerPixel();
            if (boxPx < 16) continue; // too small for any name: not measured
            const double widthPx = label.widthPx(rfm);
            if (boxPx < widthPx + 16) continue;
            const QPointF px = viewport.lonLatToScreenPx(regions[r].labelLonLat);
            const QRectF text(px - QPointF(widthPx / 2, rfm.height() / 2), QSizeF(widthPx, rfm.height()));
            if (!isFree(text)) continue;
            take(label.name, text);
            if (!raster) {
                painter.drawText(text, Qt::AlignCenter, label.name);
                continue;
            }
            if (label.image.isNull())
                label.image = labelImage(rFont, text.size(), 0.0, [&](QPainter &lp, const QRectF &at) {
                    lp.setPen(m_style.regionLabel);
                    lp.drawText(at, Qt::AlignCenter, label.name);
                });
            painter.drawImage(text.topLeft(), label.image);
        }
    }
    painter.restore();
    return placed;
}

} // namespace chronomap
