// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/store/event_store.h"

#include <QByteArray>
#include <QHash>
#include <QStringList>

#include <vector>

namespace chronomap {

/// The rows of an import's `<table>_region_members` (RegionTable), gathered while the main table's
/// rows are written and then sent by COPY: the server's INSERT … SELECT of the same rows (the rule
/// RegionTable::memberFillStatements and the triggers apply) took a fifth of a 1M-row import.
/// Each code of a row's `regions` and `located_in` once, with the row's id, category, `fid` (its
/// place in the main table's COPY + 1, the sequence's value) and its dates as LiveSql reads the
/// row's text dates: the start of `start`, the first instant after `end` (or `start`).
class RegionMemberRows {
public:
    explicit RegionMemberRows(const EventStore &store);

    /// Notes the main table's row number `position` (from 0), the event `i`, located in `located`.
    void add(qsizetype position, EventStore::Index i, const QStringList &located);
    /// Puts the rows in the click index's order (code, start), each code's rows together. Call
    /// before writeRow().
    void sort();
    qsizetype size() const { return qsizetype(m_rows.size()); }
    /// Appends the `k`-th row as COPY text (code, start_at, id, fid, end_at, category).
    void writeRow(qsizetype k, QByteArray &out) const;

    /// The instant LiveSql::startOf gives for `date`'s text (FuzzyDate::toIso), UTC ms.
    static qint64 sqlStartMs(const FuzzyDate &date);
    /// The instant LiveSql::endExclusiveOf gives for `date`'s text, UTC ms.
    static qint64 sqlEndExclusiveMs(const FuzzyDate &date);

private:
    struct Row {
        quint32 code; ///< into m_codes; its rank there after sort()
        qint64 startMs;
        qint64 endExclusiveMs;
        EventStore::Index event;
        qint64 position;
    };
    const EventStore &m_store;
    std::vector<Row> m_rows;
    QStringList m_codes;
    QHash<QString, quint32> m_codeIndex;
    QByteArrayList m_categoryUtf8; ///< the store's categories as UTF-8
};

} // namespace chronomap
