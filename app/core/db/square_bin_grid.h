// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPoint>
#include <QPointF>

#include <cmath>

namespace chronomap {

/// Square bins on the Web Mercator plane (EPSG:3857, metres): cells of `cellM` metres counted
/// east and south from `northWestM`, the corner of the view. It is the map's density binning
/// (MarkerLayer::renderDensity: bins of 2x2 pixels from the viewport's top-left corner, so
/// `cellM` = 2 x metres per pixel): the database's bins and the in-memory bins of a view are
/// the same cells.
struct SquareBinGrid {
    QPointF northWestM; ///< x = west edge, y = north edge of the view, metres
    double cellM = 1;

    /// The density grid of a view whose top-left corner is `northWestM` at `metresPerPixel`:
    /// the one place the map's renderer and a live table's bins take their cells from.
    static SquareBinGrid forView(QPointF northWestM, double metresPerPixel) { return {northWestM, 2 * metresPerPixel}; }

    /// The cell (column east, row south) holding a Web Mercator point.
    QPoint cellOf(QPointF mercatorM) const
    {
        return {int(std::floor((mercatorM.x() - northWestM.x()) / cellM)),
                int(std::floor((northWestM.y() - mercatorM.y()) / cellM))};
    }
};

} // namespace chronomap
