// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/db/live_table.h"

#include "core/db/pg_integer_array.h"
#include "core/huge_pages.h"
#include "core/io/bin_pyramid.h"
#include "core/io/database_source.h"
#include "core/model/record_json.h"
#include "core/store/event_filter.h"

#include <QCoreApplication>
#include <QGeoCoordinate>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <limits>

namespace chronomap {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("chronomap::LiveTable", text);
}

/// The latitude Web Mercator stops at (render's WebMercator::kMaxLatDeg): points beyond are
/// clamped to it, as the map does, instead of failing the transform.
constexpr const char *kMaxLatDeg = "85.0511287798066";

/// The point's Web Mercator x and y (EPSG:3857, metres) by the map's own formula
/// (WebMercator::toMercatorM, latitude clamped as there): the same cells as in memory, and half
/// the time of ST_Transform through PROJ (1M rows: 1.1 s against 2.1 s at load 7 on 2 cores).
QString mercatorX()
{
    return QStringLiteral("(6378137.0 * radians(ST_X(geom)))");
}

QString mercatorY()
{
    return QStringLiteral("(6378137.0 * ln(tan(pi() / 4 + radians(greatest(-%1, least(%1, ST_Y(geom)))) / 2)))")
        .arg(QLatin1String(kMaxLatDeg));
}

/// Each of the region's rings as a POLYGON (WKT, lon lat), closed; rings of fewer than three
/// points left out, as RegionIndex leaves them.
QByteArrayList ringWkts(const AreaFeature &region)
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

/// Reads the geometry of a row (GeoJSON from ST_AsGeoJSON) into an event.
void readGeometry(const QByteArray &geoJson, Event &event)
{
    const QJsonObject geometry = QJsonDocument::fromJson(geoJson).object();
    const auto coordinate = [](const QJsonValue &v) {
        const QJsonArray xy = v.toArray();
        return QGeoCoordinate(xy.at(1).toDouble(), xy.at(0).toDouble());
    };
    const QString type = geometry.value(QLatin1String("type")).toString();
    if (type == u"Point") {
        event.geometryKind = GeometryKind::Point;
        event.geometry = {coordinate(geometry.value(QLatin1String("coordinates")))};
    } else if (type == u"LineString") {
        event.geometryKind = GeometryKind::Line;
        for (const QJsonValue &v : geometry.value(QLatin1String("coordinates")).toArray())
            event.geometry.append(coordinate(v));
    }
}

/// The columns the map, the timeline and the lists draw (the rest, sources and claims, is read
/// when one event is opened), each prefixed by `alias` (`t.` or nothing); storeOf reads them.
QString eventColumns(const QString &alias)
{
    QStringList columns;
    for (const char *column : {"id", "\"start\"", "\"end\"", "category", "title", "summary", "array_to_json(%1regions)",
                               "confidence", "provenance", "location_precision", "ST_AsGeoJSON(%1geom, 15)"}) {
        const QString c = QLatin1String(column);
        columns << (c.contains(QLatin1String("%1")) ? c.arg(alias) : alias + c);
    }
    return columns.join(QLatin1String(", "));
}

/// The events of `rows`, whose eventColumns start at `first`.
std::shared_ptr<const EventStore> storeOf(const PgRows &rows, int first)
{
    EventStoreBuilder builder;
    builder.reserve(rows.size());
    for (int r = 0; r < rows.size(); ++r) {
        const auto text = [&](int c) { return rows.text(r, first + c); };
        const auto isNull = [&](int c) { return rows.isNull(r, first + c); };
        Event e;
        e.id = text(0);
        const auto when = TimeSpan::parse(text(1), text(2));
        if (!when) continue; // the import writes only dates it parsed; another writer's row is skipped
        e.when = *when;
        e.category = text(3);
        if (!isNull(4)) e.title.insert(QString(), text(4));
        if (!isNull(5)) e.summary.insert(QString(), text(5));
        for (const QJsonValue &code : QJsonDocument::fromJson(rows.bytes(r, first + 6)).array())
            e.regions.append(code.toString());
        e.confidence = confidenceFromString(text(7));
        e.provenance = text(8);
        e.locationPrecision = locationPrecisionFromString(text(9)).value_or(LocationPrecision::Unstated);
        if (!isNull(10)) readGeometry(rows.bytes(r, first + 10), e);
        builder.add(e);
    }
    return builder.build();
}

} // namespace

