// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/table_preview.h"

#include "core/io/gdal_handles.h"
#include "core/io/gdal_session.h"
#include "core/io/geojson_fast_reader.h"
#include "core/io/reader_process.h"
#include "core/io/schema_profiles.h"
#include "core/io/user_dataset.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <gdal.h>
#include <ogr_api.h>

#include <vector>

namespace chronomap {

TablePreview TablePreview::read(const QString &path, int maxRows, const std::function<bool()> &keepGoing)
{
    // As the file is loaded: the bundled dataset in process (no child to start at every start
    // of the window), any other file in a reader child.
    if (ReaderProcess::readsInProcess(path)) return readHere(path, maxRows);
    return ReaderProcess::preview(path, maxRows, ReaderProcess::defaultLimits(), keepGoing);
}

TablePreview TablePreview::readHere(const QString &path, int maxRows)
{
    TablePreview preview;
    if (isVirtualOrRemotePath(path)) {
        preview.error = QCoreApplication::translate(
            "EventLoader", "only local files are opened; network and virtual paths are refused");
        return preview;
    }
    // GeoJSON the fast path reads: its columns are GDAL's (tested field by field), from a pass
    // over the file ten times quicker than GDAL's driver, which parses all of it to open it (4.8 s
    // at a million events). Rows are only shown by the dialog, which such columns rarely need.
    // Most often the columns of the first features already say no mapping is needed, and more
    // columns never make one needed (a known schema or a start and a title column stay found):
    // then the rest of the file is left to the load, which reads it anyway.
    const QByteArray localPath = QFile::encodeName(path);
    const QString suffix = QFileInfo(path).suffix();
    if (const auto leading = GeoJsonFastReader::leadingColumns(localPath, suffix);
        leading && !leading->isEmpty() && !needsMapping(*leading)) {
        preview.columns = *leading;
        return preview;
    }
    if (const auto fast = GeoJsonFastReader::open(localPath, suffix)) {
        for (const ipc::LayerField &field : fast->schema().fields)
            preview.columns.append(QString::fromUtf8(field.name));
        if (!needsMapping(preview.columns)) return preview;
        preview.columns.clear(); // the dialog shows rows: GDAL's, as the load's mapping reads them
    }
    ensureGdalReady();
    GdalMessageCollector messages;
    DatasetPtr dataset = openUserDataset(localPath, suffix);
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
                                 .left(kMaxCellChars)
                           : QString());
        preview.rows.append(row);
    }
    return preview;
}

QByteArray TablePreview::toJson() const
{
    QJsonArray rowsJson;
    for (const QStringList &row : rows)
        rowsJson.append(QJsonArray::fromStringList(row));
    return QJsonDocument(QJsonObject{{QStringLiteral("columns"), QJsonArray::fromStringList(columns)},
                                     {QStringLiteral("rows"), rowsJson},
                                     {QStringLiteral("error"), error}})
        .toJson(QJsonDocument::Compact);
}

std::optional<TablePreview> TablePreview::fromJson(const QByteArray &json)
{
    QJsonParseError parsed;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parsed);
    if (parsed.error != QJsonParseError::NoError || !document.isObject()) return std::nullopt;
    const QJsonObject object = document.object();
    const auto strings = [](const QJsonValue &value) -> std::optional<QStringList> {
        if (!value.isArray()) return std::nullopt;
        QStringList out;
        for (const QJsonValue &item : value.toArray()) {
            if (!item.isString()) return std::nullopt;
            out.append(item.toString());
        }
        return out;
    };
    TablePreview preview;
    const std::optional<QStringList> columns = strings(object.value(QStringLiteral("columns")));
    if (!columns || !object.value(QStringLiteral("rows")).isArray() ||
        !object.value(QStringLiteral("error")).isString())
        return std::nullopt;
    preview.columns = *columns;
    preview.error = object.value(QStringLiteral("error")).toString();
    for (const QJsonValue &rowJson : object.value(QStringLiteral("rows")).toArray()) {
        const std::optional<QStringList> row = strings(rowJson);
        if (!row || row->size() != preview.columns.size()) return std::nullopt;
        preview.rows.append(*row);
    }
    return preview;
}

bool TablePreview::needsMapping(const QStringList &columns)
{
    if (columns.isEmpty() || SchemaProfile::recognise(columns)) return false;
    const FieldMapping detected = FieldMapping::detect(columns);
    return !detected.has(FieldRole::Start) || !detected.has(FieldRole::Title);
}

LoadPreview LoadPreview::of(const QString &path, const LoadOptions &options, int maxIssues,
                            const std::function<bool()> &keepGoing)
{
    // As the file is loaded: in a reader child.
    const LoadResult result =
        ReaderProcess::loadFile(path, options, [&keepGoing](qint64, qint64) { return !keepGoing || keepGoing(); });
    LoadPreview preview;
    preview.cancelled = result.cancelled;
    preview.loaded = result.store->size();
    preview.read = result.recordsRead;
    preview.firstIssues = result.issues.mid(0, maxIssues);
    return preview;
}

} // namespace chronomap
