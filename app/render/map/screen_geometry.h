// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "render/map/viewport.h"

#include <QPainterPath>
#include <QPolygonF>

#include <vector>

namespace chronomap {

/// Maps a Mercator polyline to screen pixels, shifted by a world copy, dropping vertices that
/// fall within `tolerancePx` of the last one kept: detail drops with scale and a world view
/// costs little more than a regional one.
void toScreen(const QPolygonF &mercatorM, const QTransform &toScreenPx, double shiftM, QPolygonF &out,
              double tolerancePx = 0.6);

/// As above, first keeping only the vertices whose Douglas–Peucker detail (see
/// douglasPeuckerDetailM(), parallel to `mercatorM`) is at least `minDetailM`: the line then lies
/// within `minDetailM` of the full one, and a frame does not walk vertices it cannot show.
void toScreen(const QPolygonF &mercatorM, const std::vector<float> &detailM, double minDetailM,
              const QTransform &toScreenPx, double shiftM, QPolygonF &out, double tolerancePx = 0.6);

/// For each vertex of a polyline, the largest Douglas–Peucker tolerance (in the line's units) at
/// which the vertex is still kept; the end points are kept at every tolerance (+infinity). The
/// values never grow from a vertex to the vertices found after it, so keeping the vertices with
/// detail >= e gives the Douglas–Peucker simplification at tolerance e, for any e, in one pass.
std::vector<float> douglasPeuckerDetail(const QPolygonF &line);

/// All rings of an area as one screen path (odd-even fill makes holes).
QPainterPath areaPath(const QList<QPolygonF> &rings, const QTransform &toScreenPx, double shiftM);

} // namespace chronomap