std::unique_ptr<LiveTable> LiveTable::open(const QString &source, QString *error)
{
    const QString table = DatabaseSource::option(source, QStringLiteral("tables"));
    const QString redacted = DatabaseSource::redacted(source);
    if (!DatabaseSource::isPlainIdentifier(table)) {
        if (error)
            *error = tr("%1: name one table made by --import-pg with tables=NAME (lower-case letters, digits and _)")
                         .arg(redacted);
        return nullptr;
    }
    auto connection = PgConnection::open(source, error);
    if (!connection) return nullptr;
    const PgOutcome columns = connection->query(
        "SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = current_schema() AND "
        "table_name = $1",
        {table.toUtf8()});
    if (columns.status != PgStatus::Ok) {
        if (error) *error = tr("%1: %2").arg(redacted, columns.message);
        return nullptr;
    }
    QHash<QString, QString> types;
    for (int r = 0; r < columns.rows.size(); ++r)
        types.insert(columns.rows.text(r, 0), columns.rows.text(r, 1));
    if (types.isEmpty()) {
        if (error) *error = tr("%1: there is no table %2").arg(redacted, table);
        return nullptr;
    }
    for (const char *needed : {"id", "start", "end", "category", "title", "regions", "geom"}) {
        if (!types.contains(QLatin1String(needed))) {
            if (error)
                *error = tr("%1: the table %2 has no column %3 (tables made by chronomap --import-pg have it)")
                             .arg(redacted, table, QLatin1String(needed));
            return nullptr;
        }
    }
    // EventStore::searchableText: titles and summaries in every language, actors, places, the
    // sources' names and addresses.
    QStringList searchable;
    for (auto it = types.cbegin(); it != types.cend(); ++it) {
        const QString &name = it.key();
        if ((name.startsWith(QLatin1String("title")) || name.startsWith(QLatin1String("summary"))) &&
            (it.value() == u"text" || it.value() == u"character varying"))
            searchable << QStringLiteral("\"%1\"").arg(name);
        else if ((name == u"actors" || name == u"places") && it.value() == u"ARRAY")
            searchable << QStringLiteral("array_to_string(\"%1\", E'\\n')").arg(name);
    }
    if (types.contains(QStringLiteral("sources")))
        searchable << QStringLiteral(
            "CASE WHEN json_typeof(sources::json) = 'array' THEN (SELECT string_agg(concat_ws(E'\\n', s->>'name', "
            "s->>'url'), E'\\n') FROM json_array_elements(sources::json) s) END");
    searchable.sort(); // a stable order, whatever the server's
    // A pyramid in the packed layout (BinPyramid); one of an older import is not read.
    const PgOutcome pyramid = connection->query(
        "SELECT to_regclass($2) IS NOT NULL AND (SELECT count(*) = 2 FROM information_schema.columns WHERE "
        "table_schema = current_schema() AND table_name = $1 AND column_name IN ('cxs', 'counts'))",
        {BinPyramid::binsTable(table).toUtf8(), BinPyramid::spanTable(table).toUtf8()});
    if (pyramid.status != PgStatus::Ok) {
        if (error) *error = tr("%1: %2").arg(redacted, pyramid.message);
        return nullptr;
    }
    auto live = std::unique_ptr<LiveTable>(
        new LiveTable(std::move(connection), table,
                      QStringLiteral("concat_ws(E'\\n', %1)").arg(searchable.join(QLatin1String(", ")))));
    live->m_hasPyramid = pyramid.rows.text(0, 0) == u"t";
    return live;
}

