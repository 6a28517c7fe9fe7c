// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/database_source.h"

#include "core/io/gdal_session.h"
#include "core/io/user_dataset.h"

#include <QRegularExpression>

#include <gdal.h>

namespace chronomap::DatabaseSource {

namespace {

/// `key=value` or `key='quoted value'` in a libpq keyword/value string.
QRegularExpression optionPattern(const QString &key)
{
    return QRegularExpression(
        QStringLiteral(R"((^|\s)%1\s*=\s*('(?:[^'\\]|\\.)*'|\S*))").arg(QRegularExpression::escape(key)),
        QRegularExpression::CaseInsensitiveOption);
}

} // namespace

bool isDatabase(const QString &source)
{
    return source.startsWith(QLatin1String("PG:"));
}

QString option(const QString &source, const QString &key)
{
    const QRegularExpressionMatch match = optionPattern(key).match(source.mid(3));
    if (!match.hasMatch()) return {};
    QString value = match.captured(2);
    if (value.size() >= 2 && value.startsWith(u'\'') && value.endsWith(u'\''))
        value = value.mid(1, value.size() - 2)
                    .replace(QRegularExpression(QStringLiteral(R"(\\(.))")), QStringLiteral("\\1"));
    return value;
}

QString withoutOption(const QString &source, const QString &key)
{
    QString rest = source.mid(3);
    rest.replace(optionPattern(key), QStringLiteral("\\1"));
    return QStringLiteral("PG:") + rest.simplified();
}

QString withOption(const QString &source, const QString &key, const QString &value)
{
    static const QRegularExpression plain(QStringLiteral(R"(^[^\s'\\]+$)"));
    QString quoted = value;
    if (!plain.match(value).hasMatch())
        quoted = u'\'' + quoted.replace(u'\\', QStringLiteral("\\\\")).replace(u'\'', QStringLiteral("\\'")) + u'\'';
    const QString rest = withoutOption(isDatabase(source) ? source : QStringLiteral("PG:"), key);
    return rest + (rest.size() > 3 ? QStringLiteral(" ") : QString()) + key + u'=' + quoted;
}

QString redacted(const QString &source)
{
    QString shown = source;
    return shown.replace(optionPattern(QStringLiteral("password")), QStringLiteral("\\1password=***"));
}

bool isPlainIdentifier(const QString &name)
{
    static const QRegularExpression plain(QStringLiteral("^[a-z_][a-z0-9_]{0,62}$"));
    return plain.match(name).hasMatch();
}

} // namespace chronomap::DatabaseSource

namespace chronomap {

DatasetPtr openDatabaseDataset(const QString &source, bool update)
{
    ensureGdalReady();
    const char *drivers[] = {"PostgreSQL", nullptr};
    const unsigned flags = GDAL_OF_VECTOR | GDAL_OF_VERBOSE_ERROR | (update ? GDAL_OF_UPDATE : GDAL_OF_READONLY);
    return DatasetPtr(GDALOpenEx(source.toUtf8().constData(), flags, drivers, nullptr, nullptr));
}

} // namespace chronomap
