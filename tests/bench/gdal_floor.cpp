// SPDX-License-Identifier: GPL-3.0-or-later
#include "gdal_floor.h"

#include "core/io/gdal_session.h"
#include "core/io/user_dataset.h"

#include <QFile>
#include <QFileInfo>

#include <gdal.h>
#include <ogr_api.h>

#include <cstdlib>
#include <cstring>
#include <vector>

namespace chronomap::bench {

FloorPass gdalFloorPass(const QString &path, const QStringList &fields, bool readGeometry,
                        const QStringList &numericFields)
{
    ensureGdalReady(); // same configuration options as the loader
    FloorPass pass;
    // Opened as the loader opens a user's file: the same drivers and options.
    const QFileInfo info(path);
    const DatasetPtr dataset = openUserDataset(QFile::encodeName(info.absoluteFilePath()), info.suffix());
    if (!dataset) {
        pass.error = QStringLiteral("GDAL cannot open %1").arg(path);
        return pass;
    }
    OGRLayerH layer = GDALDatasetGetLayer(dataset.get(), 0);
    OGRFeatureDefnH defn = OGR_L_GetLayerDefn(layer);
    std::vector<int> textIndexes, numberIndexes;
    for (const QString &name : fields)
        if (const int i = OGR_FD_GetFieldIndex(defn, name.toUtf8().constData()); i >= 0) textIndexes.push_back(i);
    for (const QString &name : numericFields)
        if (const int i = OGR_FD_GetFieldIndex(defn, name.toUtf8().constData()); i >= 0) numberIndexes.push_back(i);

    OGR_L_ResetReading(layer);
    while (OGRFeatureH feature = OGR_L_GetNextFeature(layer)) {
        ++pass.features;
        for (const int i : textIndexes)
            if (OGR_F_IsFieldSetAndNotNull(feature, i))
                pass.checksum += double(std::strlen(OGR_F_GetFieldAsString(feature, i)));
        for (const int i : numberIndexes)
            if (OGR_F_IsFieldSetAndNotNull(feature, i))
                pass.checksum += std::strtod(OGR_F_GetFieldAsString(feature, i), nullptr);
        if (readGeometry) {
            if (OGRGeometryH g = OGR_F_GetGeometryRef(feature); g && !OGR_G_IsEmpty(g))
                pass.checksum += OGR_G_GetX(g, 0) + OGR_G_GetY(g, 0);
        }
        OGR_F_Destroy(feature);
    }
    return pass;
}

} // namespace chronomap::bench
