// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/bin_pyramid.h"

#include "core/db/square_bin_grid.h"
#include "core/io/bin_pyramid_counts.h"
#include "core/io/change_triggers.h"
#include "core/io/sql_dates.h"

#include <QByteArray>

namespace chronomap {

namespace {

QString number(double value)
{
    return QString::fromLatin1(QByteArray::number(value, 'g', 17));
}

/// The world cells at kTopLevel of the point rows of `from`, counted per category: the Web
/// Mercator formula of LiveTable and SquareBinGrid::worldCellOf, the same operations in the
/// same order (so the same doubles), the top level's cell size written out exactly.
QString topLevelCounts(const QString &from)
{
    const QString half = number(SquareBinGrid::kWorldWidthM / 2);
    const QString cell = number(std::ldexp(SquareBinGrid::kWorldWidthM, -BinPyramid::kTopLevel));
    const QString x = QStringLiteral("(6378137.0 * radians(ST_X(geom)))");
    const QString y = QStringLiteral("(6378137.0 * ln(tan(pi() / 4 + radians(greatest(-85.0511287798066, "
                                     "least(85.0511287798066, ST_Y(geom)))) / 2)))");
    return QStringLiteral("SELECT floor((%1 + %3) / %4)::int AS cx, floor((%3 - %2) / %4)::int AS cy, "
                          "coalesce(category, '') AS category, count(*) AS n FROM %5 WHERE GeometryType(geom) = "
                          "'POINT' GROUP BY 1, 2, 3")
        .arg(x, y, half, cell, from);
}

/// The span of the rows of `from`, in ms since the epoch.
QString spanOf(const QString &from)
{
    return QStringLiteral("SELECT (extract(epoch FROM min(%1)) * 1000)::bigint, (extract(epoch FROM max(%2)) * "
                          "1000)::bigint FROM %3")
        .arg(LiveSql::earliestStart(), LiveSql::latestEndExclusive(), from);
}

/// The statement that fills `<table>_bins` counting the rows of `table`: the top level from the
/// rows, each level below from the one finer (a cell is four; floor of a half is the shift
/// right), all packed by grid row and category. BinPyramidCounts computes the same rows.
QString countStatement(const QString &table)
{
    QStringList levels = {
        QStringLiteral("l%1 AS MATERIALIZED (%2)")
            .arg(QString::number(BinPyramid::kTopLevel), topLevelCounts(QStringLiteral("\"%1\"").arg(table)))};
    QStringList cells = {QStringLiteral("SELECT %1 AS level, cx, cy, category, n FROM l%1").arg(BinPyramid::kTopLevel)};
    for (int level = BinPyramid::kTopLevel - 1; level >= 0; --level) {
        levels << QStringLiteral("l%1 AS MATERIALIZED (SELECT cx >> 1 AS cx, cy >> 1 AS cy, category, sum(n)::bigint "
                                 "AS n FROM l%2 GROUP BY 1, 2, 3)")
                      .arg(level)
                      .arg(level + 1);
        cells << QStringLiteral("SELECT %1, cx, cy, category, n FROM l%1").arg(level);
    }
    return QStringLiteral("INSERT INTO \"%1\" WITH %2 SELECT level, cy, category, array_agg(cx ORDER BY cx), "
                          "array_agg(n ORDER BY cx) FROM (%3) cells GROUP BY 1, 2, 3")
        .arg(BinPyramid::binsTable(table), levels.join(QLatin1String(", ")), cells.join(QLatin1String(" UNION ALL ")));
}

} // namespace

QString BinPyramid::binsTable(const QString &table)
{
    return table + QStringLiteral("_bins");
}

QString BinPyramid::spanTable(const QString &table)
{
    return table + QStringLiteral("_bins_span");
}

QStringList BinPyramid::buildStatements(const QString &table, const BinPyramidCounts *counted)
{
    const QString bins = binsTable(table), span = spanTable(table);
    QStringList sql;
    sql << QStringLiteral("CREATE TABLE \"%1\" (level smallint NOT NULL, cy integer NOT NULL, category text NOT NULL, "
                          "cxs integer[] NOT NULL, counts bigint[] NOT NULL)")
               .arg(bins);
    // The counting in SQL sorts millions of cells (2.5M for 1M events spread over the world,
    // about 250 MB), as does the import's region members fill its rows: in memory, not in files
    // (the default 4 MB), for this transaction only.
    sql << QStringLiteral("SET LOCAL work_mem = '256MB'");
    sql << (counted ? counted->insertStatements(bins) : QStringList{countStatement(table)});
    sql << QStringLiteral("ALTER TABLE \"%1\" ADD PRIMARY KEY (level, cy, category)").arg(bins);
    sql << QStringLiteral("CREATE TABLE \"%1\" (from_ms bigint, to_ms bigint)").arg(span);
    sql << QStringLiteral("INSERT INTO \"%1\" %2").arg(span, spanOf(QStringLiteral("\"%1\"").arg(table)));
    // The changed rows' counts added (new rows) or taken away (old rows) at every level: each
    // touched grid row and category unpacked, summed with the change, and packed again (cells
    // reaching 0 left out; a row may become empty), the span widened by new rows (a delete
    // leaves it wide: LiveTable then counts from the table, which is right, only slower). In
    // format(): %1$I the bins, %2$I the transition table, %3$s the sign. Written with replace(),
    // as QString::arg would read format()'s %1.
    QString add = QStringLiteral(
        "WITH delta AS (SELECT l AS level, cx >> (TOP - l) AS cx, cy >> (TOP - l) AS cy, category, %3$s * sum(n) AS "
        "n FROM (COUNTS) top CROSS JOIN generate_series(0, TOP) l GROUP BY 1, 2, 3, 4), keys AS (SELECT DISTINCT "
        "level, cy, category FROM delta), cells AS (SELECT level, cy, category, cx, sum(n)::bigint AS n FROM (SELECT "
        "level, cy, category, cx, n FROM delta UNION ALL SELECT k.level, k.cy, k.category, u.cx, u.n FROM keys k "
        "JOIN %1$I b ON b.level = k.level AND b.cy = k.cy AND b.category = k.category CROSS JOIN unnest(b.cxs, "
        "b.counts) u(cx, n)) c GROUP BY 1, 2, 3, 4 HAVING sum(n) > 0) INSERT INTO %1$I SELECT k.level, k.cy, "
        "k.category, coalesce(array_agg(c.cx ORDER BY c.cx) FILTER (WHERE c.cx IS NOT NULL), '{}'), "
        "coalesce(array_agg(c.n ORDER BY c.cx) FILTER (WHERE c.cx IS NOT NULL), '{}') FROM keys k LEFT JOIN cells c "
        "ON c.level = k.level AND c.cy = k.cy AND c.category = k.category GROUP BY 1, 2, 3 ON CONFLICT (level, cy, "
        "category) DO UPDATE SET cxs = EXCLUDED.cxs, counts = EXCLUDED.counts");
    add.replace(QLatin1String("COUNTS"), topLevelCounts(QStringLiteral("%2$I")))
        .replace(QLatin1String("TOP"), QString::number(kTopLevel));
    QString widen = QStringLiteral("UPDATE %1$I s SET from_ms = least(s.from_ms, n.from_ms), to_ms = "
                                   "greatest(s.to_ms, n.to_ms) FROM (SPAN) n(from_ms, to_ms)");
    widen.replace(QLatin1String("SPAN"), spanOf(QStringLiteral("%2$I")));
    const auto quoted = [](QString sql) { return sql.replace(u'\'', QLatin1String("''")); };
    // Named apart from the function of the unpacked layout (chronomap_bins_change), which tables
    // imported before still call: replacing it would break their writes.
    QString function = QStringLiteral(
        "CREATE OR REPLACE FUNCTION chronomap_packed_bins_change() RETURNS trigger LANGUAGE plpgsql AS $$ "
        "DECLARE bins text := TG_TABLE_NAME || '_bins'; span text := TG_TABLE_NAME || '_bins_span'; BEGIN "
        "IF TG_OP = 'TRUNCATE' THEN EXECUTE format('DELETE FROM %I', bins); RETURN NULL; END IF; "
        "IF TG_OP IN ('DELETE', 'UPDATE') THEN EXECUTE format('ADD', bins, 'chronomap_old', '-1'); END IF; "
        "IF TG_OP IN ('INSERT', 'UPDATE') THEN EXECUTE format('ADD', bins, 'chronomap_new', '1'); "
        "EXECUTE format('WIDEN', span, 'chronomap_new'); END IF; RETURN NULL; END $$");
    sql << function.replace(QLatin1String("ADD"), quoted(add)).replace(QLatin1String("WIDEN"), quoted(widen));
    sql << changeTriggers(table, QStringLiteral("chronomap_bins"), QStringLiteral("chronomap_packed_bins_change"));
    sql << QStringLiteral("ANALYZE \"%1\"").arg(bins);
    return sql;
}

} // namespace chronomap
