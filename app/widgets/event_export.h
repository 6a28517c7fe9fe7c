// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/io/event_writer.h"

#include <QString>

class QWidget;

namespace chronomap {

class ViewState;

/// File → Export Events…: the events the views show now (time window and categories applied)
/// written to GeoJSON or CSV through EventWriter, so a subset can be shared.
class EventExport {
public:
    /// GeoJSON for .geojson/.json, CSV for .csv; nullopt for anything else.
    static std::optional<EventWriter::Format> formatFor(const QString &path);
    /// Writes `state`'s visible events to `path`. False with `error` set on failure.
    static bool write(const ViewState &state, const QString &path, QString *error);
    /// The file the save dialog proposes: `<dataset>-events.geojson` in `folder`.
    static QString proposedPath(const ViewState &state, const QString &folder);
    /// Asks for a file (starting in `folder`), writes, and reports the outcome in a message box.
    /// Returns the folder written to (for the next time), or empty when nothing was written.
    static QString run(QWidget *parent, const ViewState &state, const QString &folder);
};

} // namespace chronomap
