// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

namespace chronomap {

// Rounding for the per-event loops of the map's layers (a million events a frame): the same
// results as std::floor and std::round, without their library calls (the build targets x86-64
// without SSE 4.1, where neither is inlined).

/// int(std::floor(v)), for finite `v` within int's range.
inline int floorToInt(double v)
{
    const int t = int(v); // toward zero
    return t - (v < double(t));
}

/// std::round(v) (halves away from zero), for finite `v` within qint64's range.
inline double roundHalfAwayFromZero(double v)
{
    const double t = double(qint64(v)); // toward zero, exact
    const double fraction = v - t;      // exact
    // Without branches: which way a point rounds is a coin toss per event.
    return t + double(fraction >= 0.5) - double(fraction <= -0.5);
}

} // namespace chronomap
