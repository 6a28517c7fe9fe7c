// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/db/region_member_rows.h"

#include "core/db/copy_text_row.h"

#include <algorithm>

namespace chronomap {

RegionMemberRows::RegionMemberRows(const EventStore &store) : m_store(store)
{
    for (const QString &category : store.categories())
        m_categoryUtf8.append(category.toUtf8());
}

qint64 RegionMemberRows::sqlStartMs(const FuzzyDate &date)
{
    // The text is the date at its precision (toIso), completed to its first day by startOf: a
    // date-time's text has whole seconds (Qt::ISODate), so its milliseconds are dropped too.
    const QDate day = utcDateOf(date.startMs);
    switch (date.precision) {
    case DatePrecision::Year:
        return utcMidnightMs(QDate(day.year(), 1, 1));
    case DatePrecision::Month:
        return utcMidnightMs(QDate(day.year(), day.month(), 1));
    case DatePrecision::Day:
        return utcMidnightMs(day);
    case DatePrecision::Time:
        break;
    }
    const qint64 ms = date.startMs;
    return ms - ((ms % 1000) + 1000) % 1000;
}

qint64 RegionMemberRows::sqlEndExclusiveMs(const FuzzyDate &date)
{
    return FuzzyDate{sqlStartMs(date), date.precision}.endExclusiveMs();
}

void RegionMemberRows::add(qsizetype position, EventStore::Index i, const QStringList &located)
{
    const TimeSpan when = m_store.when(i);
    const qint64 startMs = sqlStartMs(when.start());
    // An instant's `end` is written empty and read as its start: the same date.
    const qint64 endMs = sqlEndExclusiveMs(when.end());
    QStringList codes = m_store.regionCodes(i);
    codes += located;
    codes.removeDuplicates(); // the rule's DISTINCT
    for (const QString &code : std::as_const(codes)) {
        auto found = m_codeIndex.constFind(code);
        if (found == m_codeIndex.cend()) {
            found = m_codeIndex.insert(code, quint32(m_codes.size()));
            m_codes.append(code);
        }
        m_rows.push_back({*found, startMs, endMs, i, position});
    }
}

void RegionMemberRows::sort()
{
    // Codes by rank in text order, then each code's rows by start (and by row, for a stable order;
    // the index orders equal starts by id itself).
    std::vector<quint32> order(size_t(m_codes.size()));
    for (size_t k = 0; k < order.size(); ++k)
        order[k] = quint32(k);
    std::sort(order.begin(), order.end(), [&](quint32 a, quint32 b) { return m_codes[a] < m_codes[b]; });
    std::vector<quint32> rank(order.size());
    QStringList ranked;
    for (size_t r = 0; r < order.size(); ++r) {
        rank[order[r]] = quint32(r);
        ranked.append(m_codes[order[r]]);
    }
    for (Row &row : m_rows)
        row.code = rank[row.code];
    m_codes = ranked;
    m_codeIndex.clear();
    std::sort(m_rows.begin(), m_rows.end(), [](const Row &a, const Row &b) {
        return std::tie(a.code, a.startMs, a.position) < std::tie(b.code, b.startMs, b.position);
    });
}

void RegionMemberRows::writeRow(qsizetype k, QByteArray &out) const
{
    const Row &row = m_rows[size_t(k)];
    CopyTextRow copy(out);
    copy.text(m_codes[row.code]);
    copy.timestamp(row.startMs);
    copy.textUtf8(m_store.rawId(row.event)); // the stored bytes: no QString per row
    copy.integer(row.position + 1);
    copy.timestamp(row.endExclusiveMs);
    copy.textUtf8(m_categoryUtf8.value(m_store.categoryIndex(row.event)));
    copy.end();
}

} // namespace chronomap
