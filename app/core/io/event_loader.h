// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/geo/region_index.h"
#include "core/io/field_mapping.h"
#include "core/model/issue.h"
#include "core/store/event_store.h"
#include "core/time/date_forms.h"

#include <functional>
#include <memory>

namespace chronomap {

/// What a load may do; the defaults suit a desktop machine and stay clear of running out of memory.
struct LoadOptions {
    FieldMapping mapping; ///< explicit columns; the rest are detected
    /// How all-number dates are ordered (`12/08/2025`); unset: ISO 8601, or the recognised
    /// schema's own form (ACLED: day-month-year). See DateForm.
    std::optional<DateForm> dateForm;
    /// Admin-1 regions that region names (ACLED's admin1, UCDP's adm_1) are looked up in; null:
    /// the bundled base map's, read when a file names regions.
    std::shared_ptr<const RegionIndex> regions;
    qint64 maxRecords = 20'000'000;  ///< beyond this the file is refused (not truncated)
    qint64 maxFileBytes = 4LL << 30; ///< 4 GiB
    qint64 maxTextBytes = 64 * 1024; ///< per text field; longer text is cut with a warning
    qint64 maxVertices = 100'000;    ///< per geometry, all its parts and rings together
    qint64 maxJsonDepth = 64;        ///< nesting of a JSON property (claims, sources); deeper is ignored
    /// A database table (DatabaseSource) with more rows than this is not loaded whole.
    qint64 maxDatabaseRows = 1'000'000;
    /// The password the user typed for a database source (File → Open Database…), given to the
    /// reader child as PGPASSWORD in its own environment only; never in this process's
    /// environment, a command line, the settings or a message. Empty: libpq finds its own.
    QString databasePassword;
    /// Converts records into events on a second thread while GDAL reads the next ones; false
    /// does both on the calling thread. The result is the same either way.
    bool pipelined = true;
    /// Fills the store's columns straight from the raw fields of the records that allow it
    /// (LayerReader::readRow); false takes every record through an Event. The result is the same
    /// either way (tests compare them).
    bool rowLane = true;
};

/// The outcome of one load: the events that were usable and every problem found.
struct LoadResult {
    std::shared_ptr<const EventStore> store; ///< never null; empty when nothing was usable
    IssueList issues;
    qint64 recordsRead = 0;
    bool cancelled = false;
    /// Set only when a reader child failed (crash, limit, watchdog; see ReaderProcess): the
    /// events converted before the failure, which the user may choose to keep. `store` is empty.
    std::shared_ptr<const EventStore> partial;
    /// Hex SHA-256 of the files read, taken as they were read (DatasetLoader::combinedSha256);
    /// empty from EventLoader and ReaderProcess alone, which hash nothing.
    QString sha256;

    bool hasFatal() const;
    qsizetype count(Issue::Severity severity) const;
};

/// Reads event records from any vector format GDAL/OGR reads (GeoJSON, CSV, GeoPackage, KML,
/// XLSX/ODS…), reprojecting to WGS 84. Never throws and never touches UI; safe to run on a worker
/// thread (each call opens, reads and closes its own GDAL dataset).
class EventLoader {
public:
    /// Called every few thousand records with the records read and the total: exact where the
    /// driver counts cheaply, estimated from line lengths for CSV, -1 when unknown.
    /// Return false to cancel; the result is then empty and marked `cancelled`.
    using Progress = std::function<bool(qint64 done, qint64 total)>;

    static LoadResult load(const QString &path, const LoadOptions &options = {}, const Progress &progress = {});

    /// Loads the bytes of a file held in memory, through a private GDAL /vsimem/ file. `name`
    /// stands for the file in issues and its suffix chooses how it is read (`.geojson`, `.csv`…).
    /// The same limits apply; the bytes are copied, so the caller keeps ownership.
    static LoadResult loadBytes(const QByteArray &bytes, const QString &name, const LoadOptions &options = {},
                                const Progress &progress = {});

    /// The vector drivers user files may be opened with; nothing else is ever tried.
    static QStringList allowedDrivers();
};

} // namespace chronomap
