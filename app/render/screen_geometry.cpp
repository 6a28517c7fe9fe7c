// SPDX-License-Identifier: GPL-3.0-or-later
#include "screen_geometry.h"

#include <cmath>

namespace chronomap {

void toScreen(const QPolygonF &m, const QTransform &t, double shiftM, QPolygonF &out, double tolerancePx)
{
    out.clear();
    if (m.isEmpty()) return;
    const double sx = t.m11(), sy = t.m22(), dx = t.dx() + shiftM * t.m11(), dy = t.dy();
    const double tol2 = tolerancePx * tolerancePx;
    QPointF last(m[0].x() * sx + dx, m[0].y() * sy + dy);
    out.append(last);
    const qsizetype n = m.size();
    for (qsizetype i = 1; i < n; ++i) {
        const QPointF p(m[i].x() * sx + dx, m[i].y() * sy + dy);
        const double ddx = p.x() - last.x(), ddy = p.y() - last.y();
        if (ddx * ddx + ddy * ddy < tol2 && i != n - 1) continue;
        out.append(p);
        last = p;
    }
}

QPainterPath areaPath(const QList<QPolygonF> &rings, const QTransform &t, double shiftM)
{
    QPainterPath path;
    path.setFillRule(Qt::OddEvenFill);
    QPolygonF screen;
    for (const QPolygonF &ring : rings) {
        toScreen(ring, t, shiftM, screen);
        if (screen.size() >= 3) path.addPolygon(screen);
    }
    return path;
}

} // namespace chronomap
