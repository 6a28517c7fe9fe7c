// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/map_view.h"

#include "core/geo/region_index.h"
#include "render/map/event_layer_renderer.h"
#include "render/map/map_framing.h"
#include "render/map/map_style.h"
#include "render/map/marker_layer.h"
#include "render/map/web_mercator.h"

#include <QHelpEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace chronomap {

namespace {
constexpr int kCacheMarginPx = 256;
constexpr int kAddMarginAfterMs = 150; ///< after a zoom or resize: the wheel has stopped
constexpr double kClickSlopPx = 4.0;
constexpr double kKeyPanPx = 120.0;
} // namespace

MapView::MapView(ViewState *state, QWidget *parent) : QWidget(parent), m_state(state)
{
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(false);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMinimumSize(320, 240);
    setAccessibleName(tr("Map"));
    setAccessibleDescription(
        tr("Map of the events. Arrow keys pan, plus and minus zoom, Escape clears the selection."));
    connect(m_state, &ViewState::datasetChanged, this, &MapView::onDatasetChanged);
    connect(m_state, &ViewState::changed, this, qOverload<>(&QWidget::update));
    connect(m_state, &ViewState::selectedEventChanged, this, &MapView::panToEvent);
    m_addBaseCacheMargin.setSingleShot(true);
    m_addBaseCacheMargin.setInterval(kAddMarginAfterMs);
    connect(&m_addBaseCacheMargin, &QTimer::timeout, this, [this] {
        // The same pixels in view, so nothing to repaint: the next pan finds its margin.
        if (m_scene && m_data && !m_baseCache.isNull() && m_baseCacheMarginPx == 0 &&
            m_baseCacheViewport.metresPerPixel() == m_viewport.metresPerPixel() &&
            m_baseCacheViewport.centreMercatorM() == m_viewport.centreMercatorM() &&
            m_baseCacheViewport.sizePx() == size())
            renderBaseCache(kCacheMarginPx);
    });
    onDatasetChanged();
}

void MapView::onDatasetChanged()
{
    m_data = PreparedDataset::of(*m_state);
    Q_ASSERT(m_data || !m_state->dataset()); // the window shows prepared datasets only
    const auto baseMap = m_data ? m_data->projectedBaseMap() : nullptr;
    if (!baseMap) {
        m_scene.reset();
    } else if (!m_scene || m_scene->baseMap() != baseMap || m_scene->devicePixelRatio() != devicePixelRatioF()) {
        // The legend keeps hidden categories listed, so a click on a greyed entry brings one back.
        m_scene = std::make_unique<MapScene>(
            baseMap, MapScene::Options{.devicePixelRatio = devicePixelRatioF(), .legendListsHiddenCategories = true});
        m_baseCache = QImage();
    }
    m_eventCache.invalidate();
    const auto dataset = m_state->dataset();
    if (dataset && width() > 0)
        frameBusiestArea();
    else
        m_followsData = m_framesBusiestArea = true;
    update();
}

void MapView::frameBusiestArea()
{
    if (!m_data) return;
    const EventStore::IndexList busiest = MapFraming::eventsOfBusiestArea(*m_data);
    m_viewport = MapFraming::frameEvents(*m_data, busiest.empty() ? nullptr : &busiest, size());
    m_followsData = m_framesBusiestArea = true;
    update();
}

void MapView::setViewport(const Viewport &viewport)
{
    m_viewport = viewport;
    m_viewport.setSizePx(size());
    m_followsData = false; // a view chosen (a briefing step, a view state) stays through resizes
    update();
}

void MapView::zoomToData()
{
    if (!m_data) return;
    m_viewport = MapFraming::frameEvents(*m_data, nullptr, size());
    m_followsData = true;
    m_framesBusiestArea = false;
    update();
}

void MapView::zoomToRegion(int regionIndex)
{
    const auto baseMap = projectedBaseMap();
    if (!baseMap || regionIndex < 0 || regionIndex >= baseMap->regions.size()) return;
    m_viewport.fit(baseMap->regions[regionIndex].box, 60);
    m_followsData = false;
    update();
}

void MapView::resizeEvent(QResizeEvent *)
{
    m_viewport.setSizePx(size());
    // Until the user moves the map, it keeps the data framed as the window settles its layout.
    if (m_followsData && m_data) m_framesBusiestArea ? frameBusiestArea() : zoomToData();
}

