// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QPointF>

namespace chronomap {

/// The great circle from `fromLonLat` to `toLonLat` (degrees) in `steps` equal parts: the points
/// after the start, `toLonLat` itself last. Longitudes in [-180, 180]. How a contact's arc is
/// drawn, and so where map framing counts it.
QList<QPointF> greatCircleSteps(QPointF fromLonLat, QPointF toLonLat, int steps);

} // namespace chronomap
