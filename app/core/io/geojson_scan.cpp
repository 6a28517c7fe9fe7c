// SPDX-License-Identifier: GPL-3.0-or-later
// Compiled twice (see app/core/CMakeLists.txt): CHRONOMAP_SCAN_KERNEL names the simdjson kernel
// this copy is built for (haswell, fallback), which simdjson's On-Demand API picks from the
// compiler's target flags. Nothing here may use Qt or GDAL: both copies' inline code must stay
// within simdjson and the standard library.
#include "core/io/geojson_scan.h"

#include <simdjson.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cerrno>
#include <cinttypes>
#include <cmath>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <limits>
#include <memory>
#include <mutex>
#include <string_view>
#include <thread>
#include <unordered_map>

#if defined(__AVX2__)
#include <immintrin.h>
#endif

#include <sys/mman.h>
#include <unistd.h>

#if !defined(CHRONOMAP_SCAN_KERNEL) || !defined(CHRONOMAP_SCAN_FACTORY)
#error "CHRONOMAP_SCAN_KERNEL and CHRONOMAP_SCAN_FACTORY name the kernel this file is built for"
#endif

namespace chronomap::geojson {

namespace CHRONOMAP_SCAN_KERNEL {

namespace od = simdjson::ondemand;

#define CHRONOMAP_STRINGIFY_(x) #x
#define CHRONOMAP_STRINGIFY(x) CHRONOMAP_STRINGIFY_(x)

/// Nesting beyond this is left to GDAL (and keeps this file's recursion shallow).
constexpr int kMaxDepth = 100;

/// Thrown while scanning: the file is left to GDAL, with the reason.
struct Decline {
    const char *reason;
};

std::string_view checkedString(std::string_view s)
{
    // GDAL cuts a string at an escaped NUL; rare enough to leave to it.
    if (s.find('\0') != std::string_view::npos) throw Decline{"a string holds a NUL character"};
    return s;
}

/// A member's key as unescaped_key() gives it, compared first on its raw bytes with the names
/// the caller expects there (literals without a quote or backslash): the usual key, one of them
/// with no escape, is then not unescaped. A key that is none of them, or is written with an
/// escape, is unescaped as before, so what a key means does not change.
template<std::size_t... N>
std::string_view memberKey(simdjson::simdjson_result<od::field> &member, const char (&...expected)[N])
{
    // The raw key is followed by its closing quote and, at worst, simdjson's padding: reading
    // as many bytes as the longest name and one more stays within the buffer.
    const char *raw = member.key().value().raw();
    std::string_view key;
    const auto is = [&](const char *name, std::size_t size) {
        if (std::memcmp(raw, name, size) != 0 || raw[size] != '"') return false;
        key = std::string_view(name, size);
        return true;
    };
    (void)(is(expected, N - 1) || ...);
    return key.data() ? key : member.unescaped_key().value();
}

/// Property names already met, found again by a key's raw bytes: features mostly repeat a few
/// names, and comparing bytes costs less than unescaping each key and copying and hashing it
/// (those were a seventh of the reader child's time at 100k features). The name the last feature
/// had at the same position is tried first; optional properties shift the others' positions.
class KnownKeys {
public:
    void clear()
    {
        m_names.clear();
        m_lastAt.clear();
    }
    /// Adds a name (unescaped) and its number. Only the first 16 names without a quote or a
    /// backslash are kept: a raw key equal to such a name is that name.
    void add(std::string_view name, int number)
    {
        if (m_names.size() < kKept && name.find_first_of("\"\\") == std::string_view::npos)
            m_names.push_back({std::string(name), number});
    }
    /// The number of the name the raw key is, or -1 (the caller then unescapes the key).
    int find(od::raw_json_string raw, std::size_t position)
    {
        if (position >= m_lastAt.size()) m_lastAt.resize(position + 1, -1);
        int &last = m_lastAt[position];
        if (last >= 0 && raw.unsafe_is_equal(m_names[std::size_t(last)].text)) return m_names[std::size_t(last)].number;
        for (std::size_t i = 0; i < m_names.size(); ++i)
            if (raw.unsafe_is_equal(m_names[i].text)) {
                last = int(i);
                return m_names[i].number;
            }
        return -1;
    }

private:
    static constexpr std::size_t kKept = 16;
    struct Name {
        std::string text;
        int number;
    };
    std::vector<Name> m_names;
    std::vector<int> m_lastAt; ///< per position in a feature's properties: the name last there
};

/// json-c's text of a double, as GDAL keeps it for a JSON-typed field: 17 digits, and ".0" on
/// an integral value.
void appendJsonDouble(std::string &out, double v)
{
    char buffer[40];
    const int n = std::snprintf(buffer, sizeof buffer, "%.17g", v);
    out.append(buffer, size_t(n));
    if (std::strpbrk(buffer, ".eEni") == nullptr) out += ".0";
}

void appendJsonString(std::string &out, std::string_view s)
{
    out += '"';
    for (const char c : s) {
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '/':
            out += "\\/";
            break;
        case '\b':
            out += "\\b";
            break;
        case '\f':
            out += "\\f";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                char buffer[8];
                std::snprintf(buffer, sizeof buffer, "\\u%04x", unsigned(static_cast<unsigned char>(c)));
                out += buffer;
            } else {
                out += c;
            }
        }
    }
    out += '"';
}

/// One JSON number as GDAL types it; big or unsigned 64-bit integers are left to GDAL.
struct Number {
    ValueKind kind;
    std::int64_t integer = 0;
    double real = 0;
};

Number readNumber(od::value v)
{
    od::number n = v.get_number().value();
    switch (n.get_number_type()) {
    case od::number_type::floating_point_number:
        return {ValueKind::Real, 0, n.get_double()};
    case od::number_type::signed_integer: {
        const std::int64_t i = n.get_int64();
        return {i >= INT32_MIN && i <= INT32_MAX ? ValueKind::Int32 : ValueKind::Int64, i, 0};
    }
    default:
        throw Decline{"an integer beyond 64 bits"};
    }
}

/// The text GDAL keeps for a number in a JSON-typed field.
void appendJsonNumber(std::string &out, const Number &n)
{
    if (n.kind == ValueKind::Real)
        appendJsonDouble(out, n.real);
    else
        out += std::to_string(n.integer);
}

