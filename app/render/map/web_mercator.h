// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPointF>
#include <QRectF>

namespace chronomap::WebMercator {

/// Spherical Web Mercator (EPSG:3857), the projection of the map view. Stateless: the viewport
/// is passed where it matters (see Viewport).
constexpr double kEarthRadiusM = 6378137.0;
constexpr double kWorldWidthM = 2.0 * 3.14159265358979323846 * kEarthRadiusM;
/// Latitude where the projected world becomes square; beyond it points are clamped.
constexpr double kMaxLatDeg = 85.0511287798066;

/// lon/lat degrees (x = lon, y = lat) to Mercator metres (x east, y north).
QPointF toMercatorM(QPointF lonLatDeg);
/// Mercator metres to lon/lat degrees; x outside the world is wrapped into [-180, 180).
QPointF toLonLatDeg(QPointF mercatorM);
/// A lon/lat box (x = lon, y = lat) in Mercator metres.
QRectF toMercatorM(const QRectF &lonLatBox);

} // namespace chronomap::WebMercator
