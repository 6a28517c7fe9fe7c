// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/geo/region_index.h"

#include <ogr_geometry.h>

namespace chronomap {

// Each region's rings as OGR linear rings with their envelopes, so GDAL does the exact test.
struct RegionIndex::Geometry {
    struct Ring {
        OGRLinearRing ring;
        OGREnvelope envelope;
    };
    std::vector<Ring> rings;
};

RegionIndex::RegionIndex(QList<AreaFeature> regions) : m_regions(std::move(regions))
{
    for (int r = 0; r < m_regions.size(); ++r) {
        const AreaFeature &region = m_regions[r];
        auto geometry = std::make_unique<Geometry>();
        for (const LonLatRing &ring : region.rings) {
            Geometry::Ring g;
            g.ring.setNumPoints(int(ring.size()), FALSE);
            for (int v = 0; v < ring.size(); ++v)
                g.ring.setPoint(v, ring[v].x(), ring[v].y());
            g.ring.closeRings();
            g.ring.getEnvelope(&g.envelope);
            geometry->rings.push_back(std::move(g));
        }
        m_geometry.push_back(std::move(geometry));
        if (!region.code.isEmpty()) m_byKey.insert(region.code.toUpper(), r);
        for (const QString &name : region.name)
            if (!name.isEmpty() && !m_byKey.contains(name.toLower())) m_byKey.insert(name.toLower(), r);
    }
}

RegionIndex::~RegionIndex() = default;

int RegionIndex::regionAt(double lonDeg, double latDeg) const
{
    const OGRPoint point(lonDeg, latDeg);
    for (int r = 0; r < m_regions.size(); ++r) {
        const QRectF &box = m_regions[r].lonLatBox;
        if (lonDeg < box.left() || lonDeg > box.right() || latDeg < box.top() || latDeg > box.bottom()) continue;
        // Even-odd over all rings: inside an outer ring and not inside one of its holes.
        bool inside = false;
        for (const auto &ring : m_geometry[size_t(r)]->rings) {
            const OGREnvelope &e = ring.envelope;
            if (lonDeg < e.MinX || lonDeg > e.MaxX || latDeg < e.MinY || latDeg > e.MaxY) continue;
            if (ring.ring.isPointInRing(&point, FALSE)) inside = !inside;
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
