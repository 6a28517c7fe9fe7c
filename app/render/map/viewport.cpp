// SPDX-License-Identifier: GPL-3.0-or-later
#include "render/map/viewport.h"

#include "render/map/web_mercator.h"

#include <algorithm>
#include <cmath>

namespace chronomap {

namespace {
constexpr double kMinMetresPerPixel = 2.0;                               // street level is enough
constexpr double kMaxMetresPerPixel = WebMercator::kWorldWidthM / 256.0; // whole world in 256 px
} // namespace

Viewport::Viewport(QPointF centreMercatorM, double metresPerPixel, QSize sizePx)
    : m_centre(centreMercatorM), m_metresPerPixel(metresPerPixel), m_size(sizePx)
{
    normalise();
}

void Viewport::normalise()
{
    m_metresPerPixel = std::clamp(m_metresPerPixel, kMinMetresPerPixel, kMaxMetresPerPixel);
    const double half = WebMercator::kWorldWidthM / 2;
    double x = std::fmod(m_centre.x() + half, WebMercator::kWorldWidthM);
    if (x < 0) x += WebMercator::kWorldWidthM;
    m_centre.setX(x - half);
    m_centre.setY(std::clamp(m_centre.y(), -half, half));
}

QPointF Viewport::toScreenPx(QPointF m) const
{
    return {(m.x() - m_centre.x()) / m_metresPerPixel + m_size.width() / 2.0,
            m_size.height() / 2.0 - (m.y() - m_centre.y()) / m_metresPerPixel};
}

QPointF Viewport::toMercatorM(QPointF px) const
{
    return {m_centre.x() + (px.x() - m_size.width() / 2.0) * m_metresPerPixel,
            m_centre.y() - (px.y() - m_size.height() / 2.0) * m_metresPerPixel};
}

QPointF Viewport::lonLatToScreenPx(QPointF lonLatDeg) const
{
    // The copy of the point nearest the view centre, so points across the antimeridian show.
    QPointF m = WebMercator::toMercatorM(lonLatDeg);
    const double w = WebMercator::kWorldWidthM;
    m.setX(m.x() + std::round((m_centre.x() - m.x()) / w) * w);
    return toScreenPx(m);
}

QPointF Viewport::screenPxToLonLat(QPointF px) const
{
    return WebMercator::toLonLatDeg(toMercatorM(px));
}

QTransform Viewport::mercatorToScreen() const
{
    const double s = 1.0 / m_metresPerPixel;
    return QTransform(s, 0, 0, -s, m_size.width() / 2.0 - m_centre.x() * s, m_size.height() / 2.0 + m_centre.y() * s);
}

QRectF Viewport::visibleMercatorRect() const
{
    return QRectF(toMercatorM(QPointF(0, m_size.height())), toMercatorM(QPointF(m_size.width(), 0))).normalized();
}

QList<double> Viewport::worldCopies() const
{
    const QRectF visible = visibleMercatorRect();
    const double w = WebMercator::kWorldWidthM;
    QList<double> shifts;
    for (int k = int(std::floor((visible.left() + w / 2) / w)); k * w - w / 2 < visible.right(); ++k)
        shifts.append(k * w);
    return shifts;
}

void Viewport::panByPx(QPointF deltaPx)
{
    m_centre += QPointF(-deltaPx.x() * m_metresPerPixel, deltaPx.y() * m_metresPerPixel);
    normalise();
}

void Viewport::zoomAbout(QPointF anchorPx, double factor)
{
    const QPointF anchor = toMercatorM(anchorPx);
    m_metresPerPixel /= factor;
    normalise();
    m_centre += anchor - toMercatorM(anchorPx);
    normalise();
}

void Viewport::fit(const QRectF &r, double marginPx)
{
    const double w = std::max(1.0, m_size.width() - 2 * marginPx), h = std::max(1.0, m_size.height() - 2 * marginPx);
    m_centre = r.center();
    m_metresPerPixel = std::max(r.width() / w, r.height() / h);
    normalise();
}

double Viewport::zoomLevel() const
{
    return std::log2(WebMercator::kWorldWidthM / 256.0 / m_metresPerPixel);
}

} // namespace chronomap
