// SPDX-License-Identifier: GPL-3.0-or-later
#include "render/map/sequential_ramp.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace chronomap {

QColor viridis(double t)
{
    // Matplotlib's viridis at tenths; linear between them is within a step of the full table.
    static constexpr std::array<QRgb, 11> kStops = {0x440154, 0x482475, 0x414487, 0x355f8d, 0x2a788e, 0x21918c,
                                                    0x22a884, 0x44bf70, 0x7ad151, 0xbddf26, 0xfde725};
    t = std::clamp(std::isfinite(t) ? t : 0.0, 0.0, 1.0) * double(kStops.size() - 1);
    const size_t k = std::min(size_t(t), kStops.size() - 2);
    const double f = t - double(k);
    const auto mix = [f](int a, int b) { return int(std::lround(a + (b - a) * f)); };
    const QRgb a = kStops[k], b = kStops[k + 1];
    return QColor(mix(qRed(a), qRed(b)), mix(qGreen(a), qGreen(b)), mix(qBlue(a), qBlue(b)));
}

CountScale CountScale::of(int minCount, int maxCount)
{
    CountScale s;
    s.minCount = std::max(1, minCount);
    s.maxCount = std::max(s.minCount, maxCount);
    s.logarithmic = s.maxCount > 100 * s.minCount;
    return s;
}

double CountScale::position(int count) const
{
    if (maxCount <= minCount) return 1.0;
    const double c = std::clamp(double(count), double(minCount), double(maxCount));
    if (logarithmic) return std::log(c / minCount) / std::log(double(maxCount) / minCount);
    return (c - minCount) / double(maxCount - minCount);
}

int CountScale::countAt(double p) const
{
    p = std::clamp(p, 0.0, 1.0);
    if (logarithmic) return int(std::lround(minCount * std::pow(double(maxCount) / minCount, p)));
    return int(std::lround(minCount + p * (maxCount - minCount)));
}

} // namespace chronomap