LiveTable::LiveTable(std::unique_ptr<PgConnection> connection, QString table, QString searchable)
    : m_connection(std::move(connection)), m_table(std::move(table)), m_searchable(std::move(searchable))
{}

template<typename T> LiveResult<T> LiveTable::failure(const PgOutcome &outcome) const
{
    LiveResult<T> result;
    result.status = outcome.status;
    const QString database = m_connection->redactedSource();
    switch (outcome.status) {
    case PgStatus::Lost:
        result.message =
            tr("the connection to the database %1 was lost (table %2): %3").arg(database, m_table, outcome.message);
        break;
    case PgStatus::Cancelled:
        result.message = tr("the query was cancelled");
        break;
    default:
        result.message = tr("the database %1 refused a query on table %2: %3").arg(database, m_table, outcome.message);
    }
    return result;
}

LiveResult<qint64> LiveTable::estimatedRows()
{
    const PgOutcome estimate =
        m_connection->query("SELECT reltuples::bigint FROM pg_class WHERE oid = $1::regclass", {m_table.toUtf8()});
    if (estimate.status != PgStatus::Ok) return failure<qint64>(estimate);
    LiveResult<qint64> result;
    result.value = estimate.rows.size() ? estimate.rows.integer(0, 0) : -1;
    if (result.value >= 0) return result;
    // Never analysed (reltuples -1): counted, once.
    const PgOutcome counted = m_connection->query(QStringLiteral("SELECT count(*) FROM \"%1\"").arg(m_table).toUtf8());
    if (counted.status != PgStatus::Ok) return failure<qint64>(counted);
    result.value = counted.rows.integer(0, 0);
    return result;
}

LiveResult<std::vector<LiveBin>> LiveTable::bins(const LiveFilter &filter, const SquareBinGrid &grid)
{
    if (grid.level < 0) return freeGridBins(filter, grid);
    const LiveResult<bool> pyramid = binsFromPyramid(filter, grid);
    if (!pyramid.ok()) {
        LiveResult<std::vector<LiveBin>> failed;
        failed.status = pyramid.status;
        failed.message = pyramid.message;
        return failed;
    }
    return pyramid.value ? pyramidBins(filter, grid) : levelBins(filter, grid);
}

LiveResult<std::vector<LiveBin>> LiveTable::rowBins(const LiveFilter &filter, const SquareBinGrid &grid)
{
    return grid.level < 0 ? freeGridBins(filter, grid) : levelBins(filter, grid);
}

