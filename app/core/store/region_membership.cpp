// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/store/region_membership.h"

#include <algorithm>

namespace chronomap {

RegionMembership::RegionMembership(std::shared_ptr<const EventStore> store, std::shared_ptr<const RegionIndex> regions)
    : m_store(std::move(store)), m_regions(std::move(regions))
{}

const EventStore::IndexList &RegionMembership::eventsIn(int regionIndex) const
{
    static const EventStore::IndexList none;
    if (regionIndex < 0 || regionIndex >= m_regions->regions().size()) return none;
    {
        QMutexLocker lock(&m_mutex);
        if (const auto it = m_cache.constFind(regionIndex); it != m_cache.constEnd()) return **it;
    }
    const AreaFeature &region = m_regions->regions()[regionIndex];
    EventStore::IndexList members = m_store->codedTo(region.code);
    for (EventStore::Index i : m_store->anchoredIn(region.lonLatBox)) {
        if (m_store->geometryKind(i) == GeometryKind::Point &&
            m_regions->regionAt(m_store->lonDeg(i), m_store->latDeg(i)) == regionIndex)
            members.push_back(i);
    }
    for (EventStore::Index i : m_store->lineEvents()) {
        const auto vertices = m_store->lonLatVertices(i);
        if (std::any_of(vertices.begin(), vertices.end(), [&](const QPointF &v) {
                return region.lonLatBox.contains(v) && m_regions->regionAt(v.x(), v.y()) == regionIndex;
            }))
            members.push_back(i);
    }
    std::sort(members.begin(), members.end());
    members.erase(std::unique(members.begin(), members.end()), members.end());

    QMutexLocker lock(&m_mutex);
    auto &slot = m_cache[regionIndex];
    if (!slot) slot = std::make_shared<const EventStore::IndexList>(std::move(members));
    return *slot;
}

} // namespace chronomap
