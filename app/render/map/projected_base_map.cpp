// SPDX-License-Identifier: GPL-3.0-or-later
#include "render/map/projected_base_map.h"

#include "core/geo/region_index.h"
#include "render/map/screen_geometry.h"
#include "render/vector_unit_state.h"
#include "render/map/web_mercator.h"

#include <bit>
#include <cmath>
#include <future>
#include <tuple>
#include <vector>

namespace chronomap {

namespace {

bool onAntimeridian(QPointF a, QPointF b)
{
    return std::abs(a.x()) > 179.9999 && std::abs(b.x()) > 179.9999;
}

/// `lineDetail`: also each outline vertex's Douglas–Peucker detail (for areas whose outlines are
/// drawn as they are: the countries; region borders get theirs in uniqueBorders()).
ProjectedArea project(const AreaFeature &area, bool lineDetail)
{
    ProjectedArea out;
    for (const LonLatRing &ring : area.rings) {
        QPolygonF projected;
        projected.reserve(ring.size());
        for (const QPointF &p : ring)
            projected.append(WebMercator::toMercatorM(p));
        // Outlines are cut where the ring runs along the antimeridian; most rings never do, and
        // are their own outline, shared rather than copied.
        qsizetype start = 0;
        for (qsizetype i = 1; i <= ring.size(); ++i) {
            if (i < ring.size() && !onAntimeridian(ring[i - 1], ring[i])) continue;
            if (i - start > 1)
                out.outlines.append(start == 0 && i == ring.size() ? projected : projected.mid(start, i - start));
            start = i;
        }
        out.box |= projected.boundingRect();
        out.rings.append(std::move(projected));
    }
    if (lineDetail)
        for (const QPolygonF &outline : std::as_const(out.outlines))
            out.outlineDetailM.append(douglasPeuckerDetail(outline));
    return out;
}

/// A segment between two vertices, the same whichever way it is walked.
struct SegmentKey {
    QPointF a, b;
    SegmentKey(QPointF p, QPointF q)
        : a(std::tie(p.rx(), p.ry()) < std::tie(q.rx(), q.ry()) ? p : q),
          b(std::tie(p.rx(), p.ry()) < std::tie(q.rx(), q.ry()) ? q : p)
    {}
    bool operator==(const SegmentKey &o) const
    {
        return a.x() == o.a.x() && a.y() == o.a.y() && b.x() == o.b.x() && b.y() == o.b.y();
    }
};

/// The segments met so far, each numbered once: an open-addressing table of numbers into one
/// array of each segment's first vertex in its outline (the second follows it). (A QHash allocated
/// a node per segment, 200k of them for the admin-1 layer; copies of the keys were 32 bytes each:
/// most of the time went to faulting that memory in.)
class SegmentTable {
public:
    explicit SegmentTable(qsizetype capacity) : m_slots(std::bit_ceil(size_t(capacity) * 2 + 2), -1)
    {
        m_keys.reserve(size_t(capacity));
    }

    /// The number of the segment from `start[0]` to `start[1]`, and whether it is new. The
    /// vertices must stay where they are while the table is used.
    std::pair<qint32, bool> insert(const QPointF *start)
    {
        const SegmentKey key(start[0], start[1]);
        const size_t mask = m_slots.size() - 1;
        for (size_t slot = hashOf(key) & mask;; slot = (slot + 1) & mask) {
            qint32 &number = m_slots[slot];
            if (number < 0) {
                number = qint32(m_keys.size());
                m_keys.push_back(start);
                return {number, true};
            }
            const QPointF *known = m_keys[size_t(number)];
            if (SegmentKey(known[0], known[1]) == key) return {number, false};
        }
    }

private:
    static quint64 bitsOf(double v) { return v == 0.0 ? 0 : std::bit_cast<quint64>(v); } // -0 == 0
    static size_t hashOf(const SegmentKey &k)
    {
        quint64 h = 0;
        for (const double v : {k.a.x(), k.a.y(), k.b.x(), k.b.y()})
            h = (h ^ bitsOf(v)) * 0x9E3779B97F4A7C15ull; // Fibonacci hashing, high bits mixed down
        return size_t(h ^ (h >> 29));
    }

