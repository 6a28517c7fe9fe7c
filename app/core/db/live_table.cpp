// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/db/live_table.h"

#include "core/db/pg_integer_array.h"
#include "core/prefault_pages.h"
#include "core/io/bin_pyramid.h"
#include "core/io/database_source.h"
#include "core/io/region_table.h"
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
#include <optional>

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

/// From this level on (cells of 1.2 km and finer) a view's rows are sent with their cells and
/// counted here: they are about as many as the bins (the bench's Kursk view at level 17: 74,154
/// rows, 72,731 bins), and the server grouping them cost more than the rest of the query (a
/// sort of every row, 2-4x the time at load 13). Coarser, or with no box (the whole table), the
/// server groups (many rows a cell).
constexpr int kLevelCountedHere = 15;

/// Each category's text made once: a view's bins are thousands of a few categories.
class CategoryTexts {
public:
    int indexOf(QByteArrayView utf8)
    {
        const auto known = std::find_if(m_texts.begin(), m_texts.end(),
                                        [&](const auto &t) { return QByteArrayView(t.first) == utf8; });
        if (known != m_texts.end()) return int(known - m_texts.begin());
        m_texts.emplace_back(utf8.toByteArray(), QString::fromUtf8(utf8));
        return int(m_texts.size()) - 1;
    }
    const QString &text(int index) const { return m_texts[size_t(index)].second; }

private:
    std::vector<std::pair<QByteArray, QString>> m_texts;
};

/// The bins of `rows` (cx, cy, category: a point row's cell of a grid each), counted per cell
/// and category; cells outside `range` left out (the rows' box is a little wider than the cells'),
/// and those of `held` (their bins are known).
std::vector<LiveBin> countedBins(const PgRows &rows, const QRect &range, const QRect &held)
{
    struct Cell {
        int category, y, x;
        auto operator<=>(const Cell &) const = default;
    };
    CategoryTexts categories;
    std::vector<Cell> cells;
    cells.reserve(size_t(rows.size()));
    for (int r = 0; r < rows.size(); ++r) {
        const int x = int(rows.integer(r, 0)), y = int(rows.integer(r, 1));
        if (!range.contains(x, y) || held.contains(x, y)) continue;
        cells.push_back({categories.indexOf(rows.view(r, 2)), y, x});
    }
    std::sort(cells.begin(), cells.end());
    std::vector<LiveBin> bins;
    for (size_t i = 0; i < cells.size();) {
        size_t j = i + 1;
        while (j < cells.size() && cells[j] == cells[i])
            ++j;
        bins.push_back({QPoint(cells[i].x, cells[i].y), categories.text(cells[i].category), qint64(j - i)});
        i = j;
    }
    return bins;
}

/// The rows of a grid's world `cells`, as SQL: the cells' box in degrees, a little wider (the
/// conversion rounds), the world's edges taken to the poles and the antimeridian (the map clamps
/// points beyond 85.05° onto its edge); the cells are then chosen exactly.
QString rowsBoxOf(const QRect &cells, const SquareBinGrid &grid, SqlParams &params)
{
    const double half = SquareBinGrid::kWorldWidthM / 2, degrees = 180 / 3.14159265358979323846;
    const auto lonOf = [&](double x) { return std::clamp(x / 6378137.0 * degrees, -180.0, 180.0); };
    const auto latOf = [&](double y) {
        return y >= half ? 90.0 : y <= -half ? -90.0 : std::atan(std::sinh(y / 6378137.0)) * degrees;
    };
    const double margin = 1e-7;
    return QStringLiteral("geom && ST_MakeEnvelope(%1, %2, %3, %4, 4326)")
        .arg(params.add(lonOf(cells.left() * grid.cellM - half) - margin),
             params.add(latOf(half - (cells.bottom() + 1) * grid.cellM) - margin),
             params.add(lonOf((cells.right() + 1) * grid.cellM - half) + margin),
             params.add(latOf(half - cells.top() * grid.cellM) + margin));
}

