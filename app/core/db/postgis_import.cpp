// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/db/postgis_import.h"

#include "core/db/copy_text_row.h"
#include "core/db/pg_connection.h"
#include "core/db/region_member_rows.h"

#include "core/geo/region_grid.h"
#include "core/io/bin_pyramid.h"
#include "core/io/bin_pyramid_counts.h"
#include "core/io/database_source.h"
#include "core/io/event_layer_writer.h"
#include "core/io/region_table.h"

#include <QCoreApplication>
#include <QGeoCoordinate>

#include <algorithm>
#include <cmath>
#include <optional>

namespace chronomap {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("chronomap::PostgisImport", text); // lupdate's context for it
}

/// Where a point falls on a Z-order curve over lon/lat (16 bits each, interleaved): events near
/// each other on the map are near each other in the order.
quint32 zOrder(double lonDeg, double latDeg)
{
    const auto spread = [](quint32 v) {
        v &= 0xffff;
        v = (v | (v << 8)) & 0x00ff00ffu;
        v = (v | (v << 4)) & 0x0f0f0f0fu;
        v = (v | (v << 2)) & 0x33333333u;
        return (v | (v << 1)) & 0x55555555u;
    };
    const auto scaled = [](double value, double min, double span) {
        return quint32(std::clamp((value - min) / span, 0.0, 1.0) * 65535);
    };
    return spread(scaled(lonDeg, -180, 360)) | (spread(scaled(latDeg, -90, 180)) << 1);
}

/// The events in the order the table gets them: along the Z-order curve (place-less ones last),
/// so that a view's rows sit on few pages and a live query reads those only.
EventStore::IndexList spatialOrder(const EventStore &store)
{
    std::vector<std::pair<quint64, EventStore::Index>> keyed;
    keyed.reserve(size_t(store.size()));
    for (EventStore::Index i = 0; i < store.size(); ++i) {
        const double lon = store.lonDeg(i), lat = store.latDeg(i);
        const bool placed = std::isfinite(lon) && std::isfinite(lat);
        keyed.emplace_back(placed ? quint64(zOrder(lon, lat)) : quint64(1) << 32, i);
    }
    std::sort(keyed.begin(), keyed.end());
    EventStore::IndexList order;
    order.reserve(keyed.size());
    for (const auto &[key, index] : keyed)
        order.push_back(index);
    return order;
}

/// The bin pyramid of the rows EventLayerWriter writes with a POINT geometry (a point event
/// with a valid place), counted here: the server counting them again cost a quarter of the
/// import (31 of 131 s for 1M rows at load 8).
BinPyramidCounts pyramidOf(const EventStore &store)
{
    BinPyramidCounts counts;
    for (EventStore::Index i = 0; i < store.size(); ++i) {
        const double lon = store.lonDeg(i), lat = store.latDeg(i);
        if (store.geometryKind(i) == GeometryKind::Point && QGeoCoordinate(lat, lon).isValid())
            counts.add(lon, lat, store.category(i));
    }
    return counts;
}

} // namespace

QStringList PostgisImport::tablesBeside(const QString &table)
{
    return {BinPyramid::binsTable(table), BinPyramid::spanTable(table), RegionTable::regionsTable(table),
            RegionTable::membersTable(table)};
}

