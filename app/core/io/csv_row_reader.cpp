// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/csv_row_reader.h"

#include "core/io/layer_reader.h"

#include <cpl_conv.h>
#include <cpl_csv.h>
#include <cpl_string.h>
#include <cpl_vsi.h>
#include <cpl_vsi_virtual.h>
#include <ogr_api.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

namespace chronomap {

namespace {

/// A CSL list (GDAL's null-terminated string list), destroyed with it.
struct StringList {
    char **items = nullptr;
    explicit StringList(char **list) : items(list) {}
    ~StringList() { CSLDestroy(items); }
    StringList(const StringList &) = delete;
    StringList &operator=(const StringList &) = delete;
    int count() const { return CSLCount(items); }
};

/// The names GDAL 3.6's CSV layer gives the columns of a header `line` split at `delimiter`
/// (OGRCSVLayer::BuildFeatureDefn with no open options), when it takes the line as a header. A
/// line it takes as the first row of data (a value reads as a number) gets names field_1, field_2…
/// which these are not, so comparing the names with the layer's finds that case too.
std::vector<std::string> headerNames(const char *line, const char *delimiter)
{
    if (reinterpret_cast<const unsigned char *>(line)[0] == 0xEF &&
        reinterpret_cast<const unsigned char *>(line)[1] == 0xBB &&
        reinterpret_cast<const unsigned char *>(line)[2] == 0xBF)
        line += 3; // the UTF-8 byte order mark
    const StringList tokens(CSLTokenizeString2(line, delimiter, CSLT_HONOURSTRINGS | CSLT_ALLOWEMPTYTOKENS));
    const int count = tokens.count();
    if (count > std::atoi(CPLGetConfigOption("OGR_CSV_MAX_FIELD_COUNT", "2000"))) return {}; // GDAL cuts
    std::vector<std::string> names;
    for (int i = 0; i < count; ++i) {
        std::string name = tokens.items[i];
        name.erase(0, name.find_first_not_of(' '));
        name.erase(name.find_last_not_of(' ') + 1);
        if (name.empty()) {
            if (i == 1 && count == 2 && tokens.items[1][0] == '\0') break; // one column, a trailing comma
            name = "field_" + std::to_string(i + 1);
        }
        names.push_back(std::move(name));
    }
    return names;
}

} // namespace

CsvRowReader::~CsvRowReader()
{
    CSLDestroy(m_tokens);
    if (m_file) VSIFCloseL(static_cast<VSILFILE *>(m_file));
}

std::unique_ptr<CsvRowReader> CsvRowReader::open(const QByteArray &gdalPath, const QString &suffix,
                                                 GDALDatasetH dataset, QString *declined)
{
    auto decline = [&](const QString &why) -> std::unique_ptr<CsvRowReader> {
        if (declined) *declined = why;
        return nullptr;
    };
    if (suffix.compare(u"csv", Qt::CaseInsensitive) != 0) return decline(QStringLiteral("not CSV by its suffix"));
    if (qEnvironmentVariable("CHRONOMAP_CSV_READER") == u"gdal")
        return decline(QStringLiteral("CHRONOMAP_CSV_READER=gdal"));
    if (!dataset || std::strcmp(GDALGetDriverShortName(GDALGetDatasetDriver(dataset)), "CSV") != 0 ||
        GDALDatasetGetLayerCount(dataset) != 1)
        return decline(QStringLiteral("not one layer of GDAL's CSV driver"));
    // Every column text and none a geometry: then GDAL's layer sets each field to the row's value
    // as it is (no WKT, coordinates, .csvt types or numbers to parse).
    OGRFeatureDefnH defn = OGR_L_GetLayerDefn(GDALDatasetGetLayer(dataset, 0));
    if (OGR_FD_GetGeomFieldCount(defn) != 0) return decline(QStringLiteral("a column is read as a geometry"));
    const int fieldCount = OGR_FD_GetFieldCount(defn);
    for (int i = 0; i < fieldCount; ++i) {
        OGRFieldDefnH field = OGR_FD_GetFieldDefn(defn, i);
        if (OGR_Fld_GetType(field) != OFTString || OGR_Fld_GetSubType(field) != OFSTNone)
            return decline(QStringLiteral("a column is not text"));
    }

    std::unique_ptr<CsvRowReader> reader(new CsvRowReader);
    VSILFILE *plain = VSIFOpenL(gdalPath.constData(), "rb");
    if (!plain) return decline(QStringLiteral("cannot open the file"));
    // Buffered as OpenTable buffers it: the tokenizer reads ahead and seeks back on every line.
    auto *file =
        reinterpret_cast<VSILFILE *>(VSICreateBufferedReaderHandle(reinterpret_cast<VSIVirtualHandle *>(plain)));
    reader->m_file = file;
    // The line limit and the separator as OGRCSVDataSource::OpenTable finds them.
    const int maxLineSize = std::atoi(CPLGetConfigOption("OGR_CSV_MAX_LINE_SIZE", "10000000"));
    reader->m_maxLineSize = maxLineSize == 0 ? size_t(-1) : size_t(maxLineSize);
    const char *first = CPLReadLine2L(file, maxLineSize == 0 ? -1 : maxLineSize, nullptr);
    if (!first) return decline(QStringLiteral("no first line"));
    const std::string firstLine = first;
    reader->m_delimiter[0] = CSVDetectSeperator(firstLine.c_str());
    // (Then GDAL may choose tab by the next line's cells; were it to, the names below would differ.)
    if (reader->m_delimiter[0] != '\t' && firstLine.find('\t') != std::string::npos)
        return decline(QStringLiteral("a tab in the first line (GDAL may choose tab by the next line)"));
    // The header as OGRCSVLayer::BuildFeatureDefn reads it: its names must be the layer's.
    VSIRewindL(file);
    const char *header = CPLReadLineL(file);
    const std::vector<std::string> names =
        header ? headerNames(header, reader->m_delimiter) : std::vector<std::string>();
    if (int(names.size()) != fieldCount)
        return decline(QStringLiteral("GDAL does not take the first line as the columns' names"));
    for (int i = 0; i < fieldCount; ++i)
        if (names[size_t(i)] != OGR_Fld_GetNameRef(OGR_FD_GetFieldDefn(defn, i)))
            return decline(QStringLiteral("GDAL names a column otherwise"));
    reader->m_fieldCount = fieldCount;
    // OGRCSVLayer::ResetReading: past the header record.
    VSIRewindL(file);
    CSLDestroy(CSVReadParseLine3L(file, reader->m_maxLineSize, reader->m_delimiter, true, false, false, true));
    return reader;
}

bool CsvRowReader::next()
{
    // OGRCSVLayer::GetNextLineTokens, with its arguments.
    for (;;) {
        CSLDestroy(m_tokens);
        m_tokens = CSVReadParseLine3L(static_cast<VSILFILE *>(m_file), m_maxLineSize, m_delimiter,
                                      true,  // honour strings
                                      false, // keep leading and closing quotes
                                      false, // merge delimiters
                                      true); // skip a byte order mark
        if (!m_tokens) return false;
        if (m_tokens[0]) break;
    }
    // OGRCSVLayer::GetNextUnfilteredFeature: values past the header's columns are dropped.
    m_tokenCount = std::min(CSLCount(m_tokens), m_fieldCount);
    return true;
}

void CsvRowReader::extract(const LayerReader &reader, qint64 record, FeatureBatch &batch) const
{
    reader.extractText(m_tokens, m_tokenCount, record, batch);
}

} // namespace chronomap