/// json-c's spaced text of any value, as GDAL gives a JSON-typed field.
void appendJson(std::string &out, od::value v, int depth)
{
    if (depth > kMaxDepth) throw Decline{"nesting too deep"};
    switch (v.type().value()) {
    case od::json_type::object: {
        od::object object = v.get_object().value();
        bool first = true;
        out += '{';
        for (auto field : object) {
            out += first ? " " : ", ";
            first = false;
            appendJsonString(out, checkedString(field.unescaped_key().value()));
            out += ": ";
            appendJson(out, field.value().value(), depth + 1);
        }
        out += " }";
        break;
    }
    case od::json_type::array: {
        od::array array = v.get_array().value();
        bool first = true;
        out += '[';
        for (auto item : array) {
            out += first ? " " : ", ";
            first = false;
            appendJson(out, item.value(), depth + 1);
        }
        out += " ]";
        break;
    }
    case od::json_type::string:
        appendJsonString(out, checkedString(v.get_string().value()));
        break;
    case od::json_type::number:
        appendJsonNumber(out, readNumber(v));
        break;
    case od::json_type::boolean:
        out += v.get_bool().value() ? "true" : "false";
        break;
    case od::json_type::null:
        if (!v.is_null().value()) throw Decline{"not JSON"};
        out += "null";
        break;
    }
}

/// The kind of a property value, walking arrays and objects to their end.
ValueKind kindOf(od::value v, int depth)
{
    if (depth > kMaxDepth) throw Decline{"nesting too deep"};
    switch (v.type().value()) {
    case od::json_type::string:
        checkedString(v.get_string().value());
        return ValueKind::String;
    case od::json_type::number:
        return readNumber(v).kind;
    case od::json_type::boolean:
        v.get_bool().value();
        return ValueKind::Bool;
    case od::json_type::null:
        if (!v.is_null().value()) throw Decline{"not JSON"};
        return ValueKind::Null;
    case od::json_type::object: {
        od::object object = v.get_object().value();
        for (auto field : object) {
            checkedString(field.unescaped_key().value());
            kindOf(field.value().value(), depth + 1);
        }
        return ValueKind::Object;
    }
    case od::json_type::array: {
        int strings = 0, numbers = 0, nulls = 0, others = 0;
        od::array array = v.get_array().value();
        for (auto item : array) {
            switch (kindOf(item.value(), depth + 1)) {
            case ValueKind::String:
                ++strings;
                break;
            case ValueKind::Int32:
            case ValueKind::Int64:
            case ValueKind::Real:
                ++numbers;
                break;
            case ValueKind::Null:
                ++nulls;
                break;
            default:
                ++others;
                break;
            }
        }
        if (strings + numbers + nulls + others == 0) return ValueKind::EmptyArray;
        if (others > 0 || (strings > 0 && numbers > 0)) return ValueKind::OtherArray;
        if (nulls > 0) return numbers + strings > 0 ? ValueKind::NullInArray : ValueKind::OtherArray;
        return strings > 0 ? ValueKind::StringArray : ValueKind::NumberArray;
    }
    }
    throw Decline{"not JSON"};
}

/// Reads `coordinates` into `g` (sizes of nested arrays, then positions) and checks that its
/// shape is what `g.type` needs; anything GDAL might read differently is declined.
class CoordinateReader {
public:
    explicit CoordinateReader(Geometry &g) : m_g(g) {}

    void read(od::value coordinates)
    {
        m_g.sizes.clear();
        m_g.lonLat.clear();
        m_positionLevel = -1;
        array(coordinates.get_array().value(), 0);
        check();
    }

private:
    void array(od::array a, int level)
    {
        if (level > 4) throw Decline{"coordinates nested too deep"};
        const size_t slot = m_g.sizes.size();
        m_g.sizes.push_back(0);
        std::int64_t count = 0, numbers = 0;
        for (auto item : a) {
            od::value v = item.value();
            if (v.type().value() == od::json_type::number) {
                if (count > 0 && numbers == 0) throw Decline{"numbers beside arrays in coordinates"};
                if (numbers == 0) m_g.sizes.pop_back(); // a position, not a level of arrays
                if (++numbers <= 2)
                    m_g.lonLat.push_back(v.get_double().value());
                else if (numbers == 3)
                    v.get_double().value();
                else
                    throw Decline{"a position with more than three coordinates"};
            } else {
                if (numbers > 0) throw Decline{"arrays beside numbers in coordinates"};
                array(v.get_array().value(), level + 1);
                m_g.sizes[slot] = ++count;
            }
        }
        if (numbers > 0) {
            if (numbers < 2) throw Decline{"a position with fewer than two coordinates"};
            if (m_positionLevel >= 0 && m_positionLevel != level) throw Decline{"positions at different depths"};
            m_positionLevel = level;
        } else if (count == 0) {
            throw Decline{"an empty coordinate array"};
        }
    }

    void check() const
    {
        int level = 0;
        switch (m_g.type) {
        case GeometryType::Point:
            level = 0;
            break;
        case GeometryType::LineString:
        case GeometryType::MultiPoint:
            level = 1;
            break;
        case GeometryType::Polygon:
        case GeometryType::MultiLineString:
            level = 2;
            break;
        case GeometryType::MultiPolygon:
            level = 3;
            break;
        case GeometryType::None:
            throw Decline{"no geometry type"};
        }
        if (m_positionLevel != level) throw Decline{"coordinates do not nest as the type needs"};
        // Lines need two vertices, rings four and closed: GDAL's reading of anything less is its own.
        const auto closedRing = [&](size_t vertices, size_t firstVertex) {
            const double *p = m_g.lonLat.data() + 2 * firstVertex;
            const double *q = p + 2 * (vertices - 1);
            return vertices >= 4 && p[0] == q[0] && p[1] == q[1];
        };
        size_t sizeIndex = 0, vertex = 0;
        const auto sizes = m_g.sizes;
        auto line = [&](bool ring) {
            const auto n = size_t(sizes[sizeIndex++]);
            if (ring ? !closedRing(n, vertex) : n < 2)
                throw Decline{ring ? "an unclosed ring" : "a line of one vertex"};
            vertex += n;
        };
        auto polygon = [&] {
            const auto rings = sizes[sizeIndex++];
            for (std::int64_t r = 0; r < rings; ++r)
                line(true);
        };
        switch (m_g.type) {
        case GeometryType::LineString:
            line(false);
            break;
        case GeometryType::Polygon:
            polygon();
            break;
        case GeometryType::MultiLineString: {
            const auto parts = sizes[sizeIndex++];
            for (std::int64_t p = 0; p < parts; ++p)
                line(false);
            break;
        }
        case GeometryType::MultiPolygon: {
            const auto parts = sizes[sizeIndex++];
            for (std::int64_t p = 0; p < parts; ++p)
                polygon();
            break;
        }
        default:
            break;
        }
    }

