// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/event_store.h"

#include <QSet>

#include <optional>

namespace chronomap {

class RegionMembership;

/// Which events to show: a time window (with its treatment of uncertain dates), categories and
/// a region. An empty field means "no restriction".
struct EventFilter {
    std::optional<TimeWindow> window;
    WindowMatch match = WindowMatch::Possibly;
    QSet<QString> categories;
    int regionIndex = -1; ///< into RegionIndex::regions(); needs a RegionMembership

    /// The matching events in time order.
    EventStore::IndexList apply(const EventStore &store, const RegionMembership *membership = nullptr) const;

    bool operator==(const EventFilter &) const = default;
};

} // namespace chronomap
