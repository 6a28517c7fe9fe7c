// SPDX-License-Identifier: GPL-3.0-or-later
#include "base_map_renderer.h"

#include "geo/region_index.h"
#include "screen_geometry.h"
#include "web_mercator.h"

#include <QFontMetricsF>
#include <QPainter>

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
    const auto drawLines = [&](const QList<QPolygonF> &lines, const QList<std::vector<float>> &detailM, double shift) {
        for (qsizetype i = 0; i < lines.size(); ++i) {
            toScreen(lines[i], detailM.value(i), minDetailM, t, shift, screen, tolerance);
            painter.drawPolyline(screen);
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
            painter.setPen(QPen(m_style.regionBorder, 0.6));
            for (const ProjectedArea &a : m_map->regions)
                if (a.box.intersects(view)) drawLines(a.outlines, a.outlineDetailM, shift);
        }
        painter.setPen(QPen(m_style.countryBorder, 0.9));
        for (qsizetype c = 0; c < m_map->countries.size(); ++c) {
            const ProjectedArea &a = m_map->countries[c];
            if (!a.box.intersects(view)) continue;
            if (m_countryHasRegions[c] && showRegions) continue;
            drawLines(a.outlines, a.outlineDetailM, shift);
        }
        painter.setPen(QPen(m_style.coastline, 0.8));
        for (const ProjectedLines &l : m_map->coastline)
            if (l.box.intersects(view)) drawLines(l.parts, l.partDetailM, shift);
    }
    painter.restore();
}

void BaseMapRenderer::renderLabels(QPainter &painter, const Viewport &viewport, const QString &lang) const
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setRenderHint(QPainter::TextAntialiasing, true);
    const double zoom = viewport.zoomLevel();
    const QRectF screenRect(QPointF(0, 0), viewport.sizePx());
    QList<QRectF> taken;
    auto place = [&](const QRectF &r) {
        if (!screenRect.contains(r)) return false;
        for (const QRectF &t : taken)
            if (t.intersects(r)) return false;
        taken.append(r.adjusted(-3, -2, 3, 2));
        return true;
    };

    // Places first: capitals and big towns win the space, by Natural Earth's rank.
    QFont font = m_style.font;
    painter.setFont(font);
    const QFontMetricsF fm(font);
    const double maxRank = zoom * 1.4 - 2.0;
    for (const Place &p : m_map->source->places) {
        const bool capital = p.featureClass.startsWith(QLatin1String("Admin-0 capital"));
        if (p.scaleRank > maxRank && !(capital && zoom >= 2.5)) continue;
        const QPointF px = viewport.lonLatToScreenPx(p.lonLat);
        if (!screenRect.contains(px)) continue;
        const QString name = localized(p.name, lang);
        const QRectF box(px + QPointF(4, -fm.ascent() / 2 - 1), QSizeF(fm.horizontalAdvance(name), fm.height()));
        if (!place(box)) continue;
        painter.setPen(QPen(m_style.label, 1));
        painter.setBrush(capital ? m_style.label : QColor(Qt::white));
        painter.drawEllipse(px, capital ? 2.6 : 2.2, capital ? 2.6 : 2.2);
        painter.setPen(QColor(255, 255, 255, 210));
        for (const QPointF &o : {QPointF(-1, 0), QPointF(1, 0), QPointF(0, -1), QPointF(0, 1)})
            painter.drawText(box.translated(o), Qt::AlignLeft | Qt::AlignTop, name);
        painter.setPen(m_style.label);
        painter.drawText(box, Qt::AlignLeft | Qt::AlignTop, name);
    }

    // Region names where a region is large enough on screen to hold its name.
    if (zoom >= 4.0) {
        QFont regionFont = m_style.font;
        regionFont.setPointSizeF(m_style.font.pointSizeF() - 1);
        regionFont.setItalic(true);
        painter.setFont(regionFont);
        const QFontMetricsF rfm(regionFont);
        painter.setPen(m_style.regionLabel);
        const auto &regions = m_map->source->regions->regions();
        for (qsizetype r = 0; r < regions.size(); ++r) {
            const QRectF box = m_map->regions[r].box;
            const QString name = localized(regions[r].name, lang);
            if (box.width() / viewport.metresPerPixel() < rfm.horizontalAdvance(name) + 16) continue;
            const QPointF px = viewport.lonLatToScreenPx(regions[r].labelLonLat);
            const QRectF text(px - QPointF(rfm.horizontalAdvance(name) / 2, rfm.height() / 2),
                              QSizeF(rfm.horizontalAdvance(name), rfm.height()));
            if (place(text)) painter.drawText(text, Qt::AlignCenter, name);
        }
    }
    painter.restore();
}

} // namespace chronomap