    Geometry &m_g;
    int m_positionLevel = -1;
};

GeometryType geometryType(std::string_view name)
{
    if (name == "Point") return GeometryType::Point;
    if (name == "LineString") return GeometryType::LineString;
    if (name == "Polygon") return GeometryType::Polygon;
    if (name == "MultiPoint") return GeometryType::MultiPoint;
    if (name == "MultiLineString") return GeometryType::MultiLineString;
    if (name == "MultiPolygon") return GeometryType::MultiPolygon;
    throw Decline{"a geometry type the fast path leaves to GDAL"};
}

/// A geometry object (`type`, `coordinates`, optionally `bbox`); null is no geometry.
void readGeometry(od::value v, Geometry &g)
{
    g.type = GeometryType::None;
    g.sizes.clear();
    g.lonLat.clear();
    if (v.type().value() == od::json_type::null) {
        if (!v.is_null().value()) throw Decline{"not JSON"};
        return;
    }
    od::object object = v.get_object().value();
    bool hasType = false, hasCoordinates = false;
    for (auto field : object) {
        const std::string_view key = memberKey(field, "type", "coordinates");
        if (key == "type") {
            if (hasType) throw Decline{"a repeated member"};
            hasType = true;
            g.type = geometryType(field.value().get_string().value());
        } else if (key == "coordinates") {
            if (hasCoordinates || !hasType) throw Decline{"coordinates before the geometry type"};
            hasCoordinates = true;
            CoordinateReader(g).read(field.value().value());
        } else if (key != "bbox") {
            throw Decline{"an unknown geometry member"};
        } else {
            kindOf(field.value().value(), 0);
        }
    }
    if (!hasType || !hasCoordinates) throw Decline{"a geometry without type or coordinates"};
}

bool isWgs84Name(std::string_view name)
{
    return name == "urn:ogc:def:crs:OGC:1.3:CRS84" || name == "urn:ogc:def:crs:OGC::CRS84" || name == "EPSG:4326" ||
           name == "urn:ogc:def:crs:EPSG::4326";
}

/// A `crs` member naming WGS 84 ({"type": "name", "properties": {"name": "…CRS84"}}); any other
/// is declined (GDAL reprojects it).
void checkCrs(od::value v)
{
    bool named = false, isName = false;
    od::object crs = v.get_object().value();
    for (auto field : crs) {
        const std::string_view key = field.unescaped_key().value();
        if (key == "type") {
            isName = field.value().get_string().value() == "name";
        } else if (key == "properties") {
            od::object crsProperties = field.value().get_object().value();
            for (auto p : crsProperties) {
                if (p.unescaped_key().value() != "name" || named) throw Decline{"a crs the fast path leaves to GDAL"};
                named = isWgs84Name(p.value().get_string().value());
                if (!named) throw Decline{"a crs other than WGS 84"};
            }
        } else {
            throw Decline{"a crs the fast path leaves to GDAL"};
        }
    }
    if (!named || !isName) throw Decline{"a crs the fast path leaves to GDAL"};
}

/// Features are parsed a chunk of about this many bytes at a time: simdjson's buffers (its index
/// of the document, its unescaped strings) stay the size of a chunk, not of the file.
constexpr std::size_t kChunkBytes = 256 << 10;

/// Where the top-level "features" array lies and how its features group into chunks, found by
/// a scan that knows only strings and brackets. Each chunk and the rest of the document are then
/// parsed by simdjson, which checks everything this scan does not.
struct Layout {
    std::size_t arrayBegin = 0, arrayEnd = 0;                ///< the '[' and one past the ']'
    std::vector<std::pair<std::size_t, std::size_t>> chunks; ///< [begin, end): whole features and their commas
};

