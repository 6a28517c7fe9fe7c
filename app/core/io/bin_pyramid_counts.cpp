// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/bin_pyramid_counts.h"

#include "core/db/square_bin_grid.h"
#include "core/io/bin_pyramid.h"

#include <QByteArray>

#include <algorithm>
#include <cmath>

namespace chronomap {

namespace {

/// PostgreSQL's RADIANS_PER_DEGREE (utils/float.h), by which its radians() multiplies.
constexpr double kRadiansPerDegree = 0.0174532925199432957692;
constexpr double kPi = 3.14159265358979323846;  ///< its pi(), M_PI
constexpr double kMaxLatDeg = 85.0511287798066; ///< BinPyramid's SQL literal
constexpr double kEarthRadiusM = 6378137.0;
/// A statement's SQL at most about this long: the server parses each whole.
constexpr qsizetype kStatementBytes = 4 << 20;

/// Sorts `cells` by category, row and column and adds up the counts of equal cells.
void mergeEqual(std::vector<BinPyramidCounts::Cell> &cells)
{
    const auto key = [](const BinPyramidCounts::Cell &c) { return std::tie(c.category, c.cy, c.cx); };
    std::sort(cells.begin(), cells.end(), [&](const auto &a, const auto &b) { return key(a) < key(b); });
    size_t kept = 0;
    for (size_t i = 0; i < cells.size(); ++i) {
        if (kept > 0 && key(cells[kept - 1]) == key(cells[i]))
            cells[kept - 1].n += cells[i].n;
        else
            cells[kept++] = cells[i];
    }
    cells.resize(kept);
}

QByteArray quoted(const QString &text)
{
    QByteArray utf8 = text.toUtf8();
    return '\'' + utf8.replace('\'', "''") + '\'';
}

} // namespace

QPoint BinPyramidCounts::topLevelCellOf(double lonDeg, double latDeg)
{
    // As the SQL: 6378137.0 * radians(x); 6378137.0 * ln(tan(pi() / 4 + radians(clamped y) / 2)).
    const double half = SquareBinGrid::kWorldWidthM / 2;
    const double cellM = std::ldexp(SquareBinGrid::kWorldWidthM, -BinPyramid::kTopLevel);
    const double xM = kEarthRadiusM * (lonDeg * kRadiansPerDegree);
    const double clamped = std::max(-kMaxLatDeg, std::min(kMaxLatDeg, latDeg));
    const double yM = kEarthRadiusM * std::log(std::tan(kPi / 4 + (clamped * kRadiansPerDegree) / 2));
    return {int(std::floor((xM + half) / cellM)), int(std::floor((half - yM) / cellM))};
}

void BinPyramidCounts::add(double lonDeg, double latDeg, const QString &category)
{
    auto it = m_categoryIndex.constFind(category);
    if (it == m_categoryIndex.constEnd()) {
        it = m_categoryIndex.insert(category, int(m_categories.size()));
        m_categories << category;
    }
    const QPoint cell = topLevelCellOf(lonDeg, latDeg);
    m_topCells.push_back({*it, cell.y(), cell.x(), 1});
}

QStringList BinPyramidCounts::insertStatements(const QString &binsTable) const
{
    QList<QByteArray> categories;
    for (const QString &category : m_categories)
        categories << quoted(category);
    const QByteArray head = "INSERT INTO \"" + binsTable.toUtf8() + "\" (level, cy, category, cxs, counts) VALUES ";
    QStringList statements;
    QByteArray values;
    const auto flush = [&] {
        if (!values.isEmpty()) statements << QString::fromUtf8(head + values);
        values.clear();
    };
    std::vector<Cell> cells = m_topCells;
    for (int level = BinPyramid::kTopLevel; level >= 0; --level) {
        if (level < BinPyramid::kTopLevel) {
            for (Cell &c : cells) { // a cell is four of the finer level's: floor of a half, as `>> 1`
                c.cx >>= 1;
                c.cy >>= 1;
            }
        }
        mergeEqual(cells);
        // One row per grid row and category: its cells ascending (the sort's order) and their counts.
        for (size_t first = 0; first < cells.size();) {
            size_t end = first;
            QByteArray cxs = "'{", counts = "'{";
            while (end < cells.size() && cells[end].category == cells[first].category &&
                   cells[end].cy == cells[first].cy) {
                if (end > first) {
                    cxs += ',';
                    counts += ',';
                }
                cxs += QByteArray::number(cells[end].cx);
                counts += QByteArray::number(cells[end].n);
                ++end;
            }
            if (!values.isEmpty()) values += ',';
            values += '(' + QByteArray::number(level) + ',' + QByteArray::number(cells[first].cy) + ',' +
                      categories[cells[first].category] + ',' + cxs + "}'::integer[]," + counts + "}'::bigint[])";
            if (values.size() >= kStatementBytes) flush();
            first = end;
        }
    }
    flush();
    return statements;
}

} // namespace chronomap
