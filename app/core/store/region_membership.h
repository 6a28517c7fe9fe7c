// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/geo/region_index.h"
#include "core/store/event_store.h"

#include <QHash>
#include <QMutex>

#include <memory>

namespace chronomap {

/// Which events belong to which admin-1 region: those whose `regions` list names the region's
/// code, and those located in it (a point inside the polygon, or a line with a vertex inside).
/// Computed per region on first use and cached; safe to use from several threads.
class RegionMembership {
public:
    RegionMembership(std::shared_ptr<const EventStore> store, std::shared_ptr<const RegionIndex> regions);

    /// Events of region `regionIndex` (an index into RegionIndex::regions()), in time order.
    const EventStore::IndexList &eventsIn(int regionIndex) const;

    const EventStore &store() const { return *m_store; }
    const RegionIndex &regions() const { return *m_regions; }

private:
    std::shared_ptr<const EventStore> m_store;
    std::shared_ptr<const RegionIndex> m_regions;
    mutable QMutex m_mutex;
    mutable QHash<int, std::shared_ptr<const EventStore::IndexList>> m_cache;
};

} // namespace chronomap