void MapView::renderBaseCache(int marginPx)
{
    const qreal dpr = devicePixelRatioF();
    m_baseCacheMarginPx = marginPx;
    const QSize cacheSize = size() + QSize(2 * marginPx, 2 * marginPx);
    m_baseCacheViewport = Viewport(m_viewport.centreMercatorM(), m_viewport.metresPerPixel(), cacheSize);
    m_baseCacheLanguage = m_state->language();
    // Opaque (the sea covers it): blitting it is a copy, not a blend of 2.5 million pixels.
    m_baseCache = QImage(cacheSize * dpr, QImage::Format_RGB32);
    m_baseCache.setDevicePixelRatio(dpr);
    QPainter p(&m_baseCache);
    MapFrameResult drawn;
    m_scene->paintGroup(MapScene::Group::BaseMap, p, MapFrame{*m_data, *m_state, m_baseCacheViewport}, drawn);
}

void MapView::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    if (!m_scene || !m_data) {
        painter.fillRect(rect(), MapStyle::standard().sea);
        // Before the first dataset is shown (while it loads) the base map is not drawn yet:
        // saying it is missing would be false.
        if (m_data) painter.drawText(rect(), Qt::AlignCenter, tr("No base map"));
        return;
    }
    m_viewport.setSizePx(size());
    // Panning reuses the cached base map. A zoom or a resize draws the view alone, and the
    // margin for panning once the wheel has stopped (nearly twice the pixels: a wheel zoom
    // would not keep up); a pan past what is cached draws the view with its margin.
    const int margin = m_baseCacheMarginPx;
    const bool sameScale = !m_baseCache.isNull() &&
                           m_baseCacheViewport.metresPerPixel() == m_viewport.metresPerPixel() &&
                           m_baseCacheViewport.sizePx() == size() + QSize(2 * margin, 2 * margin) &&
                           m_baseCacheLanguage == m_state->language();
    QPointF offset;
    if (sameScale) {
        // The short way round the world: a pan across the antimeridian (the centre wraps) keeps
        // the cache, whose picture repeats with the world.
        const double w = WebMercator::kWorldWidthM;
        double dxM = m_viewport.centreMercatorM().x() - m_baseCacheViewport.centreMercatorM().x();
        dxM -= std::round(dxM / w) * w;
        const double dyM = m_viewport.centreMercatorM().y() - m_baseCacheViewport.centreMercatorM().y();
        offset = QPointF(dxM, -dyM) / m_viewport.metresPerPixel();
    }
    if (!sameScale) {
        renderBaseCache(0);
        m_addBaseCacheMargin.start();
        offset = QPointF();
    } else if (std::abs(offset.x()) > margin || std::abs(offset.y()) > margin) {
        renderBaseCache(kCacheMarginPx);
        offset = QPointF();
    }
    painter.drawImage(QPointF(-m_baseCacheMarginPx, -m_baseCacheMarginPx) - offset, m_baseCache);
    // The scene's layers, its slow groups from the caches: the names, legend and attribution
    // every frame, from images made once per name.
    const MapFrame frame{*m_data, *m_state, m_viewport};
    m_eventCache.paint(painter, *m_scene, frame, devicePixelRatioF());
    if (m_liveDensity) MarkerLayer::paintDensity(painter, m_viewport, *m_liveDensity, MapStyle::standard());
    m_liveHits = MapHits();
    if (m_liveEvents)
        MarkerLayer(MapStyle::standard(), devicePixelRatioF())
            .render(painter, MapFrame{*m_liveEvents, m_liveState, m_viewport}, m_liveHits);
    m_liveChosenHits = MapHits();
    if (m_liveChosen) {
        // Over bins or markers alike: its own marker on a light disc, then the ring (as over clusters).
        m_liveChosenHits.marks.style = MarkStyle::Clusters;
        const MapFrame chosen{*m_liveChosen, m_liveChosenState, m_viewport};
        const EventLayerRenderer renderer(MapStyle::standard(), devicePixelRatioF());
        renderer.renderArcs(painter, chosen, m_liveChosenHits);
        renderer.renderSelectedEvent(painter, chosen, m_liveChosenHits);
    }
    MapFrameResult drawn;
    drawn.labelObstacles = m_eventCache.labelObstacles();
    drawn.marks = m_eventCache.marks();
    drawn.categoryCounts = m_liveCategoryCounts;
    m_scene->paintGroup(MapScene::Group::Overlays, painter, frame, drawn);
    m_legendHits = drawn.legendHits;
    if (hasFocus()) {
        painter.setPen(QPen(palette().highlight(), 2));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(QRectF(rect()).adjusted(1, 1, -1, -1));
    }
    // Every move of the view ends in a frame: one place to notice them all.
    if (!(m_viewport == m_paintedViewport)) {
        m_paintedViewport = m_viewport;
        emit viewportChanged();
    }
}

