// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/geojson_fast_reader.h"

#include "core/io/gdal_session.h"
#include "core/io/geojson_kernel.h"
#include "core/io/geojson_sniff.h"
#include "core/io/layer_reader.h"
#include "core/io/schema_layer.h"
#include "core/io/user_dataset.h"

#include <QFileInfo>

#include <cpl_vsi.h>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <simdjson.h>

#include <algorithm>
#include <cstring>
#include <string>
#include <string_view>

namespace chronomap {

namespace {

using geojson::GeometryType;

/// What GDAL's drivers see of a file when they choose (GDALOpenInfo's header, with a margin).
constexpr size_t kGdalHeaderBytes = 4096;

bool haswellRuns()
{
#if defined(__x86_64__) && defined(__GNUC__)
    return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("bmi") && __builtin_cpu_supports("bmi2") &&
           __builtin_cpu_supports("pclmul");
#else
    return false;
#endif
}

bool useHaswell()
{
    return haswellRuns() && qEnvironmentVariable("CHRONOMAP_SIMDJSON_KERNEL") != u"fallback";
}

std::unique_ptr<geojson::Scanner> makeScanner()
{
    return useHaswell() ? geojson::makeHaswellScanner() : geojson::makeFallbackScanner();
}

/// The OGR type and subtype of a field the first pass typed.
ipc::LayerField fieldOf(const geojson::SchemaField &f)
{
    using geojson::FieldType;
    ipc::LayerField out;
    out.name = QByteArray::fromStdString(f.name);
    out.subType = OFSTNone;
    switch (f.type) {
    case FieldType::Integer:
        out.type = OFTInteger;
        break;
    case FieldType::Boolean:
        out.type = OFTInteger;
        out.subType = OFSTBoolean;
        break;
    case FieldType::Integer64:
        out.type = OFTInteger64;
        break;
    case FieldType::Real:
        out.type = OFTReal;
        break;
    case FieldType::StringList:
        out.type = OFTStringList;
        break;
    case FieldType::Json:
        out.type = OFTString;
        out.subType = OFSTJSON;
        break;
    case FieldType::Undetermined:
    case FieldType::String:
    case FieldType::Declined:
        out.type = OFTString;
        break;
    }
    return out;
}

OGRGeometryH lineOf(OGRwkbGeometryType type, const double *lonLat, qint64 vertices)
{
    OGRGeometryH g = OGR_G_CreateGeometry(type);
    OGR_G_SetPoints(g, int(vertices), const_cast<double *>(lonLat), 2 * sizeof(double),
                    const_cast<double *>(lonLat + 1), 2 * sizeof(double), nullptr, 0);
    return g;
}

} // namespace

namespace geojson {

FieldType nextFieldType(FieldType type, ValueKind kind)
{
    // Each rule below was measured against GDAL 3.6 (ogrinfo -oo DATE_AS_STRING=YES); every
    // combination not measured is left to GDAL.
    if (kind == ValueKind::Null) return type;
    if (kind == ValueKind::NumberArray || kind == ValueKind::NullInArray) return FieldType::Declined;
    const bool structured = kind == ValueKind::Object || kind == ValueKind::EmptyArray || kind == ValueKind::OtherArray;
    switch (type) {
    case FieldType::Undetermined:
        switch (kind) {
        case ValueKind::String:
            return FieldType::String;
        case ValueKind::Int32:
            return FieldType::Integer;
        case ValueKind::Int64:
            return FieldType::Integer64;
        case ValueKind::Real:
            return FieldType::Real;
        case ValueKind::Bool:
            return FieldType::Boolean;
        case ValueKind::StringArray:
            return FieldType::StringList;
        default:
            return FieldType::Json;
        }
    case FieldType::Json:
        return FieldType::Json;
    case FieldType::String:
        if (structured) return FieldType::Json;
        if (kind == ValueKind::StringArray) return FieldType::StringList;
        return kind == ValueKind::Bool ? FieldType::Declined : FieldType::String;
    case FieldType::StringList:
        return structured ? FieldType::Declined : FieldType::StringList;
    case FieldType::Integer:
        switch (kind) {
        case ValueKind::Int32:
        case ValueKind::Bool:
            return FieldType::Integer;
        case ValueKind::Int64:
            return FieldType::Integer64;
        case ValueKind::Real:
            return FieldType::Real;
        case ValueKind::String:
            return FieldType::Json;
        case ValueKind::StringArray:
            return FieldType::StringList;
        default:
            return FieldType::Declined;
        }
    case FieldType::Boolean:
        switch (kind) {
        case ValueKind::Bool:
            return FieldType::Boolean;
        case ValueKind::Int32:
            return FieldType::Integer;
        case ValueKind::Real:
            return FieldType::Real;
        default:
            return FieldType::Declined;
        }
    case FieldType::Integer64:
        switch (kind) {
        case ValueKind::Int32:
        case ValueKind::Int64:
            return FieldType::Integer64;
        case ValueKind::Real:
            return FieldType::Real;
        default:
            return FieldType::Declined;
        }
    case FieldType::Real:
        switch (kind) {
        case ValueKind::Int32:
        case ValueKind::Real:
        case ValueKind::Bool:
            return FieldType::Real;
        default:
            return FieldType::Declined;
        }
    case FieldType::Declined:
        return FieldType::Declined;
    }
    return FieldType::Declined;
}

} // namespace geojson

/// The file's bytes with simdjson's padding readable after them: a private mapping of a local
/// file over zeroed pages (no copy into fresh memory), or a copy of a /vsimem/ buffer.
struct GeoJsonFastReader::Mapping {
    void *base = MAP_FAILED;
    size_t mappedBytes = 0;
    int fd = -1; ///< the mapped file, kept open for the scanner's pread()
    std::string copy;
    const char *data = nullptr;
    size_t size = 0;

