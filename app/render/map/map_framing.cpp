// SPDX-License-Identifier: GPL-3.0-or-later
#include "render/map/map_framing.h"

#include "core/geo/region_index.h"
#include "render/map/great_circle.h"
#include "render/map/web_mercator.h"

#include <QHash>
#include <QPoint>

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>
#include <vector>

namespace chronomap {

namespace {

constexpr double kDegToRad = 3.14159265358979323846 / 180.0;

/// Points along the great circles between consecutive vertices: a contact from Moscow to
/// Pyongyang covers Siberia, where its arc is drawn, not only its two ends.
void appendGreatCirclePath(QList<QPointF> &points, const QList<QPointF> &vertices)
{
    constexpr int kSteps = 8;
    if (!vertices.isEmpty()) points.append(vertices.first());
    for (qsizetype v = 1; v < vertices.size(); ++v)
        points.append(greatCircleSteps(vertices[v - 1], vertices[v], kSteps));
}

/// West and east ends of the smallest longitude interval holding every longitude: the circle
/// minus its largest gap between neighbours (the wrap from the last round to the first winning a
/// tie, else the first in ascending order). East is past 180 when the interval crosses the
/// antimeridian. The gap is found without sorting: neighbours in different buckets of a
/// histogram are each bucket's maximum and the next one's minimum, and a gap inside a bucket is
/// at most the bucket's span, so only buckets spanning at least the widest gap between buckets
/// are sorted (none, as a rule). The differences are those a sort would take: the same result.
std::pair<double, double> smallestLonInterval(std::vector<double> lons)
{
    std::erase_if(lons, [](double lon) { return !std::isfinite(lon); }); // nothing to frame there
    if (lons.empty()) return {0, 0};
    const auto [lowest, highest] = std::minmax_element(lons.begin(), lons.end());
    const double lo = *lowest, hi = *highest;
    const double wrapGap = lo + 360 - hi;
    if (hi <= lo) return {lo, hi};
    // A bucket's index grows with the longitude (each step rounds monotonically), so the buckets
    // in order hold the sorted longitudes in order.
    const size_t buckets = std::max<size_t>(1, lons.size() / 2);
    const double perDeg = double(buckets) / (hi - lo);
    const auto bucketOf = [&](double lon) { return std::min(buckets - 1, size_t((lon - lo) * perDeg)); };
    constexpr double kEmpty = std::numeric_limits<double>::quiet_NaN();
    std::vector<double> minOf(buckets, kEmpty), maxOf(buckets, kEmpty);
    for (const double lon : lons) {
        const size_t b = bucketOf(lon);
        if (!(minOf[b] <= lon)) minOf[b] = lon; // NaN compares false: the bucket's first
        if (!(maxOf[b] >= lon)) maxOf[b] = lon;
    }
    double widestBetween = wrapGap;
    for (size_t b = 0, previous = 0; b < buckets; ++b) {
        if (std::isnan(minOf[b])) continue;
        if (b > 0) widestBetween = std::max(widestBetween, minOf[b] - maxOf[previous]);
        previous = b;
    }
    // The longitudes of buckets wide enough to hide a wider gap, sorted (bucket order is value order).
    std::vector<double> insideWide;
    for (const double lon : lons)
        if (const size_t b = bucketOf(lon); maxOf[b] - minOf[b] >= widestBetween) insideWide.push_back(lon);
    std::sort(insideWide.begin(), insideWide.end());
    // Every gap in ascending order: between buckets, and inside the wide ones.
    double gap = wrapGap, west = lo, east = hi;
    const auto consider = [&](double left, double right) {
        if (right - left > gap) {
            gap = right - left;
            west = right;
            east = left + 360;
        }
    };
    size_t k = 0;
    for (size_t b = 0, previous = 0; b < buckets; ++b) {
        if (std::isnan(minOf[b])) continue;
        if (b > 0) consider(maxOf[previous], minOf[b]);
        previous = b;
        if (maxOf[b] - minOf[b] < widestBetween) continue;
        for (++k; k < insideWide.size() && bucketOf(insideWide[k]) == b; ++k)
            consider(insideWide[k - 1], insideWide[k]);
    }
    return {west, east};
}

} // namespace

QRectF MapFraming::mercatorBoundsOf(const QList<QPointF> &points)
{
    if (points.isEmpty()) return {};
    // The smallest longitude interval holding every point is the circle minus its largest gap.
    std::vector<double> lons;
    lons.reserve(size_t(points.size()));
    double minLat = 90, maxLat = -90, sumSin = 0, sumCos = 0;
    for (const QPointF &p : points) {
        lons.push_back(p.x());
        minLat = std::min(minLat, p.y());
        maxLat = std::max(maxLat, p.y());
        sumSin += std::sin(p.x() * kDegToRad);
        sumCos += std::cos(p.x() * kDegToRad);
    }
    auto [west, east] = smallestLonInterval(std::move(lons));
    // Past half the globe the view is the world anyway: centred where the points are (their
    // mean direction), not on the middle of the interval, which for events in Europe, Korea and
    // America alike would put the ocean in the middle and cut Eurasia at both edges.
    if (east - west > 180 && (sumSin != 0 || sumCos != 0)) {
        const double centre = std::atan2(sumSin, sumCos) / kDegToRad;
        west = centre - 180;
        east = centre + 180;
    }
    return QRectF(WebMercator::toMercatorM(QPointF(west, minLat)), WebMercator::toMercatorM(QPointF(east, maxLat)))
        .normalized();
}

EventStore::IndexList MapFraming::eventsOfBusiestArea(const PreparedDataset &dataset, double cellDeg)
{
    const EventStore *store = dataset.events.get();
    if (!store) return {};
    const RegionIndex *regions = dataset.baseMap ? dataset.baseMap->regions.get() : nullptr;
    // Where each event counts: its point, or its regions' label points for region-level
    // records (the deployments in Kursk and Belgorod). Lines (contacts between capitals) span
    // the whole map and pick no area.
    const auto placesOf = [&](EventStore::Index i) {
        QList<QPointF> places;
        if (store->geometryKind(i) == GeometryKind::Line) return places;
        if (dataset.isRegionLevel(i) && regions) {
            for (int r : dataset.regionsNamedBy(i))
                places.append(regions->regions()[r].labelLonLat);
            return places;
        }
        const double lon = store->lonDeg(i), lat = store->latDeg(i);
        if (!std::isnan(lon) && !std::isnan(lat)) places.append(QPointF(lon, lat));
        return places;
    };
    const auto cellOf = [cellDeg](QPointF lonLat) {
        return QPoint(int(std::floor(lonLat.x() / cellDeg)), int(std::floor(lonLat.y() / cellDeg)));
    };
    QHash<QPoint, int> counts;
    for (EventStore::Index i = 0; i < store->size(); ++i)
        for (const QPointF &p : placesOf(i))
            ++counts[cellOf(p)];
    if (counts.isEmpty()) return {};
    // The fullest 3 × 3 block of cells (ties: the first in a stable order).
    QList<QPoint> cells = counts.keys();
    std::sort(cells.begin(), cells.end(),
              [](QPoint a, QPoint b) { return std::pair(a.x(), a.y()) < std::pair(b.x(), b.y()); });
    QPoint best;
    int bestCount = -1;
    for (const QPoint &c : std::as_const(cells)) {
        int n = 0;
        for (int dx = -1; dx <= 1; ++dx)
            for (int dy = -1; dy <= 1; ++dy)
                n += counts.value(c + QPoint(dx, dy));
        if (n > bestCount) {
            bestCount = n;
            best = c;
        }
    }
    EventStore::IndexList inside;
    for (EventStore::Index i = 0; i < store->size(); ++i) {
        const QList<QPointF> places = placesOf(i);
        if (std::any_of(places.begin(), places.end(), [&](QPointF p) {
                const QPoint c = cellOf(p);
                return std::abs(c.x() - best.x()) <= 1 && std::abs(c.y() - best.y()) <= 1;
            }))
            inside.push_back(i);
    }
    return inside;
}

Viewport MapFraming::frameEvents(const PreparedDataset &dataset, const EventStore::IndexList *events, QSize sizePx)
{
    return fitEventBounds(eventBounds(dataset, events), sizePx);
}

QRectF MapFraming::eventBounds(const PreparedDataset &dataset, const EventStore::IndexList *events)
{
    QList<QPointF> points;
    if (const EventStore *store = dataset.events.get()) {
        points.reserve(events ? qsizetype(events->size()) : store->size()); // a point each, as a rule
        const RegionIndex *regions = dataset.baseMap ? dataset.baseMap->regions.get() : nullptr;
        auto add = [&](EventStore::Index i) {
            if (dataset.isRegionLevel(i) && regions) {
                for (int r : dataset.regionsNamedBy(i)) {
                    const QRectF box = regions->regions()[r].lonLatBox;
                    points.append({box.topLeft(), box.bottomRight()});
                }
            }
            if (store->geometryKind(i) == GeometryKind::Line)
                appendGreatCirclePath(points, store->lonLatVertices(i)); // as the arc is drawn
            else if (store->geometryKind(i) != GeometryKind::None)
                points.append(QPointF(store->lonDeg(i), store->latDeg(i)));
        };
        if (events) {
            for (EventStore::Index i : *events)
                add(i);
        } else {
            for (EventStore::Index i = 0; i < store->size(); ++i)
                add(i);
        }
    }
    if (points.size() > 100'000) { // a sample frames a huge dataset just as well
        QList<QPointF> sample;
        for (qsizetype i = 0; i < points.size(); i += points.size() / 50'000)
            sample.append(points[i]);
        points = sample;
    }
    if (points.isEmpty()) points = {QPointF(20, 35), QPointF(140, 65)};
    return mercatorBoundsOf(points);
}

Viewport MapFraming::fitEventBounds(QRectF bounds, QSize sizePx)
{
    const double minSpanM = 200'000; // a single place still shows its surroundings
    const double padX = std::max(0.0, minSpanM - bounds.width()) / 2,
                 padY = std::max(0.0, minSpanM - bounds.height()) / 2;
    bounds.adjust(-padX, -padY, padX, padY);
    Viewport viewport({}, 1, sizePx);
    // Generous margins: the events at the edge of the data (Kursk, here) keep their surroundings
    // and stay clear of the legend and attribution.
    viewport.fit(bounds, std::max(48.0, 0.07 * std::max(sizePx.width(), sizePx.height())));
    return viewport;
}

Viewport MapFraming::frameRegion(const PreparedDataset &dataset, int regionIndex, QSize sizePx)
{
    if (!dataset.baseMap || !dataset.baseMap->regions || regionIndex < 0 ||
        regionIndex >= dataset.baseMap->regions->regions().size())
        return frameEvents(dataset, nullptr, sizePx);
    Viewport viewport({}, 1, sizePx);
    viewport.fit(WebMercator::toMercatorM(dataset.baseMap->regions->regions()[regionIndex].lonLatBox), 60);
    return viewport;
}

} // namespace chronomap
