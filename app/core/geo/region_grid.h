// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/geo/region_index.h"

#include <vector>

namespace chronomap {

/// RegionIndex::regionAt for many points (an import's million): a grid of small cells over the
/// regions' boxes. A cell that no ring edge touches lies wholly inside the same regions as its
/// neighbours in the row up to the next touched cell: such a run of cells is asked of the index
/// once, on the first point that falls in it; points in touched cells are asked each time. The
/// same answers as the index, each point. Not thread-safe (the runs are filled as asked).
class RegionGrid {
public:
    /// `index` must outlive the grid. `cellDeg`: the cells' side in degrees.
    explicit RegionGrid(const RegionIndex &index, double cellDeg = 0.1);

    const RegionIndex &index() const { return m_index; }
    /// RegionIndex::regionAt(lonDeg, latDeg).
    int regionAt(double lonDeg, double latDeg) const;

private:
    static constexpr int kTouched = -1; ///< m_cellRun: a ring edge touches the cell
    static constexpr int kUnknown = -2; ///< m_runRegion: not asked yet
    const RegionIndex &m_index;
    double m_westDeg = 0, m_southDeg = 0, m_cellDeg = 0;
    int m_columns = 0, m_rows = 0;
    std::vector<int> m_cellRun;           ///< per cell (row-major from the south-west): its run, or kTouched
    mutable std::vector<int> m_runRegion; ///< per run: the region, -1 for none, or kUnknown
    std::vector<QPointF> m_runCentre;     ///< per run: the centre of its first cell, the point asked
};

} // namespace chronomap