    ~Mapping()
    {
        if (base != MAP_FAILED) ::munmap(base, mappedBytes);
        if (fd >= 0) ::close(fd);
    }
};

GeoJsonFastReader::~GeoJsonFastReader() = default;

QString geojsonKernel()
{
    return QString::fromLatin1(makeScanner()->kernel());
}

bool GeoJsonFastReader::map(const QByteArray &gdalPath)
{
    m_file = std::make_unique<Mapping>();
    if (gdalPath.startsWith("/vsimem/")) {
        vsi_l_offset length = 0;
        const GByte *bytes = VSIGetMemFileBuffer(gdalPath.constData(), &length, FALSE);
        if (!bytes) return false;
        m_file->copy.reserve(size_t(length) + simdjson::SIMDJSON_PADDING);
        m_file->copy.assign(reinterpret_cast<const char *>(bytes), size_t(length));
        m_file->data = m_file->copy.data();
        m_file->size = m_file->copy.size();
        return true;
    }
    if (gdalPath.startsWith("/vsi")) return false;
    const int fd = ::open(gdalPath.constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return false;
    struct stat info {};
    if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode) || info.st_size <= 0) {
        ::close(fd);
        return false;
    }
    const size_t size = size_t(info.st_size);
    const size_t page = size_t(::sysconf(_SC_PAGESIZE));
    m_file->mappedBytes = (size + simdjson::SIMDJSON_PADDING + page - 1) / page * page;
    // Zeroed pages for the padding, then the file over their start: reading past the file's end
    // within its last page gives zeros, and the padding beyond lands on the anonymous pages.
    m_file->base = ::mmap(nullptr, m_file->mappedBytes, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (m_file->base == MAP_FAILED) {
        ::close(fd);
        return false;
    }
    // Not populated: each pass reads the file once, front to back, and drops what it has read.
    void *file = ::mmap(m_file->base, size, PROT_READ, MAP_PRIVATE | MAP_FIXED, fd, 0);
    m_file->fd = fd;
    if (file == MAP_FAILED) return false;
    ::madvise(m_file->base, size, MADV_SEQUENTIAL);
    m_file->data = static_cast<const char *>(m_file->base);
    m_file->size = size;
    return true;
}

std::unique_ptr<GeoJsonFastReader> GeoJsonFastReader::mapped(const QByteArray &gdalPath, const QString &suffix,
                                                             QString *declined)
{
    auto decline = [&](const QString &why) -> std::unique_ptr<GeoJsonFastReader> {
        if (declined) *declined = why;
        return nullptr;
    };
    if (suffix.compare(u"geojson", Qt::CaseInsensitive) != 0 && suffix.compare(u"json", Qt::CaseInsensitive) != 0)
        return decline(QStringLiteral("not GeoJSON by its suffix"));
    if (qEnvironmentVariable("CHRONOMAP_GEOJSON_READER") == u"gdal")
        return decline(QStringLiteral("CHRONOMAP_GEOJSON_READER=gdal"));
    // The same driver GDAL would pick, or GDAL reads it. GDAL tries its drivers in turn on the
    // first kilobyte, and an XML driver (GPX, KML) that finds its tag there claims the file and
    // fails on it ("<gpx" in a title: found by fuzz_geojson_differential): such headers are GDAL's.
    // A header whose answer is certain spares registering GDAL's drivers to ask (issue 20).
    std::unique_ptr<GeoJsonFastReader> reader(new GeoJsonFastReader);
    if (!reader->map(gdalPath)) return decline(QStringLiteral("cannot map the file"));
    if (!gdalSurelyPicksGeoJson(suffix, std::string_view(reader->m_file->data, reader->m_file->size))) {
        ensureGdalReady();
        if (identifyUserDriver(gdalPath) != u"GeoJSON")
            return decline(QStringLiteral("GDAL would not read it as GeoJSON"));
    }
    if (std::string_view(reader->m_file->data, std::min<size_t>(reader->m_file->size, kGdalHeaderBytes)).find('<') !=
        std::string_view::npos)
        return decline(QStringLiteral("an XML driver of GDAL may claim its first kilobyte"));
    reader->m_scanner = makeScanner();
    return reader;
}

std::unique_ptr<GeoJsonFastReader> GeoJsonFastReader::open(const QByteArray &gdalPath, const QString &suffix,
                                                           QString *declined)
{
    std::unique_ptr<GeoJsonFastReader> reader = mapped(gdalPath, suffix, declined);
    if (!reader) return nullptr;
    const geojson::Schema schema =
        reader->m_scanner->scan(reader->m_file->data, reader->m_file->size, reader->m_file->fd);
    if (!schema.declined.empty()) {
        if (declined) *declined = QString::fromStdString(schema.declined);
        return nullptr;
    }
    reader->m_schema.name = QFileInfo(QString::fromUtf8(gdalPath)).completeBaseName().toUtf8();
    reader->m_schema.hasGeometryField = true;
    reader->m_schema.geometryType = wkbUnknown;
    for (const geojson::SchemaField &f : schema.fields)
        reader->m_schema.fields.push_back(fieldOf(f));
    reader->m_types.clear();
    for (const geojson::SchemaField &f : schema.fields)
        reader->m_types.push_back(f.type);
    reader->m_featureCount = schema.features;
    return reader;
}

std::optional<QStringList> GeoJsonFastReader::leadingColumns(const QByteArray &gdalPath, const QString &suffix)
{
    const std::unique_ptr<GeoJsonFastReader> reader = mapped(gdalPath, suffix, nullptr);
    if (!reader) return std::nullopt;
    const geojson::Schema schema =
        reader->m_scanner->leadingFields(reader->m_file->data, reader->m_file->size, reader->m_file->fd);
    if (!schema.declined.empty()) return std::nullopt;
    QStringList columns;
    for (const geojson::SchemaField &f : schema.fields)
        columns.append(QString::fromStdString(f.name));
    return columns;
}

bool GeoJsonFastReader::start(const std::vector<int> &fieldIndexes)
{
    std::vector<geojson::Scanner::Request> requests;
    m_fields = fieldIndexes;
    m_fieldTypes.clear();
    for (const int index : fieldIndexes) {
        const ipc::LayerField &f = m_schema.fields[size_t(index)];
        requests.push_back({index, m_types[size_t(index)]});
        m_fieldTypes.push_back(OGRFieldType(f.type));
    }
    const bool numbers = std::any_of(m_fieldTypes.begin(), m_fieldTypes.end(),
                                     [](OGRFieldType t) { return t != OFTString && t != OFTStringList; });
    if (numbers) {
        OGRLayerH layer = nullptr;
        m_memory = createSchemaLayer(m_schema, &layer);
        if (!layer) return false;
        m_feature.reset(OGR_F_Create(OGR_L_GetLayerDefn(layer)));
    }
    m_started = m_scanner->start(m_file->data, m_file->size, m_file->fd, std::move(requests));
    return m_started;
}

bool GeoJsonFastReader::next()
{
    return m_started && m_scanner->next(m_values);
}

void GeoJsonFastReader::extract(const LayerReader &reader, qint64 record, FeatureBatch &batch)
{
    batch.columns = int(m_fields.size());
    batch.records.push_back(record);
    OGRFeatureH f = static_cast<OGRFeatureH>(m_feature.get());
    for (size_t i = 0; i < m_fields.size(); ++i) {
        const int field = m_fields[i];
        const geojson::Value &v = m_values.values[i];
        const OGRFieldType type = m_fieldTypes[i];
        if (type == OFTString) { // most cells: the text as GDAL's field holds it (never with a NUL)
            batch.cells.push_back(v.present ? batch.appendText(v.textOf()) : FeatureBatch::Cell());
            continue;
        }
        if (!v.present) { // unset or null: what appendCell() gives for an unset OGR field
            batch.cells.push_back({});
            continue;
        }
        if (type == OFTStringList) {
            // What appendCell() copies of an OGR string list: GDAL's text of it, "(2:a,b)", then
            // the items; each item as OGR keeps it, a C string (up to any "\u0000").
            FeatureBatch::Cell c;
            c.offset = qsizetype(batch.text.size());
            batch.text.append("(").append(std::to_string(v.items.size())).append(":");
            for (size_t item = 0; item < v.items.size(); ++item) {
                if (item > 0) batch.text.push_back(',');
                batch.text.append(v.items[item].c_str());
            }
            batch.text.push_back(')');
            c.size = qsizetype(batch.text.size()) - c.offset;
            batch.text.push_back('\0');
            c.extra = qsizetype(batch.text.size());
            for (const std::string &item : v.items) {
                batch.text.append(item.c_str(), std::strlen(item.c_str()) + 1);
                ++c.extraCount;
            }
            batch.cells.push_back(c);
            continue;
        }
        if (type == OFTInteger) {
            OGR_F_SetFieldInteger(f, field, int(v.integer));
        } else if (type == OFTInteger64) {
            OGR_F_SetFieldInteger64(f, field, v.integer);
        } else if (type == OFTReal) {
            OGR_F_SetFieldDouble(f, field, v.real);
        } else {
            OGR_F_UnsetField(f, field); // no other type is read on this path
        }
        LayerReader::appendCell(f, field, type, batch);
    }
    reader.extractGeometry(m_values.geometry, batch);
}

OGRGeometryH ogrGeometryOf(const geojson::Geometry &g)
{
    const double *lonLat = g.lonLat.data();
    const std::int64_t *sizes = g.sizes.data();
    auto line = [&](OGRwkbGeometryType type) {
        const std::int64_t n = *sizes++;
        OGRGeometryH l = lineOf(type, lonLat, n);
        lonLat += 2 * n;
        return l;
    };
    auto polygon = [&] {
        OGRGeometryH p = OGR_G_CreateGeometry(wkbPolygon);
        for (std::int64_t rings = *sizes++; rings > 0; --rings)
            OGR_G_AddGeometryDirectly(p, line(wkbLinearRing));
        return p;
    };
    OGRGeometryH out = nullptr;
    switch (g.type) {
    case GeometryType::None:
        break;
    case GeometryType::Point:
        out = OGR_G_CreateGeometry(wkbPoint);
        OGR_G_SetPoint_2D(out, 0, lonLat[0], lonLat[1]);
        break;
    case GeometryType::LineString:
        out = line(wkbLineString);
        break;
    case GeometryType::MultiPoint: {
        out = OGR_G_CreateGeometry(wkbMultiPoint);
        for (std::int64_t n = *sizes++; n > 0; --n, lonLat += 2) {
            OGRGeometryH p = OGR_G_CreateGeometry(wkbPoint);
            OGR_G_SetPoint_2D(p, 0, lonLat[0], lonLat[1]);
            OGR_G_AddGeometryDirectly(out, p);
        }
        break;
    }
    case GeometryType::Polygon:
        out = polygon();
        break;
    case GeometryType::MultiLineString:
        out = OGR_G_CreateGeometry(wkbMultiLineString);
        for (std::int64_t parts = *sizes++; parts > 0; --parts)
            OGR_G_AddGeometryDirectly(out, line(wkbLineString));
        break;
    case GeometryType::MultiPolygon:
        out = OGR_G_CreateGeometry(wkbMultiPolygon);
        for (std::int64_t parts = *sizes++; parts > 0; --parts)
            OGR_G_AddGeometryDirectly(out, polygon());
        break;
    }
    return out;
}

void LayerFeatures::extract(const LayerReader &reader, qint64 record, FeatureBatch &batch)
{
    if (m_fast)
        m_fast->extract(reader, record, batch);
    else if (m_csv)
        m_csv->extract(reader, record, batch);
    else
        reader.extract(static_cast<OGRFeatureH>(m_owned.get()), record, batch);
}

} // namespace chronomap