bool isSpace(char c)
{
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

/// The features array from `i` (just after its '['), at `depth` inside it, to the position after
/// its ']' (`depth` then one less), cutting chunks at its commas; 0 when the file is malformed.
/// With AVX2, 64 bytes at a time: quotes, brackets and commas as bit masks, strings as the prefix
/// XOR of their quotes; a block with a backslash goes byte by byte. Most of a file is this array.
template<typename Release>
std::size_t scanArray(const char *d, std::size_t n, std::size_t i, int &depth, Layout &out, Release &release)
{
    const int arrayDepth = depth;
    std::size_t chunkBegin = i, nextRelease = i + 2 * kChunkBytes;
    // A structural byte outside strings: 1 to go on, 0 when malformed, 2 once the array closed.
    auto structural = [&](char c, std::size_t at) {
        if (c == '{' || c == '[') {
            ++depth;
        } else if (c == ',') {
            if (depth == arrayDepth && at - chunkBegin >= kChunkBytes) {
                out.chunks.push_back({chunkBegin, at});
                chunkBegin = at + 1;
            }
        } else if (depth == arrayDepth) {
            if (c != ']') return 0;
            bool content = false;
            for (std::size_t k = chunkBegin; k < at && !content; ++k)
                content = !isSpace(d[k]);
            if (content) out.chunks.push_back({chunkBegin, at});
            out.arrayEnd = at + 1;
            --depth;
            return 2;
        } else {
            --depth;
        }
        return 1;
    };
    bool inString = false, escaped = false;
    std::size_t result = 0; // after the array's ']', or 0 when malformed
    // Byte by byte up to `stop`; true when done: the array closed or the file is malformed.
    auto bytes = [&](std::size_t stop) {
        for (; i < stop; ++i) {
            const char c = d[i];
            if (inString) {
                if (escaped)
                    escaped = false;
                else if (c == '\\')
                    escaped = true;
                else if (c == '"')
                    inString = false;
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '}' || c == '[' || c == ']' || c == ',') {
                const int r = structural(c, i);
                if (r != 1) {
                    result = r == 0 ? 0 : i + 1;
                    return true;
                }
            }
        }
        return false;
    };
#if defined(__AVX2__)
    const auto mask = [](__m256i lo, __m256i hi, char c) {
        const __m256i v = _mm256_set1_epi8(c);
        return std::uint64_t(std::uint32_t(_mm256_movemask_epi8(_mm256_cmpeq_epi8(lo, v)))) |
               std::uint64_t(std::uint32_t(_mm256_movemask_epi8(_mm256_cmpeq_epi8(hi, v)))) << 32;
    };
    while (i + 64 <= n) {
        if (i >= nextRelease) {
            release(i);
            nextRelease = i + 2 * kChunkBytes;
        }
        const __m256i lo = _mm256_loadu_si256(reinterpret_cast<const __m256i *>(d + i));
        const __m256i hi = _mm256_loadu_si256(reinterpret_cast<const __m256i *>(d + i + 32));
        if (escaped || mask(lo, hi, '\\') != 0) {
            if (bytes(i + 64)) return result;
            continue;
        }
        // Set on the bytes within strings: the prefix XOR of the quotes, as a carry-less product.
        std::uint64_t inside = std::uint64_t(_mm_cvtsi128_si64(
            _mm_clmulepi64_si128(_mm_set_epi64x(0, std::int64_t(mask(lo, hi, '"'))), _mm_set1_epi8(-1), 0)));
        if (inString) inside = ~inside;
        inString = (inside >> 63) != 0;
        // '[' and '{' differ by 0x20, as do ']' and '}'; no other byte matches either with it set.
        const __m256i lo20 = _mm256_or_si256(lo, _mm256_set1_epi8(0x20));
        const __m256i hi20 = _mm256_or_si256(hi, _mm256_set1_epi8(0x20));
        std::uint64_t marks = mask(lo20, hi20, '{') | mask(lo20, hi20, '}');
        // A comma matters only where a chunk may end: most blocks are read by their brackets alone.
        if (i + 64 - chunkBegin >= kChunkBytes) marks |= mask(lo, hi, ',');
        marks &= ~inside;
        while (marks != 0) {
            const std::size_t at = i + std::size_t(__builtin_ctzll(marks));
            marks &= marks - 1;
            const int r = structural(d[at], at);
            if (r != 1) return r == 0 ? 0 : at + 1;
        }
        i += 64;
    }
#endif
    for (;;) {
        if (i >= nextRelease) {
            release(i);
            nextRelease = i + 2 * kChunkBytes;
        }
        if (bytes(std::min(n, i + 2 * kChunkBytes))) return result;
        if (i >= n) return 0; // the array never closed
    }
}

/// `release(offset)` is called every few megabytes: the file's pages before it are read.
template<typename Release> bool findLayout(const char *d, std::size_t n, Layout &out, Release release)
{
    int depth = 0;
    bool found = false;
    std::size_t nextRelease = 2 * kChunkBytes;
    for (std::size_t i = 0; i < n;) {
        if (i >= nextRelease) {
            release(i);
            nextRelease = i + 2 * kChunkBytes;
        }
        const char c = d[i];
        if (c == '"') {
            // The closing quote: the next one after an even run of backslashes.
            const std::size_t begin = ++i;
            for (;;) {
                const void *quote = std::memchr(d + i, '"', n - i);
                if (!quote) return false;
                i = std::size_t(static_cast<const char *>(quote) - d);
                std::size_t backslashes = 0;
                while (i - backslashes > begin && d[i - backslashes - 1] == '\\')
                    ++backslashes;
                if (backslashes % 2 == 0) break;
                ++i;
            }
            const std::size_t end = i++;
            if (found || depth != 1) continue;
            std::size_t j = i;
            while (j < n && isSpace(d[j]))
                ++j;
            if (j >= n || d[j] != ':' || std::string_view(d + begin, end - begin) != "features") continue;
            for (++j; j < n && isSpace(d[j]);)
                ++j;
            if (j >= n || d[j] != '[') return false;
            found = true;
            out.arrayBegin = j;
            ++depth;
            i = scanArray(d, n, j + 1, depth, out, release);
            if (i == 0) return false;
            nextRelease = i + 2 * kChunkBytes;
            continue;
        }
        if (c == '{' || c == '[') {
            ++depth;
        } else if (c == '}' || c == ']') {
            if (--depth < 0) return false;
        }
        ++i;
    }
    return found && depth == 0;
}

/// Parses chunks of the features array, each as a JSON array of its own, in a reused buffer: read
/// from the file with pread() when there is one (Scanner::scan), else copied from `data`.
class ChunkParser {
public:
    ChunkParser(const char *data, int fd) : m_data(data), m_fd(fd) {}
    /// Reads another buffer or file from now on, keeping the memory.
    void setSource(const char *data, int fd)
    {
        m_data = data;
        m_fd = fd;
    }

    od::array parse(std::size_t begin, std::size_t end)
    {
        const std::size_t length = end - begin + 2;
        if (m_capacity < length + simdjson::SIMDJSON_PADDING) {
            // Rounded up, and the parser's tables sized to match (iterate() sizes them to the
            // document): chunks pass kChunkBytes by up to a feature, and each chunk longer than
            // the ones before took a new buffer and new tables, 2 MB of fresh pages, 15 times a file.
            constexpr std::size_t kGrain = 64 << 10;
            m_capacity = (length + simdjson::SIMDJSON_PADDING + kGrain - 1) / kGrain * kGrain;
            m_chunk.reset(new char[m_capacity]);
            if (const auto error = m_parser.allocate(m_capacity - simdjson::SIMDJSON_PADDING))
                throw simdjson::simdjson_error(error);
        }
        m_chunk[0] = '[';
        if (m_fd < 0)
            std::memcpy(m_chunk.get() + 1, m_data + begin, end - begin);
        else if (!readFile(m_chunk.get() + 1, begin, end - begin))
            throw Decline{"the file cannot be read again"};
        m_chunk[length - 1] = ']';
        std::memset(m_chunk.get() + length, 0, simdjson::SIMDJSON_PADDING);
        m_doc = m_parser.iterate(m_chunk.get(), length, m_capacity).value();
        return m_doc.get_array().value();
    }

private:
    /// `size` bytes of the file at `offset` into `out`; false when the file cannot give them.
    bool readFile(char *out, std::size_t offset, std::size_t size) const
    {
        while (size > 0) {
            const ssize_t n = ::pread(m_fd, out, size, off_t(offset));
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) return false;
            out += n;
            offset += std::size_t(n);
            size -= std::size_t(n);
        }
        return true;
    }

    const char *m_data;
    int m_fd;
    od::parser m_parser;
    od::document m_doc;
    std::unique_ptr<char[]> m_chunk; ///< the chunk being parsed, padded
    std::size_t m_capacity = 0;
};

