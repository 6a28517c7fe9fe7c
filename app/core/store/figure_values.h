// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/store/event_store.h"

#include <QStringList>

#include <cmath>
#include <limits>
#include <memory>
#include <vector>

namespace chronomap {

/// One figure (a claim quantity such as ACLED's "fatalities") of every event, decoded once from
/// the store's claims, for sums per region. An event's value is its first claim of the quantity
/// that has a number (disputed figures of one event are never averaged); NaN when it has none.
class FigureValues {
public:
    FigureValues(const EventStore &store, QString quantity);

    /// The quantities of the store's claims that carry a number, sorted.
    static QStringList quantities(const EventStore &store);

    const QString &quantity() const { return m_quantity; }
    /// The event's value, NaN when it states none.
    double value(EventStore::Index i) const
    {
        return i >= 0 && size_t(i) < m_values.size() ? m_values[size_t(i)] : std::numeric_limits<double>::quiet_NaN();
    }

private:
    QString m_quantity;
    std::vector<double> m_values;
};

} // namespace chronomap
