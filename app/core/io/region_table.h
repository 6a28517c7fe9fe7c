// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/geo/base_map.h"
#include "core/store/event_store.h"

#include <QByteArrayList>
#include <QString>
#include <QStringList>

namespace chronomap {

class RegionGrid;
class RegionIndex;

/// The bundled regions each row of a table made by `--import-pg` lies in, kept in the row: the
/// column `located_in` (text list, GIN-indexed) names the regions RegionMembership's rule puts
/// the row's place in (a point inside, a line with a vertex inside, even-odd over each region's
/// rings), so that a region click is an index lookup (LiveTable::regionEvents), not a test of
/// every point against the region's outline. The import computes it from the app's RegionIndex;
/// `<table>_regions` (code, ring, geom: one row per ring, as a polygon in EPSG:4326) holds the
/// same regions, and a trigger computes the column from it for every row inserted, or whose
/// `geom` or `located_in` is updated, by anyone else. Rows of a table imported before have no
/// such column, and LiveTable tests their places against the region itself.
///
/// `<table>_region_members` (code, start_at, id, fid, end_at, category: one row per code of a
/// row's `regions` or `located_in`, B-tree on code, start and id) lets a click read its first
/// page and its count from one narrow index instead of every member's row in the wide table,
/// also in a time window with categories hidden (LiveFilter::memberWhere); statement triggers
/// keep it true through inserts, updates, deletes and truncates. Tables imported before have
/// none, and LiveTable reads the wide table.
namespace RegionTable {

constexpr const char *kColumn = "located_in";

QString regionsTable(const QString &table);
QString membersTable(const QString &table);

/// The codes of the regions of `grid`'s index that the event `i` of `store` lies in, sorted, by
/// RegionMembership's rule; empty for an event without a place.
QStringList locatedIn(const RegionGrid &grid, const EventStore &store, EventStore::Index i);

/// Each ring of `region` as a closed POLYGON in WKT (lon lat, every digit), rings of fewer than
/// three points left out, as RegionIndex leaves them.
QByteArrayList ringWkts(const AreaFeature &region);

/// The statements that make `<table>_regions` with the regions of `regions` that have a code,
/// and its GiST index. Fails if it is there.
QStringList buildStatements(const QString &table, const RegionIndex &regions);
/// The statements that index `located_in` of the existing `table` and install the trigger that
/// keeps it true (after buildStatements, after the rows are written).
QStringList triggerStatements(const QString &table);
/// The statements that make, fill and index `<table>_region_members` from the existing rows of
/// `table` (with `fid`, `regions` and `located_in`), and install the triggers that keep it true
/// (after triggerStatements). Fails if it is there. The three parts below, in order.
QStringList memberStatements(const QString &table);
/// Makes the empty `<table>_region_members`.
QStringList memberTableStatements(const QString &table);
/// Fill it from the rows of `table` by the rule the triggers apply (in a transaction, the
/// session's zone is UTC until its end). The import writes the same rows itself (RegionMemberRows).
QStringList memberFillStatements(const QString &table);
/// Indexes the filled table and installs the triggers that keep it true.
QStringList memberIndexStatements(const QString &table);

} // namespace RegionTable

} // namespace chronomap
