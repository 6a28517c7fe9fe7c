// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace chronomap {

/// A PostgreSQL/PostGIS table named by the user: GDAL's `PG:` connection string, e.g.
/// `PG:host=db.example dbname=events_db user=me tables=events`. Only these strings ever make
/// Chronomap connect anywhere: files open with the file drivers of EventLoader::allowedDrivers(),
/// never GDAL's PostgreSQL driver, so nothing inside a file can name a server. Passwords come
/// from `~/.pgpass` or PGPASSWORD (libpq reads both), never from settings.
namespace DatabaseSource {

/// True for a `PG:` connection string (the whole argument starts with `PG:`).
bool isDatabase(const QString &source);

/// The value of `key` in the connection string (`tables`, `dbname`…), unquoted; empty when absent.
QString option(const QString &source, const QString &key);

/// The connection string with `key=value` set (replacing one given before): the value quoted
/// as libpq reads it when it is empty or holds spaces, quotes or backslashes.
QString withOption(const QString &source, const QString &key, const QString &value);

/// The connection string with `key=value` removed (e.g. `tables`), the rest as given.
QString withoutOption(const QString &source, const QString &key);

/// The string to show in messages and titles: `password=` values replaced by `***`.
QString redacted(const QString &source);

/// A plain SQL identifier (lower-case letters, digits, `_`, not starting with a digit, at most
/// 63 bytes): the only table names the import creates and the SQL it runs names.
bool isPlainIdentifier(const QString &name);

} // namespace DatabaseSource

} // namespace chronomap
