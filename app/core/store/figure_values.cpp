// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/store/figure_values.h"

#include <QSet>

namespace chronomap {

FigureValues::FigureValues(const EventStore &store, QString quantity) : m_quantity(std::move(quantity))
{
    m_values.assign(size_t(store.size()), std::numeric_limits<double>::quiet_NaN());
    for (EventStore::Index i = 0; i < store.size(); ++i)
        for (const Claim &c : store.event(i).claims)
            if (c.quantity == m_quantity && c.value) {
                m_values[size_t(i)] = *c.value;
                break;
            }
}

QStringList FigureValues::quantities(const EventStore &store)
{
    QSet<QString> found;
    for (EventStore::Index i = 0; i < store.size(); ++i)
        for (const Claim &c : store.event(i).claims)
            if (c.value && !c.quantity.isEmpty()) found.insert(c.quantity);
    QStringList sorted(found.begin(), found.end());
    sorted.sort();
    return sorted;
}

} // namespace chronomap
