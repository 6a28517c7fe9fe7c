// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace chronomap {

/// The four statement triggers (`"<table>_<name>_insert"`, `_update`, `_delete`, `_truncate`)
/// that run the plpgsql `function` after each change of `table`, with the changed rows as the
/// transition tables `chronomap_old` and `chronomap_new` (what a table kept beside the rows,
/// BinPyramid's and RegionTable's, updates itself from).
QStringList changeTriggers(const QString &table, const QString &name, const QString &function);

} // namespace chronomap
