// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "render/map/density_counts.h"
#include "render/map/event_layer_cache.h"
#include "render/map/map_scene.h"
#include "core/view/view_state.h"
#include "render/map/viewport.h"

#include <QImage>
#include <QTimer>
#include <QWidget>

#include <map>
#include <memory>
#include <optional>

namespace chronomap {

/// The map: base map, events, legend. Turns mouse and keys into viewport moves and view-state
/// changes (select an event or a region); asks the renderers and the core what lies where.
class MapView : public QWidget {
    Q_OBJECT
public:
    explicit MapView(ViewState *state, QWidget *parent = nullptr);

    const Viewport &viewport() const { return m_viewport; }
    /// The dataset's base map, projected (immutable: may be shared with threads).
    std::shared_ptr<const ProjectedBaseMap> projectedBaseMap() const { return m_scene ? m_scene->baseMap() : nullptr; }
    void setViewport(const Viewport &viewport);
    /// Frames all events (the shortest way round the globe), or the base map's focus when empty.
    void zoomToData();
    /// What a freshly opened dataset shows: its area of most events
    /// (MapFraming::eventsOfBusiestArea), so the busiest regions are not a few pixels wide;
    /// all of it is one key away (Home, View → Zoom to Data).
    void frameBusiestArea();
    void zoomToRegion(int regionIndex);
    /// Where a lon/lat point is on the widget now (logical pixels).
    QPointF screenPosOf(QPointF lonLatDeg) const { return m_viewport.lonLatToScreenPx(lonLatDeg); }
    /// The events under a widget position, newest first (markers, then arcs).
    EventStore::IndexList eventsAt(QPointF px) const;
    /// Where the last frame drew the legend's category rows (a click there shows or hides one).
    const LegendHits &legendHits() const { return m_legendHits; }
    /// Where the map places `event` (PreparedDataset::placeOf), in Web Mercator metres; nullopt
    /// when it has no place.
    std::optional<QPointF> mercatorOf(EventStore::Index event) const;
    /// Whether `event`'s place is on screen, at least `marginPx` inside the edges.
    bool isOnScreen(EventStore::Index event, double marginPx = 0) const;
    /// Centres the map on `event` unless it is already on screen; keeps the scale.
    void panToEvent(EventStore::Index event);
    /// Frames `events` (a cluster's or bin's), at most zoomed in to a city.
    void zoomToEvents(const EventStore::IndexList &events);

    /// Bins of a table browsed live (LiveSession), painted over the events; null: none.
    void setLiveDensity(std::shared_ptr<const DensityCounts> density);
    /// The events of a small view of a table browsed live, drawn as markers (MarkerLayer) in
    /// place of bins; null: none.
    void setLiveEvents(std::shared_ptr<const PreparedDataset> events);
    /// The chosen event of a table browsed live (a dataset of it alone), ringed over the live
    /// bins or markers as the chosen event of a file is; null: none.
    void setLiveChosenEvent(std::shared_ptr<const PreparedDataset> chosen);
    std::shared_ptr<const PreparedDataset> liveChosenEvent() const { return m_liveChosen; }
    /// Where the last frame ringed the live chosen event (MapHits::selectionPx; tests).
    const MapHits &liveChosenHits() const { return m_liveChosenHits; }
    /// The view's events per category of a table browsed live, for the legend; nullopt: the
    /// legend counts the dataset's events, as for a file.
    void setLiveCategoryCounts(std::optional<std::map<QString, qint64>> counts);
    /// What the live mode draws: its bins, else its events (tests).
    std::shared_ptr<const DensityCounts> liveDensity() const { return m_liveDensity; }
    std::shared_ptr<const PreparedDataset> liveEvents() const { return m_liveEvents; }
    /// Where the last frame drew the live events' markers (liveEvents()' indexes).
    const MapHits &liveHits() const { return m_liveHits; }

signals:
    /// The viewport changed (pan, zoom, resize): found when a frame is painted.
    void viewportChanged();
    /// A click on a cluster or hexagon bin of more than one event: its events, newest first.
    void groupClicked(const chronomap::EventStore::IndexList &events, chronomap::MarkStyle style);
    /// Live mode: a click on the map picked the event `id` of the live markers (the newest under
    /// the cursor), or none (empty: a click beside them, on bins, or Escape).
    void liveEventClicked(const QString &id);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    bool event(QEvent *event) override;

private:
    void onDatasetChanged();
    void click(QPointF px);
    /// Live mode: says which live marker a click at `px` picked (liveEventClicked).
    void clickLive(QPointF px);
    int regionAt(QPointF px) const;
    void renderBaseCache(int marginPx);

    ViewState *m_state;
    Viewport m_viewport;
    Viewport m_paintedViewport; ///< the last frame's, for viewportChanged()
    std::shared_ptr<const DensityCounts> m_liveDensity;
    std::shared_ptr<const PreparedDataset> m_liveEvents;
    std::optional<std::map<QString, qint64>> m_liveCategoryCounts;
    ViewState m_liveState; ///< m_liveEvents' view: all shown (the database filtered them)
    std::shared_ptr<const PreparedDataset> m_liveChosen;
    ViewState m_liveChosenState; ///< m_liveChosen's view: its one event shown and selected
    MapHits m_liveChosenHits;
    MapHits m_liveHits;                            ///< where the last frame drew m_liveEvents' markers
    std::shared_ptr<const PreparedDataset> m_data; ///< the state's dataset, as the map draws it
    std::unique_ptr<MapScene> m_scene;             ///< null without a base map
    LegendHits m_legendHits;
    EventLayerCache m_eventCache; ///< the events around the view, reused while panning
    QImage m_baseCache;           ///< base map of the view, with a margin for panning once idle
    int m_baseCacheMarginPx = 0;  ///< m_baseCache's margin on every side
    QTimer m_addBaseCacheMargin;  ///< draws the margin once zooming has paused
    Viewport m_baseCacheViewport;
    QString m_baseCacheLanguage;
    QPointF m_pressPx;
    QPointF m_lastDragPx;
    bool m_dragging = false;
    bool m_followsData = true;       ///< frame the data again on resize: the user has not moved the map
    bool m_framesBusiestArea = true; ///< what "the data" means for m_followsData: its busiest area
};

} // namespace chronomap
