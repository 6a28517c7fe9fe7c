// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QPoint>
#include <QString>
#include <QStringList>

#include <vector>

namespace chronomap {

/// A BinPyramid counted in the client from the places it is about to write (the import's:
/// counting a million rows again in SQL took a quarter of the import), then sent as the packed
/// rows of `<table>_bins`. The cells are those of BinPyramid's SQL, operation for operation in
/// the same order (PostgreSQL's radians, pi, ln and tan are the C library's), so the rows are
/// those its SQL would count from the table (tests/db/live_table_test.cpp checks every level).
class BinPyramidCounts {
public:
    /// One row whose geometry is a POINT at lon/lat degrees (EPSG:4326); `category` empty for
    /// none (the SQL's coalesce(category, '')).
    void add(double lonDeg, double latDeg, const QString &category);
    /// The statements that insert the counted rows into the existing, empty `binsTable`, each
    /// a few MB of SQL at most; none when nothing was added.
    QStringList insertStatements(const QString &binsTable) const;
    /// The world cell (cx east of the antimeridian, cy south of the north edge) of a point at
    /// BinPyramid::kTopLevel, by the SQL's arithmetic.
    static QPoint topLevelCellOf(double lonDeg, double latDeg);

    /// A cell of one category at some level, and its count.
    struct Cell {
        int category, cy, cx;
        qint64 n;
    };

private:
    QHash<QString, int> m_categoryIndex;
    QStringList m_categories;
    std::vector<Cell> m_topCells; ///< one a point, n = 1, until insertStatements sorts a copy
};

} // namespace chronomap