LiveResult<std::vector<LiveBin>> LiveTable::levelBins(const LiveFilter &filter, const SquareBinGrid &grid)
{
    SqlParams params;
    const QPoint origin = grid.worldOrigin();
    const QString originX = params.add(QByteArray::number(origin.x()));
    const QString originY = params.add(QByteArray::number(origin.y()));
    // The cells the view touches, whole (SquareBinGrid::cellsOver), in world cells.
    QString cells = QStringLiteral("TRUE"), rowsBox = QStringLiteral("TRUE");
    LiveFilter rowFilter = filter;
    if (filter.mercatorBoxM) {
        const QRect range = grid.cellsOver(*filter.mercatorBoxM).translated(origin);
        cells = QStringLiteral("cx BETWEEN %1 AND %2 AND cy BETWEEN %3 AND %4")
                    .arg(params.add(QByteArray::number(range.left())), params.add(QByteArray::number(range.right())),
                         params.add(QByteArray::number(range.top())), params.add(QByteArray::number(range.bottom())));
        // The rows: those of the cells' box in degrees, a little wider (the conversion rounds),
        // the world's edges taken to the poles and the antimeridian (the map clamps points
        // beyond 85.05° onto its edge); the cells then chosen exactly.
        const double half = SquareBinGrid::kWorldWidthM / 2, degrees = 180 / 3.14159265358979323846;
        const auto lonOf = [&](double x) { return std::clamp(x / 6378137.0 * degrees, -180.0, 180.0); };
        const auto latOf = [&](double y) {
            return y >= half ? 90.0 : y <= -half ? -90.0 : std::atan(std::sinh(y / 6378137.0)) * degrees;
        };
        const double margin = 1e-7;
        rowFilter.mercatorBoxM.reset();
        rowsBox = QStringLiteral("geom && ST_MakeEnvelope(%1, %2, %3, %4, 4326)")
                      .arg(params.add(lonOf(range.left() * grid.cellM - half) - margin),
                           params.add(latOf(half - (range.bottom() + 1) * grid.cellM) - margin),
                           params.add(lonOf((range.right() + 1) * grid.cellM - half) + margin),
                           params.add(latOf(half - range.top() * grid.cellM) + margin));
    }
    // SquareBinGrid::worldCellOf in SQL, as BinPyramid counts.
    const QString where = rowFilter.where(params, m_searchable) + QLatin1String(" AND ") + rowsBox;
    const QString half = params.add(SquareBinGrid::kWorldWidthM / 2);
    const QString cell = params.add(grid.cellM);
    const QString sql =
        QStringLiteral("SELECT cx - %1, cy - %2, category, count(*) FROM (SELECT floor((%3 + %5) / %6)::int AS cx, "
                       "floor((%5 - %4) / %6)::int AS cy, coalesce(category, '') AS category FROM \"%7\" WHERE "
                       "GeometryType(geom) = 'POINT' AND %8) rows WHERE %9 GROUP BY 1, 2, 3")
            .arg(originX, originY, mercatorX(), mercatorY(), half, cell, m_table, where, cells);
    return readBins(sql, params);
}

LiveResult<std::vector<LiveBin>> LiveTable::pyramidBins(const LiveFilter &filter, const SquareBinGrid &grid)
{
    // The pyramid keeps a level's cells packed, one row per grid row and category (BinPyramid):
    // the view's rows are chosen in SQL, its columns here, while the arrays are read.
    SqlParams params;
    const QPoint origin = grid.worldOrigin();
    QRect range(QPoint(std::numeric_limits<int>::min(), std::numeric_limits<int>::min()),
                QPoint(std::numeric_limits<int>::max(), std::numeric_limits<int>::max()));
    if (filter.mercatorBoxM) range = grid.cellsOver(*filter.mercatorBoxM).translated(origin);
    QString shown = QStringLiteral("TRUE");
    if (!filter.hiddenCategories.isEmpty())
        shown = QStringLiteral("NOT (category = ANY(%1::text[]))")
                    .arg(params.add(
                        pgArrayLiteral(QStringList(filter.hiddenCategories.begin(), filter.hiddenCategories.end()))));
    const QString sql =
        QStringLiteral("SELECT cy, category, cxs, counts FROM \"%1\" WHERE level = %2 AND cy BETWEEN "
                       "%3 AND %4 AND %5")
            .arg(BinPyramid::binsTable(m_table), params.add(QByteArray::number(grid.level)),
                 params.add(QByteArray::number(range.top())), params.add(QByteArray::number(range.bottom())), shown);
    const PgOutcome outcome = m_connection->query(sql.toUtf8(), params.values());
    if (outcome.status != PgStatus::Ok) return failure<std::vector<LiveBin>>(outcome);
    LiveResult<std::vector<LiveBin>> result;
    const PgRows &rows = outcome.rows;
    // A whole map is 1.8M bins (58 MB): reserved once and on huge pages, not grown and faulted
    // in 4 KiB at a time.
    qsizetype cells = 0;
    for (int r = 0; r < rows.size(); ++r)
        cells += rows.view(r, 2).count(',') + 1;
    result.value.reserve(size_t(cells));
    adviseHugePages(result.value);
    for (int r = 0; r < rows.size(); ++r) {
        const int y = int(rows.integer(r, 0)) - origin.y();
        const QString category = rows.text(r, 1);
        PgIntegerArray cxs(rows.view(r, 2)), counts(rows.view(r, 3));
        qint64 cx = 0, count = 0;
        while (cxs.next(&cx) && counts.next(&count)) {
            if (cx < range.left() || cx > range.right() || count <= 0) continue;
            result.value.push_back({QPoint(int(cx) - origin.x(), y), category, count});
        }
    }
    return result;
}

