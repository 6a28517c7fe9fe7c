// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/store/event_store.h"

#include <QString>
#include <QStringList>

#include <functional>

namespace chronomap {

class RegionIndex;

/// Writes events into a new PostGIS table (`chronomap --import-pg`) through libpq: the table as
/// GDAL's PostgreSQL driver would make it, so that it reads as one (a serial `fid`, Chronomap's
/// columns from EventLayerWriter, as GeoJSON nests them: text[] lists, json sources and claims, a
/// `geom` geometry in EPSG:4326), its rows sent by one `COPY` straight from the store (CopyTextRow:
/// GDAL's feature per row cost three times the server's work), a GiST index on `geom` (built after the rows),
/// B-tree indexes on `start` and `end`, a GIN index on `regions`, a trigger that sends
/// `NOTIFY chronomap, '<table>'` on every change, and the table's BinPyramid (its density bins per
/// zoom level, kept true by triggers), and, given the app's regions, each row's `located_in` with
/// `<table>_regions` and its trigger (RegionTable). The rows go in along a Z-order curve, so that a view's rows
/// sit together. All in one transaction: a failure (a refused row, a dropped connection, a table
/// of that name already there) leaves no table, no pyramid and no part of one.
class PostgisImport {
public:
    /// The channel the trigger notifies on; its payload is the table's name.
    static constexpr const char *kNotifyChannel = "chronomap";

    /// `table` must be a plain identifier (DatabaseSource::isPlainIdentifier) and not exist yet.
    /// `regions` (may be null: no `located_in`, as tables imported before) are the regions a
    /// region click names. `progress` (may be empty) gets the rows written. False with `error`
    /// set on failure.
    static bool write(const EventStore &store, const QString &source, const QString &table, const RegionIndex *regions,
                      QString *error, const std::function<void(qint64 written)> &progress = {});
    /// The tables an import of `table` writes beside it (the pyramid's, the regions', the region
    /// members'): an import refuses to start when one is there, and whoever drops `table` drops them.
    static QStringList tablesBeside(const QString &table);
};

} // namespace chronomap
