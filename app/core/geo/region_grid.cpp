// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/geo/region_grid.h"

#include <algorithm>
#include <cmath>

namespace chronomap {

RegionGrid::RegionGrid(const RegionIndex &index, double cellDeg) : m_index(index), m_cellDeg(cellDeg)
{
    QRectF extent;
    for (const AreaFeature &region : index.regions())
        extent = extent.isNull() ? region.lonLatBox : extent.united(region.lonLatBox);
    if (extent.isNull() || cellDeg <= 0) return;
    m_westDeg = extent.left() - cellDeg;
    m_southDeg = extent.top() - cellDeg;
    m_columns = int(std::ceil(extent.width() / cellDeg)) + 3;
    m_rows = int(std::ceil(extent.height() / cellDeg)) + 3;
    m_cellRun.assign(size_t(m_columns) * size_t(m_rows), 0);
    const auto column = [&](double lon) {
        return std::clamp(int(std::floor((lon - m_westDeg) / cellDeg)), 0, m_columns - 1);
    };
    const auto row = [&](double lat) {
        return std::clamp(int(std::floor((lat - m_southDeg) / cellDeg)), 0, m_rows - 1);
    };
    // Every cell an edge may touch: the edge cut into pieces no longer than a cell, each
    // piece's box of cells, widened by a hair against the rounding of the cut.
    for (const AreaFeature &region : index.regions()) {
        for (const LonLatRing &ring : region.rings) {
            for (qsizetype v = 0; v < ring.size(); ++v) {
                const QPointF a = ring[v], b = ring[(v + 1) % ring.size()];
                const int pieces = 1 + int(std::max(std::abs(b.x() - a.x()), std::abs(b.y() - a.y())) / cellDeg);
                for (int p = 0; p < pieces; ++p) {
                    const QPointF from = a + (b - a) * (double(p) / pieces);
                    const QPointF to = a + (b - a) * (double(p + 1) / pieces);
                    constexpr double kHairDeg = 1e-9;
                    const int top = row(std::max(from.y(), to.y()) + kHairDeg);
                    const int right = column(std::max(from.x(), to.x()) + kHairDeg);
                    for (int y = row(std::min(from.y(), to.y()) - kHairDeg); y <= top; ++y)
                        for (int x = column(std::min(from.x(), to.x()) - kHairDeg); x <= right; ++x)
                            m_cellRun[size_t(y) * size_t(m_columns) + size_t(x)] = kTouched;
                }
            }
        }
    }
    // Runs of untouched cells along each row.
    for (int y = 0; y < m_rows; ++y) {
        bool inRun = false;
        for (int x = 0; x < m_columns; ++x) {
            int &cell = m_cellRun[size_t(y) * size_t(m_columns) + size_t(x)];
            if (cell == kTouched) {
                inRun = false;
                continue;
            }
            if (!inRun) {
                m_runCentre.emplace_back(m_westDeg + (x + 0.5) * cellDeg, m_southDeg + (y + 0.5) * cellDeg);
                inRun = true;
            }
            cell = int(m_runCentre.size()) - 1;
        }
    }
    m_runRegion.assign(m_runCentre.size(), kUnknown);
}

int RegionGrid::regionAt(double lonDeg, double latDeg) const
{
    const double x = std::floor((lonDeg - m_westDeg) / m_cellDeg), y = std::floor((latDeg - m_southDeg) / m_cellDeg);
    if (!(x >= 0 && x < m_columns && y >= 0 && y < m_rows)) return m_index.regionAt(lonDeg, latDeg);
    const int run = m_cellRun[size_t(y) * size_t(m_columns) + size_t(x)];
    if (run == kTouched) return m_index.regionAt(lonDeg, latDeg);
    int &region = m_runRegion[size_t(run)];
    if (region == kUnknown) region = m_index.regionAt(m_runCentre[size_t(run)].x(), m_runCentre[size_t(run)].y());
    return region;
}

} // namespace chronomap