LiveResult<std::vector<LiveBin>> LiveTable::freeGridBins(const LiveFilter &filter, const SquareBinGrid &grid)
{
    SqlParams params;
    const QString where = filter.where(params, m_searchable);
    // SquareBinGrid::cellOf in SQL: whole cells east and south of the grid's corner.
    const QString west = params.add(grid.northWestM.x());
    const QString north = params.add(grid.northWestM.y());
    const QString cell = params.add(grid.cellM);
    const QString sql = QStringLiteral("SELECT floor((%1 - %3) / %5)::int, floor((%4 - %2) / %5)::int, "
                                       "coalesce(category, ''), count(*) FROM \"%6\" WHERE GeometryType(geom) = "
                                       "'POINT' AND %7 GROUP BY 1, 2, 3")
                            .arg(mercatorX(), mercatorY(), west, north, cell, m_table, where);
    return readBins(sql, params);
}

LiveResult<bool> LiveTable::binsFromPyramid(const LiveFilter &filter, const SquareBinGrid &grid)
{
    LiveResult<bool> result;
    if (!m_hasPyramid || grid.level > BinPyramid::kTopLevel || !EventFilter::searchWords(filter.searchText).isEmpty() ||
        filter.hidesConfidenceOrProvenance())
        return result;
    if (!filter.window) {
        result.value = true;
        return result;
    }
    // A window holding every row's whole span lets every row through, by either rule.
    const PgOutcome span = m_connection->query(
        QStringLiteral("SELECT from_ms, to_ms FROM \"%1\"").arg(BinPyramid::spanTable(m_table)).toUtf8());
    if (span.status != PgStatus::Ok) return failure<bool>(span);
    result.value = span.rows.size() == 1 && !span.rows.isNull(0, 0) &&
                   span.rows.integer(0, 0) >= filter.window->fromMs && span.rows.integer(0, 1) <= filter.window->toMs;
    return result;
}

LiveResult<std::vector<LiveBin>> LiveTable::readBins(const QString &sql, const SqlParams &params)
{
    const PgOutcome outcome = m_connection->query(sql.toUtf8(), params.values());
    if (outcome.status != PgStatus::Ok) return failure<std::vector<LiveBin>>(outcome);
    LiveResult<std::vector<LiveBin>> result;
    const PgRows &rows = outcome.rows;
    result.value.reserve(size_t(rows.size()));
    // A whole map is millions of bins of a few categories: each category's text made once.
    std::vector<std::pair<QByteArray, QString>> categories;
    for (int r = 0; r < rows.size(); ++r) {
        const QByteArrayView category = rows.view(r, 2);
        auto known = std::find_if(categories.begin(), categories.end(),
                                  [&](const auto &c) { return QByteArrayView(c.first) == category; });
        if (known == categories.end())
            known = categories.insert(categories.end(), {category.toByteArray(), rows.text(r, 2)});
        result.value.push_back(
            {QPoint(int(rows.integer(r, 0)), int(rows.integer(r, 1))), known->second, rows.integer(r, 3)});
    }
    return result;
}

