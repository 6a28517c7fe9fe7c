// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

namespace chronomap {

/// One problem found in the user's data, precise enough to find and fix it.
struct Issue {
    enum class Severity : quint8 {
        Warning, ///< the record loaded, something in it was ignored
        Skipped, ///< the record was left out; the others loaded
        Fatal,   ///< nothing usable in the file
    };
    Severity severity = Severity::Warning;
    QString file;
    qint64 record = -1; ///< 1-based feature number in the file; -1 for the file as a whole
    QString recordId;   ///< the record's id when it has one
    QString field;      ///< the field at fault; empty when the whole record is
    QString message;    ///< translated, plain text

    /// `FILE: record N (id): field: message`, or `FILE: message` for the whole file.
    QString toString() const;
};

using IssueList = QList<Issue>;

} // namespace chronomap
