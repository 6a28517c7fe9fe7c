// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/table_preview.h"

#include "core/io/gdal_handles.h"
#include "core/io/gdal_session.h"
#include "core/io/schema_profiles.h"
#include "core/io/user_dataset.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

#include <gdal.h>
#include <ogr_api.h>

#include <vector>

namespace chronomap {

TablePreview TablePreview::read(const QString &path, int maxRows)
{
    ensureGdalReady();
    TablePreview preview;
    if (isVirtualOrRemotePath(path)) {
        preview.error = QCoreApplication::translate(
            "EventLoader", "only local files are opened; network and virtual paths are refused");
        return preview;
    }
    GdalMessageCollector messages;
    DatasetPtr dataset = openUserDataset(QFile::encodeName(path), QFileInfo(path).suffix());
    OGRLayerH layer =
        dataset && GDALDatasetGetLayerCount(dataset.get()) > 0 ? GDALDatasetGetLayer(dataset.get(), 0) : nullptr;
    if (!layer) {
        preview.error = QCoreApplication::translate(
            "EventLoader", "not a dataset Chronomap can read (GeoJSON, CSV, GeoPackage, KML, XLSX, ODS…)");
        return preview;
    }
    OGRFeatureDefnH defn = OGR_L_GetLayerDefn(layer);
    const int fields = OGR_FD_GetFieldCount(defn);
    for (int i = 0; i < fields; ++i)
        preview.columns.append(QString::fromUtf8(OGR_Fld_GetNameRef(OGR_FD_GetFieldDefn(defn, i))));
    OGR_L_ResetReading(layer);
    while (preview.rows.size() < maxRows) {
        FeaturePtr feature{OGR_L_GetNextFeature(layer)};
        if (!feature) break;
        QStringList row;
        for (int i = 0; i < fields; ++i)
            row.append(OGR_F_IsFieldSetAndNotNull(static_cast<OGRFeatureH>(feature.get()), i)
                           ? QString::fromUtf8(OGR_F_GetFieldAsString(static_cast<OGRFeatureH>(feature.get()), i))
                           : QString());
        preview.rows.append(row);
    }
    return preview;
}

bool TablePreview::needsMapping(const QStringList &columns)
{
    if (columns.isEmpty() || SchemaProfile::recognise(columns)) return false;
    const FieldMapping detected = FieldMapping::detect(columns);
    return !detected.has(FieldRole::Start) || !detected.has(FieldRole::Title);
}

LoadPreview LoadPreview::of(const QString &path, const LoadOptions &options, int maxIssues)
{
    const LoadResult result = EventLoader::load(path, options);
    LoadPreview preview;
    preview.loaded = result.store->size();
    preview.read = result.recordsRead;
    preview.firstIssues = result.issues.mid(0, maxIssues);
    return preview;
}

} // namespace chronomap