namespace {

/// The main table as GDAL's PostgreSQL driver made it (CreateLayer with FID=fid, GEOMETRY_NAME=geom,
/// PRECISION=NO, a geometry of any type in EPSG:4326): a serial `fid` key, Chronomap's columns,
/// `geom` last. Tables imported before and after read the same.
QByteArray createTable(const QString &table, const EventLayerWriter &writer)
{
    const QByteArray name = table.toUtf8();
    return "CREATE TABLE \"" + name + "\" (\"fid\" serial, " + writer.sqlColumns().join(", ") +
           ", \"geom\" geometry(Geometry,4326), CONSTRAINT \"" + name + "_pkey\" PRIMARY KEY (\"fid\"))";
}

/// The COPY of every row, in the writer's order: `fid` is left to its sequence, so the rows get
/// 1, 2, 3… in that order, as through GDAL's driver.
QByteArray copyStatement(const QString &table, const EventLayerWriter &writer)
{
    QByteArrayList names;
    for (const QByteArray &definition : writer.sqlColumns())
        names.append(definition.left(definition.lastIndexOf('"') + 1));
    return "COPY \"" + table.toUtf8() + "\" (" + names.join(", ") + ", \"geom\") FROM STDIN";
}

/// A `COPY … FROM STDIN` of `rows` rows, each appended as COPY text by `writeRow(k, chunk)`,
/// sent in chunks of some hundred kilobytes; `writeRow` returning false aborts it.
PgOutcome copyRows(PgConnection &connection, const QByteArray &statement, qsizetype rows,
                   const std::function<bool(qsizetype k, QByteArray &chunk)> &writeRow)
{
    qsizetype next = 0;
    return connection.copyIn(statement, [&](QByteArray &chunk) {
        constexpr qsizetype kChunkBytes = 256 * 1024;
        while (next < rows && chunk.size() < kChunkBytes)
            if (!writeRow(next++, chunk)) return PgConnection::CopyStep::Abort;
        return next < rows ? PgConnection::CopyStep::More : PgConnection::CopyStep::Done;
    });
}

} // namespace

