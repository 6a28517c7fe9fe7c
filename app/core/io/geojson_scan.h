// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The simdjson side of the GeoJSON fast path, in plain C++ (no Qt, no GDAL): geojson_scan.cpp is
// compiled once per simdjson kernel (haswell, generic), and only these types cross between them.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace chronomap::geojson {

/// The kind of one JSON property value.
enum class ValueKind : std::uint8_t {
    Null,
    String,
    Int32,
    Int64, ///< beyond 32 bits
    Real,
    Bool,
    Object,
    StringArray, ///< a non-empty array of strings
    EmptyArray,
    NumberArray, ///< GDAL makes integer or real lists of these: left to it
    NullInArray, ///< strings and nulls: left to GDAL
    OtherArray,  ///< anything else: JSON text
};

/// The OGR field GDAL's GeoJSON driver makes of a property, from the kinds of its values in
/// file order (measured against GDAL 3.6: it depends on the order, as "k": 1 then "2" is JSON
/// text but "j": "x" then 1 is plain text).
enum class FieldType : std::uint8_t {
    Undetermined, ///< only nulls so far (GDAL: a String field)
    Integer,
    Boolean,
    Integer64,
    Real,
    String,
    StringList,
    Json, ///< a String field of JSON text
    Declined,
};

/// The field type after a value of `kind` in a field of type `type`.
FieldType nextFieldType(FieldType type, ValueKind kind);

struct SchemaField {
    std::string name;
    FieldType type = FieldType::Undetermined;
};

/// What the first pass found: the properties in the order they first appear, and the count.
struct Schema {
    std::vector<SchemaField> fields;
    std::int64_t features = 0;
    std::string declined; ///< why the fast path leaves the file to GDAL (for logs and tests); empty if not
};

/// One property value as GDAL's field of its type holds it.
struct Value {
    bool present = false; ///< false: absent or null
    /// String, Json: GDAL's text of the value; a JSON string's is `parsed`, else `text`.
    std::string_view textOf() const { return parsed.data() ? parsed : std::string_view(text); }
    /// A JSON string's unescaped bytes where the scanner parsed them (not NUL-terminated), valid
    /// until the next feature is read: copying each into `text` cost a tenth of the second pass.
    std::string_view parsed;
    std::string text;               ///< the text of any other value
    std::int64_t integer = 0;       ///< Integer, Boolean, Integer64
    double real = 0;                ///< Real
    std::vector<std::string> items; ///< StringList
};

enum class GeometryType : std::uint8_t { None, Point, LineString, Polygon, MultiPoint, MultiLineString, MultiPolygon };

/// One feature's geometry: `sizes` gives, in order, the count of each nested array above the
/// positions (parts, rings, vertices, as the type nests them); `lonLat` the positions (x, y; a
/// third coordinate is dropped: nothing downstream reads it).
struct Geometry {
    GeometryType type = GeometryType::None;
    std::vector<std::int64_t> sizes;
    std::vector<double> lonLat;
};

struct Feature {
    std::vector<Value> values; ///< per requested field, in the order of the request
    Geometry geometry;
};

/// One simdjson kernel's reader over a padded buffer (simdjson::SIMDJSON_PADDING readable bytes
/// past `size`), which must outlive it.
class Scanner {
public:
    virtual ~Scanner() = default;
    /// First pass: whether the whole file is a FeatureCollection the fast path fully understands,
    /// and its schema.
    /// `fd` >= 0: `data` is a private mapping of that file, whose pages may be dropped once read;
    /// the features are then read from the file with pread() into a reused buffer (a copy from the
    /// page cache, where copying from the mapping faulted every page in again).
    virtual Schema scan(const char *data, std::size_t size, int fd) = 0;
    /// The names of the properties of the features in the file's first chunk (a quarter of a
    /// megabyte), in the order they first appear (their types are not worked out): `declined`
    /// when the JSON there is not what the scan understands. Not a decision over the file: an id,
    /// a geometry or a value the fast path would leave to GDAL is passed over.
    virtual Schema leadingFields(const char *data, std::size_t size, int fd) = 0;
    /// A field the second pass copies: its index in the schema, and its type there.
    struct Request {
        int field;
        FieldType type;
    };
    /// Second pass: reads features in order, copying the values of the requested fields. False at
    /// the end or on an error (which the first pass rules out).
    virtual bool start(const char *data, std::size_t size, int fd, std::vector<Request> fields) = 0;
    virtual bool next(Feature &out) = 0;
    virtual const char *kernel() const = 0;
};

std::unique_ptr<Scanner> makeHaswellScanner();  ///< needs AVX2, BMI1/2, PCLMUL, LZCNT
std::unique_ptr<Scanner> makeFallbackScanner(); ///< any x86-64

} // namespace chronomap::geojson