using Chunk = std::pair<std::size_t, std::size_t>; ///< [begin, end) of the file: whole features

/// The chunks the layout scan has found so far, handed to the thread that types the front of the
/// file while the scan goes on (the first pass in one go over the file, not a scan then a parse).
/// Once the scan ends, the chunks that thread has not taken are halved: it types the front half,
/// the scanning thread the back half.
class ChunkFeed {
public:
    /// The scanning thread: `found` holds every chunk found so far.
    void publish(const std::vector<Chunk> &found)
    {
        {
            const std::lock_guard lock(m_mutex);
            m_chunks.insert(m_chunks.end(), found.begin() + std::ptrdiff_t(m_chunks.size()), found.end());
        }
        m_changed.notify_one();
    }

    /// The scanning thread, once the scan ended with every chunk in `found`: the first chunk it types
    /// itself (the front thread types those before it). `split` false: the front thread types all.
    std::size_t finish(const std::vector<Chunk> &found, bool split)
    {
        std::size_t limit = found.size();
        {
            const std::lock_guard lock(m_mutex);
            m_chunks.insert(m_chunks.end(), found.begin() + std::ptrdiff_t(m_chunks.size()), found.end());
            if (split && m_next < found.size()) {
                const std::size_t middle = found[m_next].first + (found.back().second - found[m_next].first) / 2;
                limit = m_next;
                while (limit < found.size() && found[limit].first < middle)
                    ++limit;
            }
            m_limit = limit;
            m_done = true;
        }
        m_changed.notify_all();
        return limit;
    }

    /// Ends the front thread's part early.
    void stop()
    {
        {
            const std::lock_guard lock(m_mutex);
            m_stopped = true;
        }
        m_changed.notify_all();
    }

    /// The front thread: the next chunk to type, waiting for the scan to find it; false when its
    /// part is done.
    bool take(Chunk &out)
    {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [&] { return m_stopped || m_done || m_next < m_chunks.size(); });
        if (m_stopped || m_next >= std::min(m_chunks.size(), m_limit)) return false;
        out = m_chunks[m_next++];
        return true;
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::vector<Chunk> m_chunks;    ///< found so far
    std::size_t m_next = 0;         ///< the next chunk the front thread takes
    std::size_t m_limit = SIZE_MAX; ///< the front thread's part ends here (set by finish())
    bool m_done = false, m_stopped = false;
};

constexpr std::size_t kFieldTypes = std::size_t(FieldType::Declined) + 1;
constexpr std::size_t kValueKinds = std::size_t(ValueKind::OtherArray) + 1;
using TypeTable = std::array<FieldType, kFieldTypes>; ///< a field's type after a run, per type before it

/// nextFieldType() as a table.
const std::array<TypeTable, kValueKinds> &nextTypes()
{
    static const auto table = [] {
        std::array<TypeTable, kValueKinds> t{};
        for (std::size_t kind = 0; kind < kValueKinds; ++kind)
            for (std::size_t type = 0; type < kFieldTypes; ++type)
                t[kind][type] = nextFieldType(FieldType(type), ValueKind(kind));
        return t;
    }();
    return table;
}

/// The points of a run of features, in order, kept by the first pass for the second: 16 bytes a
/// feature, in blocks, so that growing never copies (a vector's doublings touched twice the
/// memory: 10,000 more page faults at 1M features).
class KeptPoints {
public:
    /// Marks a feature whose geometry is not a Point (no JSON number is NaN).
    static constexpr double kNone = std::numeric_limits<double>::quiet_NaN();

    void push(double lon, double lat)
    {
        if (m_size % kBlockPoints == 0) m_blocks.push_back(std::make_unique_for_overwrite<double[]>(2 * kBlockPoints));
        double *p = m_blocks.back().get() + 2 * (m_size++ % kBlockPoints);
        p[0] = lon;
        p[1] = lat;
    }
    std::size_t size() const { return m_size; }
    /// Feature `i`'s point (longitude, latitude), or null when its geometry is not a Point.
    const double *at(std::size_t i) const
    {
        const double *p = m_blocks[i / kBlockPoints].get() + 2 * (i % kBlockPoints);
        return std::isnan(p[0]) ? nullptr : p;
    }
    void clear()
    {
        m_blocks.clear();
        m_size = 0;
    }

private:
    static constexpr std::size_t kBlockPoints = 4096; // 64 KiB: from malloc's heap, not a mapping each
    std::vector<std::unique_ptr<double[]>> m_blocks;
    std::size_t m_size = 0;
};

/// The first pass over a run of consecutive chunks: the properties in the order they first
/// appear and, for each, its type after the run from every type it could have before it. Runs
/// compose, so the halves of a file are typed on two threads and joined (see merge()).
struct TypingRun {
    struct Field {
        std::string name;
        TypeTable after;
    };
    std::vector<Field> fields;
    std::unordered_map<std::string, int> indexOf;
    std::vector<std::int64_t> lastSeen; ///< per field: the feature that last set it (repeated keys)
    KnownKeys known;                    ///< the fields' names, found by a key's raw bytes
    std::int64_t features = 0;
    const char *declined = nullptr; ///< why the file is GDAL's (a static text); null while it is not
    /// Only the properties' names are wanted (a preview's): what the fast path leaves to GDAL
    /// elsewhere in a feature (an id, a geometry it does not read, a property GDAL types its own
    /// way) changes no name, and is passed over instead of declined.
    bool namesOnly = false;
    /// Whether to keep each feature's point in `points` for the second pass (the scan's runs).
    bool keepPoints = false;
    /// Per feature read, in order: its point when its geometry is a Point, else none (the second
    /// pass reads that geometry again).
    KeptPoints points;
    /// Past this many features (32 MB of points) a run keeps no more: the second pass reads
    /// the rest itself, so that a file of many millions of features costs no more memory.
    static constexpr std::size_t kMostKeptPoints = std::size_t(1) << 21;

