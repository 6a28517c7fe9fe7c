// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/user_dataset.h"

#include "core/io/event_loader.h"

#include <QFile>
#include <QList>

#include <algorithm>
#include <vector>

namespace chronomap {

DatasetPtr openUserDataset(const QByteArray &gdalPath, const QString &suffix)
{
    QList<QByteArray> driverNames;
    for (const auto &name : EventLoader::allowedDrivers())
        driverNames.append(name.toUtf8());
    std::vector<const char *> drivers;
    for (const auto &name : driverNames)
        drivers.push_back(name.constData());
    drivers.push_back(nullptr);
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
