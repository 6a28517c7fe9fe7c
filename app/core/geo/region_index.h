// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/geo/base_map.h"

#include <QHash>

#include <memory>
#include <vector>

namespace chronomap {

/// Admin-1 regions with a point-in-region test: a bounding-box prefilter, then GDAL's exact
/// point-in-ring test on the candidates. Immutable and safe to query from any thread.
class RegionIndex {
public:
    explicit RegionIndex(QList<AreaFeature> regions);
    ~RegionIndex();

    const QList<AreaFeature> &regions() const { return m_regions; }
    /// Index of the region containing the point (WGS 84 degrees), or -1.
    int regionAt(double lonDeg, double latDeg) const;
    /// Index of the region with this ISO 3166-2 code, or with this name in any language
    /// (case-insensitive), or -1.
    int find(const QString &codeOrName) const;

private:
    struct Geometry;
    QList<AreaFeature> m_regions;
    std::vector<std::unique_ptr<Geometry>> m_geometry;
    QHash<QString, int> m_byKey; ///< upper-case code and lower-case names
};

} // namespace chronomap
