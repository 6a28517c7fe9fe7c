// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPoint>
#include <QPointF>
#include <QRect>
#include <QRectF>

#include <algorithm>
#include <cmath>

namespace chronomap {

/// Square bins on the Web Mercator plane (EPSG:3857, metres): cells of `cellM` metres counted
/// east and south from `northWestM`. The map's density bins (MarkerLayer::renderDensity) and a
/// live table's bins of a view are the same cells.
///
/// A grid of forView() is a level of a pyramid anchored on the world: at `level` the world's
/// width is 2^level cells, and `northWestM` is a corner of one of them. A live table keeps the
/// counts of such cells per level (BinPyramid), so a view of the whole map is read, not computed.
/// A grid made by hand (`level` -1) counts cells from any `northWestM`.
struct SquareBinGrid {
    /// render's WebMercator::kWorldWidthM (core does not see render): the world's width, metres.
    static constexpr double kWorldWidthM = 2.0 * 3.14159265358979323846 * 6378137.0;
    static constexpr int kMaxLevel = 30; ///< cells of 4 cm; 2^30 columns still fit an int

    QPointF northWestM; ///< x = west edge, y = north edge of the first cell, metres
    double cellM = 1;
    int level = -1; ///< cellM = kWorldWidthM / 2^level, northWestM on the world's grid; -1: free

    /// The density grid of a view whose top-left corner is `northWestM` at `metresPerPixel`:
    /// the one place the map's renderer and a live table's bins take their cells from. The cells
    /// are the world's cells nearest to 2x2 pixels (between 1.4 and 2.8 pixels a side), the first
    /// one holding the view's corner.
    static SquareBinGrid forView(QPointF northWestM, double metresPerPixel)
    {
        const double cellsAcross = kWorldWidthM / (2 * metresPerPixel);
        const int level = std::clamp(int(std::lround(std::log2(std::max(cellsAcross, 1.0)))), 0, kMaxLevel);
        const double cellM = std::ldexp(kWorldWidthM, -level);
        const double half = kWorldWidthM / 2;
        const double column = std::floor((northWestM.x() + half) / cellM);
        const double row = std::floor((half - northWestM.y()) / cellM);
        return {QPointF(column * cellM - half, half - row * cellM), cellM, level};
    }

    /// The cell (column east, row south) holding a Web Mercator point.
    QPoint cellOf(QPointF mercatorM) const
    {
        if (level < 0)
            return {int(std::floor((mercatorM.x() - northWestM.x()) / cellM)),
                    int(std::floor((northWestM.y() - mercatorM.y()) / cellM))};
        return worldCellOf(mercatorM) - worldOrigin();
    }

    /// At a level: the world's cell (column east of the antimeridian, row south of the world's
    /// north edge) holding a point. BinPyramid's SQL computes the same, operation for operation.
    QPoint worldCellOf(QPointF mercatorM) const
    {
        const double half = kWorldWidthM / 2;
        return {int(std::floor((mercatorM.x() + half) / cellM)), int(std::floor((half - mercatorM.y()) / cellM))};
    }

    /// At a level: the world's cell that is cell (0, 0) of this grid.
    QPoint worldOrigin() const
    {
        const double half = kWorldWidthM / 2;
        return {int(std::lround((northWestM.x() + half) / cellM)), int(std::lround((half - northWestM.y()) / cellM))};
    }

    /// At a level: the cells (of this grid) a Web Mercator box touches, whole cells counted: a
    /// view's bins are those of the cells it shows, even in part.
    QRect cellsOver(const QRectF &mercatorBoxM) const
    {
        const QPoint a = cellOf(QPointF(mercatorBoxM.left(), std::max(mercatorBoxM.top(), mercatorBoxM.bottom())));
        const QPoint b = cellOf(QPointF(mercatorBoxM.right(), std::min(mercatorBoxM.top(), mercatorBoxM.bottom())));
        return QRect(a, b);
    }
};

} // namespace chronomap