void MapView::setLiveCategoryCounts(std::optional<std::map<QString, qint64>> counts)
{
    m_liveCategoryCounts = std::move(counts);
    update();
}

void MapView::setLiveDensity(std::shared_ptr<const DensityCounts> density)
{
    m_liveDensity = std::move(density);
    update();
}

void MapView::setLiveEvents(std::shared_ptr<const PreparedDataset> events)
{
    m_liveEvents = std::move(events);
    m_liveState.setDataset(m_liveEvents);
    update();
}

void MapView::setLiveChosenEvent(std::shared_ptr<const PreparedDataset> chosen)
{
    m_liveChosen = std::move(chosen);
    m_liveChosenState.setDataset(m_liveChosen);
    m_liveChosenState.setSelectedEvent(m_liveChosen ? 0 : -1);
    update();
}

EventStore::IndexList MapView::eventsAt(QPointF px) const
{
    return m_scene && m_data ? m_eventCache.eventsAt(px, *m_scene, *m_data, *m_state) : EventStore::IndexList{};
}

std::optional<QPointF> MapView::mercatorOf(EventStore::Index event) const
{
    return m_data ? m_data->placeOf(event) : std::nullopt;
}

bool MapView::isOnScreen(EventStore::Index event, double marginPx) const
{
    const auto m = mercatorOf(event);
    if (!m) return false;
    Viewport v = m_viewport;
    v.setSizePx(size());
    const QRectF inside = QRectF(rect()).adjusted(marginPx, marginPx, -marginPx, -marginPx);
    for (double shift : v.worldCopies())
        if (inside.contains(v.toScreenPx(*m + QPointF(shift, 0)))) return true;
    return false;
}

void MapView::panToEvent(EventStore::Index event)
{
    // Selected anywhere (timeline, table, panels): bring it into view, but leave a map that
    // already shows it alone, so selecting among visible events never moves the map.
    const auto m = mercatorOf(event);
    if (!m || isOnScreen(event, 24)) return;
    m_viewport = Viewport(*m, m_viewport.metresPerPixel(), size());
    m_followsData = false;
    update();
}

void MapView::zoomToEvents(const EventStore::IndexList &events)
{
    if (!m_data || events.empty()) return;
    m_viewport = MapFraming::frameEvents(*m_data, &events, size());
    m_followsData = false;
    update();
}

int MapView::regionAt(QPointF px) const
{
    const auto dataset = m_state->dataset();
    if (!dataset || !dataset->baseMap) return -1;
    const QPointF lonLat = m_viewport.screenPxToLonLat(px);
    return dataset->baseMap->regions->regionAt(lonLat.x(), lonLat.y());
}

void MapView::click(QPointF px)
{
    // A click on a legend entry shows or hides that category.
    if (const QString category = m_legendHits.categoryAt(px); !category.isEmpty()) {
        QSet<QString> hidden = m_state->hiddenCategories();
        if (!hidden.remove(category)) hidden.insert(category);
        m_state->setHiddenCategories(hidden);
        return;
    }
    // A click on a cluster or bin lists its events (the region panel) rather than picking one.
    if (m_scene && m_data)
        if (const auto group = m_eventCache.groupAt(px, *m_scene, *m_data, *m_state);
            group && group->second.size() > 1) {
            m_state->setSelectedEvent(-1);
            emit groupClicked(group->second, m_eventCache.marks().style);
            return;
        }
    clickLive(px);
    // A click picks the region under the cursor and, when it lands on a marker or an arc, that
    // event too: the region panel then shows the event among its neighbours.
    const auto events = eventsAt(px);
    const int region = regionAt(px);
    if (region >= 0 || events.empty()) m_state->setSelectedRegion(region);
    m_state->setSelectedEvent(events.empty() ? -1 : events.front());
}

void MapView::clickLive(QPointF px)
{
    if (!m_liveEvents && !m_liveDensity) return; // not live
    EventStore::IndexList live;
    if (m_liveEvents && m_scene)
        live = m_scene->eventsAt(px, MapFrame{*m_liveEvents, m_liveState, m_viewport}, m_liveHits);
    emit liveEventClicked(live.empty() ? QString() : m_liveEvents->events->id(live.front()));
}

void MapView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton) return;
    m_pressPx = m_lastDragPx = event->position();
    m_dragging = false;
}

