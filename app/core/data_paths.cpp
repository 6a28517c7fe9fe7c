// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/data_paths.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QMutex>

namespace chronomap {

namespace {
QMutex g_applicationPathsMutex; ///< see applicationDir()

bool looksLikeDataRoot(const QString &dir)
{
    return QFileInfo::exists(dir + QStringLiteral("/geodata/basemap/basemap.gpkg"));
}

/// The source and build trees serve only a binary that runs from the build tree (or code with
/// no application object, such as tests): an installed copy must use what was installed with
/// it, so a package that lacks its data fails visibly instead of reading a developer's checkout.
bool mayUseBuildTrees()
{
    if (!QCoreApplication::instance()) return true;
    const QString build = QDir(QStringLiteral(CHRONOMAP_BUILD_DIR)).canonicalPath();
    const QString app = QDir(DataPaths::applicationDir()).canonicalPath();
    return !build.isEmpty() && (app == build || app.startsWith(build + u'/'));
}
} // namespace

QString DataPaths::applicationDir()
{
    const QMutexLocker lock(&g_applicationPathsMutex);
    return QCoreApplication::applicationDirPath();
}

QString DataPaths::applicationFile()
{
    const QMutexLocker lock(&g_applicationPathsMutex);
    return QCoreApplication::applicationFilePath();
}

QString DataPaths::dataRoot()
{
    const QString fromEnv = qEnvironmentVariable("CHRONOMAP_DATA_DIR");
    if (!fromEnv.isEmpty() && looksLikeDataRoot(fromEnv)) return QDir(fromEnv).absolutePath();
    if (QCoreApplication::instance()) {
        const QString installed = DataPaths::applicationDir() + QStringLiteral("/../" CHRONOMAP_INSTALL_DATADIR);
        if (looksLikeDataRoot(installed)) return QDir(installed).absolutePath();
    }
    const QString sourceTree = QStringLiteral(CHRONOMAP_SOURCE_DIR);
    if (mayUseBuildTrees() && looksLikeDataRoot(sourceTree)) return sourceTree;
    return {};
}

QString DataPaths::baseMap()
{
    return dataRoot() + QStringLiteral("/geodata/basemap/basemap.gpkg");
}

QString DataPaths::bundledEvents()
{
    return dataRoot() + QStringLiteral("/geodata/events/russia-north-korea.geojson");
}

QString DataPaths::exampleBriefing()
{
    return dataRoot() + QStringLiteral("/geodata/briefings/treaty-to-kursk.chronomap-briefing.json");
}

QString DataPaths::resource(const QString &relative)
{
    return dataRoot() + QStringLiteral("/resources/") + relative;
}

QString DataPaths::translations()
{
    const auto hasQm = [](const QString &dir) {
        return !QDir(dir).entryList({QStringLiteral("chronomap_*.qm")}, QDir::Files).isEmpty();
    };
    if (const QString root = dataRoot(); !root.isEmpty() && hasQm(root + QStringLiteral("/translations")))
        return root + QStringLiteral("/translations");
    if (QCoreApplication::instance()) {
        const QString installed =
            DataPaths::applicationDir() + QStringLiteral("/../" CHRONOMAP_INSTALL_DATADIR "/translations");
        if (hasQm(installed)) return QDir(installed).absolutePath();
    }
    const QString buildTree = QStringLiteral(CHRONOMAP_BUILD_TRANSLATIONS_DIR);
    if (mayUseBuildTrees() && hasQm(buildTree)) return buildTree;
    return {};
}

} // namespace chronomap
