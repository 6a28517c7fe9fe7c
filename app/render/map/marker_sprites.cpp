// SPDX-License-Identifier: GPL-3.0-or-later
#include "render/map/marker_sprites.h"

#include <QPainter>
#include <QPainterPath>

#include <cmath>

namespace chronomap {

void drawMarkerShape(QPainter &painter, MarkerShape shape, QPointF c, double r)
{
    auto polygon = [&](int corners, double startDeg, double inner = 0) {
        QPolygonF p;
        const int n = inner > 0 ? corners * 2 : corners;
        for (int i = 0; i < n; ++i) {
            const double a = (startDeg + i * 360.0 / n) * 3.14159265358979 / 180.0;
            const double rr = (inner > 0 && i % 2) ? r * inner : r;
            p.append(c + QPointF(rr * std::cos(a), rr * std::sin(a)));
        }
        return p;
    };
    switch (shape) {
    case MarkerShape::Circle:
        painter.drawEllipse(c, r, r);
        break;
    case MarkerShape::Square:
        painter.drawRect(QRectF(c - QPointF(r * 0.85, r * 0.85), QSizeF(r * 1.7, r * 1.7)));
        break;
    case MarkerShape::Diamond:
        painter.drawPolygon(polygon(4, -90));
        break;
    case MarkerShape::TriangleUp:
        painter.drawPolygon(polygon(3, -90));
        break;
    case MarkerShape::TriangleDown:
        painter.drawPolygon(polygon(3, 90));
        break;
    case MarkerShape::Star:
        painter.drawPolygon(polygon(5, -90, 0.5));
        break;
    case MarkerShape::Hexagon:
        painter.drawPolygon(polygon(6, 0));
        break;
    case MarkerShape::Cross:
        painter.drawPolygon(polygon(4, -45, 0.45));
        break;
    }
}

MarkerSprites::MarkerSprites(double devicePixelRatio, double radiusPx) : m_dpr(devicePixelRatio), m_radius(radiusPx) {}

const QImage &MarkerSprites::sprite(const QString &category) const
{
    auto it = m_cache.find(category);
    if (it != m_cache.end()) return *it;
    const int side = int(std::ceil((m_radius * 2 + 4) * m_dpr));
    QImage image(side, side, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(m_dpr);
    image.fill(Qt::transparent);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(QPen(QColor(255, 255, 255), 1.4));
    p.setBrush(CategoryStyle::color(category));
    const double logical = side / m_dpr;
    drawMarkerShape(p, CategoryStyle::shape(category), QPointF(logical / 2, logical / 2), m_radius);
    p.end();
    return *m_cache.insert(category, image);
}

} // namespace chronomap