    /// Types the chunks `take(chunk)` gives, in order, until it gives none; stops early once `stop`
    /// is set (the other run declined).
    template<typename Take> void run(ChunkParser &parser, Take take, bool first, const std::atomic<bool> &stop)
    {
        try {
            for (Chunk c; !stop.load(std::memory_order_relaxed) && take(c);)
                scan(parser.parse(c.first, c.second), first);
        } catch (const Decline &d) {
            declined = d.reason;
        } catch (const simdjson::simdjson_error &e) {
            declined = e.what();
        } catch (const std::exception &) {
            declined = "the first pass failed";
        }
    }

private:
    void scan(od::array items, bool first)
    {
        const auto &next = nextTypes();
        Geometry geometry;
        for (auto item : items) {
            od::object feature = item.get_object().value();
            const std::int64_t n = features++;
            bool hasType = false, hasGeometry = false, hasProperties = false;
            for (auto member : feature) {
                const std::string_view key = memberKey(member, "type", "geometry", "properties");
                if (key == "type") {
                    if (hasType || member.value().get_string().value() != "Feature") throw Decline{"not a Feature"};
                    hasType = true;
                } else if (key == "geometry") {
                    if (hasGeometry) throw Decline{"a repeated member"};
                    hasGeometry = true;
                    if (namesOnly) {
                        kindOf(member.value().value(), 0);
                    } else {
                        readGeometry(member.value().value(), geometry);
                        if (keepPoints && points.size() < kMostKeptPoints) {
                            const bool point = geometry.type == GeometryType::Point;
                            points.push(point ? geometry.lonLat[0] : KeptPoints::kNone,
                                        point ? geometry.lonLat[1] : KeptPoints::kNone);
                        }
                    }
                } else if (key == "properties") {
                    if (hasProperties) throw Decline{"a repeated member"};
                    hasProperties = true;
                    od::value properties = member.value().value();
                    if (properties.type().value() == od::json_type::null) {
                        if (!properties.is_null().value()) throw Decline{"not JSON"};
                        continue;
                    }
                    od::object propertyObject = properties.get_object().value();
                    std::size_t position = 0;
                    for (auto property : propertyObject) {
                        int field = known.find(property.key().value(), position++);
                        if (field < 0) {
                            const std::string_view name = checkedString(property.unescaped_key().value());
                            if (name.empty()) throw Decline{"a property without a name"};
                            auto [it, added] = indexOf.try_emplace(std::string(name), int(fields.size()));
                            if (added) {
                                Field f{std::string(name), {}};
                                for (std::size_t t = 0; t < kFieldTypes; ++t)
                                    f.after[t] = FieldType(t);
                                fields.push_back(std::move(f));
                                lastSeen.push_back(-1);
                                known.add(name, it->second);
                            }
                            field = it->second;
                        }
                        if (lastSeen[size_t(field)] == n) throw Decline{"a repeated property"};
                        lastSeen[size_t(field)] = n;
                        TypeTable &after = fields[size_t(field)].after;
                        const TypeTable &step = next[std::size_t(kindOf(property.value().value(), 0))];
                        for (FieldType &t : after)
                            t = step[std::size_t(t)];
                        // The first run starts every field undetermined: its decline is known now.
                        if (first && !namesOnly && after[std::size_t(FieldType::Undetermined)] == FieldType::Declined)
                            throw Decline{"a property whose values GDAL types its own way"};
                    }
                } else if (key == "bbox" || namesOnly) {
                    kindOf(member.value().value(), 0);
                } else {
                    throw Decline{"a feature member the fast path leaves to GDAL (such as id)"};
                }
            }
            if (!namesOnly && (!hasType || !hasGeometry)) throw Decline{"a feature without type or geometry"};
        }
    }
};

class KernelScanner final : public Scanner {
public:
    Schema scan(const char *data, std::size_t size, int fd) override
    {
        m_fd = fd;
        m_released = 0;
        Schema schema;
        m_nameIndex.clear();
        m_chunks.setSource(data, fd);
        m_layout = {};
        m_frontPoints.clear();
        m_backPoints.clear();
        m_frontFeatures = 0;
        try {
            // The front of the file is typed on another thread while this one scans the layout, where
            // the machine has two cores (the app waits for the schema meanwhile).
            const bool twoThreads = std::thread::hardware_concurrency() > 1;
            ChunkFeed feed;
            TypingRun front, back;
            front.keepPoints = back.keepPoints = true;
            std::atomic<bool> stop{false};
            const auto typeFront = [&](ChunkParser &parser) {
                front.run(
                    parser, [&](Chunk &c) { return feed.take(c); }, true, stop);
                if (front.declined) stop = true;
            };
            struct FrontThread {
                ChunkFeed &feed;
                std::thread thread;
                ~FrontThread() // on a decline: ends it early
                {
                    feed.stop();
                    if (thread.joinable()) thread.join();
                }
            } frontThread{feed, {}};
            if (twoThreads)
                frontThread.thread = std::thread([&] {
                    ChunkParser parser(data, m_fd);
                    typeFront(parser);
                });
            const bool found = findLayout(data, size, m_layout, [&](std::size_t offset) {
                releaseBefore(data, offset);
                feed.publish(m_layout.chunks);
            });
            if (!found) throw Decline{"no FeatureCollection's features array"};
            std::size_t next = feed.finish(m_layout.chunks, twoThreads);
            // The document without its features ("features": []), then the features chunk by chunk.
            m_buffer.assign(data, m_layout.arrayBegin);
            m_buffer += "[]";
            m_buffer.append(data + m_layout.arrayEnd, size - m_layout.arrayEnd);
            const std::size_t restSize = m_buffer.size();
            m_buffer.resize(restSize + simdjson::SIMDJSON_PADDING);
            od::document doc = m_parser.iterate(m_buffer.data(), restSize, m_buffer.size()).value();
            od::object top = doc.get_object().value();
            bool isCollection = false, hasFeatures = false, hasType = false, hasCrs = false;
            for (auto member : top) {
                const std::string_view key = member.unescaped_key().value();
                if (key == "type") {
                    if (hasType) throw Decline{"a repeated member"};
                    hasType = true;
                    isCollection = member.value().get_string().value() == "FeatureCollection";
                } else if (key == "features") {
                    if (hasFeatures) throw Decline{"a repeated member"};
                    hasFeatures = true;
                    od::array emptied = member.value().get_array().value();
                    if (emptied.count_elements().value() != 0) throw Decline{"features the layout scan did not find"};
                } else if (key == "crs") {
                    if (hasCrs) throw Decline{"a repeated member"};
                    hasCrs = true;
                    checkCrs(member.value().value());
                } else if (key == "name" || key == "bbox") {
                    kindOf(member.value().value(), 0);
                } else {
                    throw Decline{"a top-level member the fast path leaves to GDAL"};
                }
            }
            if (!isCollection || !hasFeatures) throw Decline{"not a FeatureCollection"};
            // Past the end of the document there is no location: anything else is text after it.
            if (doc.current_location().error() != simdjson::OUT_OF_BOUNDS) throw Decline{"text after the JSON"};
            const auto &chunks = m_layout.chunks;
            if (twoThreads)
                back.run(
                    m_chunks, [&](Chunk &c) { return next < chunks.size() && (c = chunks[next++], true); }, false,
                    stop);
            else
                typeFront(m_chunks);
            if (back.declined) feed.stop();
            if (frontThread.thread.joinable()) frontThread.thread.join();
            if (front.declined) throw Decline{front.declined};
            if (back.declined) throw Decline{back.declined};
            joinRuns(front, back, schema);
            keepPoints(front, back);
            checkNames(schema);
        } catch (const Decline &d) {
            schema.declined = d.reason;
        } catch (const simdjson::simdjson_error &e) {
            schema.declined = e.what();
        }
        return schema;
    }

