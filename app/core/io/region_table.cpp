// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/region_table.h"

#include "core/geo/region_grid.h"
#include "core/io/change_triggers.h"
#include "core/io/sql_dates.h"

#include <QByteArray>

#include <algorithm>
#include <cmath>

namespace chronomap {

QString RegionTable::regionsTable(const QString &table)
{
    return table + QStringLiteral("_regions");
}

QString RegionTable::membersTable(const QString &table)
{
    return table + QStringLiteral("_region_members");
}

QStringList RegionTable::locatedIn(const RegionGrid &grid, const EventStore &store, EventStore::Index i)
{
    const RegionIndex &regions = grid.index();
    QStringList codes;
    const auto note = [&](double lonDeg, double latDeg) {
        if (!std::isfinite(lonDeg) || !std::isfinite(latDeg)) return;
        const int r = grid.regionAt(lonDeg, latDeg);
        if (r < 0) return;
        const QString &code = regions.regions()[r].code;
        if (!code.isEmpty() && !codes.contains(code)) codes << code;
    };
    if (store.geometryKind(i) == GeometryKind::Point) {
        note(store.lonDeg(i), store.latDeg(i));
    } else if (store.geometryKind(i) == GeometryKind::Line) {
        for (const QPointF &v : store.lonLatVertices(i))
            note(v.x(), v.y());
        codes.sort();
    }
    return codes;
}

QByteArrayList RegionTable::ringWkts(const AreaFeature &region)
{
    QByteArrayList wkts;
    for (const LonLatRing &ring : region.rings) {
        if (ring.size() < 3) continue;
        QList<QPointF> closed = ring;
        if (closed.first() != closed.last()) closed.append(closed.first());
        QByteArray wkt = "POLYGON((";
        for (qsizetype i = 0; i < closed.size(); ++i) {
            if (i) wkt += ',';
            wkt += QByteArray::number(closed[i].x(), 'g', 17) + ' ' + QByteArray::number(closed[i].y(), 'g', 17);
        }
        wkts << wkt + "))";
    }
    return wkts;
}

QStringList RegionTable::buildStatements(const QString &table, const RegionIndex &regions)
{
    const QString name = regionsTable(table);
    QStringList sql;
    sql << QStringLiteral("CREATE TABLE \"%1\" (code text NOT NULL, ring integer NOT NULL, geom geometry(Polygon, "
                          "4326) NOT NULL, PRIMARY KEY (code, ring))")
               .arg(name);
    // One INSERT of every ring (codes are ISO 3166-2: letters, digits and '-', quoted anyway).
    QByteArray values;
    for (const AreaFeature &region : regions.regions()) {
        if (region.code.isEmpty()) continue;
        QByteArray code = region.code.toUtf8();
        code.replace('\'', "''");
        int ring = 0;
        for (const QByteArray &wkt : ringWkts(region)) {
            if (!values.isEmpty()) values += ',';
            values += "('" + code + "'," + QByteArray::number(ring++) + ",ST_GeomFromText('" + wkt + "',4326))";
        }
    }
    if (!values.isEmpty()) sql << QStringLiteral("INSERT INTO \"%1\" VALUES ").arg(name) + QString::fromLatin1(values);
    sql << QStringLiteral("CREATE INDEX \"%1_geom_idx\" ON \"%1\" USING gist (geom)").arg(name);
    sql << QStringLiteral("ANALYZE \"%1\"").arg(name);
    return sql;
}

QStringList RegionTable::triggerStatements(const QString &table)
{
    QStringList sql;
    // A region click's located events (LiveTable::regionEvents' `located_in @>`).
    sql << QStringLiteral("CREATE INDEX \"%1_located_in_idx\" ON \"%1\" USING gin (%2)")
               .arg(table, QLatin1String(kColumn));
    // RegionMembership's rule over the regions table: each vertex (a point's one) in the regions
    // an odd number of whose rings hold it. The regions table is the row's table's, named at run
    // time: a plan a row, cheap for the rows analysts insert one statement at a time.
    sql << QStringLiteral(
        "CREATE OR REPLACE FUNCTION chronomap_locate_row() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        "EXECUTE format('SELECT coalesce(array_agg(DISTINCT code ORDER BY code), ''{}'') FROM (SELECT v.path, r.code "
        "FROM ST_DumpPoints($1) v JOIN %I r ON r.geom && v.geom AND ST_Intersects(r.geom, v.geom) WHERE "
        "GeometryType($1) IN (''POINT'', ''LINESTRING'') GROUP BY 1, 2 HAVING count(*) %% 2 = 1) inside', "
        "TG_TABLE_NAME || '_regions') USING NEW.geom INTO NEW.located_in; RETURN NEW; END $$");
    sql << QStringLiteral("CREATE TRIGGER \"%1_chronomap_locate\" BEFORE INSERT OR UPDATE OF geom, %2 ON \"%1\" FOR "
                          "EACH ROW EXECUTE FUNCTION chronomap_locate_row()")
               .arg(table, QLatin1String(kColumn));
    return sql;
}

namespace {

/// Each code of a row once (coded and located alike), with the row's earliest start and id
/// as a click orders its page, and what a click in a time window with hidden categories
/// filters on (the first instant after its latest end, its category); `%1` is the rows
/// read. The dates are read in UTC, as the live session reads them, whatever the writing
/// session's zone (the callers' SET).
QString memberRowsOf(const QString &rows)
{
    return QStringLiteral("SELECT c.code, %1, r.id, r.fid, %2, r.category FROM %3 r CROSS JOIN LATERAL (SELECT "
                          "DISTINCT unnest(r.regions::text[] || r.%4::text[]) AS code) c WHERE "
                          "c.code IS NOT NULL")
        .arg(LiveSql::startOf(QStringLiteral("r.\"start\"")),
             LiveSql::endExclusiveOf(QStringLiteral("coalesce(nullif(r.\"end\", ''), r.\"start\")")), rows,
             QLatin1String(RegionTable::kColumn));
}

} // namespace

QStringList RegionTable::memberTableStatements(const QString &table)
{
    return {QStringLiteral("CREATE TABLE \"%1\" (code text NOT NULL, start_at timestamptz, id text COLLATE \"C\", "
                           "fid bigint NOT NULL, end_at timestamptz, category text)")
                .arg(membersTable(table))};
}

QStringList RegionTable::memberFillStatements(const QString &table)
{
    // Written in the index's order: a region's entries and rows lie together.
    return {QStringLiteral("SET LOCAL TimeZone = 'UTC'"),
            QStringLiteral("INSERT INTO \"%1\" %2 ORDER BY 1, 2, 3")
                .arg(membersTable(table), memberRowsOf(QLatin1Char('"') + table + QLatin1Char('"')))};
}

QStringList RegionTable::memberIndexStatements(const QString &table)
{
    const QString members = membersTable(table);
    QStringList sql;
    // A click: its page an index range scan, its count an index-only scan, in a window and
    // with categories hidden too.
    sql << QStringLiteral("CREATE INDEX \"%1_click_idx\" ON \"%1\" (code, start_at, id) INCLUDE (fid, end_at, "
                          "category)")
               .arg(members);
    sql << QStringLiteral("CREATE INDEX \"%1_fid_idx\" ON \"%1\" (fid)").arg(members); // the triggers' deletes
    sql << QStringLiteral("ANALYZE \"%1\"").arg(members);
    QString insert = QStringLiteral("INSERT INTO %1$I ") + memberRowsOf(QStringLiteral("chronomap_new"));
    insert.replace(u'\'', QLatin1String("''"));
    sql << QStringLiteral("CREATE OR REPLACE FUNCTION chronomap_region_members_change() RETURNS trigger LANGUAGE "
                          "plpgsql SET TimeZone = 'UTC' AS $$ DECLARE members text := TG_TABLE_NAME || "
                          "'_region_members'; BEGIN IF TG_OP = 'TRUNCATE' THEN EXECUTE format('DELETE FROM %I', "
                          "members); RETURN NULL; END IF; IF TG_OP IN ('DELETE', 'UPDATE') THEN EXECUTE "
                          "format('DELETE FROM %I WHERE fid IN (SELECT fid FROM chronomap_old)', members); END IF; "
                          "IF TG_OP IN ('INSERT', 'UPDATE') THEN EXECUTE format('%1', members); END IF; RETURN "
                          "NULL; END $$")
               .arg(insert);
    sql << changeTriggers(table, QStringLiteral("chronomap_members"),
                          QStringLiteral("chronomap_region_members_change"));
    return sql;
}

QStringList RegionTable::memberStatements(const QString &table)
{
    return memberTableStatements(table) << memberFillStatements(table) << memberIndexStatements(table);
}

} // namespace chronomap
