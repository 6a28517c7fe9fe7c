// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/io/feature_batch.h"

#include <QByteArray>
#include <QString>

#include <gdal.h>

#include <memory>

namespace chronomap {

class LayerReader;

/// The rows of a CSV file read with GDAL's own CSV tokenizer (CSVReadParseLine3L, with the
/// arguments GDAL's CSV layer passes it) instead of through GDAL's layer, which builds an
/// OGRFeature per row and copies every value into it: half of the reader's CPU per row (issue
/// 20). It serves only a file whose layer GDAL has already opened with every column as text and
/// no geometry, whose separator and header it finds as GDAL's CSV driver does; then each row's
/// values are the strings GDAL's layer would set, field by field. Anything else is GDAL's layer.
/// Not a second parser: the tokenizing, quoting and line limits are GDAL's.
class CsvRowReader {
public:
    ~CsvRowReader();
    CsvRowReader(const CsvRowReader &) = delete;
    CsvRowReader &operator=(const CsvRowReader &) = delete;

    /// The reader of `dataset`, opened by openUserDataset() from the local file `gdalPath`, or
    /// null when its layer is to be read by GDAL: not a `.csv` file, CHRONOMAP_CSV_READER=gdal,
    /// a column GDAL types or reads as a geometry, or a separator or header the driver decides by
    /// rules this class does not repeat (`declined` gets why, when given).
    static std::unique_ptr<CsvRowReader> open(const QByteArray &gdalPath, const QString &suffix, GDALDatasetH dataset,
                                              QString *declined = nullptr);

    /// Reads the next row (blank lines skipped, as GDAL's layer does); false after the last.
    bool next();
    /// What LayerReader::extract() appends for the row next() read.
    void extract(const LayerReader &reader, qint64 record, FeatureBatch &batch) const;

private:
    CsvRowReader() = default;

    void *m_file = nullptr; ///< VSILFILE
    size_t m_maxLineSize = 0;
    char m_delimiter[2] = {',', '\0'};
    int m_fieldCount = 0;
    char **m_tokens = nullptr; ///< the row next() read (a CSL list)
    int m_tokenCount = 0;      ///< its values that fill fields: at most m_fieldCount
};

} // namespace chronomap
