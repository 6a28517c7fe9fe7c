// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace chronomap {

class BinPyramidCounts;

/// The density bins of a table made by `--import-pg`, kept in the database per zoom level: the
/// table `<table>_bins` counts the point events of each world cell of SquareBinGrid's levels 0
/// to kTopLevel (cx east of the antimeridian, cy south of the world's north edge, by
/// SquareBinGrid::worldCellOf's arithmetic), packed: one row (level, cy, category, cxs, counts)
/// per grid row and category, `cxs` the row's non-empty cells in ascending order and `counts`
/// their counts, so that a whole map is thousands of rows, not millions. `<table>_bins_span`
/// (from_ms, to_ms) holds the earliest start and the latest end of all rows. Triggers keep both
/// true on every insert, update, delete and truncate, in the writer's transaction. LiveTable
/// reads a view's bins from here when its filter lets every event through.
namespace BinPyramid {

/// The finest level kept: cells of 9.8 km (a view at 4.9 km a pixel or wider, 7,800 km across
/// 1600 pixels). Finer views cover fewer rows and are counted from the table itself.
constexpr int kTopLevel = 12;

QString binsTable(const QString &table);
QString spanTable(const QString &table);

/// The statements that make the pyramid of an existing `table` (a plain identifier) and install
/// its triggers; run them in one transaction (the import's). Fails if the pyramid is there. The
/// bins are counted from the table's rows in SQL, or, given `counted` (the points of exactly
/// those rows), sent as counted there.
QStringList buildStatements(const QString &table, const BinPyramidCounts *counted = nullptr);

} // namespace BinPyramid

} // namespace chronomap
