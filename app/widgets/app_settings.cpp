// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/app_settings.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace chronomap {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("chronomap::AppSettings", text);
}

const QString kGeometry = QStringLiteral("window/geometry");
const QString kState = QStringLiteral("window/state");
const QString kLastFiles = QStringLiteral("files/last");
const QString kRecent = QStringLiteral("files/recent");
const QString kExportFolder = QStringLiteral("files/exportFolder");
const QString kLanguage = QStringLiteral("view/language");
const QString kMapMode = QStringLiteral("view/mapMode");
const QString kReduceMotion = QStringLiteral("view/reduceMotion");
const QString kMapStyle = QStringLiteral("view/mapStyle");
const QString kHexBinsByCategory = QStringLiteral("view/hexBinsByCategory");

/// One settings group per set of columns (in order, names as written).
QString importKey(const QStringList &columns, const char *what)
{
    const QByteArray hash =
        QCryptographicHash::hash(columns.join(QChar(0x1f)).toUtf8(), QCryptographicHash::Sha1).toHex().left(16);
    return QStringLiteral("import/%1/%2").arg(QString::fromLatin1(hash), QLatin1String(what));
}

QStringList stringList(const QVariant &value)
{
    QStringList list = value.toStringList();
    list.removeAll(QString());
    return list;
}
} // namespace

AppSettings::AppSettings() : m_settings(std::make_unique<QSettings>())
{
    // Only a file that cannot be parsed is set aside: an AccessError (another QSettings of this
    // process syncing the same file, a folder not writable) says nothing about its contents.
    if (m_settings->status() != QSettings::FormatError) return;
    // Unreadable: keep the broken file for the curious, start from defaults.
    const QString file = m_settings->fileName();
    m_settings.reset();
    const QString aside = file + QStringLiteral(".broken");
    QFile::remove(aside);
    if (!QFile::rename(file, aside)) QFile::remove(file);
    m_settings = std::make_unique<QSettings>();
    m_problem = tr("The settings file %1 could not be read and was reset (the old file is kept as %2).")
                    .arg(QDir::toNativeSeparators(file), QDir::toNativeSeparators(aside));
}

AppSettings::~AppSettings() = default;

QString AppSettings::fileName() const
{
    return m_settings->fileName();
}

QByteArray AppSettings::windowGeometry() const
{
    return m_settings->value(kGeometry).toByteArray();
}

void AppSettings::setWindowGeometry(const QByteArray &geometry)
{
    m_settings->setValue(kGeometry, geometry);
}

QByteArray AppSettings::windowState() const
{
    return m_settings->value(kState).toByteArray();
}

void AppSettings::setWindowState(const QByteArray &state)
{
    m_settings->setValue(kState, state);
}

QStringList AppSettings::lastFiles() const
{
    return stringList(m_settings->value(kLastFiles));
}

void AppSettings::setLastFiles(const QStringList &files)
{
    m_settings->setValue(kLastFiles, files);
}

QStringList AppSettings::recentFiles() const
{
    return stringList(m_settings->value(kRecent)).mid(0, kMaxRecentFiles);
}

void AppSettings::setRecentFiles(const QStringList &files)
{
    m_settings->setValue(kRecent, files.mid(0, kMaxRecentFiles));
}

QStringList AppSettings::addRecentFiles(const QStringList &files)
{
    QStringList recent = recentFiles();
    for (auto it = files.crbegin(); it != files.crend(); ++it) {
        recent.removeAll(*it);
        recent.prepend(*it);
    }
    setRecentFiles(recent);
    return recentFiles();
}

QString AppSettings::exportFolder() const
{
    return m_settings->value(kExportFolder).toString();
}

void AppSettings::setExportFolder(const QString &folder)
{
    m_settings->setValue(kExportFolder, folder);
}

QString AppSettings::existingExportFolder(QStandardPaths::StandardLocation standard) const
{
    for (const QString &folder : {exportFolder(), QStandardPaths::writableLocation(standard), QDir::homePath()})
        if (!folder.isEmpty() && QFileInfo(folder).isDir()) return folder;
    return QDir::currentPath();
}

const QStringList &AppSettings::databaseFieldKeys()
{
    static const QStringList keys = {QStringLiteral("host"), QStringLiteral("port"), QStringLiteral("dbname"),
                                     QStringLiteral("user"), QStringLiteral("tables")};
    return keys;
}

QString AppSettings::databaseField(const QString &key) const
{
    return databaseFieldKeys().contains(key) ? m_settings->value(QStringLiteral("database/") + key).toString()
                                             : QString();
}

void AppSettings::setDatabaseField(const QString &key, const QString &value)
{
    if (databaseFieldKeys().contains(key)) m_settings->setValue(QStringLiteral("database/") + key, value);
}

QString AppSettings::language() const
{
    return m_settings->value(kLanguage).toString();
}

void AppSettings::setLanguage(const QString &code)
{
    m_settings->setValue(kLanguage, code);
}

QString AppSettings::mapMode() const
{
    return m_settings->value(kMapMode).toString();
}

void AppSettings::setMapMode(const QString &mode)
{
    m_settings->setValue(kMapMode, mode);
}

bool AppSettings::reduceMotion() const
{
    return m_settings->value(kReduceMotion, false).toBool();
}

void AppSettings::setReduceMotion(bool reduce)
{
    m_settings->setValue(kReduceMotion, reduce);
}

QString AppSettings::mapStyle() const
{
    return m_settings->value(kMapStyle).toString();
}

void AppSettings::setMapStyle(const QString &style)
{
    m_settings->setValue(kMapStyle, style);
}

bool AppSettings::hexBinsByCategory() const
{
    return m_settings->value(kHexBinsByCategory, false).toBool();
}

void AppSettings::setHexBinsByCategory(bool on)
{
    m_settings->setValue(kHexBinsByCategory, on);
}

bool AppSettings::sync()
{
    m_settings->sync();
    return m_settings->status() == QSettings::NoError;
}

QString AppSettings::importMapping(const QStringList &columns) const
{
    return m_settings->value(importKey(columns, "mapping")).toString();
}

QString AppSettings::importDateForm(const QStringList &columns) const
{
    return m_settings->value(importKey(columns, "dateForm")).toString();
}

void AppSettings::setImportChoice(const QStringList &columns, const QString &mapping, const QString &dateForm)
{
    m_settings->setValue(importKey(columns, "mapping"), mapping);
    m_settings->setValue(importKey(columns, "dateForm"), dateForm);
}

} // namespace chronomap