    Schema leadingFields(const char *data, std::size_t size, int fd) override
    {
        struct FirstChunkFound {};
        Schema schema;
        m_chunks.setSource(data, fd);
        Layout layout; // a part of the file's: scan() finds it all again
        try {
            try {
                // The layout scan calls back every half megabyte: by then the first chunk is cut.
                if (!findLayout(data, size, layout, [&](std::size_t) {
                        if (!layout.chunks.empty()) throw FirstChunkFound{};
                    }))
                    throw Decline{"no FeatureCollection's features array"};
            } catch (const FirstChunkFound &) {
            }
            if (layout.chunks.empty()) throw Decline{"no features"};
            TypingRun run;
            run.namesOnly = true;
            const std::atomic<bool> stop{false};
            bool taken = false;
            run.run(
                m_chunks,
                [&](Chunk &c) {
                    if (taken) return false;
                    c = layout.chunks.front();
                    return taken = true;
                },
                true, stop);
            if (run.declined) throw Decline{run.declined};
            schema.features = run.features;
            for (const TypingRun::Field &f : run.fields)
                schema.fields.push_back({f.name, FieldType::Undetermined}); // names only: not typed
        } catch (const Decline &d) {
            schema.declined = d.reason;
        } catch (const simdjson::simdjson_error &e) {
            schema.declined = e.what();
        }
        return schema;
    }

    bool start(const char *data, std::size_t size, int fd, std::vector<Request> fields) override
    {
        m_fd = fd;
        m_released = 0; // the first pass gave them back; they are read again
        m_requests = std::move(fields);
        m_slotOf.assign(m_nameIndex.size(), -1);
        for (size_t i = 0; i < m_requests.size(); ++i)
            if (m_requests[i].field >= 0 && std::size_t(m_requests[i].field) < m_slotOf.size())
                m_slotOf[std::size_t(m_requests[i].field)] = int(i);
        m_chunks.setSource(data, fd);
        (void)size; // the layout of the first pass holds the features' places
        m_nextChunk = 0;
        m_feature = 0;
        m_inChunk = false;
        return true;
    }

    bool next(Feature &out) override
    {
        try {
            while (!m_inChunk || m_it == m_end) {
                if (m_nextChunk >= m_layout.chunks.size()) return false;
                const auto [begin, end] = m_layout.chunks[m_nextChunk++];
                m_features = m_chunks.parse(begin, end);
                m_it = m_features.begin().value();
                m_end = m_features.end().value();
                m_inChunk = true;
            }
            out.values.resize(m_requests.size());
            for (Value &v : out.values)
                v.present = false;
            od::object object = (*m_it).get_object().value();
            const std::size_t feature = m_feature++;
            for (auto member : object) {
                const std::string_view key = memberKey(member, "type", "geometry", "properties");
                if (key == "geometry") {
                    // A point the first pass read (and checked) is taken as it read it; its JSON
                    // is passed over. Reading it again was a sixth of this pass's instructions.
                    if (const double *point = keptPoint(feature)) {
                        out.geometry.type = GeometryType::Point;
                        out.geometry.sizes.clear();
                        out.geometry.lonLat.assign({point[0], point[1]});
                    } else {
                        readGeometry(member.value().value(), out.geometry);
                    }
                } else if (key == "properties") {
                    readProperties(member.value().value(), out);
                }
            }
            ++m_it;
            return true;
        } catch (const Decline &) {
            return false;
        } catch (const simdjson::simdjson_error &) {
            return false;
        }
    }

    const char *kernel() const override { return CHRONOMAP_STRINGIFY(SIMDJSON_BUILTIN_IMPLEMENTATION); }

private:
    /// The schema of the first pass's two runs, typed on two threads, joined in file order.
    void joinRuns(TypingRun &first, const TypingRun &second, Schema &schema)
    {
        schema.features = first.features + second.features;
        m_nameIndex = std::move(first.indexOf);
        for (const TypingRun::Field &f : first.fields)
            schema.fields.push_back({f.name, f.after[std::size_t(FieldType::Undetermined)]});
        for (const TypingRun::Field &f : second.fields) {
            const auto [it, added] = m_nameIndex.try_emplace(f.name, int(schema.fields.size()));
            if (added)
                schema.fields.push_back({f.name, f.after[std::size_t(FieldType::Undetermined)]});
            else
                schema.fields[std::size_t(it->second)].type =
                    f.after[std::size_t(schema.fields[std::size_t(it->second)].type)];
        }
        for (const SchemaField &f : schema.fields)
            if (f.type == FieldType::Declined) throw Decline{"a property whose values GDAL types its own way"};
        m_known.clear();
        for (std::size_t i = 0; i < schema.fields.size(); ++i)
            m_known.add(schema.fields[i].name, int(i));
    }

