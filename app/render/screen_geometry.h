// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "viewport.h"

#include <QPainterPath>
#include <QPolygonF>

namespace chronomap {

/// Maps a Mercator polyline to screen pixels, shifted by a world copy, dropping vertices that
/// fall within `tolerancePx` of the last one kept: detail drops with scale and a world view
/// costs little more than a regional one.
void toScreen(const QPolygonF &mercatorM, const QTransform &toScreenPx, double shiftM, QPolygonF &out,
              double tolerancePx = 0.6);

/// All rings of an area as one screen path (odd-even fill makes holes).
QPainterPath areaPath(const QList<QPolygonF> &rings, const QTransform &toScreenPx, double shiftM);

} // namespace chronomap
