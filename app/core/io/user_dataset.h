// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/io/gdal_handles.h"

#include <QByteArray>
#include <QString>

namespace chronomap {

/// Opens a user's file (or a /vsimem/ buffer) read-only as a vector dataset, with only the
/// drivers of EventLoader::allowedDrivers(). GeoJSON dates (by `suffix`) stay text, so reduced
/// precision such as 2025-08 survives. Null when no allowed driver reads it; GDAL's reasons go
/// to whatever GdalMessageCollector is active.
DatasetPtr openUserDataset(const QByteArray &gdalPath, const QString &suffix);

/// Opens a database the user named (a DatabaseSource `PG:` string) with GDAL's PostgreSQL driver
/// and no other. `update` opens it for writing (the import). Null when the driver cannot
/// connect; GDAL's reason goes to the active GdalMessageCollector.
DatasetPtr openDatabaseDataset(const QString &source, bool update);

/// The allowed driver GDAL would open `gdalPath` with, from its first bytes (no parsing); empty
/// when none claims it.
QString identifyUserDriver(const QByteArray &gdalPath);

/// For a driver that cannot count cheaply (CSV), the number of records a local text file
/// probably holds, from the length of its first lines; -1 when it cannot tell (or for a
/// /vsi path). Only progress uses it: the record limit is checked against what is read.
qint64 estimateLineRecords(const QByteArray &gdalPath);

} // namespace chronomap
