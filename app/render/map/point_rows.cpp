// SPDX-License-Identifier: GPL-3.0-or-later
#include "render/map/point_rows.h"

#include "core/view/view_state.h"

namespace chronomap {

PointRows::PointRows(const MapFrame &frame, bool regionLevelAsFills) : m_data(frame.data)
{
    if (!available() || !m_data.events) return;
    // The visible events as bits: an eighth of a megabyte for a million events.
    m_shown.assign(size_t(m_data.events->size() + 63) / 64, 0);
    const bool fills = regionLevelAsFills && m_data.projectedBaseMap() != nullptr;
    for (EventStore::Index i : frame.state.visibleEvents())
        if (!(fills && m_data.isRegionLevel(i))) m_shown[size_t(i) >> 6] |= quint64(1) << (quint64(i) & 63);
}

} // namespace chronomap
