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

/// Writes `value` (0 or more) in decimal at `out`, zero-padded to `width` digits; returns the end.
/// The writers of those dates' text (the import's ISO dates and timestamps) share it.
inline char *writePaddedDecimal(char *out, qint64 value, int width)
{
    char reversed[20];
    int n = 0;
    do {
        reversed[n++] = char('0' + value % 10);
        value /= 10;
    } while (value > 0);
    for (int pad = n; pad < width; ++pad)
        *out++ = '0';
    while (n > 0)
        *out++ = reversed[--n];
    return out;
}

} // namespace chronomap
