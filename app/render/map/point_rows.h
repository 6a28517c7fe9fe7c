// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "render/map/map_frame.h"

#include <QPointF>

#include <algorithm>
#include <vector>

namespace chronomap {

/// A frame's visible point events in rows, north to south (PreparedDataset::pointRowsNorthToSouth):
/// a pass that counts a million events into a screen grid fills it row by row instead of at
/// random over the whole grid, which is what such a pass costs. Only for datasets that keep
/// rows (above PreparedDataset::kDenseThreshold point events): see available().
class PointRows {
public:
    /// `regionLevelAsFills`: leave out region-level records when the map has a base map (the
    /// layers that draw them as fills of their regions).
    PointRows(const MapFrame &frame, bool regionLevelAsFills);

    bool available() const { return !m_data.pointRowsNorthToSouth().empty(); }
    /// Calls `f(event, mercatorM)` for each visible event of the rows from Mercator y `topM`
    /// southward while `f` returns true.
    template<typename F> void forEachFrom(double topM, F f) const
    {
        const auto &rows = m_data.pointRowsNorthToSouth();
        const auto &mercator = m_data.pointRowsMercator();
        const auto byFallingY = [](const QPointF &m, double y) { return m.y() > y; };
        const size_t first =
            size_t(std::lower_bound(mercator.begin(), mercator.end(), topM, byFallingY) - mercator.begin());
        for (size_t k = first; k < rows.size(); ++k) {
            const EventStore::Index i = rows[k];
            if (!(m_shown[size_t(i) >> 6] >> (quint64(i) & 63) & 1)) continue;
            if (!f(i, mercator[k])) return;
        }
    }

private:
    const PreparedDataset &m_data;
    std::vector<quint64> m_shown; ///< by event index: visible (and drawn as a point)
};

} // namespace chronomap
