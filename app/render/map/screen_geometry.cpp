// SPDX-License-Identifier: GPL-3.0-or-later
#include "render/map/screen_geometry.h"

#include <algorithm>
#include <cmath>
#include <limits>

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

void toScreen(const QPolygonF &m, const std::vector<float> &detailM, double minDetailM, const QTransform &t,
              double shiftM, QPolygonF &out, double tolerancePx)
{
    out.clear();
    const qsizetype n = m.size();
    if (n == 0) return;
    if (size_t(n) != detailM.size()) return toScreen(m, t, shiftM, out, tolerancePx);
    const double sx = t.m11(), sy = t.m22(), dx = t.dx() + shiftM * t.m11(), dy = t.dy();
    const double tol2 = tolerancePx * tolerancePx;
    const float minDetail = float(minDetailM);
    QPointF last(m[0].x() * sx + dx, m[0].y() * sy + dy);
    out.append(last);
    for (qsizetype i = 1; i < n; ++i) {
        if (detailM[size_t(i)] < minDetail) continue; // the last vertex has +infinity
        const QPointF p(m[i].x() * sx + dx, m[i].y() * sy + dy);
        const double ddx = p.x() - last.x(), ddy = p.y() - last.y();
        if (ddx * ddx + ddy * ddy < tol2 && i != n - 1) continue;
        out.append(p);
        last = p;
    }
}

std::vector<float> douglasPeuckerDetail(const QPolygonF &line)
{
    const qsizetype n = line.size();
    constexpr float kAlways = std::numeric_limits<float>::infinity();
    std::vector<float> detail(size_t(n), kAlways);
    if (n < 3) return detail;
    struct Span {
        qsizetype a, b;
        float parent; ///< detail of the vertex that split the span off: no vertex inside exceeds it
    };
    std::vector<Span> stack{{0, n - 1, kAlways}};
    while (!stack.empty()) {
        const Span s = stack.back();
        stack.pop_back();
        if (s.b - s.a < 2) continue;
        const QPointF a = line[s.a], ab = line[s.b] - a;
        const double len2 = QPointF::dotProduct(ab, ab);
        double best = -1;
        qsizetype split = s.a + 1;
        for (qsizetype i = s.a + 1; i < s.b; ++i) {
            const QPointF ap = line[i] - a;
            // Distance to the segment (not the infinite line), so closed rings work too.
            const double u = len2 > 0 ? std::clamp(QPointF::dotProduct(ap, ab) / len2, 0.0, 1.0) : 0.0;
            const QPointF d = ap - u * ab;
            const double dist2 = QPointF::dotProduct(d, d);
            if (dist2 > best) {
                best = dist2;
                split = i;
            }
        }
        const float value = std::min(float(std::sqrt(best)), s.parent);
        detail[size_t(split)] = value;
        stack.push_back({s.a, split, value});
        stack.push_back({split, s.b, value});
    }
    return detail;
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
