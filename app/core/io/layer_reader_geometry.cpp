// SPDX-License-Identifier: GPL-3.0-or-later
// LayerReader: where a record is (the feature geometry, lon/lat columns or a WKT column).
#include "core/io/layer_reader.h"

#include "core/io/geojson_fast_reader.h"
#include "core/short_decimal.h"

#include <ogr_srs_api.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>

namespace chronomap {

namespace {

/// Vertices of a geometry with all its parts and rings.
qint64 vertexCount(OGRGeometryH g)
{
    const int parts = OGR_G_GetGeometryCount(g);
    if (parts == 0) return OGR_G_GetPointCount(g);
    qint64 n = 0;
    for (int i = 0; i < parts; ++i)
        n += vertexCount(OGR_G_GetGeometryRef(g, i));
    return n;
}

} // namespace

std::optional<double> LayerReader::plainDecimal(const char *raw) const
{
    const char *p = raw;
    if (*p == '-') ++p;
    const char *digits = p;
    while (*p >= '0' && *p <= '9')
        ++p;
    if (p == digits) return std::nullopt;
    if (*p == '.') {
        const char *fraction = ++p;
        while (*p >= '0' && *p <= '9')
            ++p;
        if (p == fraction) return std::nullopt;
    }
    if (*p != '\0' || p - raw > 40 || p - raw > m_options.maxTextBytes) return std::nullopt;
    if (const auto shortValue = parseShortDecimal(raw, p)) return shortValue;
    double value = 0;
    if (std::from_chars(raw, p, value, std::chars_format::fixed).ec != std::errc()) return std::nullopt;
    return value;
}

bool LayerReader::readGeometry(Event &e)
{
    const FeatureBatch::Geometry &g = m_batch->geometry[size_t(m_row)];
    if (g.state != FeatureBatch::Geometry::State::None) {
        for (qsizetype i = g.issueBegin; i < g.issueEnd; ++i) {
            const PendingIssue &issue = m_batch->issues[size_t(i)];
            recordIssue(issue.severity, issue.field, issue.message);
        }
        if (g.state == FeatureBatch::Geometry::State::Skipped) return false;
        e.geometryKind = g.kind;
        if (g.regionPrecision) e.locationPrecision = LocationPrecision::Region;
        for (qsizetype i = g.vertexBegin; i + 1 < g.vertexEnd; i += 2)
            e.geometry.append(QGeoCoordinate(m_batch->lonLat[size_t(i + 1)], m_batch->lonLat[size_t(i)]));
        return true;
    }
    const int lonIndex = m_index[int(FieldRole::Longitude)], latIndex = m_index[int(FieldRole::Latitude)];
    const auto filled = [this](int index) {
        const FeatureBatch::Cell *c = cell(index);
        return c && !m_batch->bytes(*c).trimmed().isEmpty();
    };
    if (filled(lonIndex) && filled(latIndex)) {
        const auto number = [&](FieldRole role, int index) -> std::optional<double> {
            const FeatureBatch::Cell *c = cell(index);
            if ((fieldType(index) == OFTReal || fieldType(index) == OFTInteger) && c->extra >= 0)
                return m_batch->numbers[size_t(c->extra)];
            if (const auto plain = plainDecimal(m_batch->cString(*c))) return plain;
            bool ok = false;
            const QString raw = text(role).trimmed();
            const double v = raw.toDouble(&ok);
            if (!ok) {
                recordIssue(Issue::Severity::Skipped, m_mapping.column(role),
                            tr("'%1' is not a number; record skipped").arg(raw));
                return std::nullopt;
            }
            return v;
        };
        const auto lon = number(FieldRole::Longitude, lonIndex);
        if (!lon) return false;
        const auto lat = number(FieldRole::Latitude, latIndex);
        if (!lat) return false;
        if (!validCoordinate(*lon, *lat)) {
            recordIssue(Issue::Severity::Skipped,
                        m_mapping.column(FieldRole::Longitude) + u'/' + m_mapping.column(FieldRole::Latitude),
                        notWgs84(*lon, *lat));
            return false;
        }
        e.geometryKind = GeometryKind::Point;
        e.geometry = {QGeoCoordinate(*lat, *lon)};
        return true;
    }
    if (const QString wkt = text(FieldRole::Wkt).trimmed(); !wkt.isEmpty()) {
        QByteArray bytes = wkt.toUtf8();
        char *cursor = bytes.data();
        OGRGeometryH parsed = nullptr; // a free-standing geometry: no dataset handle involved
        if (OGR_G_CreateFromWkt(&cursor, nullptr, &parsed) != OGRERR_NONE || !parsed) {
            recordIssue(Issue::Severity::Skipped, m_mapping.column(FieldRole::Wkt),
                        tr("'%1' is not WKT geometry; record skipped").arg(wkt.left(60)));
            return false;
        }
        GeometryPtr owned(parsed);
        std::vector<double> lonLat;
        std::vector<PendingIssue> issues;
        GeometrySink sink{GeometryKind::None, false, lonLat, issues};
        const bool usable = takeGeometry(parsed, m_mapping.column(FieldRole::Wkt), sink);
        for (const PendingIssue &issue : issues)
            recordIssue(issue.severity, issue.field, issue.message);
        if (!usable) return false;
        e.geometryKind = sink.kind;
        if (sink.regionPrecision) e.locationPrecision = LocationPrecision::Region;
        for (size_t i = 0; i + 1 < lonLat.size(); i += 2)
            e.geometry.append(QGeoCoordinate(lonLat[i + 1], lonLat[i]));
        return true;
    }
    // No location at all: the record still belongs on the timeline and in its regions.
    if (m_hasLocation && list(FieldRole::Regions).isEmpty())
        recordIssue(Issue::Severity::Warning, tr("geometry"), tr("no location; shown on the timeline only"));
    return true;
}

QString LayerReader::notWgs84(double lon, double lat)
{
    return tr("(%1, %2) is not a WGS 84 longitude/latitude; record skipped").arg(lon).arg(lat);
}

QString LayerReader::tooManyVertices(qint64 vertices) const
{
    return tr("%1 vertices, more than the limit of %2; record skipped").arg(vertices).arg(m_options.maxVertices);
}

template<typename LonLatAt>
bool LayerReader::takeVertices(qint64 n, LonLatAt lonLatAt, const QString &field, GeometrySink &out) const
{
    if (n > m_options.maxVertices) {
        out.issues.push_back({Issue::Severity::Skipped, field, tooManyVertices(n)});
        return false;
    }
    for (qint64 i = 0; i < n; ++i) {
        const auto [lon, lat] = lonLatAt(i);
        if (!validCoordinate(lon, lat)) {
            out.issues.push_back({Issue::Severity::Skipped, field, notWgs84(lon, lat)});
            return false;
        }
        out.lonLat.push_back(lon);
        out.lonLat.push_back(lat);
    }
    return true;
}

void LayerReader::warnOfParts(qint64 parts, const QString &field, GeometrySink &out) const
{
    if (parts <= 1) return;
    out.issues.push_back({Issue::Severity::Warning, field,
                          out.kind == GeometryKind::Point ? tr("several points; the first stands for the record")
                                                          : tr("several lines; only the first is shown")});
}

bool LayerReader::takeGeometry(OGRGeometryH g, const QString &field, GeometrySink &out) const
{
    const auto type = wkbFlatten(OGR_G_GetGeometryType(g));
    auto takeLine = [&](OGRGeometryH line) {
        return takeVertices(
            OGR_G_GetPointCount(line),
            [line](qint64 i) {
                return std::pair{OGR_G_GetX(line, int(i)), OGR_G_GetY(line, int(i))};
            },
            field, out);
    };
    switch (type) {
    case wkbPoint:
        out.kind = GeometryKind::Point;
        return takeLine(g);
    case wkbMultiPoint:
        out.kind = GeometryKind::Point;
        warnOfParts(OGR_G_GetGeometryCount(g), field, out);
        return takeLine(OGR_G_GetGeometryRef(g, 0));
    case wkbLineString:
        out.kind = GeometryKind::Line;
        return takeLine(g);
    case wkbMultiLineString:
        out.kind = GeometryKind::Line;
        warnOfParts(OGR_G_GetGeometryCount(g), field, out);
        return takeLine(OGR_G_GetGeometryRef(g, 0));
    case wkbPolygon:
    case wkbMultiPolygon: {
        if (const qint64 n = vertexCount(g); n > m_options.maxVertices) {
            out.issues.push_back({Issue::Severity::Skipped, field, tooManyVertices(n)});
            return false;
        }
        // An area stands for a region, not a place: its centre is the anchor.
        GeometryPtr centre(OGR_G_CreateGeometry(wkbPoint));
        if (OGR_G_Centroid(g, static_cast<OGRGeometryH>(centre.get())) != OGRERR_NONE) {
            out.issues.push_back({Issue::Severity::Skipped, field, tr("the area has no centre; record skipped")});
            return false;
        }
        out.kind = GeometryKind::Point;
        out.regionPrecision = true;
        return takeLine(static_cast<OGRGeometryH>(centre.get()));
    }
    default:
        out.issues.push_back({Issue::Severity::Skipped, field,
                              tr("%1 geometry is not supported (points, lines and areas are); record skipped")
                                  .arg(QString::fromUtf8(OGRGeometryTypeToName(type)))});
        return false;
    }
}

void LayerReader::extractGeometry(const geojson::Geometry &g, FeatureBatch &batch) const
{
    using geojson::GeometryType;
    // Points and lines in WGS 84 are taken from the parsed numbers as takeGeometry() takes them
    // from OGR's; areas (their centre is GDAL's) and anything unusual go through an OGR geometry.
    const bool plain = g.type == GeometryType::Point || g.type == GeometryType::LineString ||
                       g.type == GeometryType::MultiPoint || g.type == GeometryType::MultiLineString;
    const bool direct = plain && !m_toWgs84 && !g.lonLat.empty() &&
                        std::all_of(g.lonLat.begin(), g.lonLat.end(), [](double v) { return std::isfinite(v); });
    if (!direct) {
        const GeometryPtr ogr(ogrGeometryOf(g));
        extractGeometry(static_cast<OGRGeometryH>(ogr.get()), batch);
        return;
    }
    FeatureBatch::Geometry out;
    out.issueBegin = qsizetype(batch.issues.size());
    out.vertexBegin = qsizetype(batch.lonLat.size());
    out.state = FeatureBatch::Geometry::State::Skipped;
    GeometrySink sink{GeometryKind::Point, false, batch.lonLat, batch.issues};
    const double *lonLat = g.lonLat.data();
    const auto at = [lonLat](qint64 i) { return std::pair{lonLat[2 * i], lonLat[2 * i + 1]}; };
    qint64 vertices = 1; // a point, or the first of several
    if (g.type == GeometryType::MultiPoint) warnOfParts(g.sizes[0], m_geometryField, sink);
    if (g.type == GeometryType::LineString) {
        sink.kind = GeometryKind::Line;
        vertices = g.sizes[0];
    } else if (g.type == GeometryType::MultiLineString) {
        sink.kind = GeometryKind::Line;
        warnOfParts(g.sizes[0], m_geometryField, sink);
        vertices = g.sizes[1];
    }
    if (takeVertices(vertices, at, m_geometryField, sink)) {
        out.state = FeatureBatch::Geometry::State::Usable;
        out.kind = sink.kind;
    }
    out.issueEnd = qsizetype(batch.issues.size());
    out.vertexEnd = qsizetype(batch.lonLat.size());
    batch.geometry.push_back(out);
}

} // namespace chronomap