    void keepPoints(TypingRun &front, TypingRun &back)
    {
        m_frontPoints = std::move(front.points);
        m_backPoints = std::move(back.points);
        m_frontFeatures = std::size_t(front.features);
    }

    /// Feature `i`'s point as the first pass read it (longitude, latitude), or null when it kept
    /// none (the feature's geometry is not a Point, or its run kept no more).
    const double *keptPoint(std::size_t i) const
    {
        const bool inFront = i < m_frontFeatures;
        const KeptPoints &points = inFront ? m_frontPoints : m_backPoints;
        const std::size_t at = inFront ? i : i - m_frontFeatures;
        return at < points.size() ? points.at(at) : nullptr;
    }

    /// GDAL matches field names without regard to case: such files are left to it.
    static void checkNames(const Schema &schema)
    {
        std::unordered_map<std::string, int> folded;
        for (const SchemaField &f : schema.fields) {
            std::string lower = f.name;
            for (char &c : lower)
                if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
            if (!folded.try_emplace(lower, 0).second) throw Decline{"property names that differ only in case"};
        }
    }

    void readProperties(od::value properties, Feature &out)
    {
        if (properties.type().value() == od::json_type::null) return;
        od::object propertyObject = properties.get_object().value();
        std::size_t position = 0;
        for (auto property : propertyObject) {
            int field = m_known.find(property.key().value(), position++);
            if (field < 0) {
                field = fieldNamed(property.unescaped_key().value());
                if (field < 0) throw Decline{"a property the first pass did not see"};
            }
            const int slot = m_slotOf[std::size_t(field)];
            if (slot < 0) continue;
            readValue(property.value().value(), m_requests[size_t(slot)].type, out.values[size_t(slot)]);
        }
    }

    /// The schema's field named `key` (unescaped), or -1: for the keys m_known does not match.
    int fieldNamed(std::string_view key)
    {
        m_key = key;
        const auto it = m_nameIndex.find(m_key);
        return it == m_nameIndex.end() ? -1 : it->second;
    }

    /// `v` as GDAL's field of `type` holds it (the first pass saw every combination).
    static void readValue(od::value v, FieldType type, Value &out)
    {
        out.text.clear();
        out.parsed = {};
        out.items.clear();
        const od::json_type json = v.type().value();
        out.present = json != od::json_type::null;
        if (!out.present) {
            v.is_null().value();
            return;
        }
        // The text of a scalar where a text field holds it: digits, json-c's double, true/false.
        auto scalarText = [&](std::string &text) {
            switch (json) {
            case od::json_type::string:
                text = checkedString(v.get_string().value());
                break;
            case od::json_type::number:
                appendJsonNumber(text, readNumber(v));
                break;
            case od::json_type::boolean:
                text = v.get_bool().value() ? "true" : "false";
                break;
            default:
                appendJson(text, v, 0);
                break;
            }
        };
        switch (type) {
        case FieldType::Json:
        case FieldType::String:
        case FieldType::Undetermined:
            if (json == od::json_type::string)
                out.parsed = checkedString(v.get_string().value());
            else
                scalarText(out.text);
            break;
        case FieldType::StringList:
            if (json == od::json_type::array) {
                od::array array = v.get_array().value();
                for (auto item : array)
                    out.items.emplace_back(checkedString(item.get_string().value()));
            } else {
                scalarText(out.items.emplace_back());
            }
            break;
        case FieldType::Integer:
        case FieldType::Boolean:
        case FieldType::Integer64:
            out.integer = json == od::json_type::boolean ? std::int64_t(v.get_bool().value()) : readNumber(v).integer;
            break;
        case FieldType::Real:
            if (json == od::json_type::boolean) {
                out.real = v.get_bool().value() ? 1 : 0;
            } else {
                const Number n = readNumber(v);
                out.real = n.kind == ValueKind::Real ? n.real : double(n.integer);
            }
            break;
        case FieldType::Declined:
            throw Decline{"a value the first pass did not type"};
        }
    }

    /// Gives the mapped file's pages before `offset` back: read once, by the layout scan, they
    /// would otherwise stay resident. Only the pages since the last call: each call over the whole
    /// prefix walked its page tables again (4 % of a load).
    void releaseBefore(const char *data, std::size_t offset)
    {
        if (m_fd < 0) return;
        const auto page = std::size_t(::sysconf(_SC_PAGESIZE));
        const std::size_t end = offset / page * page;
        if (end > m_released) ::madvise(const_cast<char *>(data) + m_released, end - m_released, MADV_DONTNEED);
        m_released = std::max(m_released, end);
    }

    od::parser m_parser;
    int m_fd = -1;              ///< the mapped file, or -1 (see Scanner::scan)
    std::size_t m_released = 0; ///< releaseBefore(): the pages before this are given back
    Layout m_layout;
    std::string m_buffer;              ///< the document without its features, padded
    ChunkParser m_chunks{nullptr, -1}; ///< the features, chunk by chunk (set by scan() and start())
    std::size_t m_nextChunk = 0;
    std::size_t m_feature = 0; ///< the second pass's features so far
    /// The first pass's points (TypingRun::points of its two runs, the front's features first),
    /// kept apart rather than joined: one more copy would be 16 bytes a feature of fresh memory.
    KeptPoints m_frontPoints, m_backPoints;
    std::size_t m_frontFeatures = 0; ///< the features of the first pass's front run
    bool m_inChunk = false;
    od::array m_features;
    od::array_iterator m_it, m_end;
    std::vector<Request> m_requests;
    std::unordered_map<std::string, int> m_nameIndex;
    std::string m_key;         ///< reused for look-ups
    std::vector<int> m_slotOf; ///< schema field → request, or -1
    KnownKeys m_known;         ///< the schema's names, found by a key's raw bytes
};

} // namespace CHRONOMAP_SCAN_KERNEL

std::unique_ptr<Scanner> CHRONOMAP_SCAN_FACTORY()
{
    return std::make_unique<CHRONOMAP_SCAN_KERNEL::KernelScanner>();
}

} // namespace chronomap::geojson
