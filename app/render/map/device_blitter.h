// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QImage>
#include <QPointF>
#include <QTransform>

class QPainter;

namespace chronomap {

/// Draws sprites pixel for pixel in device space when the painter only scales by the sprites'
/// own device pixel ratio (a 4K snapshot at scale 2, a high-DPI window). Left to a scaling
/// transform, the raster engine draws each image as a textured polygon and hands even a
/// 24-pixel sprite to its thread pool: markers took most of a 4K export.
class DeviceBlitter {
public:
    DeviceBlitter(QPainter &painter, double spriteDpr);
    ~DeviceBlitter();
    DeviceBlitter(const DeviceBlitter &) = delete;
    DeviceBlitter &operator=(const DeviceBlitter &) = delete;

    /// `image` (at the sprites' device pixel ratio) with its top left at `logical`.
    void draw(QPointF logical, const QImage &image);

private:
    QPainter &m_painter;
    QTransform m_toDevice;
    bool m_active = false;
};

} // namespace chronomap
