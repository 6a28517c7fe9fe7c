// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/io/event_loader.h"

#include <QCommandLineOption>
#include <QCommandLineParser>

namespace chronomap::cli {

/// `chronomap --import-pg FILE "PG:…" [--table NAME]`: reads FILE as any data file is read (the
/// reader child, the same issues as --validate prints) and writes its events into a new PostGIS
/// table (PostgisImport: one transaction, indexes, the NOTIFY trigger). The table is NAME, else
/// the string's `tables=`, else `events`.
///
/// Exit status: 0 every record written; 1 written, but some records were skipped (printed);
/// 2 bad arguments, nothing usable in FILE, or the database refused (nothing was written).
class ImportCommand {
public:
    ImportCommand();

    QList<QCommandLineOption> options() const { return {m_import, m_table}; }
    bool isSet(const QCommandLineParser &parser) const { return parser.isSet(m_import); }

    /// Needs a QCoreApplication. The connection string is the one positional argument.
    int run(const QCommandLineParser &parser, const LoadOptions &load) const;

private:
    QCommandLineOption m_import;
    QCommandLineOption m_table;
};

} // namespace chronomap::cli
