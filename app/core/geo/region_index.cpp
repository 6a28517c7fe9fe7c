// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/geo/region_index.h"

#include <algorithm>

namespace chronomap {

namespace {

/// GDAL's isPointInRing answers "no" for fewer vertices than a closed triangle's four.
constexpr size_t kMinRingVertices = 4;

} // namespace

std::vector<double> RegionIndex::closedRing(const LonLatRing &ring)
{
    std::vector<double> lonLatDeg;
    lonLatDeg.reserve(size_t(ring.size() + 1) * 2);
    for (const QPointF &v : ring) {
        lonLatDeg.push_back(v.x());
        lonLatDeg.push_back(v.y());
    }
    // `!=` as closeRings() compares (a NaN first vertex is appended again, as there).
    if (ring.size() >= 2 && (ring.front().x() != ring.back().x() || ring.front().y() != ring.back().y())) {
        lonLatDeg.push_back(ring.front().x());
        lonLatDeg.push_back(ring.front().y());
    }
    return lonLatDeg;
}

bool RegionIndex::ringContains(std::span<const double> closedLonLatDeg, double lonDeg, double latDeg)
{
    // The crossing rule of GDAL 3.6's OGRLinearRing::isPointInRing, kept to the last rounding so
    // the answer on and near an edge stays GDAL's: coordinates are taken relative to the point; an
    // edge counts when one end is strictly above the point's latitude and the other on or below it
    // (dLat > 0 against dLat <= 0, so a horizontal edge never counts), and it crosses that latitude
    // strictly east of the point: (dLon1 * dLat0 - dLon0 * dLat1) / (dLat0 - dLat1) > 0, divided as
    // GDAL divides (a sign test would differ where the quotient underflows to 0). An odd count of
    // such edges is inside.
    // "Above" is found by comparing latitudes, a subtraction fewer per vertex than GDAL's dLat > 0,
    // with the same answer: a difference of doubles is 0 only for equal ones (subnormals) and keeps
    // its sign. Where a dLat is NaN (a NaN latitude, or inf - inf), an edge GDAL skips may pass the
    // comparison, but its quotient is then NaN and it does not count either.
    const size_t vertexCount = closedLonLatDeg.size() / 2;
    if (vertexCount < kMinRingVertices) return false;
    const double *v = closedLonLatDeg.data();
    bool inside = false;
    bool prevAbove = v[1] > latDeg;
    for (size_t i = 1; i < vertexCount; ++i) {
        const bool above = v[2 * i + 1] > latDeg;
        if (above != prevAbove) {
            const double dLat = v[2 * i + 1] - latDeg, prevDLat = v[2 * i - 1] - latDeg;
            const double dLon = v[2 * i] - lonDeg, prevDLon = v[2 * i - 2] - lonDeg;
            const double crossingDLon = (dLon * prevDLat - prevDLon * dLat) / (prevDLat - dLat);
            if (0.0 < crossingDLon) inside = !inside;
        }
        prevAbove = above;
    }
    return inside;
}

RegionIndex::RegionIndex(QList<AreaFeature> regions, std::shared_ptr<const void> backing)
    : m_backing(std::move(backing)), m_regions(std::move(regions))
{
    m_firstRing.reserve(size_t(m_regions.size()) + 1);
    // Room for every ring's closed vertices at once: grown by doubling, the bundled base map's
    // admin1 regions copied 3.6 MB through three smaller arrays before their 4 MB (fresh pages).
    size_t values = 0, rings = 0;
    for (const AreaFeature &region : m_regions)
        for (const LonLatRing &lonLatRing : region.rings) {
            values += size_t(lonLatRing.size() + 1) * 2;
            ++rings;
        }
    m_lonLatDeg.reserve(values);
    m_rings.reserve(rings);
    for (int r = 0; r < m_regions.size(); ++r) {
        const AreaFeature &region = m_regions[r];
        m_firstRing.push_back(m_rings.size());
        for (const LonLatRing &lonLatRing : region.rings) {
            const std::vector<double> closed = closedRing(lonLatRing);
            // A ring GDAL would never find a point in changes no even-odd count: left out.
            if (closed.size() / 2 < kMinRingVertices) continue;
            Ring ring;
            ring.firstValue = m_lonLatDeg.size();
            ring.valueCount = closed.size();
            // The envelope as OGR computes it (min and max by `<` and `>` from the first vertex).
            ring.westDeg = ring.eastDeg = closed[0];
            ring.southDeg = ring.northDeg = closed[1];
            for (size_t i = 2; i < closed.size(); i += 2) {
                ring.westDeg = std::min(ring.westDeg, closed[i]);
                ring.eastDeg = std::max(ring.eastDeg, closed[i]);
                ring.southDeg = std::min(ring.southDeg, closed[i + 1]);
                ring.northDeg = std::max(ring.northDeg, closed[i + 1]);
            }
            m_lonLatDeg.insert(m_lonLatDeg.end(), closed.begin(), closed.end());
            m_rings.push_back(ring);
        }
        if (!region.code.isEmpty()) m_byKey.insert(region.code.toUpper(), r);
        for (const QString &name : region.name)
            if (!name.isEmpty() && !m_byKey.contains(name.toLower())) m_byKey.insert(name.toLower(), r);
    }
    m_firstRing.push_back(m_rings.size());
}

int RegionIndex::regionAt(double lonDeg, double latDeg) const
{
    for (int r = 0; r < m_regions.size(); ++r) {
        const QRectF &box = m_regions[r].lonLatBox;
        if (lonDeg < box.left() || lonDeg > box.right() || latDeg < box.top() || latDeg > box.bottom()) continue;
        // Even-odd over all rings: inside an outer ring and not inside one of its holes.
        bool inside = false;
        for (size_t i = m_firstRing[size_t(r)]; i < m_firstRing[size_t(r) + 1]; ++i) {
            const Ring &ring = m_rings[i];
            if (lonDeg < ring.westDeg || lonDeg > ring.eastDeg || latDeg < ring.southDeg || latDeg > ring.northDeg)
                continue;
            if (ringContains({m_lonLatDeg.data() + ring.firstValue, ring.valueCount}, lonDeg, latDeg)) inside = !inside;
        }
        if (inside) return r;
    }
    return -1;
}

int RegionIndex::find(const QString &codeOrName) const
{
    const QString key = codeOrName.trimmed();
    if (const auto it = m_byKey.constFind(key.toUpper()); it != m_byKey.constEnd()) return *it;
    if (const auto it = m_byKey.constFind(key.toLower()); it != m_byKey.constEnd()) return *it;
    return -1;
}

} // namespace chronomap