LiveResult<std::vector<LiveTimeBin>> LiveTable::timelineDensity(const LiveFilter &filter, const QString &unit)
{
    static const QStringList units = {QStringLiteral("year"), QStringLiteral("quarter"), QStringLiteral("month"),
                                      QStringLiteral("week"), QStringLiteral("day"),     QStringLiteral("hour")};
    if (!units.contains(unit)) {
        LiveResult<std::vector<LiveTimeBin>> refused;
        refused.status = PgStatus::Failed;
        refused.message = tr("'%1' is not a timeline unit").arg(unit);
        return refused;
    }
    SqlParams params;
    const QString where = filter.where(params, m_searchable);
    const QString sql =
        QStringLiteral("SELECT (extract(epoch FROM date_trunc(%1, %2)) * 1000)::bigint, "
                       "coalesce(category, ''), count(*) FROM \"%3\" WHERE %4 GROUP BY 1, 2 ORDER BY 1, 2")
            .arg(params.add(unit), LiveSql::earliestStart(), m_table, where);
    const PgOutcome outcome = m_connection->query(sql.toUtf8(), params.values());
    if (outcome.status != PgStatus::Ok) return failure<std::vector<LiveTimeBin>>(outcome);
    LiveResult<std::vector<LiveTimeBin>> result;
    for (int r = 0; r < outcome.rows.size(); ++r)
        result.value.push_back({outcome.rows.integer(r, 0), outcome.rows.text(r, 1), outcome.rows.integer(r, 2)});
    return result;
}

LiveResult<LiveEvents> LiveTable::regionEvents(const LiveFilter &filter, const AreaFeature &region, qsizetype page)
{
    SqlParams params;
    const QString where = filter.where(params, m_searchable);
    // The code as an array literal of no stated type: the server reads it as the column's
    // (varchar[] from the import, text[] elsewhere), so that the GIN index on `regions` serves.
    const QString coded = QStringLiteral("regions @> %1").arg(params.add(pgArrayLiteral({region.code})));
    // RegionMembership::eventsIn: coded to the region, or a point inside it, or a line with a
    // vertex inside; "inside" is even-odd over the region's rings, as RegionIndex counts: the
    // rings a point is in, summed (each ring a constant, which PostGIS prepares once for all rows).
    QStringList inRings;
    for (const QByteArray &ring : ringWkts(region))
        inRings << QStringLiteral("ST_Intersects(ST_GeomFromText(%1, 4326), %2)::int").arg(params.add(ring));
    double west = 0, south = 0, east = -1, north = -1;
    for (const LonLatRing &ring : region.rings) {
        for (const QPointF &p : ring) {
            const bool first = east < west;
            west = first ? p.x() : std::min(west, p.x());
            east = first ? p.x() : std::max(east, p.x());
            south = first ? p.y() : std::min(south, p.y());
            north = first ? p.y() : std::max(north, p.y());
        }
    }
    const QString inside =
        inRings.isEmpty() ? QStringLiteral("false") : QStringLiteral("(%1) % 2 = 1").arg(inRings.join(u'+'));
    const QString regionBox = inRings.isEmpty()
                                  ? QStringLiteral("NULL::geometry")
                                  : QStringLiteral("ST_MakeEnvelope(%1, %2, %3, %4, 4326)")
                                        .arg(params.add(west), params.add(south), params.add(east), params.add(north));
    // The first OR is the indexes' (GIN on regions, GiST on geom with the region's box: a
    // BitmapOr), the second the exact test on what they let through.
    const QString member =
        QStringLiteral("(%1 OR geom && %2) AND (%1 OR CASE GeometryType(geom) WHEN 'POINT' THEN %3 WHEN "
                       "'LINESTRING' THEN EXISTS (SELECT 1 FROM ST_DumpPoints(geom) v WHERE %4) ELSE false END)")
            .arg(coded, regionBox, QString(inside).replace(QLatin1String("%2"), QLatin1String("geom")),
                 QString(inside).replace(QLatin1String("%2"), QLatin1String("v.geom")));
    // The members' rows and start once (a materialized CTE), counted whole; the page's rows read
    // back by ctid in the store's order (earliest start, then id).
    const QString sql =
        QStringLiteral(
            "WITH members AS MATERIALIZED (SELECT ctid AS row_id, %1 AS s, id FROM \"%2\" WHERE %3 AND %4), "
            "page AS (SELECT * FROM members ORDER BY s, id COLLATE \"C\" LIMIT %5) SELECT (SELECT count(*) FROM "
            "members), %6 FROM page JOIN \"%2\" t ON t.ctid = page.row_id ORDER BY page.s, page.id COLLATE \"C\"")
            .arg(LiveSql::earliestStart(), m_table, where, member)
            .arg(std::max<qsizetype>(page, 0))
            .arg(eventColumns(QStringLiteral("t.")));
    return readPage(sql, params);
}

