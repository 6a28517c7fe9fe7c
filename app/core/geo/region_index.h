// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/geo/base_map.h"

#include <QHash>

#include <span>
#include <vector>

namespace chronomap {

/// Admin-1 regions with a point-in-region test: a bounding-box prefilter, then an exact even-odd
/// test of each candidate ring that answers as GDAL 3.6's OGRLinearRing::isPointInRing does (no
/// GDAL call: an export must not load libgdal for it). Immutable and safe to query from any thread.
class RegionIndex {
public:
    /// `backing`: what the regions' rings point into when they are not their own copies (a base
    /// map read back from its cache: BaseMap::backing), kept as long as the index, which may
    /// outlive its map.
    explicit RegionIndex(QList<AreaFeature> regions, std::shared_ptr<const void> backing = {});

    const QList<AreaFeature> &regions() const { return m_regions; }
    /// Index of the region containing the point (WGS 84 degrees), or -1.
    int regionAt(double lonDeg, double latDeg) const;
    /// Index of the region with this ISO 3166-2 code, or with this name in any language
    /// (case-insensitive), or -1.
    int find(const QString &codeOrName) const;

    /// The ring's vertices as lon, lat pairs (degrees), closed as OGRLinearRing::closeRings() closes
    /// it: the first vertex appended when the last differs from it (rings of one vertex stay open).
    static std::vector<double> closedRing(const LonLatRing &ring);
    /// Whether the point (degrees) is inside the closed ring (lon, lat pairs, as closedRing() gives),
    /// with the answer of GDAL 3.6's OGRLinearRing::isPointInRing(point, FALSE), boundary included.
    static bool ringContains(std::span<const double> closedLonLatDeg, double lonDeg, double latDeg);

private:
    /// One ring's vertices in m_lonLatDeg and its box (degrees).
    struct Ring {
        size_t firstValue = 0; ///< index of its first lon in m_lonLatDeg
        size_t valueCount = 0; ///< two values per vertex, the closing vertex included
        double westDeg = 0, eastDeg = 0, southDeg = 0, northDeg = 0;
    };
    std::shared_ptr<const void> m_backing; ///< before m_regions: released after it
    QList<AreaFeature> m_regions;
    std::vector<double> m_lonLatDeg; ///< every ring's closed vertices, lon and lat interleaved
    std::vector<Ring> m_rings;       ///< all regions' rings, region by region
    std::vector<size_t> m_firstRing; ///< region r's rings are [m_firstRing[r], m_firstRing[r + 1])
    QHash<QString, int> m_byKey;     ///< upper-case code and lower-case names
};

} // namespace chronomap
