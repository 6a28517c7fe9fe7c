// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/io/event_loader.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace chronomap {

/// The header and first rows of a file's first layer, as text, for the import mapping dialog.
/// Opened with the loader's drivers and rules (local files only, no network).
struct TablePreview {
    QStringList columns;     ///< for a GeoJSON file that needs no mapping, its first features' only (see readHere)
    QList<QStringList> rows; ///< at most the requested number, each as long as `columns`
    QString error;           ///< translated; set when the file cannot be read
    bool cancelled = false;  ///< `keepGoing` said no: the child was ended, nothing was read

    /// Read as the file is loaded: a user's file in a reader child (ReaderProcess::preview), as
    /// GDAL opening it (a GeoJSON file's driver parses all of it) can crash, hang or take
    /// seconds, and then ends the child, never the app; the bundled dataset in process.
    /// `keepGoing` is asked every tenth of a second while the child reads; false ends it.
    static TablePreview read(const QString &path, int maxRows = 20, const std::function<bool()> &keepGoing = {});
    /// Read in this process: the reader child's part of read().
    static TablePreview readHere(const QString &path, int maxRows);
    /// A cell is shown up to this many characters: the dialog's table needs no more, and the
    /// child's answer stays small whatever the file holds.
    static constexpr qsizetype kMaxCellChars = 1000;

    /// The preview as the child sends it, and back; nullopt for anything that is not one.
    QByteArray toJson() const;
    static std::optional<TablePreview> fromJson(const QByteArray &json);

    /// True when the loader cannot tell by itself how to read a file with these columns: no known
    /// schema (ACLED, UCDP GED) and no recognised start or title column.
    static bool needsMapping(const QStringList &columns);
};

/// What loading `path` with `options` gives, for previews: the rows that load, those read, and
/// the first `maxIssues` problems.
struct LoadPreview {
    qint64 loaded = 0;
    qint64 read = 0;
    IssueList firstIssues;
    bool cancelled = false; ///< `keepGoing` said no: the reader child was ended

    /// `keepGoing` is asked as the load's progress is (every tenth of a second); false ends it.
    static LoadPreview of(const QString &path, const LoadOptions &options, int maxIssues = 5,
                          const std::function<bool()> &keepGoing = {});
};

} // namespace chronomap
