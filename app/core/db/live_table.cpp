// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/db/live_table.h"

#include "core/io/database_source.h"

#include <QCoreApplication>
#include <QGeoCoordinate>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

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

/// The region's rings as one MULTIPOLYGON of single-ring polygons (WKT, lon lat): even-odd is
/// then "inside an odd number of them", as RegionIndex::regionAt counts.
QByteArray ringsWkt(const AreaFeature &region)
{
    QByteArray wkt = "MULTIPOLYGON(";
    bool firstRing = true;
    for (const LonLatRing &ring : region.rings) {
        if (ring.size() < 3) continue;
        wkt += firstRing ? "((" : ",((";
        firstRing = false;
        QList<QPointF> closed = ring;
        if (closed.first() != closed.last()) closed.append(closed.first());
        for (qsizetype i = 0; i < closed.size(); ++i) {
            if (i) wkt += ',';
            wkt += QByteArray::number(closed[i].x(), 'g', 17) + ' ' + QByteArray::number(closed[i].y(), 'g', 17);
        }
        wkt += "))";
    }
    return firstRing ? QByteArray("MULTIPOLYGON EMPTY") : wkt + ')';
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
    return std::unique_ptr<LiveTable>(
        new LiveTable(std::move(connection), table,
                      QStringLiteral("concat_ws(E'\\n', %1)").arg(searchable.join(QLatin1String(", ")))));
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
    SqlParams params;
    const QString where = filter.where(params, m_searchable);
    // SquareBinGrid::cellOf in SQL: whole cells east and south of the view's corner.
    const QString west = params.add(grid.northWestM.x());
    const QString north = params.add(grid.northWestM.y());
    const QString cell = params.add(grid.cellM);
    const QString sql = QStringLiteral("SELECT floor((%1 - %3) / %5)::int, floor((%4 - %2) / %5)::int, "
                                       "coalesce(category, ''), count(*) FROM \"%6\" WHERE GeometryType(geom) = "
                                       "'POINT' AND %7 GROUP BY 1, 2, 3")
                            .arg(mercatorX(), mercatorY(), west, north, cell, m_table, where);
    const PgOutcome outcome = m_connection->query(sql.toUtf8(), params.values());
    if (outcome.status != PgStatus::Ok) return failure<std::vector<LiveBin>>(outcome);
    LiveResult<std::vector<LiveBin>> result;
    result.value.reserve(size_t(outcome.rows.size()));
    for (int r = 0; r < outcome.rows.size(); ++r)
        result.value.push_back({QPoint(int(outcome.rows.integer(r, 0)), int(outcome.rows.integer(r, 1))),
                                outcome.rows.text(r, 2), outcome.rows.integer(r, 3)});
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

LiveResult<LiveEvents> LiveTable::regionEvents(const LiveFilter &filter, const AreaFeature &region)
{
    SqlParams params;
    const QString where = filter.where(params, m_searchable);
    const QString code = params.add(region.code);
    const QString rings = params.add(ringsWkt(region));
    // RegionMembership::eventsIn: coded to the region, or a point inside it, or a line with a
    // vertex inside; "inside" is even-odd over the region's rings, as RegionIndex counts.
    const QString inside =
        QStringLiteral("(SELECT count(*) FROM region_rings r WHERE ST_Intersects(r.ring, %1)) % 2 = 1");
    const QString member =
        QStringLiteral("(%1 = ANY(regions) OR (geom && (SELECT box FROM region_box) AND CASE GeometryType(geom) WHEN "
                       "'POINT' THEN %2 WHEN 'LINESTRING' THEN EXISTS (SELECT 1 FROM ST_DumpPoints(geom) v WHERE %3) "
                       "ELSE false END))")
            .arg(code, inside.arg(QLatin1String("geom")), inside.arg(QLatin1String("v.geom")));
    const QString with =
        QStringLiteral("WITH region_rings AS (SELECT (ST_Dump(ST_GeomFromText(%1, 4326))).geom AS ring), region_box AS "
                       "(SELECT ST_Envelope(ST_Collect(ring)) AS box FROM region_rings) ")
            .arg(rings);
    return readEvents(where + QLatin1String(" AND ") + member, params, -1, with);
}

LiveResult<LiveEvents> LiveTable::events(const LiveFilter &filter, qsizetype limit)
{
    SqlParams params;
    const QString where = filter.where(params, m_searchable);
    return readEvents(where, params, limit);
}

LiveResult<LiveEvents> LiveTable::readEvents(const QString &where, const SqlParams &params, qsizetype limit,
                                             const QString &with)
{
    // The columns the map, the timeline and the lists draw; the rest (sources, claims) is read
    // when one event is opened.
    QString sql =
        with + QStringLiteral("SELECT id, \"start\", \"end\", category, title, summary, array_to_json(regions), "
                              "confidence, provenance, location_precision, ST_AsGeoJSON(geom, 15) FROM \"%1\" "
                              "WHERE %2")
                   .arg(m_table, where);
    if (limit >= 0) sql += QStringLiteral(" LIMIT %1").arg(limit + 1);
    const PgOutcome outcome = m_connection->query(sql.toUtf8(), params.values());
    if (outcome.status != PgStatus::Ok) return failure<LiveEvents>(outcome);
    LiveResult<LiveEvents> result;
    const PgRows &rows = outcome.rows;
    if (limit >= 0 && rows.size() > limit) {
        result.value.tooMany = true;
        return result;
    }
    EventStoreBuilder builder;
    builder.reserve(rows.size());
    for (int r = 0; r < rows.size(); ++r) {
        Event e;
        e.id = rows.text(r, 0);
        const auto when = TimeSpan::parse(rows.text(r, 1), rows.text(r, 2));
        if (!when) continue; // the import writes only dates it parsed; another writer's row is skipped
        e.when = *when;
        e.category = rows.text(r, 3);
        if (!rows.isNull(r, 4)) e.title.insert(QString(), rows.text(r, 4));
        if (!rows.isNull(r, 5)) e.summary.insert(QString(), rows.text(r, 5));
        for (const QJsonValue &code : QJsonDocument::fromJson(rows.bytes(r, 6)).array())
            e.regions.append(code.toString());
        e.confidence = confidenceFromString(rows.text(r, 7));
        e.provenance = rows.text(r, 8);
        e.locationPrecision = locationPrecisionFromString(rows.text(r, 9)).value_or(LocationPrecision::Unstated);
        if (!rows.isNull(r, 10)) readGeometry(rows.bytes(r, 10), e);
        builder.add(e);
    }
    result.value.store = builder.build();
    return result;
}

} // namespace chronomap
