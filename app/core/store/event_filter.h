// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/store/event_store.h"

#include <QSet>
#include <QStringList>

#include <optional>

namespace chronomap {

class RegionMembership;

/// The values a filter lets through: nullopt lets every value through, a set only its members
/// (an empty set none).
template<typename T> using ShownValues = std::optional<QSet<T>>;

/// Which events to show: a time window (with its treatment of uncertain dates), categories,
/// confidences, provenances, a text search and a region. An unset field means "no restriction".
struct EventFilter {
    std::optional<TimeWindow> window;
    WindowMatch match = WindowMatch::Possibly;
    ShownValues<QString> categories;
    ShownValues<Confidence> confidences; ///< Confidence::Unknown stands for records that give none
    ShownValues<QString> provenances;    ///< "" stands for records that give none
    /// Words to find, case-insensitively, each somewhere in EventStore::searchableText() (titles
    /// and summaries in every language, actors, places, sources); whitespace separates words.
    QString text;
    int regionIndex = -1; ///< into RegionIndex::regions(); needs a RegionMembership

    /// The matching events in time order.
    EventStore::IndexList apply(const EventStore &store, const RegionMembership *membership = nullptr) const;
    /// Whether event `i` passes the text search alone (true when there is none).
    bool matchesText(const EventStore &store, EventStore::Index i) const;
    /// The search text split into the words every match must contain.
    static QStringList searchWords(const QString &text);

    bool operator==(const EventFilter &) const = default;
};

} // namespace chronomap
