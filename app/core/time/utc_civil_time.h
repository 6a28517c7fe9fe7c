// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

namespace chronomap {

/// A UTC instant's proleptic Gregorian date and time of day, by arithmetic alone (Howard Hinnant's
/// civil_from_days): for writers of many dates, where a QDate or QDateTime per date costs.
struct UtcCivilTime {
    qint64 year; ///< astronomical: 0 is 1 BC (QDate's -1), -1 is 2 BC
    int month;   ///< 1-12
    int day;     ///< 1-31
    qint64 msOfDay;
};
UtcCivilTime utcCivilTimeOf(qint64 ms);

} // namespace chronomap
