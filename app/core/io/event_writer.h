// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/store/event_store.h"

namespace chronomap {

/// Writes events through GDAL, so the files open anywhere GeoJSON or CSV does.
class EventWriter {
public:
    enum class Format { GeoJson, Csv };

    /// Writes `events` of `store` to `path` (a local file, or "-" for standard output), every
    /// field of each Event, so that EventLoader reads the file back as the same events. GeoJSON
    /// nests lists and objects as JSON; CSV columns start with
    /// `id,start,end,date_precision,category,title,regions`, lists are `;`-joined (JSON arrays
    /// when an item holds a separator), sources, claims and related links JSON text, the
    /// geometry WKT in a last `wkt` column (geodata/events/README.md, "Exported files").
    /// Returns false and sets `error` on failure; a failed write to a file leaves no file.
    /// Either format to a file also writes the names of the actors its records list, when the
    /// store has a vocabulary, as `<stem>.actors.json` beside it.
    static bool write(const EventStore &store, const EventStore::IndexList &events, Format format, const QString &path,
                      QString *error);

private:
    static bool writeActors(const EventStore &store, const EventStore::IndexList &events, const QString &path,
                            QString *error);
};

} // namespace chronomap
