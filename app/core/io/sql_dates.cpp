// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/sql_dates.h"

namespace chronomap {

QString LiveSql::startOf(const QString &column)
{
    return QStringLiteral("((%1 || CASE length(%1) WHEN 4 THEN '-01-01' WHEN 7 THEN '-01' ELSE '' END)::timestamptz)")
        .arg(column);
}

QString LiveSql::endExclusiveOf(const QString &column)
{
    return QStringLiteral("(%1 + CASE length(%2) WHEN 4 THEN interval '1 year' WHEN 7 THEN interval '1 month' WHEN "
                          "10 THEN interval '1 day' ELSE interval '1 millisecond' END)")
        .arg(startOf(column), column);
}

QString LiveSql::earliestStart()
{
    return startOf(kStartColumn);
}

QString LiveSql::latestEndExclusive()
{
    return endExclusiveOf(kEndColumn);
}

} // namespace chronomap
