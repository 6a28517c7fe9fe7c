// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/db/live_filter.h"

#include "core/db/pg_connection.h"
#include "core/store/event_filter.h"

#include <QDateTime>

namespace chronomap {

namespace {

using LiveSql::endExclusiveOf;
using LiveSql::startOf;
const QString kStart = LiveSql::kStartColumn;
const QString kEnd = LiveSql::kEndColumn;

QByteArray instant(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs).toUtf8();
}

/// A text column trimmed of the whitespace QString::trimmed takes (ASCII's: the table's values
/// are written trimmed; other spaces are not expected there), "" for NULL.
QString trimmedSql(const QString &column)
{
    return QStringLiteral("btrim(coalesce(%1, ''), E' \\t\\n\\r\\f\\x0B')").arg(column);
}

/// A row's confidence as confidenceFromString reads it, as toString() names it: one of the four
/// in lower case, "" for Confidence::Unknown.
QString confidenceSql()
{
    return QStringLiteral("CASE lower(%1) WHEN 'confirmed' THEN 'confirmed' WHEN 'reported' THEN 'reported' "
                          "WHEN 'claimed' THEN 'claimed' WHEN 'disputed' THEN 'disputed' ELSE '' END")
        .arg(trimmedSql(QStringLiteral("confidence")));
}

QByteArray likePattern(const QString &word)
{
    QString escaped = word;
    escaped.replace(u'\\', QLatin1String("\\\\"))
        .replace(u'%', QLatin1String("\\%"))
        .replace(u'_', QLatin1String("\\_"));
    return (u'%' + escaped + u'%').toUtf8();
}

} // namespace

QString SqlParams::add(const QByteArray &value)
{
    m_values.append(value);
    return QStringLiteral("$%1").arg(m_values.size());
}

QString SqlParams::add(double value)
{
    return add(QByteArray::number(value, 'g', 17));
}

QString LiveFilter::provenanceSql()
{
    return trimmedSql(QStringLiteral("provenance"));
}

void LiveFilter::addWindowAndCategories(QStringList &conditions, SqlParams &params, const QString &earliestStart,
                                        const QString &latestEndExclusive) const
{
    if (window) {
        const QString from = params.add(instant(window->fromMs)) + QLatin1String("::timestamptz");
        const QString to = params.add(instant(window->toMs)) + QLatin1String("::timestamptz");
        // TimeSpan::possiblyOverlaps and certainlyOverlaps, the one rule of the window.
        if (match == WindowMatch::Possibly)
            conditions << QStringLiteral("%1 < %2 AND %3 > %4").arg(earliestStart, to, latestEndExclusive, from);
        else
            conditions << QStringLiteral("%1 <= %2 AND %3 >= %4").arg(endExclusiveOf(kStart), to, startOf(kEnd), from);
    }
    if (!hiddenCategories.isEmpty())
        conditions << QStringLiteral("NOT (coalesce(category, '') = ANY(%1::text[]))")
                          .arg(params.add(
                              pgArrayLiteral(QStringList(hiddenCategories.begin(), hiddenCategories.end()))));
}

std::optional<QString> LiveFilter::memberWhere(SqlParams &params) const
{
    if ((window && match != WindowMatch::Possibly) || hidesConfidenceOrProvenance() ||
        !EventFilter::searchWords(searchText).isEmpty() || mercatorBoxM)
        return std::nullopt;
    QStringList conditions;
    addWindowAndCategories(conditions, params, QStringLiteral("start_at"), QStringLiteral("end_at"));
    return conditions.isEmpty() ? QStringLiteral("TRUE") : conditions.join(QLatin1String(" AND "));
}

QString LiveFilter::where(SqlParams &params, const QString &searchableText) const
{
    QStringList conditions;
    addWindowAndCategories(conditions, params, startOf(kStart), endExclusiveOf(kEnd));
    if (!hiddenConfidences.isEmpty()) {
        QStringList hidden; // toString(): "" for Confidence::Unknown
        for (Confidence c : hiddenConfidences)
            hidden << toString(c);
        conditions
            << QStringLiteral("NOT (%1 = ANY(%2::text[]))").arg(confidenceSql(), params.add(pgArrayLiteral(hidden)));
    }
    if (!hiddenProvenances.isEmpty())
        conditions << QStringLiteral("NOT (%1 = ANY(%2::text[]))")
                          .arg(provenanceSql(), params.add(pgArrayLiteral(
                                                    QStringList(hiddenProvenances.begin(), hiddenProvenances.end()))));
    const QStringList words = EventFilter::searchWords(searchText);
    for (const QString &word : words)
        conditions << QStringLiteral("(%1) ILIKE %2").arg(searchableText, params.add(likePattern(word)));
    if (mercatorBoxM) {
        const QRectF &b = *mercatorBoxM;
        // The box in the table's EPSG:4326, once: the GiST index on geom answers `&&`.
        conditions << QStringLiteral("geom && ST_Transform(ST_MakeEnvelope(%1, %2, %3, %4, 3857), 4326)")
                          .arg(params.add(b.left()), params.add(b.top()), params.add(b.right()),
                               params.add(b.bottom()));
    }
    return conditions.isEmpty() ? QStringLiteral("TRUE") : conditions.join(QLatin1String(" AND "));
}

} // namespace chronomap
