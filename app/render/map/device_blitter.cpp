// SPDX-License-Identifier: GPL-3.0-or-later
#include "render/map/device_blitter.h"

#include <QPainter>

#include <cmath>

namespace chronomap {

DeviceBlitter::DeviceBlitter(QPainter &painter, double spriteDpr)
    : m_painter(painter), m_toDevice(painter.combinedTransform())
{
    m_active = m_toDevice.type() == QTransform::TxScale && qFuzzyCompare(m_toDevice.m11(), spriteDpr) &&
               qFuzzyCompare(m_toDevice.m22(), spriteDpr);
    if (!m_active) return;
    m_painter.save();
    m_painter.setWorldTransform(QTransform());
    m_painter.setWorldTransform(m_painter.combinedTransform().inverted());
}

DeviceBlitter::~DeviceBlitter()
{
    if (m_active) m_painter.restore();
}

void DeviceBlitter::draw(QPointF logical, const QImage &image)
{
    if (!m_active) {
        m_painter.drawImage(logical, image);
        return;
    }
    // The source-rectangle overload draws image pixels onto target pixels, whatever the
    // image's own ratio says.
    const QPointF device = m_toDevice.map(logical);
    m_painter.drawImage(QRectF(QPointF(std::round(device.x()), std::round(device.y())), QSizeF(image.size())), image,
                        QRectF(image.rect()));
}

} // namespace chronomap
