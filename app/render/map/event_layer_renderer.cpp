// SPDX-License-Identifier: GPL-3.0-or-later
#include "render/map/event_layer_renderer.h"

#include "core/geo/region_index.h"
#include "render/map/great_circle.h"
#include "render/map/heat_layer.h"
#include "render/map/hexbin_layer.h"
#include "render/map/map_marks_clusterer.h"
#include "render/map/screen_geometry.h"
#include "render/map/web_mercator.h"

#include <QPainter>

#include <cmath>
#include <optional>

namespace chronomap {

namespace {

double distanceToPolyline(QPointF p, const QPolygonF &line)
{
    double best = std::numeric_limits<double>::max();
    for (qsizetype i = 1; i < line.size(); ++i) {
        const QPointF a = line[i - 1], b = line[i];
        const QPointF ab = b - a;
        const double len2 = QPointF::dotProduct(ab, ab);
        const double t = len2 > 0 ? std::clamp(QPointF::dotProduct(p - a, ab) / len2, 0.0, 1.0) : 0.0;
        const QPointF d = p - (a + t * ab);
        best = std::min(best, std::hypot(d.x(), d.y()));
    }
    return best;
}

/// Draws sprites pixel for pixel in device space when the painter only scales by the sprites'
/// own device pixel ratio (a 4K snapshot at scale 2, a high-DPI window). Left to a scaling
/// transform, the raster engine draws each image as a textured polygon and hands even a
/// 24-pixel sprite to its thread pool: markers took most of a 4K export.
class DeviceBlitter {
public:
    DeviceBlitter(QPainter &painter, double spriteDpr) : m_painter(painter), m_toDevice(painter.combinedTransform())
    {
        m_active = m_toDevice.type() == QTransform::TxScale && qFuzzyCompare(m_toDevice.m11(), spriteDpr) &&
                   qFuzzyCompare(m_toDevice.m22(), spriteDpr);
        if (!m_active) return;
        m_painter.save();
        m_painter.setWorldTransform(QTransform());
        m_painter.setWorldTransform(m_painter.combinedTransform().inverted());
    }
    ~DeviceBlitter()
    {
        if (m_active) m_painter.restore();
    }
    DeviceBlitter(const DeviceBlitter &) = delete;
    DeviceBlitter &operator=(const DeviceBlitter &) = delete;

