// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/store/event_filter.h"

#include "core/store/region_membership.h"

#include <QRegularExpression>

#include <algorithm>
#include <numeric>

namespace chronomap {

QStringList EventFilter::searchWords(const QString &text)
{
    static const QRegularExpression space(QStringLiteral("\\s+"));
    return text.split(space, Qt::SkipEmptyParts);
}

bool EventFilter::matchesText(const EventStore &store, EventStore::Index i) const
{
    return store.matchesText(i, EventStore::TextQuery(searchWords(text)));
}

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
    // Cheapest tests first: columns, then the text arena.
    if (categories) {
        std::vector<bool> wanted(size_t(store.categories().size()), false);
        for (int c = 0; c < store.categories().size(); ++c)
            wanted[size_t(c)] = categories->contains(store.categories()[c]);
        std::erase_if(result, [&](EventStore::Index i) { return !wanted[store.categoryIndex(i)]; });
    }
    if (confidences)
        std::erase_if(result, [&](EventStore::Index i) { return !confidences->contains(store.confidence(i)); });
    if (provenances) {
        std::vector<bool> wanted(size_t(store.provenances().size()), false);
        for (qsizetype p = 0; p < store.provenances().size(); ++p)
            wanted[size_t(p)] = provenances->contains(store.provenances()[p]);
        std::erase_if(result, [&](EventStore::Index i) { return !wanted[store.provenanceIndex(i)]; });
    }
    if (const EventStore::TextQuery query(searchWords(text)); !query.isEmpty())
        std::erase_if(result, [&](EventStore::Index i) { return !store.matchesText(i, query); });
    return result;
}

} // namespace chronomap
