// SPDX-License-Identifier: GPL-3.0-or-later
#include "event_filter.h"

#include "store/region_membership.h"

#include <algorithm>
#include <numeric>

namespace chronomap {

EventStore::IndexList EventFilter::apply(const EventStore &store, const RegionMembership *membership) const
{
    EventStore::IndexList result;
    if (window) {
        result = store.inWindow(*window, match);
    } else {
        result.resize(size_t(store.size()));
        std::iota(result.begin(), result.end(), 0);
    }
    if (regionIndex >= 0 && membership) {
        const auto &inRegion = membership->eventsIn(regionIndex);
        EventStore::IndexList both;
        std::set_intersection(result.begin(), result.end(), inRegion.begin(), inRegion.end(), std::back_inserter(both));
        result = std::move(both);
    }
    if (!categories.isEmpty()) {
        std::vector<bool> wanted(size_t(store.categories().size()), false);
        for (int c = 0; c < store.categories().size(); ++c)
            wanted[size_t(c)] = categories.contains(store.categories()[c]);
        std::erase_if(result, [&](EventStore::Index i) { return !wanted[store.categoryIndex(i)]; });
    }
    return result;
}

} // namespace chronomap
