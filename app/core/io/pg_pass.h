// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace chronomap {

/// libpq's password file (`~/.pgpass`, or the file PGPASSFILE names): whether it holds a
/// password for a connection, so the Open Database dialog asks only when libpq would find none.
/// libpq offers no call that looks a line up without connecting, hence this reading of its
/// documented format: `host:port:database:user:password` lines, `*` matching anything, `\:` and
/// `\\` escapes, `localhost` matching a Unix-socket connection, and a file that the group or
/// others may read ignored (as libpq ignores it).
namespace PgPass {

/// The password file libpq reads: PGPASSFILE, else `~/.pgpass`.
QString filePath();

/// True when a line of the password file matches the `PG:` connection string's host, port,
/// database and user (each defaulting as libpq defaults it: PGHOST, PGPORT or 5432, PGDATABASE
/// or the user, PGUSER or the login name), or when the string gives a password itself.
bool hasPassword(const QString &source);

} // namespace PgPass

} // namespace chronomap
