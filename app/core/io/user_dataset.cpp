// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/user_dataset.h"

#include "core/io/event_loader.h"
#include "core/io/gdal_session.h"

#include <QFile>
#include <QList>

#include <algorithm>
#include <vector>

namespace chronomap {

namespace {

/// EventLoader::allowedDrivers() as GDAL's null-terminated list.
struct AllowedDrivers {
    QList<QByteArray> names;
    std::vector<const char *> list;
    AllowedDrivers()
    {
        for (const auto &name : EventLoader::allowedDrivers())
            names.append(name.toUtf8());
        for (const auto &name : names)
            list.push_back(name.constData());
        list.push_back(nullptr);
    }
};

} // namespace

QString identifyUserDriver(const QByteArray &gdalPath)
{
    // Identifying opens the drivers that cannot identify a file without opening it (GPX among
    // them), and their failures are not the file's problem yet: the open that follows reports
    // what it finds, as it does where nothing was identified first (found by
    // fuzz_geojson_differential: GPX's XML error was in one message and not the other).
    GdalMessageCollector dropped;
    const AllowedDrivers allowed;
    GDALDriverH driver = GDALIdentifyDriverEx(gdalPath.constData(), GDAL_OF_VECTOR, allowed.list.data(), nullptr);
    return driver ? QString::fromUtf8(GDALGetDriverShortName(driver)) : QString();
}

DatasetPtr openUserDataset(const QByteArray &gdalPath, const QString &suffix)
{
    const AllowedDrivers allowed;
    const auto &drivers = allowed.list;
    const bool geojson =
        suffix.compare(u"json", Qt::CaseInsensitive) == 0 || suffix.compare(u"geojson", Qt::CaseInsensitive) == 0;
    const char *openOptions[] = {"DATE_AS_STRING=YES", nullptr};
    return DatasetPtr(GDALOpenEx(gdalPath.constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY | GDAL_OF_VERBOSE_ERROR,
                                 drivers.data(), geojson ? openOptions : nullptr, nullptr));
}

qint64 estimateLineRecords(const QByteArray &gdalPath)
{
    if (gdalPath.startsWith("/vsi")) return -1;
    QFile file(QFile::decodeName(gdalPath));
    if (!file.open(QIODevice::ReadOnly)) return -1;
    const QByteArray sample = file.read(1 << 20);
    const qint64 lines = sample.count('\n');
    if (lines < 2) return -1;
    return std::max<qint64>(1, qint64(double(file.size()) * lines / sample.size()) - 1); // less the header
}

} // namespace chronomap