/// The cells of `view` outside `held` (a part of it, or empty): up to four bands, the rows above
/// and below it whole, the columns left and right of it beside it. `view` itself when none is held.
QList<QRect> cellsAround(const QRect &view, const QRect &held)
{
    if (held.isEmpty()) return {view};
    QList<QRect> bands;
    if (held.top() > view.top()) bands << QRect(view.topLeft(), QPoint(view.right(), held.top() - 1));
    if (held.bottom() < view.bottom()) bands << QRect(QPoint(view.left(), held.bottom() + 1), view.bottomRight());
    if (held.left() > view.left())
        bands << QRect(QPoint(view.left(), held.top()), QPoint(held.left() - 1, held.bottom()));
    if (held.right() < view.right())
        bands << QRect(QPoint(held.right() + 1, held.top()), QPoint(view.right(), held.bottom()));
    return bands;
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
    // The regions each row's `located_in` was computed against (RegionTable); none in a table
    // imported before, whose region clicks test the places.
    if (types.contains(QLatin1String(RegionTable::kColumn))) {
        const PgOutcome located = live->m_connection->query(
            QStringLiteral("SELECT DISTINCT code FROM \"%1\"").arg(RegionTable::regionsTable(table)).toUtf8());
        if (located.status == PgStatus::Ok)
            for (int r = 0; r < located.rows.size(); ++r)
                live->m_locatedCodes.insert(located.rows.text(r, 0));
        // Members tables made before they kept each row's end and category answer a click with
        // nothing hidden only.
        const PgOutcome members = live->m_connection->query(
            "SELECT to_regclass($1) IS NOT NULL, EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = to_regclass($1) "
            "AND attname = 'end_at' AND NOT attisdropped)",
            {RegionTable::membersTable(table).toUtf8()});
        live->m_hasRegionMembers =
            types.contains(QStringLiteral("fid")) && members.status == PgStatus::Ok && members.rows.text(0, 0) == u"t";
        live->m_membersFilterable = live->m_hasRegionMembers && members.rows.text(0, 1) == u"t";
    }
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
    // The cells the view touches, whole (SquareBinGrid::cellsOver), in the grid's cells.
    std::optional<QRect> range;
    QRect held; // world cells whose bins the last answer holds: a pan counts only the others
    QString rowsBox = QStringLiteral("TRUE");
    LiveFilter rowFilter = filter;
    rowFilter.mercatorBoxM.reset();
    if (filter.mercatorBoxM) {
        range = grid.cellsOver(*filter.mercatorBoxM);
        const QRect world = range->translated(origin);
        // The same rows (both filters without their boxes) at the same level.
        if (grid.level >= kLevelCountedHere && m_held && m_held->level == grid.level && m_held->filter == rowFilter)
            held = m_held->cells & world;
        QStringList boxes;
        for (const QRect &cells : cellsAround(world, held))
            boxes << rowsBoxOf(cells, grid, params);
        // Nothing new (the same view again): no rows.
        rowsBox = boxes.isEmpty() ? QStringLiteral("FALSE")
                                  : QLatin1Char('(') + boxes.join(QLatin1String(" OR ")) + QLatin1Char(')');
    }
    // Each point row's cell of this grid: SquareBinGrid::worldCellOf in SQL, as BinPyramid
    // counts, less the grid's origin.
    const QString where = rowFilter.where(params, m_searchable) + QLatin1String(" AND ") + rowsBox;
    const QString cellsOfRows =
        QStringLiteral("SELECT floor((%1 + %3) / %4)::int - %5 AS cx, floor((%3 - %2) / %4)::int - %6 AS cy, "
                       "coalesce(category, '') AS category FROM \"%7\" WHERE GeometryType(geom) = 'POINT' AND %8")
            .arg(mercatorX(), mercatorY(), params.add(SquareBinGrid::kWorldWidthM / 2), params.add(grid.cellM),
                 params.add(QByteArray::number(origin.x())), params.add(QByteArray::number(origin.y())), m_table,
                 where);
    if (grid.level >= kLevelCountedHere && range) {
        const PgOutcome outcome = m_connection->query(cellsOfRows.toUtf8(), params.values());
        if (outcome.status != PgStatus::Ok) return failure<std::vector<LiveBin>>(outcome);
        LiveResult<std::vector<LiveBin>> result;
        result.value = countedBins(outcome.rows, *range, held.translated(-origin));
        // The held cells' bins the view still shows, then all of the view's kept for the next pan.
        if (!held.isEmpty()) {
            for (const LiveBin &bin : m_held->bins)
                if (held.contains(bin.cell)) result.value.push_back({bin.cell - origin, bin.category, bin.count});
        }
        HeldBins next{rowFilter, grid.level, range->translated(origin), result.value};
        for (LiveBin &bin : next.bins)
            bin.cell += origin;
        m_held = std::move(next);
        return result;
    }
    QString cells = QStringLiteral("TRUE");
    if (range)
        cells = QStringLiteral("cx BETWEEN %1 AND %2 AND cy BETWEEN %3 AND %4")
                    .arg(params.add(QByteArray::number(range->left())), params.add(QByteArray::number(range->right())),
                         params.add(QByteArray::number(range->top())), params.add(QByteArray::number(range->bottom())));
    // OFFSET 0 keeps the cells a subquery: inlined, each row's cell would be computed again for
    // each of the four tests of `cells` and for the grouping (three times the work).
    return readBins(
        QStringLiteral("SELECT cx, cy, category, count(*) FROM (%1 OFFSET 0) rows WHERE %2 GROUP BY 1, 2, 3")
            .arg(cellsOfRows, cells),
        params);
}

