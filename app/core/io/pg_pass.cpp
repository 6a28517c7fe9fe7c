// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/pg_pass.h"

#include "core/io/database_source.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStringList>

#include <pwd.h>
#include <unistd.h>

namespace chronomap::PgPass {

namespace {

/// A line's five fields, `\:` and `\\` unescaped; fewer than five when malformed.
QStringList fields(const QString &line)
{
    QStringList out(1);
    for (qsizetype i = 0; i < line.size(); ++i) {
        if (line[i] == u'\\' && i + 1 < line.size())
            out.last() += line[++i];
        else if (line[i] == u':' && out.size() < 5)
            out.append(QString());
        else
            out.last() += line[i];
    }
    return out;
}

QString loginName()
{
    if (const passwd *pw = ::getpwuid(::geteuid())) return QString::fromLocal8Bit(pw->pw_name);
    return qEnvironmentVariable("USER");
}

QString orDefault(const QString &value, const char *variable, const QString &fallback)
{
    if (!value.isEmpty()) return value;
    const QString fromEnvironment = qEnvironmentVariable(variable);
    return fromEnvironment.isEmpty() ? fallback : fromEnvironment;
}

/// A Unix-socket connection (no host, or a folder): `localhost` lines match it.
bool isLocalSocket(const QString &host)
{
    return host.isEmpty() || host.startsWith(u'/');
}

} // namespace

QString filePath()
{
    const QString named = qEnvironmentVariable("PGPASSFILE");
    return named.isEmpty() ? QDir::home().filePath(QStringLiteral(".pgpass")) : named;
}

bool hasPassword(const QString &source)
{
    if (!DatabaseSource::option(source, QStringLiteral("password")).isEmpty()) return true;
    QFile file(filePath());
    const QFileInfo info(file);
    if (!info.isFile()) return false;
    // libpq ignores a password file others may read (it warns and connects without it).
    const auto others = QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup |
                        QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther;
    if (info.permissions() & others) return false;
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) return false;

    const QString host = orDefault(DatabaseSource::option(source, QStringLiteral("host")), "PGHOST", QString());
    const QString port =
        orDefault(DatabaseSource::option(source, QStringLiteral("port")), "PGPORT", QStringLiteral("5432"));
    const QString user = orDefault(DatabaseSource::option(source, QStringLiteral("user")), "PGUSER", loginName());
    const QString database = orDefault(DatabaseSource::option(source, QStringLiteral("dbname")), "PGDATABASE", user);
    const QString wanted[] = {host, port, database, user};
    while (!file.atEnd()) {
        const QString line = QString::fromUtf8(file.readLine()).trimmed();
        if (line.isEmpty() || line.startsWith(u'#')) continue;
        const QStringList f = fields(line);
        if (f.size() < 5) continue;
        bool matches = true;
        for (int k = 0; k < 4 && matches; ++k)
            matches = f[k] == u"*" || f[k] == wanted[k] || (k == 0 && f[k] == u"localhost" && isLocalSocket(host));
        if (matches) return true;
    }
    return false;
}

} // namespace chronomap::PgPass
