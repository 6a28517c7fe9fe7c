// SPDX-License-Identifier: GPL-3.0-or-later
#include "render/prepared_dataset.h"

#include "core/geo/region_index.h"
#include "core/view/view_state.h"
#include "render/map/great_circle.h"
#include "render/map/web_mercator.h"
#include "render/vector_unit_state.h"

#include <QHash>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <future>
#include <numeric>
#include <span>

namespace chronomap {

namespace {

std::atomic<int> g_preparedCount{0};

/// From this many events the timeline's index is built beside the rest (a thread costs ~0.1 ms).
constexpr size_t kParallelTimelineFromEvents = 20'000;

/// Great-circle arcs between consecutive vertices, with longitudes kept continuous so an arc
/// across the antimeridian stays one line instead of a smear across the map.
QPolygonF arcThrough(const QList<QPointF> &vertices, int segments)
{
    QPolygonF arc;
    double previousLon = vertices.isEmpty() ? 0 : vertices.first().x();
    const auto append = [&](QPointF lonLat) {
        double lon = lonLat.x();
        while (lon - previousLon > 180)
            lon -= 360;
        while (lon - previousLon < -180)
            lon += 360;
        previousLon = lon;
        arc.append(WebMercator::toMercatorM(QPointF(lon, lonLat.y())));
    };
    if (vertices.size() > 1) append(vertices.first());
    for (qsizetype v = 1; v < vertices.size(); ++v)
        for (const QPointF &p : greatCircleSteps(vertices[v - 1], vertices[v], segments))
            append(p);
    return arc;
}

/// The base-map regions named by `events`' records: their indices into RegionIndex::regions(),
/// each event's in the order its record names them, ends[k + 1] the end of events[k]'s.
struct RegionsNamed {
    std::vector<qint32> ends;
    std::vector<int> indices;
};

RegionsNamed regionsNamed(const EventStore &store, const RegionIndex &regions,
                          std::span<const EventStore::Index> events)
{
    RegionsNamed out;
    out.ends.reserve(events.size() + 1);
    out.ends.push_back(0);
    // A dataset names a few hundred regions at most, each in many records: each distinct code is
    // looked up once (RegionIndex::find trims and folds case, three strings), not once per record,
    // by its stored bytes (a QString and a list per record were a tenth of an export's drawing).
    QHash<QByteArray, int> regionOfCode;
    for (const EventStore::Index i : events) {
        for (const QByteArrayView code : store.rawRegionCodes(i)) {
            auto found = regionOfCode.constFind(QByteArray::fromRawData(code.data(), code.size()));
            if (found == regionOfCode.constEnd())
                found = regionOfCode.insert(code.toByteArray(), regions.find(QString::fromUtf8(code)));
            if (*found >= 0) out.indices.push_back(*found);
        }
        out.ends.push_back(qint32(out.indices.size()));
    }
    return out;
}

} // namespace

std::shared_ptr<const PreparedDataset> PreparedDataset::make(QStringList files,
                                                             std::shared_ptr<const EventStore> events,
                                                             std::shared_ptr<const BaseMap> baseMap, QString sha256,
                                                             std::shared_ptr<const ProjectedBaseMap> projected)
{
    auto d =
        std::make_shared<PreparedDataset>(std::move(files), std::move(events), std::move(baseMap), std::move(sha256));
    if (d->baseMap)
        d->m_projected = projected && projected->source == d->baseMap
                             ? std::move(projected)
                             : std::make_shared<const ProjectedBaseMap>(d->baseMap);
    ++g_preparedCount;
    if (!d->events) return d;

    const EventStore &store = *d->events;
    const size_t n = size_t(store.size());
    // The timeline's index needs only the store: a large one's is built on a second thread
    // while this one does the rest (after a one-shot export's load the other core is idle).
    std::future<std::shared_ptr<const TimelineIndex>> timeline =
        std::async(n >= kParallelTimelineFromEvents ? std::launch::async : std::launch::deferred,
                   [events = d->events] { return std::make_shared<const TimelineIndex>(events); });
    // Reading the records' text for their region codes is the largest part. It is read in the
    // order the records lie in the store (a cache miss per record in time order), the later half
    // on a third thread (on two cores, beside the timeline's and this one).
    const RegionIndex *regions = d->baseMap ? d->baseMap->regions.get() : nullptr;
    EventStore::IndexList stored;
    if (regions) {
        stored.resize(n);
        std::iota(stored.begin(), stored.end(), Index(0));
        stored = store.inStoredOrder(std::move(stored));
    }
    const std::span<const Index> storedEvents(stored);
    const size_t half = n >= kParallelTimelineFromEvents ? stored.size() / 2 : stored.size();
    std::future<RegionsNamed> later =
        std::async(half < stored.size() ? std::launch::async : std::launch::deferred,
                   [&] { return regionsNamed(store, *regions, storedEvents.subspan(half)); });
    clearUpperVectorState(); // the loader hashed strings: numeric work next
    d->m_pointsMercator.resize(n);
    d->m_kinds.resize(n);
    qsizetype points = 0;
    for (Index i = 0; i < store.size(); ++i) {
        d->m_pointsMercator[size_t(i)] = WebMercator::toMercatorM(QPointF(store.lonDeg(i), store.latDeg(i)));
        const bool point = store.geometryKind(i) == GeometryKind::Point;
        points += point;
        d->m_kinds[size_t(i)] =
            quint8((point ? kPoint : 0) | (store.locationPrecision(i) == LocationPrecision::Region ? kRegionLevel : 0));
    }

    // Both halves' lists into time order: counts, their running sum, then each event's indices.
    d->m_regionStart.assign(n + 1, 0);
    if (regions) {
        const RegionsNamed earlier = regionsNamed(store, *regions, storedEvents.first(half));
        const RegionsNamed rest = later.get();
        const std::pair<std::span<const Index>, const RegionsNamed *> parts[] = {{storedEvents.first(half), &earlier},
                                                                                 {storedEvents.subspan(half), &rest}};
        for (const auto &[events, named] : parts)
            for (size_t k = 0; k < events.size(); ++k)
                d->m_regionStart[size_t(events[k]) + 1] = named->ends[k + 1] - named->ends[k];
        std::partial_sum(d->m_regionStart.begin(), d->m_regionStart.end(), d->m_regionStart.begin());
        d->m_regionIndices.resize(size_t(d->m_regionStart[n]));
        for (const auto &[events, named] : parts)
            for (size_t k = 0; k < events.size(); ++k)
                std::copy(named->indices.begin() + named->ends[k], named->indices.begin() + named->ends[k + 1],
                          d->m_regionIndices.begin() + d->m_regionStart[size_t(events[k])]);
    }

    d->m_arcEvents.assign(store.lineEvents().begin(), store.lineEvents().end());
    std::sort(d->m_arcEvents.begin(), d->m_arcEvents.end());
    d->m_arcs.reserve(d->m_arcEvents.size());
    for (Index i : d->m_arcEvents)
        d->m_arcs.push_back(arcThrough(store.lonLatVertices(i), kArcSegments));

    if (points > kDenseThreshold) {
        const auto &mercator = d->m_pointsMercator;
        for (Index i = 0; i < store.size(); ++i)
            if ((d->m_kinds[size_t(i)] & kPoint) && std::isfinite(mercator[size_t(i)].x()) &&
                std::isfinite(mercator[size_t(i)].y()))
                d->m_rows.push_back(i);
        std::stable_sort(d->m_rows.begin(), d->m_rows.end(),
                         [&](Index a, Index b) { return mercator[size_t(a)].y() > mercator[size_t(b)].y(); });
        d->m_rowsMercator.reserve(d->m_rows.size());
        for (Index i : d->m_rows)
            d->m_rowsMercator.push_back(mercator[size_t(i)]);
    }
    d->m_timeline = timeline.get();
    return d;
}

std::shared_ptr<const PreparedDataset> PreparedDataset::of(const std::shared_ptr<const Dataset> &dataset)
{
    return std::dynamic_pointer_cast<const PreparedDataset>(dataset);
}

std::shared_ptr<const PreparedDataset> PreparedDataset::of(const ViewState &state)
{
    return of(state.dataset());
}

int PreparedDataset::preparedCount()
{
    return g_preparedCount.load();
}

const QPolygonF &PreparedDataset::arcOf(Index i) const
{
    static const QPolygonF kNone;
    const auto it = std::lower_bound(m_arcEvents.begin(), m_arcEvents.end(), i);
    return it != m_arcEvents.end() && *it == i ? m_arcs[size_t(it - m_arcEvents.begin())] : kNone;
}

std::optional<QPointF> PreparedDataset::placeOf(Index i) const
{
    if (!events || i < 0 || i >= events->size()) return std::nullopt;
    const QPointF m = m_pointsMercator[size_t(i)];
    if (std::isfinite(m.x()) && std::isfinite(m.y())) return m;
    if (!m_projected) return std::nullopt;
    for (int r : regionsNamedBy(i))
        if (r < m_projected->regions.size()) return m_projected->regions[r].box.center();
    return std::nullopt;
}

} // namespace chronomap
