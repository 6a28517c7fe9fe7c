// SPDX-License-Identifier: GPL-3.0-or-later
#include "render/map/viewport_json.h"

#include "render/map/web_mercator.h"

#include <cmath>

namespace chronomap {

QJsonObject ViewportJson::toJson(const Viewport &viewport)
{
    const QPointF centre = WebMercator::toLonLatDeg(viewport.centreMercatorM());
    return QJsonObject{{QStringLiteral("centre_lon_deg"), centre.x()},
                       {QStringLiteral("centre_lat_deg"), centre.y()},
                       {QStringLiteral("metres_per_pixel"), viewport.metresPerPixel()},
                       {QStringLiteral("zoom"), viewport.zoomLevel()},
                       {QStringLiteral("width_px"), viewport.sizePx().width()},
                       {QStringLiteral("height_px"), viewport.sizePx().height()}};
}

std::optional<Viewport> ViewportJson::fromJson(const QJsonObject &json, QSize sizePx)
{
    const QJsonValue lon = json.value(QStringLiteral("centre_lon_deg")),
                     lat = json.value(QStringLiteral("centre_lat_deg")),
                     scale = json.value(QStringLiteral("metres_per_pixel"));
    if (!lon.isDouble() || !lat.isDouble() || !scale.isDouble()) return std::nullopt;
    if (!std::isfinite(lon.toDouble()) || std::abs(lat.toDouble()) > WebMercator::kMaxLatDeg || !(scale.toDouble() > 0))
        return std::nullopt;
    return Viewport(WebMercator::toMercatorM(QPointF(lon.toDouble(), lat.toDouble())), scale.toDouble(), sizePx);
}

} // namespace chronomap