bool PostgisImport::write(const EventStore &store, const QString &source, const QString &table,
                          const RegionIndex *regions, QString *error,
                          const std::function<void(qint64 written)> &progress)
{
    auto fail = [&](const QString &why) {
        if (error) *error = why;
        return false;
    };
    if (!DatabaseSource::isPlainIdentifier(table))
        return fail(tr("'%1' is not a plain table name (lower-case letters, digits and _)").arg(table));
    QString why;
    const std::unique_ptr<PgConnection> connection = PgConnection::open(source, &why);
    if (!connection) return fail(why);
    auto exists = [&](const QString &name) {
        const PgOutcome found = connection->query("SELECT to_regclass(quote_ident($1)) IS NOT NULL", {name.toUtf8()});
        return found.status == PgStatus::Ok && found.rows.size() == 1 && found.rows.text(0, 0) == u"t";
    };
    if (exists(table))
        return fail(tr("the table %1 already exists; nothing was written (choose another with --table)").arg(table));
    for (const QString &beside : tablesBeside(table)) {
        if (exists(beside))
            return fail(tr("the table %1 (kept beside a table %2, dropped without it?) already exists; nothing was "
                           "written (drop it, or choose another name with --table)")
                            .arg(beside, table));
    }
    auto run = [&](const QByteArray &sql) {
        const PgOutcome outcome = connection->execute(sql);
        if (outcome.status != PgStatus::Ok) why = outcome.message;
        return outcome.status == PgStatus::Ok;
    };
    if (!run("BEGIN")) return fail(tr("cannot start a transaction: %1").arg(why));

    const bool ok = [&] {
        const EventStore::IndexList order = spatialOrder(store);
        EventLayerWriter writer(store, order, EventLayerWriter::Style::Nested);
        // Each row's regions from the app's own index (RegionMembership's rule), written with
        // the row (a grid before the index: a million points): a region click then reads an index.
        std::optional<RegionGrid> grid;
        // The row's located codes, for its column and for its members: asked twice, computed once.
        QStringList located;
        EventStore::Index locatedEvent = -1;
        const auto locatedIn = [&](EventStore::Index i) -> const QStringList & {
            if (i != locatedEvent) {
                located = RegionTable::locatedIn(*grid, store, i);
                locatedEvent = i;
            }
            return located;
        };
        RegionMemberRows members(store);
        if (regions) {
            grid.emplace(*regions);
            writer.addListColumn(RegionTable::kColumn, locatedIn);
        }
        // The GiST index is made after the rows (below): built in one sorted pass, not kept up to
        // date through a million rows of the COPY.
        if (!run(createTable(table, writer))) return false;
        // The rows straight from the store as COPY text, in chunks of some hundred kilobytes.
        const qsizetype rows = qsizetype(order.size());
        // The writer's columns and the geometry: a row of another length would shift its values.
        const int fields = int(writer.sqlColumns().size()) + 1;
        why.clear();
        const PgOutcome copied =
            copyRows(*connection, copyStatement(table, writer), rows, [&](qsizetype k, QByteArray &chunk) {
                CopyTextRow row(chunk);
                writer.writeRow(k, row);
                if (const int written = row.end(); written != fields) {
                    why = tr("internal error: row %1 has %2 values for the table's %3 columns")
                              .arg(k + 1)
                              .arg(written)
                              .arg(fields);
                    return false;
                }
                if (regions) members.add(k, order[size_t(k)], locatedIn(order[size_t(k)]));
                if (progress && (k + 1) % 4096 == 0) progress(k + 1);
                return true;
            });
        if (copied.status != PgStatus::Ok) {
            if (why.isEmpty()) why = copied.message;
            return false;
        }
        if (progress) progress(rows);
        // The indexes (the geometry's, the time columns', the region codes') and the change trigger.
        QStringList sql = {
            QStringLiteral("CREATE INDEX \"%1_geom_idx\" ON \"%1\" USING gist (geom)").arg(table),
            QStringLiteral("CREATE INDEX \"%1_start_idx\" ON \"%1\" (\"start\")").arg(table),
            QStringLiteral("CREATE INDEX \"%1_end_idx\" ON \"%1\" (\"end\")").arg(table),
            // A region click's coded events (LiveTable::regionEvents' `regions @>`).
            QStringLiteral("CREATE INDEX \"%1_regions_idx\" ON \"%1\" USING gin (regions)").arg(table),
            QStringLiteral("CREATE OR REPLACE FUNCTION chronomap_notify_change() RETURNS trigger LANGUAGE plpgsql "
                           "AS $$ BEGIN PERFORM pg_notify('%1', TG_TABLE_NAME); RETURN NULL; END $$")
                .arg(QLatin1String(kNotifyChannel)),
            QStringLiteral("CREATE TRIGGER \"%1_chronomap_notify\" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "
                           "\"%1\" FOR EACH STATEMENT EXECUTE FUNCTION chronomap_notify_change()")
                .arg(table),
        };
        const BinPyramidCounts pyramid = pyramidOf(store);
        sql << BinPyramid::buildStatements(table, &pyramid);
        if (regions)
            sql << RegionTable::buildStatements(table, *regions) << RegionTable::triggerStatements(table)
                << RegionTable::memberTableStatements(table);
        for (const QString &statement : std::as_const(sql))
            if (!run(statement.toUtf8())) return false;
        if (regions) {
            // The members from what the rows were written from, in the click index's order.
            members.sort();
            const PgOutcome membersCopied = copyRows(*connection,
                                                     "COPY \"" + RegionTable::membersTable(table).toUtf8() +
                                                         "\" (code, start_at, id, fid, end_at, category) FROM STDIN",
                                                     members.size(), [&](qsizetype k, QByteArray &chunk) {
                                                         members.writeRow(k, chunk);
                                                         return true;
                                                     });
            if (membersCopied.status != PgStatus::Ok) {
                why = membersCopied.message;
                return false;
            }
            for (const QString &statement : RegionTable::memberIndexStatements(table))
                if (!run(statement.toUtf8())) return false;
        }
        return run("COMMIT");
    }();
    if (!ok) {
        connection->execute("ROLLBACK"); // after a dropped connection there is nothing to roll back
        return fail(why);
    }
    if (regions) {
        // A region click counts its members from the members index alone once the visibility map
        // says its pages are all visible, which only a VACUUM sets (it cannot run in the
        // transaction); autovacuum would come a minute or two later. The import is committed:
        // a failure here costs the first click's speed only, so it is not reported.
        connection->execute("VACUUM (ANALYZE) \"" + RegionTable::membersTable(table).toUtf8() + '"');
    }
    return true;
}

} // namespace chronomap