void LiveTable::forgetHeldBins()
{
    m_held.reset();
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
    // A whole map is 1.8M bins (58 MB): reserved once and populated in one call, not grown and
    // faulted in 4 KiB at a time.
    qsizetype cells = 0;
    for (int r = 0; r < rows.size(); ++r)
        cells += rows.view(r, 2).count(',') + 1;
    result.value.reserve(size_t(cells));
    prefaultCapacity(result.value);
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
    CategoryTexts categories;
    for (int r = 0; r < rows.size(); ++r)
        result.value.push_back({QPoint(int(rows.integer(r, 0)), int(rows.integer(r, 1))),
                                categories.text(categories.indexOf(rows.view(r, 2))), rows.integer(r, 3)});
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

namespace {

/// RegionMembership::eventsIn in SQL for rows without `located_in`: `coded`, or a point inside
/// the region, or a line with a vertex inside.
QString insideRegion(const QString &coded, const AreaFeature &region, SqlParams &params)
{
    // "inside" is even-odd over the region's rings, as RegionIndex counts: the
    // rings a point is in, summed (each ring a constant, which PostGIS prepares once for all rows).
    QStringList inRings;
    for (const QByteArray &ring : RegionTable::ringWkts(region))
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
    return QStringLiteral("(%1 OR geom && %2) AND (%1 OR CASE GeometryType(geom) WHEN 'POINT' THEN %3 WHEN "
                          "'LINESTRING' THEN EXISTS (SELECT 1 FROM ST_DumpPoints(geom) v WHERE %4) ELSE false END)")
        .arg(coded, regionBox, QString(inside).replace(QLatin1String("%2"), QLatin1String("geom")),
             QString(inside).replace(QLatin1String("%2"), QLatin1String("v.geom")));
}

} // namespace

LiveResult<LiveEvents> LiveTable::regionEvents(const LiveFilter &filter, const AreaFeature &region, qsizetype page)
{
    // A click in a region whose members are kept apart (RegionTable), with nothing hidden that
    // they do not carry: the page an index range scan of the narrow table, the count an
    // index-only scan, the wide rows read for the page only.
    if (m_hasRegionMembers && m_locatedCodes.contains(region.code)) {
        SqlParams params;
        params.add(region.code);
        const std::optional<QString> where =
            m_membersFilterable
                ? filter.memberWhere(params)
                : (filter == LiveFilter{} ? std::optional<QString>(QStringLiteral("TRUE")) : std::nullopt);
        if (where) {
            const QString members =
                QStringLiteral("\"%1\" WHERE code = $1 AND %2").arg(RegionTable::membersTable(m_table), *where);
            const QString sql = QStringLiteral("SELECT (SELECT count(*) FROM %1), %2 FROM (SELECT fid, start_at, id "
                                               "FROM %1 ORDER BY start_at, id LIMIT %3) page JOIN \"%4\" t ON "
                                               "t.fid = page.fid ORDER BY page.start_at, page.id")
                                    .arg(members, eventColumns(QStringLiteral("t.")))
                                    .arg(std::max<qsizetype>(page, 0))
                                    .arg(m_table);
            return readPage(sql, params);
        }
    }
    SqlParams params;
    const QString where = filter.where(params, m_searchable);
    // The code as an array literal of no stated type: the server reads it as the column's
    // (varchar[] from the import, text[] elsewhere), so that the GIN index on `regions` serves.
    const QString coded = QStringLiteral("regions @> %1").arg(params.add(pgArrayLiteral({region.code})));
    // RegionMembership::eventsIn: coded to the region, or a point inside it, or a line with a
    // vertex inside. Rows that keep the regions they lie in (RegionTable) answer from the two
    // GIN indexes (a BitmapOr); others are tested against the region's rings.
    const QString member = m_locatedCodes.contains(region.code) ? QStringLiteral("(%1 OR %2 @> %3)")
                                                                      .arg(coded, QLatin1String(RegionTable::kColumn),
                                                                           params.add(pgArrayLiteral({region.code})))
                                                                : insideRegion(coded, region, params);
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

LiveResult<QStringList> LiveTable::distinctTexts(const QString &expression)
{
    const PgOutcome outcome = m_connection->query(
        QStringLiteral("SELECT DISTINCT %1 FROM \"%2\" ORDER BY 1").arg(expression, m_table).toUtf8());
    if (outcome.status != PgStatus::Ok) return failure<QStringList>(outcome);
    LiveResult<QStringList> result;
    for (int r = 0; r < outcome.rows.size(); ++r)
        result.value << outcome.rows.text(r, 0);
    return result;
}

LiveResult<QStringList> LiveTable::provenances()
{
    return distinctTexts(LiveFilter::provenanceSql());
}

LiveResult<QStringList> LiveTable::categories()
{
    return distinctTexts(QStringLiteral("coalesce(category, '')"));
}

} // namespace chronomap
