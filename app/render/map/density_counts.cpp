// SPDX-License-Identifier: GPL-3.0-or-later
#include "render/map/density_counts.h"

#include <cmath>

namespace chronomap {

DensityCounts DensityCounts::forViewport(const Viewport &viewport)
{
    DensityCounts d;
    const QPointF northWestM = viewport.toMercatorM(QPointF(0, 0));
    d.grid = SquareBinGrid::forView(northWestM, viewport.metresPerPixel());
    d.firstCell = d.grid.cellOf(northWestM);
    // The cells reaching into the view: to its south-east corner, that corner's own cell only
    // when the view goes past the cell's edge.
    const QPointF southEastM = viewport.toMercatorM(QPointF(viewport.sizePx().width(), viewport.sizePx().height()));
    const double eastCells = (southEastM.x() - d.grid.northWestM.x()) / d.grid.cellM;
    const double southCells = (d.grid.northWestM.y() - southEastM.y()) / d.grid.cellM;
    d.columns = std::max(0, int(std::ceil(eastCells)) - d.firstCell.x());
    d.rows = std::max(0, int(std::ceil(southCells)) - d.firstCell.y());
    d.counts.assign(size_t(d.columns) * size_t(d.rows), 0);
    return d;
}

} // namespace chronomap
