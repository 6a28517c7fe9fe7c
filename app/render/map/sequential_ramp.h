// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>

namespace chronomap {

/// Viridis (perceptually uniform, readable with every common colour-vision deficiency and in
/// grey): `t` from 0 (dark violet) to 1 (yellow), clamped.
QColor viridis(double t);

/// How counts from 1 to `maxCount` map onto a sequential ramp: linearly, or logarithmically when
/// they span orders of magnitude (the largest more than a hundred times the smallest).
struct CountScale {
    int minCount = 1;
    int maxCount = 1;
    bool logarithmic = false;

    static CountScale of(int minCount, int maxCount);
    /// Where `count` lies on the ramp, 0..1.
    double position(int count) const;
    /// The count at a ramp position (the inverse of position(), for the legend).
    int countAt(double position) const;
};

} // namespace chronomap
