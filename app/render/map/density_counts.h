// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/db/square_bin_grid.h"
#include "render/map/viewport.h"

#include <QPoint>
#include <QRectF>
#include <QtGlobal>

#include <vector>

namespace chronomap {

/// Events counted per cell of a SquareBinGrid over the cells a view shows: what the map's
/// density bins paint, whether counted in memory (MarkerLayer::countDensity) or by the database
/// (a live table's LiveBins). Row 0 is the north row, column 0 the west one.
struct DensityCounts {
    SquareBinGrid grid;
    QPoint firstCell; ///< the grid's cell of counts[0] (the view's north-west cell)
    int columns = 0;
    int rows = 0;
    std::vector<quint32> counts; ///< columns x rows, row by row

    /// Empty counts over the cells of `viewport`, on SquareBinGrid::forView of its corner.
    static DensityCounts forViewport(const Viewport &viewport);
    /// Adds `n` events to `cell` (the grid's numbering) when the view shows it; whether it did.
    bool add(QPoint cell, quint32 n)
    {
        if (!contains(cell)) return false;
        counts[size_t(cell.y() - firstCell.y()) * size_t(columns) + size_t(cell.x() - firstCell.x())] += n;
        return true;
    }
    /// Whether the view shows `cell` (the grid's numbering).
    bool contains(QPoint cell) const
    {
        const int x = cell.x() - firstCell.x(), y = cell.y() - firstCell.y();
        return x >= 0 && y >= 0 && x < columns && y < rows;
    }
    /// The cells' extent in Web Mercator metres (x east, y north; top() is the south edge): a
    /// view's edge cells reach past it, and their counts take in all of them.
    QRectF extentM() const
    {
        const double west = grid.northWestM.x() + firstCell.x() * grid.cellM;
        const double north = grid.northWestM.y() - firstCell.y() * grid.cellM;
        return QRectF(west, north - rows * grid.cellM, columns * grid.cellM, rows * grid.cellM);
    }
    quint32 at(int column, int row) const { return counts[size_t(row) * size_t(columns) + size_t(column)]; }
};

} // namespace chronomap