LiveResult<LiveEvents> LiveTable::readPage(const QString &sql, const SqlParams &params)
{
    const PgOutcome outcome = m_connection->query(sql.toUtf8(), params.values());
    if (outcome.status != PgStatus::Ok) return failure<LiveEvents>(outcome);
    LiveResult<LiveEvents> result;
    result.value.store = storeOf(outcome.rows, 1);
    result.value.total = outcome.rows.size() ? outcome.rows.integer(0, 0) : 0;
    return result;
}

LiveResult<LiveEvents> LiveTable::events(const LiveFilter &filter, qsizetype limit)
{
    SqlParams params;
    const QString where = filter.where(params, m_searchable);
    return readEvents(where, params, limit);
}

LiveResult<LiveEvents> LiveTable::readEvents(const QString &where, const SqlParams &params, qsizetype limit)
{
    QString sql = QStringLiteral("SELECT %1 FROM \"%2\" WHERE %3").arg(eventColumns(QString()), m_table, where);
    if (limit >= 0) sql += QStringLiteral(" LIMIT %1").arg(limit + 1);
    const PgOutcome outcome = m_connection->query(sql.toUtf8(), params.values());
    if (outcome.status != PgStatus::Ok) return failure<LiveEvents>(outcome);
    LiveResult<LiveEvents> result;
    if (limit >= 0 && outcome.rows.size() > limit) {
        result.value.tooMany = true;
        return result;
    }
    result.value.store = storeOf(outcome.rows, 0);
    result.value.total = outcome.rows.size();
    return result;
}

namespace {

/// A JSON column of a row (row_to_json gives json columns as JSON, text ones as strings).
QJsonArray jsonArrayOf(const QJsonValue &v)
{
    if (v.isArray()) return v.toArray();
    if (v.isString()) return QJsonDocument::fromJson(v.toString().toUtf8()).array();
    return {};
}

QStringList textListOf(const QJsonValue &v)
{
    QStringList list;
    for (const QJsonValue &item : jsonArrayOf(v))
        if (!item.toString().isEmpty()) list << item.toString();
    return list;
}

/// The event of one row as row_to_json gives it, with every column EventLayerWriter writes;
/// its geometry from ST_AsGeoJSON. nullopt when its dates do not parse.
std::optional<Event> eventOfRow(const QJsonObject &row, const QByteArray &geoJson)
{
    Event e;
    e.id = row.value(QLatin1String("id")).toString();
    const auto when =
        TimeSpan::parse(row.value(QLatin1String("start")).toString(), row.value(QLatin1String("end")).toString());
    if (!when) return std::nullopt;
    e.when = *when;
    e.category = row.value(QLatin1String("category")).toString();
    for (auto it = row.begin(); it != row.end(); ++it) {
        const QString &key = it.key();
        const QString text = it.value().toString();
        if (text.isEmpty()) continue;
        // `title`, `title_es`…: the language after the underscore ("" for the default).
        for (auto [prefix, texts] :
             {std::pair{QLatin1String("title"), &e.title}, std::pair{QLatin1String("summary"), &e.summary}}) {
            if (key == prefix)
                texts->insert(QString(), text);
            else if (key.startsWith(QString(prefix) + u'_'))
                texts->insert(key.mid(prefix.size() + 1), text);
        }
    }
    e.regions = textListOf(row.value(QLatin1String("regions")));
    e.actors = textListOf(row.value(QLatin1String("actors")));
    e.places = textListOf(row.value(QLatin1String("places")));
    for (const QJsonValue &v : jsonArrayOf(row.value(QLatin1String("sources"))))
        e.sources << RecordJson::sourceFromJson(v.toObject());
    for (const QJsonValue &v : jsonArrayOf(row.value(QLatin1String("claims"))))
        e.claims << RecordJson::claimFromJson(v.toObject());
    for (const QJsonValue &v : jsonArrayOf(row.value(QLatin1String("related"))))
        e.related << RecordJson::relatedFromJson(v.toObject());
    e.confidence = confidenceFromString(row.value(QLatin1String("confidence")).toString());
    e.provenance = row.value(QLatin1String("provenance")).toString();
    e.locationPrecision = locationPrecisionFromString(row.value(QLatin1String("location_precision")).toString())
                              .value_or(LocationPrecision::Unstated);
    if (!geoJson.isEmpty()) readGeometry(geoJson, e);
    return e;
}

} // namespace

