// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QPointF>
#include <QRectF>
#include <QSize>
#include <QTransform>

namespace chronomap {

/// What part of the Web Mercator plane a view shows: a centre, a scale and a size in pixels.
/// Screen y grows downwards, Mercator y northwards. The world repeats east and west, so the
/// view can sit across the antimeridian (Chukotka, the Aleutians).
class Viewport {
public:
    Viewport() = default;
    Viewport(QPointF centreMercatorM, double metresPerPixel, QSize sizePx);

    QPointF centreMercatorM() const { return m_centre; }
    double metresPerPixel() const { return m_metresPerPixel; }
    QSize sizePx() const { return m_size; }
    void setSizePx(QSize size) { m_size = size; }

    QPointF toScreenPx(QPointF mercatorM) const;
    QPointF toMercatorM(QPointF screenPx) const;
    QPointF lonLatToScreenPx(QPointF lonLatDeg) const;
    QPointF screenPxToLonLat(QPointF screenPx) const;
    /// Mercator → screen as an affine transform.
    QTransform mercatorToScreen() const;

    /// The Mercator rectangle on screen (may reach past ±half a world).
    QRectF visibleMercatorRect() const;
    /// Horizontal shifts (multiples of the world width) at which the world shows in the view.
    QList<double> worldCopies() const;

    /// Moves the view by a screen distance (dragging the map by `deltaPx` moves it with the mouse).
    void panByPx(QPointF deltaPx);
    /// Zooms by `factor` (>1 = in) keeping the point under `anchorPx` still.
    void zoomAbout(QPointF anchorPx, double factor);
    /// Frames a Mercator rectangle with a margin in pixels.
    void fit(const QRectF &mercatorRect, double marginPx = 24.0);
    /// A web-map style zoom level (0 = whole world in 256 px), for level-of-detail choices.
    double zoomLevel() const;

    friend bool operator==(const Viewport &, const Viewport &) = default;

private:
    void normalise();
    QPointF m_centre;
    double m_metresPerPixel = 10'000.0;
    QSize m_size{800, 600};
};

} // namespace chronomap