    /// `image` (at the sprites' device pixel ratio) with its top left at `logical`.
    void draw(QPointF logical, const QImage &image)
    {
        if (!m_active) {
            m_painter.drawImage(logical, image);
            return;
        }
        // The source-rectangle overload draws image pixels onto target pixels, whatever the
        // image's own ratio says.
        const QPointF device = m_toDevice.map(logical);
        m_painter.drawImage(QRectF(QPointF(std::round(device.x()), std::round(device.y())), QSizeF(image.size())),
                            image, QRectF(image.rect()));
    }

private:
    QPainter &m_painter;
    QTransform m_toDevice;
    bool m_active = false;
};

} // namespace

QList<int> regionCounts(const Dataset &dataset, const EventStore::IndexList &visible)
{
    QList<int> counts;
    if (!dataset.membership) return counts;
    std::vector<bool> shown(size_t(dataset.events->size()), false);
    for (EventStore::Index i : visible)
        shown[size_t(i)] = true;
    const int n = int(dataset.baseMap->regions->regions().size());
    counts.resize(n);
    for (int r = 0; r < n; ++r)
        for (EventStore::Index i : dataset.membership->eventsIn(r))
            counts[r] += shown[size_t(i)];
    return counts;
}

QList<int> regionShading(const ViewState &state)
{
    const auto dataset = state.dataset();
    if (!dataset) return {};
    const std::shared_ptr<const FigureValues> &figure = state.choroplethFigure();
    if (!figure) return regionCounts(*dataset, state.visibleEvents());
    QList<int> sums;
    if (!dataset->membership) return sums;
    std::vector<double> shown(size_t(dataset->events->size()), 0.0);
    for (EventStore::Index i : state.visibleEvents())
        if (const double v = figure->value(i); std::isfinite(v)) shown[size_t(i)] = v;
    const int n = int(dataset->baseMap->regions->regions().size());
    sums.resize(n);
    for (int r = 0; r < n; ++r) {
        double sum = 0;
        for (EventStore::Index i : dataset->membership->eventsIn(r))
            sum += shown[size_t(i)];
        sums[r] = int(std::min(std::round(sum), 2e9));
    }
    return sums;
}

QPoint EventLayerRenderer::groupCellOf(QPointF mercatorM, double metresPerPixel)
{
    const double half = WebMercator::kWorldWidthM / 2, cellM = kGroupCellPx * metresPerPixel;
    return {int(std::floor((mercatorM.x() + half) / cellM)), int(std::floor((half - mercatorM.y()) / cellM))};
}

qsizetype EventLayerRenderer::pointEvents(const PreparedDataset &data, const ViewState &state)
{
    // As the layers draw them: region-level records are fills when there is a base map.
    const bool fills = data.projectedBaseMap() != nullptr;
    qsizetype points = 0;
    for (EventStore::Index i : state.visibleEvents())
        points += data.isPoint(i) && !(fills && data.isRegionLevel(i));
    return points;
}

bool EventLayerRenderer::drawsDensityBins(const PreparedDataset &data, const ViewState &state)
{
    if (!data.events || state.mapMode() == MapMode::Choropleth) return false;
    switch (state.markStyle()) {
    case MarkStyle::Heat:
        return true;
    case MarkStyle::HexBins: // anchored to the map: a larger layer's bins are the view's
    case MarkStyle::Clusters:
        return false;
    case MarkStyle::Auto:
    case MarkStyle::Markers:
        break;
    }
    return pointEvents(data, state) > kDenseThreshold;
}

int EventLayerRenderer::markerGroupsOnScreen(const MapFrame &frame, int stopAbove, qsizetype *eventsOnScreen)
{
    if (eventsOnScreen) *eventsOnScreen = 0;
    const auto &mercator = frame.data.pointsMercator();
    const bool fills = frame.data.projectedBaseMap() != nullptr;
    const QTransform t = frame.viewport.mercatorToScreen();
    const QSize size = frame.viewport.sizePx();
    const double mpp = frame.viewport.metresPerPixel();
    const QList<double> copies = frame.viewport.worldCopies();
    // The cells of the view (per world copy) as flags: one pass, stopped once past `stopAbove`.
    const QPoint first = groupCellOf(frame.viewport.toMercatorM(QPointF(0, 0)), mpp);
    const QPoint last = groupCellOf(frame.viewport.toMercatorM(QPointF(size.width(), size.height())), mpp);
    const int columns = last.x() - first.x() + 1, rows = last.y() - first.y() + 1;
    if (columns <= 0 || rows <= 0) return 0;
    std::vector<quint8> seen(size_t(columns) * size_t(rows) * size_t(copies.size()), 0);
    int groups = 0;
    for (EventStore::Index i : frame.state.visibleEvents()) {
        if (!frame.data.isPoint(i) || (fills && frame.data.isRegionLevel(i))) continue;
        const QPointF m = mercator[size_t(i)];
        const double y = m.y() * t.m22() + t.dy();
        if (!(y >= 0 && y <= size.height())) continue;
        for (qsizetype k = 0; k < copies.size(); ++k) {
            const double x = (m.x() + copies[k]) * t.m11() + t.dx();
            if (x < 0 || x > size.width()) continue;
            const QPoint cell = groupCellOf(m + QPointF(copies[k], 0), mpp) - first;
            if (cell.x() < 0 || cell.y() < 0 || cell.x() >= columns || cell.y() >= rows) continue;
            if (eventsOnScreen) ++*eventsOnScreen;
            quint8 &flag = seen[(size_t(k) * size_t(rows) + size_t(cell.y())) * size_t(columns) + size_t(cell.x())];
            if (flag) continue;
            flag = 1;
            if (++groups > stopAbove) return groups;
        }
    }
    return groups;
}

void EventLayerRenderer::chooseMarks(const MapFrame &frame, MapHits &hits) const
{
    hits.marks = MarksDrawn{};
    if (!frame.data.events || frame.state.mapMode() == MapMode::Choropleth) return;
    MarkStyle style = frame.state.markStyle();
    hits.marks.automatic = style == MarkStyle::Auto;
    std::optional<MapMarksClusterer::Result> clusters;
    // Counted once per frame, here: renderPoints() reads the answer.
    const bool dense = (style == MarkStyle::Auto || style == MarkStyle::Markers) &&
                       pointEvents(frame.data, frame.state) > kDenseThreshold;
    if (style == MarkStyle::Auto) {
        qsizetype events = 0;
        if (dense) {
            // The markers' density bins: within a frame's budget at a million events, where
            // clusters, hexagons and heat are not yet (see the map.style.* figures).
            style = MarkStyle::Markers;
        } else if (const int groups = markerGroupsOnScreen(frame, kAutoMarkerGroups, &events);
                   groups <= kAutoMarkerGroups && events <= kAutoEventsPerMarker * qsizetype(groups)) {
            // Few markers, and apart: not hundreds piled up under a few badges. (Below the stop
            // the count is complete.)
            style = MarkStyle::Markers;
        } else {
            clusters = MapMarksClusterer::cluster(frame);
            style = clusters->clusters.size() <= size_t(kAutoClusters) ? MarkStyle::Clusters : MarkStyle::HexBins;
        }
    }
    hits.marks.style = style;
    hits.marks.densityBins = dense && style == MarkStyle::Markers;
    if (style == MarkStyle::Clusters) {
        if (!clusters) clusters = MapMarksClusterer::cluster(frame);
        hits.groups = std::move(clusters->clusters);
        hits.marks.clusterMaxCount = clusters->maxCount;
        hits.marks.clusterMaxRadiusPx = MapMarksClusterer::kMaxRadiusPx;
        hits.marks.clusterMinRadiusPx = MapMarksClusterer::kMinRadiusPx;
    } else if (style == MarkStyle::HexBins) {
        HexBinLayer::record(HexBinLayer::bin(frame), hits);
    }
}

EventLayerRenderer::EventLayerRenderer(const MapStyle &style, double devicePixelRatio)
    : m_style(style), m_sprites(devicePixelRatio), m_devicePixelRatio(devicePixelRatio)
{}

const QImage &EventLayerRenderer::badge(int count) const
{
    count = std::min(count, 1000);
    if (const auto it = m_badges.constFind(count); it != m_badges.constEnd()) return *it;
    const QString text = count > 999 ? QStringLiteral("999+") : QString::number(count);
    // The rounded box at (1, 1) of a margin of one pixel, so its antialiased edge is not cut.
    const QSizeF box(8 + 6 * text.size(), 12);
    QImage image((QSizeF(box.width() + 2, box.height() + 2) * m_devicePixelRatio).toSize() + QSize(1, 1),
                 QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(m_devicePixelRatio);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing, true);
    QFont font = m_style.font;
    font.setPointSizeF(7);
    font.setBold(true);
    painter.setFont(font);
    const QRectF rect(QPointF(1, 1), box);
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor(0x22, 0x22, 0x22, 220));
    painter.drawRoundedRect(rect, 6, 6);
    painter.setPen(Qt::white);
    painter.drawText(rect, Qt::AlignCenter, text);
    painter.end();
    return *m_badges.insert(count, image);
}