LiveResult<LiveEvents> LiveTable::eventPage(const LiveFilter &filter, qsizetype page)
{
    SqlParams params;
    const QString where = filter.where(params, m_searchable);
    // The page's rows and start first (by ctid), then their columns: the sort carries three
    // values a row, not every column. The count is a second pass over the same condition.
    const QString sql =
        QStringLiteral("WITH page AS (SELECT ctid AS row_id, %1 AS s, id FROM \"%2\" WHERE %3 ORDER BY s, id COLLATE "
                       "\"C\" LIMIT %4) SELECT (SELECT count(*) FROM \"%2\" WHERE %3), %5 FROM page JOIN \"%2\" t ON "
                       "t.ctid = page.row_id ORDER BY page.s, page.id COLLATE \"C\"")
            .arg(LiveSql::earliestStart(), m_table, where)
            .arg(std::max<qsizetype>(page, 0))
            .arg(eventColumns(QStringLiteral("t.")));
    return readPage(sql, params);
}

LiveResult<LiveEvents> LiveTable::eventById(const QString &id)
{
    const PgOutcome outcome = m_connection->query(
        QStringLiteral("SELECT row_to_json(t)::text, ST_AsGeoJSON(t.geom, 15) FROM \"%1\" t WHERE id = $1 LIMIT 1")
            .arg(m_table)
            .toUtf8(),
        {id.toUtf8()});
    if (outcome.status != PgStatus::Ok) return failure<LiveEvents>(outcome);
    EventStoreBuilder builder;
    if (outcome.rows.size()) {
        const QJsonObject row = QJsonDocument::fromJson(outcome.rows.bytes(0, 0)).object();
        if (auto event = eventOfRow(row, outcome.rows.isNull(0, 1) ? QByteArray() : outcome.rows.bytes(0, 1)))
            builder.add(*event);
    }
    LiveResult<LiveEvents> result;
    result.value.store = builder.build();
    result.value.total = result.value.store->size();
    return result;
}

LiveResult<QStringList> LiveTable::provenances()
{
    const PgOutcome outcome = m_connection->query(
        QStringLiteral("SELECT DISTINCT %1 FROM \"%2\" ORDER BY 1").arg(LiveFilter::provenanceSql(), m_table).toUtf8());
    if (outcome.status != PgStatus::Ok) return failure<QStringList>(outcome);
    LiveResult<QStringList> result;
    for (int r = 0; r < outcome.rows.size(); ++r)
        result.value << outcome.rows.text(r, 0);
    return result;
}

LiveResult<QStringList> LiveTable::categories()
{
    const PgOutcome outcome = m_connection->query(
        QStringLiteral("SELECT DISTINCT coalesce(category, '') FROM \"%1\" ORDER BY 1").arg(m_table).toUtf8());
    if (outcome.status != PgStatus::Ok) return failure<QStringList>(outcome);
    LiveResult<QStringList> result;
    for (int r = 0; r < outcome.rows.size(); ++r)
        result.value << outcome.rows.text(r, 0);
    return result;
}

} // namespace chronomap
