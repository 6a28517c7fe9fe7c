// SPDX-License-Identifier: GPL-3.0-or-later
#include "event_layer_cache.h"

#include "web_mercator.h"

#include <QPainter>

#include <cmath>

namespace chronomap {

bool EventLayerCache::isCurrentFor(const EventLayerRenderer &renderer, const Viewport &viewport, const ViewState &state,
                                   qreal devicePixelRatio, QPoint *offsetDevicePx) const
{
    if (m_image.isNull() || m_renderer != &renderer || m_state != &state || m_dataset != state.dataset().get() ||
        m_revision != state.revision() || m_devicePixelRatio != devicePixelRatio || m_viewSizePx != viewport.sizePx() ||
        m_layerViewport.metresPerPixel() != viewport.metresPerPixel())
        return false;
    // How far the view's centre moved since the drawing, in device pixels; the short way round
    // the world, so a pan across the antimeridian (the centre wraps) keeps the layer.
    const double w = WebMercator::kWorldWidthM;
    double dxM = viewport.centreMercatorM().x() - m_layerViewport.centreMercatorM().x();
    dxM -= std::round(dxM / w) * w;
    const double dyM = viewport.centreMercatorM().y() - m_layerViewport.centreMercatorM().y();
    const QPointF offset = QPointF(dxM, -dyM) / viewport.metresPerPixel() * devicePixelRatio;
    const QPoint whole = offset.toPoint();
    // Only whole device pixels: a fractional offset would resample the markers.
    if (std::abs(offset.x() - whole.x()) > 1e-3 || std::abs(offset.y() - whole.y()) > 1e-3) return false;
    const int marginDevice = int(std::floor(m_marginPx * devicePixelRatio));
    if (std::abs(whole.x()) > marginDevice || std::abs(whole.y()) > marginDevice) return false;
    *offsetDevicePx = whole;
    return true;
}

void EventLayerCache::paint(QPainter &painter, const EventLayerRenderer &renderer, const Viewport &viewport,
                            const ViewState &state, qreal devicePixelRatio)
{
    m_reused = false;
    // Whether the layer is density bins, counted again only when the state or data change.
    const std::tuple<const EventLayerRenderer *, const ViewState *, const Dataset *, quint64> densityKey{
        &renderer, &state, state.dataset().get(), state.revision()};
    if (densityKey != m_densityKey) {
        m_dense = renderer.drawsDensityBins(state);
        m_densityKey = densityKey;
    }
    // Density bins, or a margin of no whole number of device pixels (the layer could not be
    // placed pixel for pixel): drawn straight onto the painter.
    const double marginDevice = m_marginPx * devicePixelRatio;
    if (m_dense || marginDevice != std::floor(marginDevice)) {
        m_image = QImage();
        renderer.render(painter, viewport, state, &m_hits);
        m_hitsViewport = viewport;
        m_hitsOriginPx = QPointF();
        return;
    }
    QPoint offsetDevice;
    if (isCurrentFor(renderer, viewport, state, devicePixelRatio, &offsetDevice)) {
        m_reused = true;
    } else {
        m_layerViewport = Viewport(viewport.centreMercatorM(), viewport.metresPerPixel(),
                                   viewport.sizePx() + QSize(2 * m_marginPx, 2 * m_marginPx));
        m_viewSizePx = viewport.sizePx();
        m_devicePixelRatio = devicePixelRatio;
        m_renderer = &renderer;
        m_state = &state;
        m_dataset = state.dataset().get();
        m_revision = state.revision();
        m_image = QImage(m_layerViewport.sizePx() * devicePixelRatio, QImage::Format_ARGB32_Premultiplied);
        m_image.setDevicePixelRatio(devicePixelRatio);
        m_image.fill(Qt::transparent);
        QPainter layer(&m_image);
        renderer.render(layer, m_layerViewport, state, &m_hits);
        m_hitsViewport = m_layerViewport;
    }
    // The view's top left in the layer, in device pixels: the margin, plus the pan since.
    const QPoint originDevice = QPoint(1, 1) * int(std::floor(m_marginPx * devicePixelRatio)) + offsetDevice;
    m_hitsOriginPx = QPointF(originDevice) / devicePixelRatio;
    const QSize viewDevice = (QSizeF(viewport.sizePx()) * devicePixelRatio).toSize();
    // The view's part of the layer, pixel for pixel (the source rectangle is in device pixels).
    painter.drawImage(QPointF(0, 0), m_image, QRectF(originDevice, viewDevice));
}

EventStore::IndexList EventLayerCache::eventsAt(QPointF px, const EventLayerRenderer &renderer,
                                                const ViewState &state) const
{
    return renderer.eventsAt(px + m_hitsOriginPx, m_hitsViewport, state, m_hits);
}

} // namespace chronomap
