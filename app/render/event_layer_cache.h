// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "event_layer_renderer.h"
#include "viewport.h"

#include <QImage>

#include <tuple>

class QPainter;

namespace chronomap {

/// The event layer drawn once over the view and a margin around it, then reused while the map
/// pans: a pan by whole device pixels within the margin blits the image at an offset instead of
/// drawing every marker group again (marker groups are anchored to the map, see
/// EventLayerRenderer::groupCellOf, so the pixels are those of a fresh drawing). A change of
/// scale, size, pixel ratio, renderer, dataset or view state (ViewState::revision) draws it again.
/// Density bins are drawn straight onto the painter every frame: their colours scale with the
/// events on screen. For the widget only; exports draw with the renderer directly.
class EventLayerCache {
public:
    explicit EventLayerCache(int marginPx = 256) : m_marginPx(marginPx) {}

    /// Draws `state`'s events over `viewport` on `painter` (whose device is `viewport`-sized, at
    /// `devicePixelRatio`), from the cached layer when it is current.
    void paint(QPainter &painter, const EventLayerRenderer &renderer, const Viewport &viewport, const ViewState &state,
               qreal devicePixelRatio = 1.0);
    /// Forgets the layer: the next paint draws it again.
    void invalidate() { m_image = QImage(); }

    /// The events under a point of the last painted view (see EventLayerRenderer::eventsAt).
    EventStore::IndexList eventsAt(QPointF px, const EventLayerRenderer &renderer, const ViewState &state) const;
    /// Whether the last paint blitted the cached layer rather than drawing it.
    bool lastPaintReused() const { return m_reused; }
    int marginPx() const { return m_marginPx; }

private:
    bool isCurrentFor(const EventLayerRenderer &renderer, const Viewport &viewport, const ViewState &state,
                      qreal devicePixelRatio, QPoint *offsetDevicePx) const;

    int m_marginPx;
    QImage m_image;           ///< the layer over m_layerViewport, transparent where nothing is drawn
    Viewport m_layerViewport; ///< the view at the last drawing, grown by the margin
    QSize m_viewSizePx;
    qreal m_devicePixelRatio = 1.0;
    const EventLayerRenderer *m_renderer = nullptr;
    const ViewState *m_state = nullptr;
    const Dataset *m_dataset = nullptr;
    quint64 m_revision = 0;
    MapHits m_hits;          ///< in the coordinates of m_hitsViewport
    Viewport m_hitsViewport; ///< the layer's, or the view's when drawn straight onto the painter
    QPointF m_hitsOriginPx;  ///< where the last view's top left lies in m_hitsViewport
    bool m_reused = false;
    std::tuple<const EventLayerRenderer *, const ViewState *, const Dataset *, quint64> m_densityKey{};
    bool m_dense = false;
};

} // namespace chronomap