    std::vector<qint32> m_slots; ///< -1: empty (half the memory to fault in of qsizetype numbers)
    std::vector<const QPointF *> m_keys;
};

/// Each region's outlines less the segments an earlier region already has, split in two: the
/// stretches between two regions of one country (admin-1 borders) and those between regions of
/// two countries (national borders, drawn heavier). Neighbouring admin-1 regions share their
/// border vertex for vertex (Natural Earth is built from one topology); where they do not, both
/// are kept, as before, as admin-1 lines.
void uniqueBorders(const QList<ProjectedArea> &regions, const QList<AreaFeature> &features,
                   QList<ProjectedLines> *internal, QList<ProjectedLines> *national)
{
    qsizetype segments = 0;
    for (const ProjectedArea &r : regions)
        for (const QPolygonF &outline : r.outlines)
            segments += outline.size();
    // One pass over every segment in drawing order: the first walk of a segment is drawn, later
    // ones are not; a segment a region of another country walks too lies on a national border.
    struct Segment {
        qint32 firstRegion;
        bool betweenCountries = false;
    };
    SegmentTable table(segments);
    std::vector<Segment> unique; // parallel to the table's numbers
    unique.reserve(size_t(segments));
    std::vector<qint32> walked;       // per segment in drawing order: its index in `unique`, negated
    walked.reserve(size_t(segments)); // (-1 - index) when an earlier walk already drew it
    for (qsizetype r = 0; r < regions.size(); ++r)
        for (const QPolygonF &outline : regions[r].outlines)
            for (qsizetype i = 1; i < outline.size(); ++i) {
                const auto [index, added] = table.insert(outline.constData() + i - 1);
                if (added) {
                    unique.push_back({qint32(r), false});
                    walked.push_back(index);
                    continue;
                }
                Segment &segment = unique[size_t(index)];
                if (features[segment.firstRegion].countryCode != features[r].countryCode)
                    segment.betweenCountries = true;
                walked.push_back(-1 - index);
            }
    internal->reserve(regions.size());
    national->reserve(regions.size());
    qsizetype next = 0; // into `walked`
    for (const ProjectedArea &r : regions) {
        ProjectedLines out[2]; // internal, national
        for (const QPolygonF &outline : r.outlines) {
            QPolygonF run;
            int runKind = 0;
            auto flush = [&] {
                if (run.size() > 1) {
                    ProjectedLines &o = out[runKind];
                    o.box |= run.boundingRect();
                    o.partDetailM.append(douglasPeuckerDetail(run));
                    o.parts.append(run);
                }
                run.clear();
            };
            for (qsizetype i = 1; i < outline.size(); ++i) {
                const qint32 segment = walked[size_t(next++)];
                if (segment < 0) { // drawn already, by an earlier region
                    flush();
                    continue;
                }
                const int kind = unique[size_t(segment)].betweenCountries ? 1 : 0;
                if (kind != runKind) flush();
                runKind = kind;
                if (run.isEmpty()) run.append(outline[i - 1]);
                run.append(outline[i]);
            }
            flush();
        }
        internal->append(std::move(out[0]));
        national->append(std::move(out[1]));
    }
}

} // namespace

ProjectedBaseMap::ProjectedBaseMap(std::shared_ptr<const BaseMap> baseMap) : source(std::move(baseMap))
{
    if (!source) return;
    // Regions and their borders (half the vertices, and the segment table) on a second thread,
    // beside land, countries and coasts: the projection is on the critical path of every
    // `--export` and of the window's first map.
    auto regionsProjected = std::async(std::launch::async, [this] {
        clearUpperVectorState();
        const QList<AreaFeature> &features = source->regions->regions();
        regions.reserve(features.size());
        for (const AreaFeature &a : features)
            regions.append(project(a, false));
        uniqueBorders(regions, features, &regionBorders, &nationalBorders);
    });
    clearUpperVectorState(); // 15x faster projection after Qt has hashed a string on this thread
    for (const AreaFeature &a : source->land)
        land.append(project(a, false)); // filled, never outlined
    for (const AreaFeature &a : source->countries)
        countries.append(project(a, true));
    for (const LineFeature &line : source->coastline) {
        ProjectedLines out;
        for (const LonLatLine &part : line.parts) {
            QPolygonF projected;
            projected.reserve(part.size());
            for (const QPointF &p : part)
                projected.append(WebMercator::toMercatorM(p));
            out.box |= projected.boundingRect();
            out.partDetailM.append(douglasPeuckerDetail(projected));
            out.parts.append(std::move(projected));
        }
        coastline.append(std::move(out));
    }
    regionsProjected.get(); // rethrows what the second thread threw
}

} // namespace chronomap
