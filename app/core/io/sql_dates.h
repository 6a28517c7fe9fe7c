// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace chronomap {

/// SQL for the text dates of a table made by `--import-pg` (`2025`, `2025-08`, `2025-08-12`,
/// ISO date-times, as EventLayerWriter writes them) as the instants TimeSpan uses, in a session
/// whose time zone is UTC. Shared by the live queries (LiveFilter) and the import's bin
/// pyramid (BinPyramid).
namespace LiveSql {
inline const QString kStartColumn = QStringLiteral("\"start\"");
inline const QString kEndColumn = QStringLiteral("coalesce(nullif(\"end\", ''), \"start\")");
/// The instant a text date starts, as timestamptz: a year or month is completed to its first day.
QString startOf(const QString &column);
/// The first instant after the period a text date names (FuzzyDate::endExclusiveMs).
QString endExclusiveOf(const QString &column);
/// A row's earliest start, and the first instant after its latest end.
QString earliestStart();
QString latestEndExclusive();
} // namespace LiveSql

} // namespace chronomap
