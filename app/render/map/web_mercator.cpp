// SPDX-License-Identifier: GPL-3.0-or-later
#include "render/map/web_mercator.h"

#include <algorithm>
#include <cmath>

namespace chronomap::WebMercator {

namespace {
constexpr double kDegToRad = 3.14159265358979323846 / 180.0;
}

QPointF toMercatorM(QPointF lonLatDeg)
{
    const double lat = std::clamp(lonLatDeg.y(), -kMaxLatDeg, kMaxLatDeg) * kDegToRad;
    return {kEarthRadiusM * lonLatDeg.x() * kDegToRad,
            kEarthRadiusM * std::log(std::tan(0.25 * 3.14159265358979323846 + 0.5 * lat))};
}

QPointF toLonLatDeg(QPointF mercatorM)
{
    double lon = mercatorM.x() / kEarthRadiusM / kDegToRad;
    lon = std::fmod(lon + 180.0, 360.0);
    if (lon < 0) lon += 360.0;
    lon -= 180.0;
    const double lat =
        (2.0 * std::atan(std::exp(mercatorM.y() / kEarthRadiusM)) - 0.5 * 3.14159265358979323846) / kDegToRad;
    return {lon, lat};
}

QRectF toMercatorM(const QRectF &lonLatBox)
{
    return QRectF(toMercatorM(lonLatBox.topLeft()), toMercatorM(lonLatBox.bottomRight())).normalized();
}

} // namespace chronomap::WebMercator
