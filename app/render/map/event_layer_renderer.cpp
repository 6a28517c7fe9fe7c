// SPDX-License-Identifier: GPL-3.0-or-later
#include "render/map/event_layer_renderer.h"

#include "core/geo/region_index.h"
#include "render/map/device_blitter.h"
#include "render/map/great_circle.h"
#include "render/map/heat_layer.h"
#include "render/map/hexbin_layer.h"
#include "render/map/map_marks_clusterer.h"
#include "render/map/screen_geometry.h"
#include "render/map/web_mercator.h"

#include <QPainter>

#include <cmath>
#include <map>
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
    const QPoint first = MarkerLayer::groupCellOf(frame.viewport.toMercatorM(QPointF(0, 0)), mpp);
    const QPoint last = MarkerLayer::groupCellOf(frame.viewport.toMercatorM(QPointF(size.width(), size.height())), mpp);
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
            const QPoint cell = MarkerLayer::groupCellOf(m + QPointF(copies[k], 0), mpp) - first;
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
        hits.marks.binsByCategory = frame.state.hexBinsByCategory();
    }
}

EventLayerRenderer::EventLayerRenderer(const MapStyle &style, double devicePixelRatio)
    : m_style(style), m_sprites(devicePixelRatio), m_devicePixelRatio(devicePixelRatio),
      m_markers(style, devicePixelRatio), m_clusters(style, devicePixelRatio)
{}

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
        // In region order: fills overlap at shared borders, and a hash's order changes with
        // each process's seed (the same view would be drawn differently from run to run).
        std::map<int, EventStore::Index> regionFills;
        for (EventStore::Index i : frame.state.visibleEvents())
            if (frame.data.isRegionLevel(i))
                for (int r : frame.data.regionsNamedBy(i))
                    regionFills.try_emplace(r, i);
        for (const auto &[region, event] : regionFills) {
            const QColor edge = CategoryStyle::color(store.category(event));
            QColor fill = edge;
            fill.setAlpha(70);
            renderRegionFill(painter, frame, region, fill, QPen(edge, 1.2, Qt::DashLine));
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
        m_clusters.render(painter, frame, hits);
        break;
    case MarkStyle::HexBins:
        HexBinLayer::renderBins(painter, frame, hits, m_hexSprites, m_devicePixelRatio);
        break;
    case MarkStyle::Heat:
        HeatLayer::render(painter, frame, hits);
        break;
    case MarkStyle::Auto:
    case MarkStyle::Markers:
        if (hits.marks.densityBins)
            m_markers.renderDensity(painter, frame, hits);
        else
            m_markers.render(painter, frame, hits);
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
                if (MarkerLayer::groupCellOf(m, mpp) == nearest->cell) found.push_back(*it);
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