void MapView::mouseMoveEvent(QMouseEvent *event)
{
    if (!(event->buttons() & Qt::LeftButton)) return;
    if (!m_dragging && (event->position() - m_pressPx).manhattanLength() < kClickSlopPx) return;
    m_dragging = true;
    setCursor(Qt::ClosedHandCursor);
    m_viewport.panByPx(event->position() - m_lastDragPx);
    m_followsData = false;
    m_lastDragPx = event->position();
    update();
}

void MapView::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton) return;
    unsetCursor();
    if (!m_dragging) click(event->position());
    m_dragging = false;
}

void MapView::mouseDoubleClickEvent(QMouseEvent *event)
{
    const int region = regionAt(event->position());
    if (region >= 0) {
        m_state->setSelectedRegion(region);
        zoomToRegion(region);
    }
}

void MapView::wheelEvent(QWheelEvent *event)
{
    const double steps = event->angleDelta().y() / 120.0;
    if (steps == 0) return;
    m_viewport.zoomAbout(event->position(), std::pow(1.5, steps));
    m_followsData = false;
    update();
    event->accept();
}

void MapView::keyPressEvent(QKeyEvent *event)
{
    const QPointF centre(width() / 2.0, height() / 2.0);
    switch (event->key()) {
    case Qt::Key_Left:
        m_viewport.panByPx({kKeyPanPx, 0});
        m_followsData = false;
        break;
    case Qt::Key_Right:
        m_viewport.panByPx({-kKeyPanPx, 0});
        m_followsData = false;
        break;
    case Qt::Key_Up:
        m_viewport.panByPx({0, kKeyPanPx});
        m_followsData = false;
        break;
    case Qt::Key_Down:
        m_viewport.panByPx({0, -kKeyPanPx});
        m_followsData = false;
        break;
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        m_viewport.zoomAbout(centre, 1.5);
        m_followsData = false;
        break;
    case Qt::Key_Minus:
        m_viewport.zoomAbout(centre, 1 / 1.5);
        m_followsData = false;
        break;
    case Qt::Key_Home:
        zoomToData();
        break;
    case Qt::Key_Escape:
        m_state->clearSelection();
        if (m_liveEvents || m_liveDensity) emit liveEventClicked(QString());
        break;
    default:
        QWidget::keyPressEvent(event);
        return;
    }
    update();
}

bool MapView::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const auto dataset = m_state->dataset();
        QStringList lines;
        if (const QString category = m_legendHits.categoryAt(help->pos()); !category.isEmpty()) {
            lines.append(m_state->hiddenCategories().contains(category) ? tr("Click to show %1")
                                                                        : tr("Click to hide %1"));
            lines.last() = lines.last().arg(CategoryStyle::label(category));
        } else if (const auto group = m_scene && m_data ? m_eventCache.groupAt(help->pos(), *m_scene, *m_data, *m_state)
                                                        : std::nullopt;
                   group && group->second.size() > 1) {
            // A cluster or bin: its count and its largest categories.
            const MarkGroup &g = group->first;
            lines.append(m_eventCache.marks().style == MarkStyle::HexBins
                             ? tr("%n event(s) in this bin", nullptr, int(group->second.size()))
                             : tr("%n event(s) in this cluster", nullptr, int(group->second.size())));
            const QStringList &categories = dataset->events->categories();
            for (size_t k = 0; k < std::min<size_t>(g.categories.size(), 3); ++k) {
                const auto &[category, count] = g.categories[k];
                const QString name =
                    category < categories.size() ? CategoryStyle::label(categories[category]) : QStringLiteral("?");
                lines.append(QStringLiteral("  %1: %2").arg(name).arg(count));
            }
            lines.append(tr("Click to list them"));
        } else if (dataset && dataset->events) {
            const auto events = eventsAt(help->pos());
            for (size_t k = 0; k < std::min<size_t>(events.size(), 8); ++k) {
                const TimeSpan when = dataset->events->when(events[k]);
                lines.append(when.start().toIso() + QStringLiteral("  ") +
                             dataset->events->title(events[k], m_state->language()));
            }
            if (events.size() > 8) lines.append(tr("… and %n more", nullptr, int(events.size() - 8)));
            if (lines.isEmpty()) {
                const int region = regionAt(help->pos());
                if (region >= 0)
                    lines.append(localized(dataset->baseMap->regions->regions()[region].name, m_state->language()));
            }
        }
        // Text from data is plain text: escape it so markup shows literally.
        if (lines.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(
                help->globalPos(),
                QStringLiteral("<p style='white-space:pre'>%1</p>").arg(lines.join(u'\n').toHtmlEscaped()), this);
        return true;
    }
    return QWidget::event(event);
}

} // namespace chronomap
