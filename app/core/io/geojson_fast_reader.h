// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/io/batch_codec.h"
#include "core/io/csv_row_reader.h"
#include "core/io/feature_batch.h"
#include "core/io/gdal_handles.h"
#include "core/io/geojson_scan.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>
#include <vector>

namespace chronomap {

class LayerReader;

/// GeoJSON read with simdjson instead of GDAL, for the files it fully understands: a
/// FeatureCollection of points, lines and areas in WGS 84 whose every member and value it knows
/// how GDAL would read. It fills a LayerReader's batches with the same cells and geometries
/// LayerReader::extract() copies out of GDAL's features, so the events and issues are the same:
/// text straight from the parsed values, other types through an OGR field (GDAL's formatting).
/// The decision is taken over the whole file before the first feature; anything else is GDAL's.
class GeoJsonFastReader {
public:
    ~GeoJsonFastReader();

    /// The reader for `gdalPath` (a local file or a /vsimem/ buffer), or null when GDAL is to
    /// read it: not GeoJSON by `suffix`, CHRONOMAP_GEOJSON_READER=gdal, or anything the fast
    /// path is unsure of (`declined` gets why, when given).
    static std::unique_ptr<GeoJsonFastReader> open(const QByteArray &gdalPath, const QString &suffix,
                                                   QString *declined = nullptr);

    /// The property names of the features at the file's start (its first quarter megabyte), in
    /// the order they first appear, or nullopt when the file is no FeatureCollection there. Part
    /// of GDAL's columns, for a caller that only needs to know whether some are present: given
    /// also for files open() leaves to GDAL for what they hold beside the names (an id, a crs).
    static std::optional<QStringList> leadingColumns(const QByteArray &gdalPath, const QString &suffix);

    /// The fields and geometry column GDAL's layer for the file would have.
    const ipc::LayerSchema &schema() const { return m_schema; }
    qint64 featureCount() const { return m_featureCount; }

    /// Starts reading features that carry only `fieldIndexes` (of schema()); false on failure.
    bool start(const std::vector<int> &fieldIndexes);
    /// Reads the next feature; false after the last.
    bool next();
    /// What LayerReader::extract() appends for the feature next() read: `reader` must be the
    /// reader whose fieldIndexes() start() was given.
    void extract(const LayerReader &reader, qint64 record, FeatureBatch &batch);

private:
    GeoJsonFastReader() = default;
    /// The file mapped and a scanner ready, or null (`declined` gets why) when it is GDAL's by
    /// its suffix, the environment or its first kilobyte.
    static std::unique_ptr<GeoJsonFastReader> mapped(const QByteArray &gdalPath, const QString &suffix,
                                                     QString *declined);
    bool map(const QByteArray &gdalPath);

    struct Mapping;
    std::unique_ptr<Mapping> m_file;
    std::unique_ptr<geojson::Scanner> m_scanner;
    ipc::LayerSchema m_schema;
    qint64 m_featureCount = 0;
    bool m_started = false;
    // Scratch, only when a requested field holds numbers: a number gets GDAL's text through an
    // OGR field of an in-memory layer with schema()'s fields. Text and lists of text need no GDAL.
    DatasetPtr m_memory;
    FeaturePtr m_feature;
    geojson::Feature m_values;
    std::vector<geojson::FieldType> m_types; ///< per field of schema()
    std::vector<int> m_fields;               ///< per requested value: its OGR field index
    std::vector<OGRFieldType> m_fieldTypes;  ///< per requested value
};

/// An OGR geometry of `g` (the caller owns it; null for none), as GDAL's GeoJSON driver builds it.
OGRGeometryH ogrGeometryOf(const geojson::Geometry &g);

/// The features of one layer in order: from the GeoJSON fast reader or the CSV rows when one
/// serves the file, else from GDAL's layer (read from its start). What the loader and the reader
/// child both iterate.
class LayerFeatures {
public:
    LayerFeatures(OGRLayerH layer, GeoJsonFastReader *fast, CsvRowReader *csv)
        : m_layer(layer), m_fast(fast), m_csv(csv)
    {
        if (!m_fast && !m_csv) OGR_L_ResetReading(m_layer);
    }
    /// Reads the next feature; false at the end.
    bool next()
    {
        if (m_fast) return m_fast->next();
        if (m_csv) return m_csv->next();
        m_owned.reset(OGR_L_GetNextFeature(m_layer));
        return m_owned != nullptr;
    }
    /// LayerReader::extract() of the feature next() read.
    void extract(const LayerReader &reader, qint64 record, FeatureBatch &batch);

private:
    OGRLayerH m_layer;
    GeoJsonFastReader *m_fast;
    CsvRowReader *m_csv;
    FeaturePtr m_owned; ///< GDAL's feature; the fast readers keep their own
};

} // namespace chronomap
