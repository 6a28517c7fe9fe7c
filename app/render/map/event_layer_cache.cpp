// SPDX-License-Identifier: GPL-3.0-or-later
#include "render/map/event_layer_cache.h"

#include "render/map/web_mercator.h"

#include <QPainter>

#include <cmath>

namespace chronomap {

std::optional<QPoint> EventLayerCache::viewOriginInLayer(const Viewport &viewport, qreal devicePixelRatio) const
{
    // How far the view's centre moved since the drawing, in device pixels; the short way round
    // the world, so a pan across the antimeridian (the centre wraps) keeps the layer.
    const double w = WebMercator::kWorldWidthM;
    double dxM = viewport.centreMercatorM().x() - m_layerViewport.centreMercatorM().x();
    dxM -= std::round(dxM / w) * w;
    const double dyM = viewport.centreMercatorM().y() - m_layerViewport.centreMercatorM().y();
    const QPointF offset = QPointF(dxM, -dyM) / viewport.metresPerPixel() * devicePixelRatio;
    const QPoint whole = offset.toPoint();
    // Only whole device pixels: a fractional offset would resample the markers.
    if (std::abs(offset.x() - whole.x()) > 1e-3 || std::abs(offset.y() - whole.y()) > 1e-3) return std::nullopt;
    const int marginDevice = int(m_marginPx * devicePixelRatio);
    if (std::abs(whole.x()) > marginDevice || std::abs(whole.y()) > marginDevice) return std::nullopt;
    return QPoint(marginDevice, marginDevice) + whole;
}

void EventLayerCache::drawEvents(QPainter &painter, const MapScene &scene, const MapFrame &frame)
{
    MapFrameResult result;
    scene.paintGroup(MapScene::Group::Events, painter, frame, result);
    m_hits = std::move(result.hits);
    m_hitsViewport = frame.viewport;
}

void EventLayerCache::drawStraight(QPainter &painter, const MapScene &scene, const MapFrame &frame)
{
    m_image = QImage();
    drawEvents(painter, scene, frame);
    m_hitsOriginPx = QPointF();
}

void EventLayerCache::paint(QPainter &painter, const MapScene &scene, const MapFrame &frame, qreal devicePixelRatio)
{
    const Viewport &viewport = frame.viewport;
    const ViewState &state = frame.state;
    const Key key{&scene,          &state, &frame.data, state.revision(), viewport.metresPerPixel(), viewport.sizePx(),
                  devicePixelRatio};
    // Whether the layer is density bins, counted again only when the state or data change.
    if (key.scene != m_lastKey.scene || key.state != m_lastKey.state || key.dataset != m_lastKey.dataset ||
        key.revision != m_lastKey.revision)
        m_dense = EventLayerRenderer::drawsDensityBins(frame.data, state);
    const bool sameAsLastPaint = key == m_lastKey;
    m_lastKey = key;
    m_reused = m_madeLayer = false;
    // A margin of no whole number of device pixels could not place the layer pixel for pixel.
    const double marginDevice = m_marginPx * devicePixelRatio;
    // Density bins and heat scale their colours with the events on screen: drawn straight, as is
    // a view whose last drawing at this state and scale (MarkStyle::Auto) turned out to be such.
    // Hexagon bins are anchored to the map: a larger layer's bins are the view's.
    const bool lastScaledToScreen = m_hits.dense && m_hits.marks.style != MarkStyle::HexBins;
    if (m_dense || (sameAsLastPaint && lastScaledToScreen) || marginDevice != std::floor(marginDevice))
        return drawStraight(painter, scene, frame);

    std::optional<QPoint> origin;
    if (!m_image.isNull() && m_layerKey == key) origin = viewOriginInLayer(viewport, devicePixelRatio);
    if (origin) {
        m_reused = true;
    } else if (sameAsLastPaint) {
        // The state held for a second frame (a pan has begun): worth the layer.
        m_layerViewport = Viewport(viewport.centreMercatorM(), viewport.metresPerPixel(),
                                   viewport.sizePx() + QSize(2 * m_marginPx, 2 * m_marginPx));
        m_layerKey = key;
        m_image = QImage(m_layerViewport.sizePx() * devicePixelRatio, QImage::Format_ARGB32_Premultiplied);
        m_image.setDevicePixelRatio(devicePixelRatio);
        m_image.fill(Qt::transparent);
        QPainter layer(&m_image);
        drawEvents(layer, scene, MapFrame{frame.data, state, m_layerViewport});
        layer.end();
        m_madeLayer = true;
        origin = viewOriginInLayer(viewport, devicePixelRatio);
    } else {
        return drawStraight(painter, scene, frame);
    }
    m_hitsOriginPx = QPointF(*origin) / devicePixelRatio;
    const QSize viewDevice = (QSizeF(viewport.sizePx()) * devicePixelRatio).toSize();
    // The view's part of the layer, pixel for pixel (the source rectangle is in device pixels).
    painter.drawImage(QPointF(0, 0), m_image, QRectF(*origin, viewDevice));
}

EventStore::IndexList EventLayerCache::eventsAt(QPointF px, const MapScene &scene, const PreparedDataset &data,
                                                const ViewState &state) const
{
    return scene.eventsAt(px + m_hitsOriginPx, MapFrame{data, state, m_hitsViewport}, m_hits);
}

std::optional<std::pair<MarkGroup, EventStore::IndexList>>
EventLayerCache::groupAt(QPointF px, const MapScene &scene, const PreparedDataset &data, const ViewState &state) const
{
    const MarkGroup *group = scene.groupAt(px + m_hitsOriginPx, m_hits);
    if (!group) return std::nullopt;
    return std::pair{*group, eventsAt(px, scene, data, state)};
}

} // namespace chronomap