const EventLayerRenderer::BadgedMarker &EventLayerRenderer::badgedMarker(QHash<int, BadgedMarker> &cache,
                                                                         const QImage &sprite, int count) const
{
    count = std::min(count, 1000);
    if (const auto it = cache.constFind(count); it != cache.constEnd()) return *it;
    // The badge's box sits at (r * 0.4, -r * 1.9) from the marker's centre, its image one pixel
    // out; in device pixels, rounded as drawing it at that offset on its own would.
    const double r = m_sprites.radiusPx(), dpr = m_devicePixelRatio;
    QImage spriteDevice = sprite, badgeDevice = badge(count);
    spriteDevice.setDevicePixelRatio(1); // composed pixel for pixel
    badgeDevice.setDevicePixelRatio(1);
    const QPointF centre = QPointF(sprite.width(), sprite.height()) / 2;
    const QPoint badgeAt = (centre + QPointF(r * 0.4 - 1, -r * 1.9 - 1) * dpr).toPoint();
    const QRect bounds = QRect(QPoint(0, 0), sprite.size()) | QRect(badgeAt, badgeDevice.size());
    QImage image(bounds.size(), QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    {
        QPainter painter(&image);
        painter.drawImage(-bounds.topLeft(), spriteDevice);
        painter.drawImage(badgeAt - bounds.topLeft(), badgeDevice);
    }
    image.setDevicePixelRatio(dpr);
    ++m_badgedMarkerCount;
    return *cache.insert(count, {image, QPointF(bounds.topLeft()) / dpr});
}

void EventLayerRenderer::renderRegionFill(QPainter &painter, const MapFrame &frame, int region, const QBrush &brush,
                                          const QPen &pen) const
{
    const ProjectedBaseMap *baseMap = frame.data.projectedBaseMap().get();
    if (!baseMap || region < 0 || region >= baseMap->regions.size()) return;
    const ProjectedArea &area = baseMap->regions[region];
    const Viewport &viewport = frame.viewport;
    const QTransform t = viewport.mercatorToScreen();
    const QRectF visible = viewport.visibleMercatorRect();
    for (double shift : viewport.worldCopies()) {
        if (!area.box.intersects(visible.translated(-shift, 0))) continue;
        painter.setPen(Qt::NoPen);
        painter.setBrush(brush);
        painter.drawPath(areaPath(area.rings, t, shift));
        if (pen.style() != Qt::NoPen) {
            painter.setPen(pen);
            QPolygonF screen;
            for (const QPolygonF &line : area.outlines) {
                toScreen(line, t, shift, screen);
                painter.drawPolyline(screen);
            }
        }
    }
}

void EventLayerRenderer::renderChoropleth(QPainter &painter, const MapFrame &frame) const
{
    const QList<int> counts = regionShading(frame.state);
    const int maxCount = counts.isEmpty() ? 0 : *std::max_element(counts.begin(), counts.end());
    for (int r = 0; r < counts.size(); ++r) {
        if (counts[r] == 0) continue;
        const int cls = std::min(int(m_style.choroplethRamp.size()) - 1,
                                 int(m_style.choroplethRamp.size() * double(counts[r] - 1) / std::max(1, maxCount)));
        QColor fill = m_style.choroplethRamp[cls];
        fill.setAlpha(210);
        renderRegionFill(painter, frame, r, fill, QPen(QColor(255, 255, 255, 180), 0.6));
    }
}

LabelObstacles MapHits::labelObstacles(QPointF offsetPx) const
{
    LabelObstacles o;
    o.rects.reserve(qsizetype(coveredPx.size() + selectionPx.size()));
    for (const QRectF &r : coveredPx)
        o.rects.append(r.translated(-offsetPx));
    for (const QPointF &c : selectionPx) {
        const QPointF at = c - offsetPx;
        const QPointF half(selectionRadiusPx, selectionRadiusPx);
        o.rects.append(QRectF(at - half, at + half));
        o.selectedPx.append(at);
    }
    o.selectedRadiusPx = selectionRadiusPx;
    return o;
}

void EventLayerRenderer::renderRegionFills(QPainter &painter, const MapFrame &frame, const MapHits &hits) const
{
    if (!frame.data.events) return;
    if (frame.state.mapMode() != MapMode::Choropleth && hits.marks.style == MarkStyle::HexBins)
        return HexBinLayer::renderRegions(painter, frame, hits); // region-level records counted in their regions
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    if (frame.state.mapMode() == MapMode::Choropleth) {
        renderChoropleth(painter, frame);
    } else if (frame.data.projectedBaseMap()) {
        // Region-level records are a soft fill of their regions, not a precise pin; a region
        // takes the colour of its first such event.
        const EventStore &store = *frame.data.events;
        QHash<int, EventStore::Index> regionFills;
        for (EventStore::Index i : frame.state.visibleEvents())
            if (frame.data.isRegionLevel(i))
                for (int r : frame.data.regionsNamedBy(i))
                    if (!regionFills.contains(r)) regionFills.insert(r, i);
        for (auto it = regionFills.cbegin(); it != regionFills.cend(); ++it) {
            const QColor edge = CategoryStyle::color(store.category(it.value()));
            QColor fill = edge;
            fill.setAlpha(70);
            renderRegionFill(painter, frame, it.key(), fill, QPen(edge, 1.2, Qt::DashLine));
        }
    }
    painter.restore();
}

void EventLayerRenderer::renderSelectedRegion(QPainter &painter, const MapFrame &frame) const
{
    const int region = frame.state.selectedRegion();
    if (region < 0 || !frame.data.events) return;
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    if (frame.state.mapMode() == MapMode::Choropleth) {
        // An outline over the region's class colour, never a fill in a colour the legend does
        // not have: a light halo, then the selection's dark line.
        renderRegionFill(painter, frame, region, Qt::NoBrush,
                         QPen(QColor(255, 255, 255, 220), 4.5, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        renderRegionFill(painter, frame, region, Qt::NoBrush,
                         QPen(m_style.selection, 2.0, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    } else {
        // Over the area fills, under arcs and markers.
        renderRegionFill(painter, frame, region, m_style.highlightFill, Qt::NoPen);
    }
    painter.restore();
}

void EventLayerRenderer::renderArcs(QPainter &painter, const MapFrame &frame, MapHits &hits) const
{
    if (!frame.data.events || frame.state.mapMode() == MapMode::Choropleth) return;
    const EventStore &store = *frame.data.events;
    const auto &visible = frame.state.visibleEvents();
    const QTransform t = frame.viewport.mercatorToScreen();
    const QRectF view = frame.viewport.visibleMercatorRect();
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    QPolygonF screen;
    for (EventStore::Index i : store.lineEvents()) {
        if (!std::binary_search(visible.begin(), visible.end(), i)) continue;
        const QPolygonF &arc = frame.data.arcOf(i);
        const bool selected = i == frame.state.selectedEvent();
        for (double shift : frame.viewport.worldCopies()) {
            if (!arc.boundingRect().adjusted(-1, -1, 1, 1).intersects(view.translated(-shift, 0))) continue;
            toScreen(arc, t, shift, screen, 0.5);
            if (selected) {
                painter.setPen(QPen(m_style.selection, 6, Qt::SolidLine, Qt::RoundCap));
                painter.drawPolyline(screen);
            }
            painter.setPen(QPen(CategoryStyle::color(store.category(i)), 2.6, Qt::SolidLine, Qt::RoundCap));
            painter.drawPolyline(screen);
            hits.arcs.push_back({screen, i});
        }
    }
    painter.restore();
}

void EventLayerRenderer::renderPoints(QPainter &painter, const MapFrame &frame, MapHits &hits) const
{
    if (!frame.data.events || frame.state.mapMode() == MapMode::Choropleth) return;
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    switch (hits.marks.style) {
    case MarkStyle::Clusters:
        renderClusters(painter, frame, hits);
        break;
    case MarkStyle::HexBins:
        HexBinLayer::renderBins(painter, hits, m_hexSprites, m_devicePixelRatio);
        break;
    case MarkStyle::Heat:
        HeatLayer::render(painter, frame, hits);
        break;
    case MarkStyle::Auto:
    case MarkStyle::Markers:
        if (hits.marks.densityBins)
            renderDense(painter, frame, hits);
        else
            renderMarkers(painter, frame, hits);
        break;
    }
    painter.restore();
}

void EventLayerRenderer::renderSelectedEvent(QPainter &painter, const MapFrame &frame, MapHits &hits) const
{
    const bool markers = hits.marks.style == MarkStyle::Markers;
    if (!frame.data.events || frame.state.mapMode() == MapMode::Choropleth || (markers && hits.dense)) return;
    const EventStore &store = *frame.data.events;
    const EventStore::Index selected = frame.state.selectedEvent();
    if (selected < 0 || selected >= store.size() || store.geometryKind(selected) != GeometryKind::Point) return;
    const QTransform t = frame.viewport.mercatorToScreen();
    const double r = m_sprites.radiusPx();
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setBrush(Qt::NoBrush);
    painter.setPen(QPen(m_style.selection, 2.5));
    for (double shift : frame.viewport.worldCopies()) {
        const QPointF m = frame.data.pointsMercator()[size_t(selected)] + QPointF(shift, 0);
        if (!markers) {
            // Over a cluster, bin or heat: the event's own marker on a light disc, then the ring.
            const QImage &sprite = m_sprites.sprite(store.category(selected));
            const QSizeF logical = QSizeF(sprite.size()) / sprite.devicePixelRatio();
            painter.save();
            painter.setPen(Qt::NoPen);
            painter.setBrush(QColor(255, 255, 255, 235));
            painter.drawEllipse(t.map(m), r + 3, r + 3);
            painter.drawImage(t.map(m) - QPointF(logical.width() / 2, logical.height() / 2), sprite);
            painter.restore();
        }
        painter.drawEllipse(t.map(m), r + 4, r + 4);
        hits.selectionPx.push_back(t.map(m));
    }
    painter.restore();
    hits.selectionRadiusPx = r + 4 + 1.25; // the ring and half its pen
}

EventStore::IndexList EventLayerRenderer::fadedEvents(const ViewState &state)
{
    EventStore::IndexList faded;
    if (state.outOfWindowMode() != OutOfWindowMode::Faded || !state.timeWindow()) return faded;
    const auto &all = state.eventsIgnoringWindow();
    const auto &visible = state.visibleEvents();
    std::set_difference(all.begin(), all.end(), visible.begin(), visible.end(), std::back_inserter(faded));
    return faded;
}

void EventLayerRenderer::renderFaded(QPainter &painter, const MapFrame &frame) const
{
    if (!frame.data.events || frame.state.mapMode() == MapMode::Choropleth) return;
    const EventStore::IndexList faded = fadedEvents(frame.state);
    if (faded.empty() || qsizetype(faded.size()) > kDenseThreshold) return; // too many to fade one by one
    const EventStore &store = *frame.data.events;
    const auto &mercator = frame.data.pointsMercator();
    const Viewport &viewport = frame.viewport;
    const QTransform t = viewport.mercatorToScreen();
    const QRectF view = viewport.visibleMercatorRect();
    const QSize size = viewport.sizePx();
    const QList<double> copies = viewport.worldCopies();
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setOpacity(kFadedOpacity);
    std::optional<DeviceBlitter> blitter; // made at the first marker: arcs need the logical transform
    QPolygonF screen;
    for (EventStore::Index i : faded) {
        if (store.geometryKind(i) == GeometryKind::Line) {
            const QPolygonF &arc = frame.data.arcOf(i);
            for (double shift : copies) {
                if (!arc.boundingRect().adjusted(-1, -1, 1, 1).intersects(view.translated(-shift, 0))) continue;
                toScreen(arc, t, shift, screen, 0.5);
                painter.setPen(QPen(CategoryStyle::color(store.category(i)), 2.0, Qt::SolidLine, Qt::RoundCap));
                painter.drawPolyline(screen);
            }
        } else if (store.geometryKind(i) == GeometryKind::Point &&
                   store.locationPrecision(i) != LocationPrecision::Region) {
            const QImage &sprite = m_sprites.sprite(store.category(i));
            const QSizeF logical = QSizeF(sprite.size()) / sprite.devicePixelRatio();
            const QPointF m = mercator[size_t(i)];
            for (double shift : copies) {
                const QPointF px((m.x() + shift) * t.m11() + t.dx(), m.y() * t.m22() + t.dy());
                // Culled by the sprite's whole extent (it reaches past the radius): a larger cached
                // layer and the view then draw the same pixels where they overlap.
                const double reach = std::max(logical.width(), logical.height()) / 2 + 1;
                if (px.x() < -reach || px.y() < -reach || px.x() > size.width() + reach ||
                    px.y() > size.height() + reach)
                    continue;
                if (!blitter) blitter.emplace(painter, m_devicePixelRatio);
                blitter->draw(px - QPointF(logical.width() / 2, logical.height() / 2), sprite);
            }
        }
    }
    painter.restore();
}

void EventLayerRenderer::renderMarkers(QPainter &painter, const MapFrame &frame, MapHits &hits) const
{
    const EventStore &store = *frame.data.events;
    const auto &mercator = frame.data.pointsMercator();
    const auto &visible = frame.state.visibleEvents();
    const Viewport &viewport = frame.viewport;
    const bool fills = frame.data.projectedBaseMap() != nullptr; // region-level records are fills
    const QTransform t = viewport.mercatorToScreen();
    const QSize size = viewport.sizePx();
    const double r = m_sprites.radiusPx();
    const QList<double> copies = viewport.worldCopies();
    const double mpp = viewport.metresPerPixel();
    // Groups are cells of the map-anchored grid (groupCellOf). A group is drawn when its cell
    // lies within reach of the view: far enough out that a marker's badge (up and to the right
    // of it) reaching into the view is drawn too. All of a cell's events or none: a view and a
    // larger cached layer around it draw the same groups where they overlap.
    const double reachPx = 2 * r + 48;
    struct CopyGrid {
        double shift;
        QPoint first; ///< the first cell within reach
        int columns, rows;
        std::vector<int> group; ///< group by cell from `first`, -1 for none yet
    };
    std::vector<CopyGrid> grids;
    for (double shift : copies) {
        const QPoint a = groupCellOf(viewport.toMercatorM(QPointF(-reachPx, -reachPx)) - QPointF(shift, 0), mpp);
        const QPoint b = groupCellOf(
            viewport.toMercatorM(QPointF(size.width() + reachPx, size.height() + reachPx)) - QPointF(shift, 0), mpp);
        const int columns = b.x() - a.x() + 1, rows = b.y() - a.y() + 1;
        if (columns <= 0 || rows <= 0) continue;
        grids.push_back({shift, a, columns, rows, std::vector<int>(size_t(columns) * size_t(rows), -1)});
    }
    std::vector<MapHits::Marker> groups;

    // Newest first, so each group's marker shows its newest event's category.
    for (auto it = visible.rbegin(); it != visible.rend(); ++it) {
        const EventStore::Index i = *it;
        if (!frame.data.isPoint(i) || (fills && frame.data.isRegionLevel(i))) continue;
        const QPointF m = mercator[size_t(i)];
        if (!std::isfinite(m.x()) || !std::isfinite(m.y())) continue;
        const QPoint cell = groupCellOf(m, mpp);
        for (CopyGrid &grid : grids) {
            const int cx = cell.x() - grid.first.x(), cy = cell.y() - grid.first.y();
            if (cx < 0 || cy < 0 || cx >= grid.columns || cy >= grid.rows) continue;
            int &g = grid.group[size_t(cy) * size_t(grid.columns) + size_t(cx)];
            if (g < 0) {
                g = int(groups.size());
                groups.push_back(
                    {QPointF((m.x() + grid.shift) * t.m11() + t.dx(), m.y() * t.m22() + t.dy()), i, 1, cell});
            } else {
                ++groups[size_t(g)].count;
            }
        }
    }
    // Each category's sprite, its centre offset and its badged markers looked up once, not by
    // name per marker.
    if (m_badgedMarkerCount > kMaxBadgedMarkers) {
        m_badgedMarkers.clear();
        m_badgedMarkerCount = 0;
    }
    struct CategorySprites {
        QImage sprite;
        QPointF centre;
        QHash<int, BadgedMarker> *badged = nullptr;
    };
    std::vector<CategorySprites> spriteOf(size_t(store.categories().size()) + 1);
    {
        DeviceBlitter blitter(painter, m_devicePixelRatio);
        // Oldest groups drawn first so the newest sit on top.
        for (auto g = groups.rbegin(); g != groups.rend(); ++g) {
            CategorySprites &c = spriteOf[std::min<size_t>(store.categoryIndex(g->first), spriteOf.size() - 1)];
            if (c.sprite.isNull()) {
                const QString category = store.category(g->first);
                c.sprite = m_sprites.sprite(category); // shared, not copied
                const QSizeF logical = QSizeF(c.sprite.size()) / c.sprite.devicePixelRatio();
                c.centre = QPointF(logical.width() / 2, logical.height() / 2);
                c.badged = &m_badgedMarkers[category];
            }
            if (g->count > 1) {
                const BadgedMarker &m = badgedMarker(*c.badged, c.sprite, g->count);
                blitter.draw(g->px - c.centre + m.originPx, m.image);
                hits.coveredPx.emplace_back(g->px - c.centre + m.originPx,
                                            QSizeF(m.image.size()) / m.image.devicePixelRatio());
            } else {
                blitter.draw(g->px - c.centre, c.sprite);
                hits.coveredPx.emplace_back(g->px - QPointF(r + 1, r + 1), QSizeF(2 * r + 2, 2 * r + 2));
            }
        }
    } // the blitter draws in device space until here
    hits.markers = std::move(groups);
    hits.markerRadiusPx = r;
}

void EventLayerRenderer::renderDense(QPainter &painter, const MapFrame &frame, MapHits &hits) const
{
    // One count per 2x2 pixel bin, shown as a heat ramp: a frame costs the same at 150k and 1M.
    const EventStore &store = *frame.data.events;
    const Viewport &viewport = frame.viewport;
    const QTransform t = viewport.mercatorToScreen();
    const int bin = 2;
    const int w = (viewport.sizePx().width() + bin - 1) / bin, h = (viewport.sizePx().height() + bin - 1) / bin;
    std::vector<quint32> counts(size_t(w) * size_t(h), 0);
    const QList<double> copies = viewport.worldCopies();
    const double sx = t.m11(), sy = t.m22(), dy = t.dy();
    // The visible events as bits (an eighth of a megabyte for a million events), then one pass
    // over the point events in row order, from the first row on screen to the last: the bins
    // fill row by row instead of at random over the whole grid.
    std::vector<quint64> shown(size_t(store.size() + 63) / 64, 0);
    for (EventStore::Index i : frame.state.visibleEvents())
        shown[size_t(i) >> 6] |= quint64(1) << (quint64(i) & 63);
    const auto &rows = frame.data.pointRowsNorthToSouth();
    const auto &rowsMercator = frame.data.pointRowsMercator();
    // Mercator y falls as screen y grows; the rows are sorted by falling Mercator y.
    // From a bin above the top: int() truncates toward zero, so bin 0 takes in (-bin, 0) too.
    const double topM = (-bin - dy) / sy;
    const auto byFallingY = [](const QPointF &m, double y) { return m.y() > y; };
    const size_t first =
        size_t(std::lower_bound(rowsMercator.begin(), rowsMercator.end(), topM, byFallingY) - rowsMercator.begin());
    for (size_t k = first; k < rows.size(); ++k) {
        const QPointF m = rowsMercator[k];
        const int y = int((m.y() * sy + dy) / bin);
        if (y >= h) break;
        if (y < 0) continue;
        const EventStore::Index i = rows[k];
        if (!(shown[size_t(i) >> 6] >> (quint64(i) & 63) & 1)) continue;
        for (double shift : copies) {
            const int x = int(((m.x() + shift) * sx + t.dx()) / bin);
            if (x >= 0 && x < w) ++counts[size_t(y) * size_t(w) + size_t(x)];
        }
    }

    const quint32 peak = std::max<quint32>(1, *std::max_element(counts.begin(), counts.end()));
    const double logPeak = std::log1p(double(peak));
    const auto colourOf = [&](quint32 c) {
        const double v = std::log1p(double(c)) / logPeak; // 0..1
        const QColor col = m_style.choroplethRamp[std::min(4, int(v * 5))];
        const int a = int(140 + 115 * v);
        return qPremultiply(qRgba(col.red(), col.green(), col.blue(), a));
    };
    // Most bins hold few events: their colours once, not a logarithm per bin.
    std::vector<QRgb> lowColours(std::min<quint32>(peak, 1024) + 1);
    for (quint32 c = 1; c < lowColours.size(); ++c)
        lowColours[c] = colourOf(c);
    QImage heat(w, h, QImage::Format_ARGB32_Premultiplied);
    heat.fill(Qt::transparent);
    for (int y = 0; y < h; ++y) {
        auto *line = reinterpret_cast<QRgb *>(heat.scanLine(y));
        const quint32 *row = counts.data() + size_t(y) * size_t(w);
        for (int x = 0; x < w; ++x)
            if (const quint32 c = row[x]) line[x] = c < lowColours.size() ? lowColours[c] : colourOf(c);
    }
    // Pixel-aligned and scaled by a whole factor: no antialiasing to do, and without it the
    // raster engine scales the image by a plain blit.
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, false);
    painter.drawImage(QRectF(QPointF(0, 0), QSizeF(w * bin, h * bin)), heat);
    painter.restore();
    hits.dense = true;
}

const QImage &EventLayerRenderer::clusterLabel(int count) const
{
    if (const auto it = m_clusterLabels.constFind(count); it != m_clusterLabels.constEnd()) return *it;
    const QString text = count < 1000    ? QString::number(count)
                         : count < 10000 ? QString::number(count / 1000.0, 'f', 1) + u'k'
                                         : QString::number(count / 1000) + u'k';
    QFont font = m_style.font;
    font.setPointSizeF(7.5);
    font.setBold(true);
    const QSizeF box(8 + 6.5 * text.size(), 13);
    QImage image((box * m_devicePixelRatio).toSize() + QSize(1, 1), QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(m_devicePixelRatio);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::TextAntialiasing, true);
    painter.setFont(font);
    painter.setPen(QColor(0x22, 0x22, 0x22));
    painter.drawText(QRectF(QPointF(0, 0), box), Qt::AlignCenter, text);
    painter.end();
    return *m_clusterLabels.insert(count, image);
}

const QImage &EventLayerRenderer::clusterSprite(const MarkGroup &g, const std::vector<QColor> &colourOf) const
{
    // Made once per radius (to a quarter pixel) and ring (its first four categories' shares to a
    // 48th of the circle): a circle with a ring of arcs costs ~50x the image.
    constexpr int kSteps = 48;
    QByteArray key;
    key.append(char(std::lround(g.radiusPx * 4)));
    std::vector<std::pair<int, int>> arcs; // (colour index or -1 for the rest, steps)
    int shown = 0, stepsDrawn = 0, countDrawn = 0;
    for (const auto &[category, count] : g.categories) {
        const bool rest = shown == 4;
        countDrawn += rest ? g.count - countDrawn : count;
        const int upTo = int(std::lround(double(kSteps) * countDrawn / g.count));
        if (upTo > stepsDrawn)
            arcs.emplace_back(rest ? -1 : int(std::min<size_t>(category, colourOf.size() - 1)), upTo - stepsDrawn);
        stepsDrawn = upTo;
        if (rest) break;
        ++shown;
    }
    for (const auto &[colour, steps] : arcs) {
        key.append(char(colour & 0xff)).append(char((colour >> 8) & 0xff));
        key.append(char(steps));
    }
    if (const auto it = m_clusterSprites.constFind(key); it != m_clusterSprites.constEnd()) return *it;

    const double r = g.radiusPx, ring = std::max(2.5, r * 0.28);
    const QSizeF logical(2 * r + 2, 2 * r + 2);
    QImage image((logical * m_devicePixelRatio).toSize() + QSize(1, 1), QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(m_devicePixelRatio);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing, true);
    const QPointF centre(r + 1, r + 1);
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor(255, 255, 255, 225));
    painter.drawEllipse(centre, r, r);
    // The ring split by category, the largest share from twelve o'clock clockwise; shares past
    // the fourth share one grey arc.
    const QRectF arcRect(centre - QPointF(r - ring / 2, r - ring / 2), QSizeF(2 * r - ring, 2 * r - ring));
    int start = 90 * 16;
    for (const auto &[colour, steps] : arcs) {
        const int span = -360 * 16 * steps / kSteps;
        painter.setPen(
            QPen(colour < 0 ? QColor(0x88, 0x88, 0x88) : colourOf[size_t(colour)], ring, Qt::SolidLine, Qt::FlatCap));
        painter.drawArc(arcRect, start, span);
        start += span;
    }
    painter.setPen(QPen(QColor(0, 0, 0, 70), 0.8));
    painter.setBrush(Qt::NoBrush);
    painter.drawEllipse(centre, r, r);
    painter.end();
    return *m_clusterSprites.insert(key, image);
}

void EventLayerRenderer::renderClusters(QPainter &painter, const MapFrame &frame, MapHits &hits) const
{
    const EventStore &store = *frame.data.events;
    const QStringList &categories = store.categories();
    std::vector<QColor> colourOf(size_t(categories.size()) + 1, QColor(0x88, 0x88, 0x88));
    for (qsizetype k = 0; k < categories.size(); ++k)
        colourOf[size_t(k)] = CategoryStyle::color(categories[k]);
    const double spriteRadius = m_sprites.radiusPx();
    // The largest first, so a small neighbour's edge is never under a large one's (they do not
    // overlap, but antialiased edges touch).
    std::vector<const MarkGroup *> order;
    order.reserve(hits.groups.size());
    for (const MarkGroup &g : hits.groups)
        order.push_back(&g);
    std::stable_sort(order.begin(), order.end(), [](auto *a, auto *b) { return a->count > b->count; });
    if (m_clusterSprites.size() > kMaxClusterSprites) m_clusterSprites.clear();
    DeviceBlitter blitter(painter, m_devicePixelRatio);
    for (const MarkGroup *g : order) {
        if (g->count == 1 && !g->events.empty()) {
            // A lone event is its marker.
            const QImage &sprite = m_sprites.sprite(store.category(g->events.front()));
            const QSizeF logical = QSizeF(sprite.size()) / sprite.devicePixelRatio();
            blitter.draw(g->px - QPointF(logical.width() / 2, logical.height() / 2), sprite);
            hits.coveredPx.emplace_back(g->px - QPointF(spriteRadius + 1, spriteRadius + 1),
                                        QSizeF(2 * spriteRadius + 2, 2 * spriteRadius + 2));
            continue;
        }
        const double r = g->radiusPx;
        blitter.draw(g->px - QPointF(r + 1, r + 1), clusterSprite(*g, colourOf));
        const QImage &label = clusterLabel(g->count);
        const QSizeF logical = QSizeF(label.size()) / label.devicePixelRatio();
        blitter.draw(g->px - QPointF(logical.width() / 2, logical.height() / 2), label);
        hits.coveredPx.emplace_back(g->px - QPointF(r, r), QSizeF(2 * r, 2 * r));
    }
    hits.markerRadiusPx = spriteRadius;
}

const MarkGroup *MapHits::groupAt(QPointF px) const
{
    if (marks.style == MarkStyle::HexBins) {
        const QPoint cell = HexGrid{hexOriginPx, hexRadiusPx}.cellOf(px);
        for (const MarkGroup &g : groups)
            if (g.hexCell == cell) return &g;
        return nullptr;
    }
    if (marks.style != MarkStyle::Clusters) return nullptr;
    for (const MarkGroup &g : groups)
        if (std::hypot(g.px.x() - px.x(), g.px.y() - px.y()) <= std::max(g.radiusPx, markerRadiusPx + 2)) return &g;
    return nullptr;
}

EventStore::IndexList EventLayerRenderer::eventsAt(QPointF px, const MapFrame &frame, const MapHits &hits) const
{
    EventStore::IndexList found;
    if (!frame.data.events) return found;
    if (const MarkGroup *group = hits.groupAt(px)) {
        if (hits.marks.style == MarkStyle::HexBins) return HexBinLayer::eventsIn(frame, hits, group->hexCell);
        return group->events;
    }
    const EventStore &store = *frame.data.events;
    const Viewport &viewport = frame.viewport;
    const double reach = hits.markerRadiusPx + 2;
    // The marker nearest the cursor; its group is every visible event drawn into the same cell.
    const MapHits::Marker *nearest = nullptr;
    double best = reach;
    for (const auto &m : hits.markers) {
        const double d = std::hypot(m.px.x() - px.x(), m.px.y() - px.y());
        if (d <= best) {
            best = d;
            nearest = &m;
        }
    }
    if (nearest || hits.dense) {
        const auto &mercator = frame.data.pointsMercator();
        const auto &visible = frame.state.visibleEvents();
        const double mpp = viewport.metresPerPixel();
        const QTransform t = viewport.mercatorToScreen();
        for (auto it = visible.rbegin(); it != visible.rend(); ++it) {
            if (store.geometryKind(*it) != GeometryKind::Point ||
                store.locationPrecision(*it) == LocationPrecision::Region)
                continue;
            const QPointF m = mercator[size_t(*it)];
            if (!std::isfinite(m.x()) || !std::isfinite(m.y())) continue;
            if (nearest) {
                // The marker's group: every visible event drawn into the same cell.
                if (groupCellOf(m, mpp) == nearest->cell) found.push_back(*it);
                continue;
            }
            for (double shift : viewport.worldCopies()) {
                const QPointF p = t.map(m + QPointF(shift, 0));
                if (std::hypot(p.x() - px.x(), p.y() - px.y()) <= 3.0) {
                    found.push_back(*it);
                    break;
                }
            }
        }
        if (!found.empty()) return found;
    }
    for (const auto &arc : hits.arcs)
        if (distanceToPolyline(px, arc.px) <= 5.0 && std::find(found.begin(), found.end(), arc.event) == found.end())
            found.push_back(arc.event);
    return found;
}

} // namespace chronomap
