// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QtGlobal>

#include <vector>

namespace chronomap {

/// Events of one category counted over a period [fromMs, toMs) (UTC ms) somewhere else: a live
/// table's date_trunc columns (LiveTimeBin). A timeline given these draws them as dense lanes
/// in place of its dataset's events.
struct TimelinePeriodCount {
    qint64 fromMs = 0;
    qint64 toMs = 0;
    QString category;
    qint64 count = 0;
};
using TimelinePeriodCounts = std::vector<TimelinePeriodCount>;

} // namespace chronomap
