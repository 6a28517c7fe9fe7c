// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "render/map/map_scene.h"
#include "render/map/viewport.h"

#include <QImage>

#include <optional>

class QPainter;

namespace chronomap {

/// The event layer drawn once over the view and a margin around it, then reused while the map
/// pans: a pan by whole device pixels within the margin blits the image at an offset instead of
/// drawing every marker group again (marker groups are anchored to the map, see
/// MarkerLayer::groupCellOf, so the pixels are those of a fresh drawing).
/// The layer is made on the second paint in a row of the same state at the same scale and size
/// (the first frame of a pan, a repaint): a frame after a change of view state
/// (ViewState::revision: filter, window, selection, language, data), scale, size or pixel ratio
/// is drawn straight onto the painter, at the view's size, so playback and zooming cost what they
/// did. Density bins and heat are always drawn straight: their colours scale with the events on
/// screen. Clusters and hexagon bins are cached as markers are: their grids are anchored to the
/// map, but merges near the edges and the bins' colour scale follow the drawn area, so a pan
/// shows the larger layer's clusters and colours until the next change redraws the view.
/// For the widget only; exports draw with the renderer directly.
class EventLayerCache {
public:
    explicit EventLayerCache(int marginPx = 256) : m_marginPx(marginPx) {}

    /// Draws the scene's event layers of `frame` on `painter` (whose device is the frame's
    /// viewport-sized, at `devicePixelRatio`), from the cached layer when it is current.
    void paint(QPainter &painter, const MapScene &scene, const MapFrame &frame, qreal devicePixelRatio = 1.0);
    /// Forgets the layer and the last paint: the next paint draws straight onto the painter.
    void invalidate()
    {
        m_image = QImage();
        m_lastKey = {};
    }

    /// The events under a point of the last painted view (see MapScene::eventsAt).
    EventStore::IndexList eventsAt(QPointF px, const MapScene &scene, const PreparedDataset &data,
                                   const ViewState &state) const;
    /// The cluster or hexagon bin under a point of the last painted view, with its events
    /// (newest first); nullopt when there is none.
    std::optional<std::pair<MarkGroup, EventStore::IndexList>>
    groupAt(QPointF px, const MapScene &scene, const PreparedDataset &data, const ViewState &state) const;
    /// How the last paint drew the point events (for the legend).
    const MarksDrawn &marks() const { return m_hits.marks; }
    /// What the names drawn over the last painted view must leave visible (its markers, badges
    /// and selection ring), in the view's coordinates.
    LabelObstacles labelObstacles() const { return m_hits.labelObstacles(m_hitsOriginPx); }
    /// Whether the last paint blitted the cached layer rather than drawing it.
    bool lastPaintReused() const { return m_reused; }
    /// Whether the last paint drew the layer into its cache (and blitted it).
    bool lastPaintMadeLayer() const { return m_madeLayer; }
    int marginPx() const { return m_marginPx; }

private:
    /// What a drawing of the layer depends on, but for the view's centre.
    struct Key {
        const MapScene *scene = nullptr;
        const ViewState *state = nullptr;
        const Dataset *dataset = nullptr;
        quint64 revision = 0;
        double metresPerPixel = 0;
        QSize viewSizePx;
        qreal devicePixelRatio = 0;
        friend bool operator==(const Key &, const Key &) = default;
    };
    /// Where the view's top left is in the cached layer, in device pixels; nullopt when the view
    /// is not inside it at a whole number of device pixels.
    std::optional<QPoint> viewOriginInLayer(const Viewport &viewport, qreal devicePixelRatio) const;
    void drawStraight(QPainter &painter, const MapScene &scene, const MapFrame &frame);
    void drawEvents(QPainter &painter, const MapScene &scene, const MapFrame &frame);

    int m_marginPx;
    QImage m_image;           ///< the layer over m_layerViewport, transparent where nothing is drawn
    Viewport m_layerViewport; ///< the view at the layer's drawing, grown by the margin
    Key m_layerKey;           ///< what the layer was drawn for
    Key m_lastKey;            ///< what the last paint was for
    bool m_dense = false;     ///< the last paint's state is drawn as density bins
    MapHits m_hits;           ///< in the coordinates of m_hitsViewport
    Viewport m_hitsViewport;  ///< the layer's, or the view's when drawn straight onto the painter
    QPointF m_hitsOriginPx;   ///< where the last view's top left lies in m_hitsViewport
    bool m_reused = false;
    bool m_madeLayer = false;
};

} // namespace chronomap
