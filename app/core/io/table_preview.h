// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/io/event_loader.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace chronomap {

/// The header and first rows of a file's first layer, as text, for the import mapping dialog.
/// Opened with the loader's drivers and rules (local files only, no network).
struct TablePreview {
    QStringList columns;
    QList<QStringList> rows; ///< at most the requested number, each as long as `columns`
    QString error;           ///< translated; set when the file cannot be read

    static TablePreview read(const QString &path, int maxRows = 20);

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

    static LoadPreview of(const QString &path, const LoadOptions &options, int maxIssues = 5);
};

} // namespace chronomap
