// SPDX-License-Identifier: GPL-3.0-or-later
#include "event_loader.h"

#include "io/gdal_session.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QSet>
#include <QStringDecoder>
#include <QTimeZone>

#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>
#include <cpl_vsi.h>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include <atomic>
#include <bit>
#include <charconv>
#include <cmath>

namespace chronomap {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("EventLoader", text);
}

constexpr qint64 kProgressEvery = 4096;

// ---- small RAII wrappers over GDAL's C handles --------------------------------------------------

struct DatasetCloser {
    void operator()(void *ds) const
    {
        if (ds) GDALClose(ds);
    }
};
using DatasetPtr = std::unique_ptr<void, DatasetCloser>;
struct FeatureDeleter {
    void operator()(void *f) const
    {
        if (f) OGR_F_Destroy(static_cast<OGRFeatureH>(f));
    }
};
using FeaturePtr = std::unique_ptr<void, FeatureDeleter>;
struct GeometryDeleter {
    void operator()(void *g) const
    {
        if (g) OGR_G_DestroyGeometry(static_cast<OGRGeometryH>(g));
    }
};
using GeometryPtr = std::unique_ptr<void, GeometryDeleter>;
struct TransformDeleter {
    void operator()(void *t) const
    {
        if (t) OCTDestroyCoordinateTransformation(static_cast<OGRCoordinateTransformationH>(t));
    }
};
using TransformPtr = std::unique_ptr<void, TransformDeleter>;
struct SrsDeleter {
    void operator()(void *s) const
    {
        if (s) OSRRelease(static_cast<OGRSpatialReferenceH>(s));
    }
};
using SrsPtr = std::unique_ptr<void, SrsDeleter>;

/// Reads one layer's records into the builder, reporting problems as Issues.
class LayerReader {
public:
    LayerReader(const QString &file, OGRLayerH layer, const LoadOptions &options, IssueList &issues)
        : m_file(file), m_options(options), m_issues(issues)
    {
        OGRFeatureDefnH defn = OGR_L_GetLayerDefn(layer);
        QStringList columns;
        for (int i = 0; i < OGR_FD_GetFieldCount(defn); ++i)
            columns.append(QString::fromUtf8(OGR_Fld_GetNameRef(OGR_FD_GetFieldDefn(defn, i))));
        m_mapping = FieldMapping::detect(columns, options.mapping);
        for (FieldRole role : allFieldRoles()) {
            const QString column = m_mapping.column(role);
            m_index[int(role)] = column.isEmpty() ? -1 : OGR_FD_GetFieldIndex(defn, column.toUtf8().constData());
            if (!column.isEmpty() && m_index[int(role)] < 0 && options.mapping.has(role))
                fileIssue(Issue::Severity::Warning,
                          tr("the mapping names column '%1' for %2, but the file has no such column")
                              .arg(column, toString(role)));
        }
        for (auto it = m_mapping.localizedTitles().cbegin(); it != m_mapping.localizedTitles().cend(); ++it)
            m_titleColumns.append({it.key(), OGR_FD_GetFieldIndex(defn, it.value().toUtf8().constData())});
        for (auto it = m_mapping.localizedSummaries().cbegin(); it != m_mapping.localizedSummaries().cend(); ++it)
            m_summaryColumns.append({it.key(), OGR_FD_GetFieldIndex(defn, it.value().toUtf8().constData())});

        if (OGRSpatialReferenceH srs = OGR_L_GetSpatialRef(layer)) {
            SrsPtr wgs84(OSRNewSpatialReference(nullptr));
            OSRSetWellKnownGeogCS(static_cast<OGRSpatialReferenceH>(wgs84.get()), "WGS84");
            OSRSetAxisMappingStrategy(static_cast<OGRSpatialReferenceH>(wgs84.get()), OAMS_TRADITIONAL_GIS_ORDER);
            if (!OSRIsSame(srs, static_cast<OGRSpatialReferenceH>(wgs84.get()))) {
                m_toWgs84.reset(OCTNewCoordinateTransformation(srs, static_cast<OGRSpatialReferenceH>(wgs84.get())));
                if (!m_toWgs84)
                    fileIssue(Issue::Severity::Fatal,
                              tr("the coordinate system of layer '%1' cannot be converted to WGS 84")
                                  .arg(QString::fromUtf8(OGR_L_GetName(layer))));
            }
        }
        // KML gives an instant as <TimeStamp> and a period as <TimeSpan>; LIBKML exposes them as the
        // columns `timestamp` and `begin`/`end`, and one layer may hold both kinds of placemark.
        if (!options.mapping.has(FieldRole::Start) &&
            m_mapping.column(FieldRole::Start).compare(u"begin", Qt::CaseInsensitive) == 0)
            m_startFallback = OGR_FD_GetFieldIndex(defn, "timestamp");
        m_hasGeometryColumn = OGR_FD_GetGeomFieldCount(defn) > 0 && OGR_FD_GetGeomType(defn) != wkbNone;
        m_hasLocation = m_hasGeometryColumn || (has(FieldRole::Longitude) && has(FieldRole::Latitude)) ||
                        has(FieldRole::Wkt) || has(FieldRole::Regions);
    }

    bool usable() const { return !m_fatal; }
    bool hasStartColumn() const { return has(FieldRole::Start); }
    bool hasLocation() const { return m_hasLocation; }

    /// Converts one feature; returns nullopt (with an Issue) when the record cannot be used.
    std::optional<Event> read(OGRFeatureH f, qint64 record)
    {
        m_record = record;
        m_recordId.clear();
        Event e;
        e.id = text(f, FieldRole::Id);
        m_recordId = e.id;

        if (const QString t = text(f, FieldRole::Title); !t.isEmpty()) e.title.insert(QString(), t);
        if (const QString s = text(f, FieldRole::Summary); !s.isEmpty()) e.summary.insert(QString(), s);
        for (const auto &[lang, index] : m_titleColumns)
            if (const QString t = text(f, index, QStringLiteral("title_") + lang); !t.isEmpty())
                e.title.insert(lang, t);
        for (const auto &[lang, index] : m_summaryColumns)
            if (const QString s = text(f, index, QStringLiteral("summary_") + lang); !s.isEmpty())
                e.summary.insert(lang, s);

        if (!readWhen(f, e)) return std::nullopt;
        if (!readGeometry(f, e)) return std::nullopt;

        if (e.title.value(QString()).isEmpty()) {
            if (!e.title.isEmpty())
                e.title.insert(QString(), e.title.first());
            else {
                recordIssue(Issue::Severity::Warning, toString(FieldRole::Title), tr("no title"));
                e.title.insert(QString(), e.id.isEmpty() ? tr("Untitled event") : e.id);
            }
        }
        if (e.id.isEmpty()) {
            // Stable across loads of the same data: derived from what identifies the record.
            const QByteArray key = (e.title.value(QString()) + u'|' + e.when.start().toIso()).toUtf8();
            e.id = QStringLiteral("gen-") +
                   QString::fromLatin1(QCryptographicHash::hash(key, QCryptographicHash::Sha1).toHex().left(12));
        }

        e.category = text(f, FieldRole::Category).trimmed().toLower();
        e.actors = list(f, FieldRole::Actors);
        e.places = list(f, FieldRole::Places);
        for (const QString &code : list(f, FieldRole::Regions))
            e.regions.append(code.trimmed().toUpper());
        e.provenance = text(f, FieldRole::Provenance).trimmed();
        if (const QString c = text(f, FieldRole::Confidence); !c.trimmed().isEmpty()) {
            e.confidence = confidenceFromString(c);
            if (e.confidence == Confidence::Unknown)
                recordIssue(Issue::Severity::Warning, m_mapping.column(FieldRole::Confidence),
                            tr("'%1' is not one of confirmed, reported, claimed, disputed").arg(c));
        }
        if (text(f, FieldRole::LocationPrecision).trimmed().toLower() == u"region")
            e.locationPrecision = LocationPrecision::Region;
        readClaims(f, e);
        readSources(f, e);
        return e;
    }

    void recordIssue(Issue::Severity severity, const QString &field, const QString &message)
    {
        m_issues.append({severity, m_file, m_record, m_recordId, field, message});
    }
    void fileIssue(Issue::Severity severity, const QString &message)
    {
        if (severity == Issue::Severity::Fatal) m_fatal = true;
        m_issues.append({severity, m_file, -1, {}, {}, message});
    }

private:
    bool has(FieldRole role) const { return m_index[int(role)] >= 0; }

    QString text(OGRFeatureH f, FieldRole role)
    {
        const int index = m_index[int(role)];
        return index < 0 ? QString() : text(f, index, m_mapping.column(role)); // no column lookup for absent roles
    }

    QString text(OGRFeatureH f, int index, const QString &field)
    {
        if (index < 0 || !OGR_F_IsFieldSetAndNotNull(f, index)) return {};
        const char *raw = OGR_F_GetFieldAsString(f, index);
        const QByteArrayView bytes(raw);
        QString value;
        if (std::all_of(bytes.begin(), bytes.end(), [](char c) { return quint8(c) < 0x80; })) {
            value = QString::fromLatin1(bytes); // ASCII, most cells: the same text without a decoder
        } else {
            QStringDecoder utf8(QStringDecoder::Utf8);
            value = utf8(bytes);
            if (utf8.hasError())
                recordIssue(Issue::Severity::Warning, field,
                            tr("text is not valid UTF-8; unreadable bytes shown as \uFFFD"));
        }
        if (value.size() > m_options.maxTextBytes) {
            recordIssue(Issue::Severity::Warning, field,
                        tr("text is %1 characters long; cut to %2").arg(value.size()).arg(m_options.maxTextBytes));
            // Never cut between the two halves of a surrogate pair (emoji, rare CJK).
            const qsizetype cut = m_options.maxTextBytes;
            value.truncate(cut > 0 && value.at(cut - 1).isHighSurrogate() ? cut - 1 : cut);
        }
        return value;
    }

    /// A list field: a GDAL string list, a JSON array, or text separated by ';' or '|'.
    QStringList list(OGRFeatureH f, FieldRole role)
    {
        const int index = m_index[int(role)];
        if (index < 0 || !OGR_F_IsFieldSetAndNotNull(f, index)) return {};
        QStringList out;
        if (OGR_Fld_GetType(OGR_F_GetFieldDefnRef(f, index)) == OFTStringList) {
            for (char **item = OGR_F_GetFieldAsStringList(f, index); item && *item; ++item)
                out.append(QString::fromUtf8(*item));
            return out;
        }
        const QString value = text(f, role).trimmed();
        if (value.startsWith(u'[')) {
            const QJsonDocument doc = QJsonDocument::fromJson(value.toUtf8());
            if (doc.isArray()) {
                for (const auto &v : doc.array())
                    if (v.isString()) out.append(v.toString());
                return out;
            }
        }
        // Split by hand: a QRegularExpression built here was JIT-compiled for every record and
        // took over half of a CSV load.
        for (qsizetype begin = 0; begin <= value.size();) {
            qsizetype end = begin;
            while (end < value.size() && value[end] != u';' && value[end] != u'|')
                ++end;
            if (const QStringView part = QStringView(value).sliced(begin, end - begin).trimmed(); !part.isEmpty())
                out.append(part.toString());
            begin = end + 1;
        }
        return out;
    }

    std::optional<FuzzyDate> date(OGRFeatureH f, FieldRole role, bool *present)
    {
        int index = m_index[int(role)];
        if (role == FieldRole::Start && m_startFallback >= 0 && !(index >= 0 && OGR_F_IsFieldSetAndNotNull(f, index)))
            index = m_startFallback;
        *present = index >= 0 && OGR_F_IsFieldSetAndNotNull(f, index);
        if (!*present) return std::nullopt;
        const OGRFieldType type = OGR_Fld_GetType(OGR_F_GetFieldDefnRef(f, index));
        if (type == OFTDate || type == OFTDateTime) { // typed cells (XLSX, ODS, GPKG, KML)
            int y, mo, d, h, mi, tz;
            float s;
            if (!OGR_F_GetFieldAsDateTimeEx(f, index, &y, &mo, &d, &h, &mi, &s, &tz)) return std::nullopt;
            const QDate day(y, mo, d);
            if (!day.isValid()) return std::nullopt;
            // A date-only value in a date-time column (KML's <when>2024-03-12</when>) comes back as
            // midnight with no zone: it names the whole day, not its first millisecond.
            if (type == OFTDate || (h == 0 && mi == 0 && s == 0 && tz <= 1))
                return FuzzyDate{day.startOfDay(QTimeZone::utc()).toMSecsSinceEpoch(), DatePrecision::Day};
            // OGR's tz flag: 100 = UTC, 100 ± n = offset of n quarter hours, 0/1 = unknown/local (taken as UTC).
            const int offsetSeconds = tz > 1 ? (tz - 100) * 15 * 60 : 0;
            const QDateTime dt(day, QTime(h, mi).addMSecs(qRound(s * 1000)), QTimeZone(offsetSeconds));
            return FuzzyDate{dt.toMSecsSinceEpoch(), DatePrecision::Time};
        }
        // A blank cell is an absent date: CSV (and GDAL's CSV driver) writes an instant's end as "".
        const QString value = text(f, index, m_mapping.column(role));
        if (value.trimmed().isEmpty()) {
            *present = false;
            return std::nullopt;
        }
        return FuzzyDate::parse(value);
    }

    bool readWhen(OGRFeatureH f, Event &e)
    {
        bool startPresent = false, endPresent = false;
        const auto start = date(f, FieldRole::Start, &startPresent);
        const QString startField = m_mapping.column(FieldRole::Start).isEmpty() ? toString(FieldRole::Start)
                                                                                : m_mapping.column(FieldRole::Start);
        if (!startPresent) {
            recordIssue(Issue::Severity::Skipped, startField, tr("no start date; record skipped"));
            return false;
        }
        if (!start) {
            recordIssue(
                Issue::Severity::Skipped, startField,
                tr("'%1' is not an ISO 8601 date (2025, 2025-08, 2025-08-12 or 2025-08-12T09:30Z); record skipped")
                    .arg(text(f, FieldRole::Start)));
            return false;
        }
        FuzzyDate first = *start, last = *start;
        if (const auto end = date(f, FieldRole::End, &endPresent); endPresent) {
            if (!end) {
                recordIssue(Issue::Severity::Warning, m_mapping.column(FieldRole::End),
                            tr("'%1' is not an ISO 8601 date; the end is ignored").arg(text(f, FieldRole::End)));
            } else if (end->endExclusiveMs() <= start->startMs) {
                recordIssue(Issue::Severity::Warning, m_mapping.column(FieldRole::End),
                            tr("end %1 is before start %2; the end is ignored").arg(end->toIso(), start->toIso()));
            } else {
                last = *end;
            }
        }
        if (const QString declared = text(f, FieldRole::DatePrecision); !declared.trimmed().isEmpty()) {
            const auto precision = datePrecisionFromString(declared);
            if (!precision) {
                recordIssue(Issue::Severity::Warning, m_mapping.column(FieldRole::DatePrecision),
                            tr("'%1' is not one of year, month, day, time").arg(declared));
            } else if (*precision < first.precision) {
                // The record says it is less sure than its digits: it is the period that counts.
                first = coarsen(first, *precision);
                last = coarsen(last, *precision);
            } else if (*precision > first.precision) {
                recordIssue(Issue::Severity::Warning, m_mapping.column(FieldRole::DatePrecision),
                            tr("says '%1' but the start '%2' is only precise to the %3; using %3")
                                .arg(declared, first.toIso(), toString(first.precision)));
            }
        }
        e.when = first == last ? TimeSpan(first) : TimeSpan(first, last);
        return true;
    }

    static FuzzyDate coarsen(FuzzyDate d, DatePrecision precision)
    {
        if (precision >= d.precision) return d;
        const QDate day = QDateTime::fromMSecsSinceEpoch(d.startMs, QTimeZone::utc()).date();
        const QDate first = precision == DatePrecision::Year    ? QDate(day.year(), 1, 1)
                            : precision == DatePrecision::Month ? QDate(day.year(), day.month(), 1)
                                                                : day;
        return {first.startOfDay(QTimeZone::utc()).toMSecsSinceEpoch(), precision};
    }

    /// A plain decimal such as `-12.34567` parsed straight from GDAL's bytes; nullopt for
    /// anything else (signs, exponents, spaces, text), which takes the general path through
    /// text() and QString::toDouble. Both round correctly, so the value is the same; this skips
    /// two string conversions for each coordinate cell of a CSV file.
    std::optional<double> plainDecimal(const char *raw) const
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
        double value = 0;
        if (std::from_chars(raw, p, value, std::chars_format::fixed).ec != std::errc()) return std::nullopt;
        return value;
    }

    bool validCoordinate(double lon, double lat) const
    {
        return std::isfinite(lon) && std::isfinite(lat) && std::abs(lon) <= 180.0 && std::abs(lat) <= 90.0;
    }

    /// Takes the location from the feature geometry, else lon/lat columns, else a WKT column.
    bool readGeometry(OGRFeatureH f, Event &e)
    {
        OGRGeometryH g = OGR_F_GetGeometryRef(f);
        if (g && OGR_G_IsEmpty(g)) { // GDAL reads coordinates such as NaN as an empty point
            recordIssue(Issue::Severity::Skipped, tr("geometry"),
                        tr("empty %1 (no usable coordinates); record skipped")
                            .arg(QString::fromUtf8(OGRGeometryTypeToName(wkbFlatten(OGR_G_GetGeometryType(g))))));
            return false;
        }
        if (g) {
            if (m_toWgs84 &&
                OGR_G_Transform(g, static_cast<OGRCoordinateTransformationH>(m_toWgs84.get())) != OGRERR_NONE) {
                recordIssue(Issue::Severity::Skipped, tr("geometry"),
                            tr("cannot be converted to WGS 84; record skipped"));
                return false;
            }
            return takeGeometry(g, tr("geometry"), e);
        }
        const int lonIndex = m_index[int(FieldRole::Longitude)], latIndex = m_index[int(FieldRole::Latitude)];
        const auto filled = [f](int index) {
            return index >= 0 && OGR_F_IsFieldSetAndNotNull(f, index) &&
                   !QByteArrayView(OGR_F_GetFieldAsString(f, index)).trimmed().isEmpty();
        };
        if (filled(lonIndex) && filled(latIndex)) {
            const auto number = [&](FieldRole role, int index) -> std::optional<double> {
                if (OGR_Fld_GetType(OGR_F_GetFieldDefnRef(f, index)) == OFTReal ||
                    OGR_Fld_GetType(OGR_F_GetFieldDefnRef(f, index)) == OFTInteger)
                    return OGR_F_GetFieldAsDouble(f, index);
                if (const auto plain = plainDecimal(OGR_F_GetFieldAsString(f, index))) return plain;
                bool ok = false;
                const QString raw = text(f, role).trimmed();
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
                            tr("(%1, %2) is not a WGS 84 longitude/latitude; record skipped").arg(*lon).arg(*lat));
                return false;
            }
            e.geometryKind = GeometryKind::Point;
            e.geometry = {QGeoCoordinate(*lat, *lon)};
            return true;
        }
        if (const QString wkt = text(f, FieldRole::Wkt).trimmed(); !wkt.isEmpty()) {
            QByteArray bytes = wkt.toUtf8();
            char *cursor = bytes.data();
            OGRGeometryH parsed = nullptr;
            if (OGR_G_CreateFromWkt(&cursor, nullptr, &parsed) != OGRERR_NONE || !parsed) {
                recordIssue(Issue::Severity::Skipped, m_mapping.column(FieldRole::Wkt),
                            tr("'%1' is not WKT geometry; record skipped").arg(wkt.left(60)));
                return false;
            }
            GeometryPtr owned(parsed);
            return takeGeometry(parsed, m_mapping.column(FieldRole::Wkt), e);
        }
        // No location at all: the record still belongs on the timeline and in its regions.
        if (m_hasLocation && list(f, FieldRole::Regions).isEmpty())
            recordIssue(Issue::Severity::Warning, tr("geometry"), tr("no location; shown on the timeline only"));
        return true;
    }

    /// Vertices of a geometry with all its parts and rings.
    static qint64 vertexCount(OGRGeometryH g)
    {
        const int parts = OGR_G_GetGeometryCount(g);
        if (parts == 0) return OGR_G_GetPointCount(g);
        qint64 n = 0;
        for (int i = 0; i < parts; ++i)
            n += vertexCount(OGR_G_GetGeometryRef(g, i));
        return n;
    }

    bool takeGeometry(OGRGeometryH g, const QString &field, Event &e)
    {
        const auto type = wkbFlatten(OGR_G_GetGeometryType(g));
        auto takeVertices = [&](OGRGeometryH line) {
            const int n = OGR_G_GetPointCount(line);
            if (n > m_options.maxVertices) {
                recordIssue(
                    Issue::Severity::Skipped, field,
                    tr("%1 vertices, more than the limit of %2; record skipped").arg(n).arg(m_options.maxVertices));
                return false;
            }
            for (int i = 0; i < n; ++i) {
                const double lon = OGR_G_GetX(line, i), lat = OGR_G_GetY(line, i);
                if (!validCoordinate(lon, lat)) {
                    recordIssue(Issue::Severity::Skipped, field,
                                tr("(%1, %2) is not a WGS 84 longitude/latitude; record skipped").arg(lon).arg(lat));
                    return false;
                }
                e.geometry.append(QGeoCoordinate(lat, lon));
            }
            return true;
        };
        switch (type) {
        case wkbPoint:
            e.geometryKind = GeometryKind::Point;
            return takeVertices(g);
        case wkbMultiPoint:
            e.geometryKind = GeometryKind::Point;
            if (OGR_G_GetGeometryCount(g) > 1)
                recordIssue(Issue::Severity::Warning, field, tr("several points; the first stands for the record"));
            return takeVertices(OGR_G_GetGeometryRef(g, 0));
        case wkbLineString:
            e.geometryKind = GeometryKind::Line;
            return takeVertices(g);
        case wkbMultiLineString:
            e.geometryKind = GeometryKind::Line;
            if (OGR_G_GetGeometryCount(g) > 1)
                recordIssue(Issue::Severity::Warning, field, tr("several lines; only the first is shown"));
            return takeVertices(OGR_G_GetGeometryRef(g, 0));
        case wkbPolygon:
        case wkbMultiPolygon: {
            if (const qint64 n = vertexCount(g); n > m_options.maxVertices) {
                recordIssue(
                    Issue::Severity::Skipped, field,
                    tr("%1 vertices, more than the limit of %2; record skipped").arg(n).arg(m_options.maxVertices));
                return false;
            }
            // An area stands for a region, not a place: its centre is the anchor.
            GeometryPtr centre(OGR_G_CreateGeometry(wkbPoint));
            if (OGR_G_Centroid(g, static_cast<OGRGeometryH>(centre.get())) != OGRERR_NONE) {
                recordIssue(Issue::Severity::Skipped, field, tr("the area has no centre; record skipped"));
                return false;
            }
            e.geometryKind = GeometryKind::Point;
            e.locationPrecision = LocationPrecision::Region;
            return takeVertices(static_cast<OGRGeometryH>(centre.get()));
        }
        default:
            recordIssue(Issue::Severity::Skipped, field,
                        tr("%1 geometry is not supported (points, lines and areas are); record skipped")
                            .arg(QString::fromUtf8(OGRGeometryTypeToName(type))));
            return false;
        }
    }

    /// How deeply brackets nest in JSON text, outside strings; cheap, and checked before parsing.
    static qint64 jsonDepth(QStringView json)
    {
        qint64 depth = 0, deepest = 0;
        bool inString = false;
        for (qsizetype i = 0; i < json.size(); ++i) {
            const QChar c = json[i];
            if (inString) {
                if (c == u'\\')
                    ++i;
                else if (c == u'"')
                    inString = false;
            } else if (c == u'"') {
                inString = true;
            } else if (c == u'[' || c == u'{') {
                deepest = std::max(deepest, ++depth);
            } else if (c == u']' || c == u'}') {
                --depth;
            }
        }
        return deepest;
    }

    QJsonArray jsonArray(OGRFeatureH f, FieldRole role, bool *isJson)
    {
        const QString value = text(f, role).trimmed();
        *isJson = value.startsWith(u'[') || value.startsWith(u'{');
        if (!*isJson) return {};
        if (const qint64 depth = jsonDepth(value); depth > m_options.maxJsonDepth) {
            recordIssue(Issue::Severity::Warning, m_mapping.column(role),
                        tr("JSON nested %1 levels deep, more than the limit of %2; ignored")
                            .arg(depth)
                            .arg(m_options.maxJsonDepth));
            return {};
        }
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(value.toUtf8(), &error);
        if (error.error != QJsonParseError::NoError) {
            recordIssue(Issue::Severity::Warning, m_mapping.column(role),
                        tr("not valid JSON (%1 at offset %2); ignored").arg(error.errorString()).arg(error.offset));
            return {};
        }
        return doc.isArray() ? doc.array() : QJsonArray{doc.object()};
    }

    void readClaims(OGRFeatureH f, Event &e)
    {
        bool isJson = false;
        const QJsonArray claims = jsonArray(f, FieldRole::Claims, &isJson);
        if (!isJson && !text(f, FieldRole::Claims).trimmed().isEmpty())
            recordIssue(Issue::Severity::Warning, m_mapping.column(FieldRole::Claims),
                        tr("not a JSON array of claims; ignored"));
        for (const auto &v : claims) {
            if (!v.isObject()) {
                recordIssue(Issue::Severity::Warning, m_mapping.column(FieldRole::Claims),
                            tr("a claim is not a JSON object; ignored"));
                continue;
            }
            const QJsonObject o = v.toObject();
            Claim c{o.value("quantity").toString(), std::nullopt,
                    o.value("unit").toString(),     o.value("source").toString(),
                    o.value("as_of").toString(),    o.value("note").toString()};
            const QJsonValue value = o.value("value");
            if (value.isDouble())
                c.value = value.toDouble();
            else if (!value.isNull() && !value.isUndefined())
                recordIssue(Issue::Severity::Warning, m_mapping.column(FieldRole::Claims),
                            tr("claim value for '%1' is not a number; kept without a value").arg(c.quantity));
            e.claims.append(c);
        }
    }

    void readSources(OGRFeatureH f, Event &e)
    {
        bool isJson = false;
        const QJsonArray sources = jsonArray(f, FieldRole::Sources, &isJson);
        if (!isJson) { // plain text: names or addresses separated by ';' or '|'
            for (const QString &item : list(f, FieldRole::Sources)) {
                // Only what can start a number (digits, sign, point, inf, nan) is worth converting.
                const char16_t lead = item.isEmpty() ? u' ' : item.front().toLower().unicode();
                bool isNumber = false;
                if ((lead >= u'0' && lead <= u'9') || lead == u'+' || lead == u'-' || lead == u'.' || lead == u'i' ||
                    lead == u'n')
                    item.toDouble(&isNumber);
                if (isNumber) { // a JSON number where names belong ("sources": 5)
                    recordIssue(Issue::Severity::Warning, m_mapping.column(FieldRole::Sources),
                                tr("'%1' is a number, not a source; ignored").arg(item));
                    continue;
                }
                const bool isUrl = item.startsWith(u"http://") || item.startsWith(u"https://");
                e.sources.append(Source{isUrl ? QString() : item, isUrl ? item : QString(), {}, {}});
            }
            return;
        }
        for (const auto &v : sources) {
            if (v.isString())
                e.sources.append(Source{v.toString(), {}, {}, {}});
            else if (v.isObject()) {
                const QJsonObject o = v.toObject();
                e.sources.append(Source{o.value("name").toString(), o.value("url").toString(),
                                        o.value("published").toString(), o.value("language").toString()});
            } else {
                recordIssue(Issue::Severity::Warning, m_mapping.column(FieldRole::Sources),
                            tr("a source is neither text nor an object; ignored"));
            }
        }
    }

    QString m_file;
    const LoadOptions &m_options;
    IssueList &m_issues;
    FieldMapping m_mapping;
    int m_index[int(FieldRole::LocationPrecision) + 1];
    int m_startFallback = -1; ///< KML's `timestamp` when the start column is `begin`
    QList<std::pair<QString, int>> m_titleColumns, m_summaryColumns;
    TransformPtr m_toWgs84;
    bool m_hasGeometryColumn = false;
    bool m_hasLocation = false;
    bool m_fatal = false;
    qint64 m_record = -1;
    QString m_recordId;
};

/// The ids read so far, to find duplicates without a heap-allocated string per id: the ids'
/// UTF-16 text in one buffer and an open-addressing table of (hash, id number) into it.
class IdSet {
public:
    void reserve(qint64 ids)
    {
        m_begin.reserve(size_t(ids) + 1);
        if (size_t(ids) * 2 > m_slots.size()) rehash(std::bit_ceil(size_t(ids) * 2));
    }

    /// Adds `id`; false when it was there already.
    bool insert(QStringView id)
    {
        if ((m_begin.size() + 1) * 2 > m_slots.size()) rehash(std::max<size_t>(64, m_slots.size() * 2));
        const size_t hash = qHash(id);
        const auto tag = quint32(hash ^ (quint64(hash) >> 32));
        const size_t mask = m_slots.size() - 1;
        for (size_t i = hash & mask;; i = (i + 1) & mask) {
            Slot &slot = m_slots[i];
            if (slot.idPlusOne == 0) {
                if (m_begin.empty()) m_begin.push_back(0);
                m_text.append(id);
                m_begin.push_back(m_text.size());
                slot = {tag, quint32(m_begin.size() - 1)};
                return true;
            }
            if (slot.tag == tag && idText(slot.idPlusOne - 1) == id) return false;
        }
    }

private:
    struct Slot {
        quint32 tag = 0;
        quint32 idPlusOne = 0; ///< 0 = empty
    };
    QStringView idText(quint32 n) const { return QStringView(m_text).sliced(m_begin[n], m_begin[n + 1] - m_begin[n]); }
    void rehash(size_t capacity) // a power of two ("slots" is a Qt keyword)
    {
        std::vector<Slot> old(capacity);
        old.swap(m_slots);
        for (const Slot &slot : old) {
            if (slot.idPlusOne == 0) continue;
            const size_t hash = qHash(idText(slot.idPlusOne - 1));
            for (size_t i = hash & (capacity - 1);; i = (i + 1) & (capacity - 1))
                if (m_slots[i].idPlusOne == 0) {
                    m_slots[i] = slot;
                    break;
                }
        }
    }

    QString m_text;
    std::vector<qsizetype> m_begin; ///< where id n starts in m_text; one more entry for the end
    std::vector<Slot> m_slots;      ///< a power of two, at most half full
};

Issue fatal(const QString &file, const QString &message)
{
    return {Issue::Severity::Fatal, file, -1, {}, {}, message};
}

} // namespace

bool LoadResult::hasFatal() const
{
    return count(Issue::Severity::Fatal) > 0;
}

qsizetype LoadResult::count(Issue::Severity severity) const
{
    return std::count_if(issues.begin(), issues.end(), [&](const Issue &i) { return i.severity == severity; });
}

QStringList EventLoader::allowedDrivers()
{
    return {"GeoJSON", "GeoJSONSeq", "CSV",        "GPKG",           "LIBKML", "KML",
            "XLSX",    "ODS",        "FlatGeobuf", "ESRI Shapefile", "GPX"};
}

namespace {

/// For a driver that cannot count cheaply (CSV), the number of records a local text file
/// probably holds, from the length of its first lines; -1 when it cannot tell. Only progress
/// uses it: the record limit is checked against what is actually read.
qint64 estimateLineRecords(const QByteArray &gdalPath)
{
    if (gdalPath.startsWith("/vsi")) return -1;
    QFile file(QFile::decodeName(gdalPath));
    if (!file.open(QIODevice::ReadOnly)) return -1;
    const QByteArray sample = file.read(1 << 20);
    const qint64 lines = sample.count('\n');
    if (lines < 2) return -1;
    return std::max<qint64>(1, qint64(double(file.size()) * lines / sample.size()) - 1); // less the header
}

/// Opens `gdalPath` (a local file or a /vsimem/ buffer) with the allowed drivers and reads every
/// layer; `path` is the name issues carry, `suffix` chooses the open options.
LoadResult readDataset(const QByteArray &gdalPath, const QString &path, const QString &suffix,
                       const LoadOptions &options, const EventLoader::Progress &progress)
{
    LoadResult result;
    EventStoreBuilder builder;
    auto finish = [&]() -> LoadResult {
        result.store = builder.build();
        if (result.store->isEmpty() && !result.hasFatal() && !result.cancelled)
            result.issues.append(fatal(path, tr("no usable records")));
        return result;
    };

    GdalMessageCollector gdalMessages;
    QList<QByteArray> driverNames;
    for (const auto &name : EventLoader::allowedDrivers())
        driverNames.append(name.toUtf8());
    std::vector<const char *> drivers;
    for (const auto &name : driverNames)
        drivers.push_back(name.constData());
    drivers.push_back(nullptr);
    // Dates stay text so reduced precision (2025-08) survives; CSV keeps every column as text.
    const char *openOptions[] = {"DATE_AS_STRING=YES", nullptr};
    DatasetPtr dataset(GDALOpenEx(
        gdalPath.constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY | GDAL_OF_VERBOSE_ERROR, drivers.data(),
        suffix.compare("json", Qt::CaseInsensitive) == 0 || suffix.compare("geojson", Qt::CaseInsensitive) == 0
            ? openOptions
            : nullptr,
        nullptr));
    if (!dataset) {
        // Every message, not only the last: the GeoJSON parser's says where the text breaks off.
        const QString detail = gdalMessages.take().join(QStringLiteral("; "));
        result.issues.append(fatal(
            path, detail.isEmpty() ? tr("not a dataset Chronomap can read (GeoJSON, CSV, GeoPackage, KML, XLSX, ODS…)")
                                   : tr("not a dataset Chronomap can read: %1").arg(detail)));
        return finish();
    }

    const int layerCount = GDALDatasetGetLayerCount(dataset.get());
    qint64 total = 0;
    for (int l = 0; l < layerCount; ++l) {
        // Only a count the driver knows cheaply (GeoJSON, GeoPackage): CSV's driver reads the
        // whole file to count (over a second at a million rows) even when not forced. Without a
        // count the limit is checked while reading and progress reports an unknown total.
        OGRLayerH layer = GDALDatasetGetLayer(dataset.get(), l);
        const GIntBig n = OGR_L_TestCapability(layer, OLCFastFeatureCount) ? OGR_L_GetFeatureCount(layer, FALSE) : -1;
        total = (n < 0 || total < 0) ? -1 : total + n;
    }
    if (total > options.maxRecords) {
        result.issues.append(
            fatal(path, tr("%1 records, more than the limit of %2").arg(total).arg(options.maxRecords)));
        return finish();
    }
    if (total > 0) builder.reserve(total);
    const qint64 estimatedTotal = total >= 0 ? total : estimateLineRecords(gdalPath);

    IdSet seenIds;
    if (total > 0) seenIds.reserve(total); // no rehashing of a million ids as the set grows
    bool anyStartColumn = false;
    for (int l = 0; l < layerCount && !result.cancelled; ++l) {
        OGRLayerH layer = GDALDatasetGetLayer(dataset.get(), l);
        LayerReader reader(path, layer, options, result.issues);
        if (!reader.usable()) continue;
        if (!reader.hasStartColumn()) continue;
        anyStartColumn = true;
        OGR_L_ResetReading(layer);
        while (FeaturePtr feature{OGR_L_GetNextFeature(layer)}) {
            const qint64 record = ++result.recordsRead;
            if (record > options.maxRecords) {
                result.issues.append(
                    fatal(path, tr("more than %1 records; the file is refused").arg(options.maxRecords)));
                builder = EventStoreBuilder();
                return finish();
            }
            if (auto e = reader.read(static_cast<OGRFeatureH>(feature.get()), record)) {
                if (!seenIds.insert(e->id)) {
                    reader.recordIssue(Issue::Severity::Skipped, toString(FieldRole::Id),
                                       tr("id '%1' is already used by an earlier record; record skipped").arg(e->id));
                    continue;
                }
                builder.add(*e);
            }
            // An estimate may run short: never report a record count as complete before the end.
            const qint64 progressTotal = estimatedTotal < 0 ? -1 : std::max(estimatedTotal, record + record / 16);
            if (record % kProgressEvery == 0 && progress && !progress(record, progressTotal)) {
                result.cancelled = true;
                break;
            }
        }
    }
    if (result.cancelled) {
        builder = EventStoreBuilder(); // drop what was read: a cancelled load changes nothing
        result.issues.clear();
        return finish();
    }
    if (!anyStartColumn && !result.hasFatal() && total == 0)
        result.issues.append(fatal(path, tr("the file holds no records")));
    else if (!anyStartColumn && !result.hasFatal())
        result.issues.append(fatal(path, tr("no column holds a start date (start, date, event_date, timestamp… "
                                            "or give one with a field mapping such as start=Fecha)")));
    for (const QString &message : gdalMessages.take())
        result.issues.append({Issue::Severity::Warning, path, -1, {}, {}, tr("GDAL: %1").arg(message)});
    if (progress) progress(result.recordsRead, result.recordsRead);
    return finish();
}

/// A load refused before GDAL sees the file: one fatal issue and an empty store.
LoadResult refused(const QString &path, const QString &message)
{
    LoadResult result;
    result.store = EventStoreBuilder().build();
    result.issues.append(fatal(path, message));
    return result;
}

/// Hands what the load freed (GDAL's buffers, the builder's unsorted columns, the id set) back
/// to the system: glibc keeps freed heap memory otherwise, and a million-event load leaves over
/// a hundred megabytes resident that the store does not use.
void releaseFreedMemory()
{
#if defined(__GLIBC__)
    malloc_trim(0);
#endif
}

QString sizeText(qint64 bytes)
{
    return QLocale::c().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

} // namespace

LoadResult EventLoader::load(const QString &path, const LoadOptions &options, const Progress &progress)
{
    ensureGdalReady();
    const QFileInfo info(path);
    // Checked before GDAL sees the path: GDAL itself would follow /vsicurl/ or http:// to the network.
    if (isVirtualOrRemotePath(path))
        return refused(path, tr("only local files are opened; network and virtual paths are refused"));
    if (!info.exists()) return refused(path, tr("no such file"));
    if (!info.isFile() || !info.isReadable()) return refused(path, tr("not a readable file"));
    if (info.size() == 0) return refused(path, tr("the file is empty"));
    if (info.size() > options.maxFileBytes)
        return refused(
            path,
            tr("the file is %1, more than the limit of %2").arg(sizeText(info.size()), sizeText(options.maxFileBytes)));
    LoadResult result = readDataset(QFile::encodeName(info.absoluteFilePath()), path, info.suffix(), options, progress);
    releaseFreedMemory();
    return result;
}

LoadResult EventLoader::loadBytes(const QByteArray &bytes, const QString &name, const LoadOptions &options,
                                  const Progress &progress)
{
    ensureGdalReady();
    if (bytes.isEmpty()) return refused(name, tr("the file is empty"));
    if (bytes.size() > options.maxFileBytes)
        return refused(name, tr("the file is %1, more than the limit of %2")
                                 .arg(sizeText(bytes.size()), sizeText(options.maxFileBytes)));
    // A private in-memory file: GDAL reads it like a local one, and nothing else can see it.
    static std::atomic<quint64> serial{0};
    const QByteArray gdalPath =
        "/vsimem/chronomap-load-" + QByteArray::number(++serial) + '/' + QFileInfo(name).fileName().toUtf8();
    QByteArray buffer = bytes; // GDAL wants a writable buffer; this copy outlives the in-memory file
    VSILFILE *file = VSIFileFromMemBuffer(gdalPath.constData(), reinterpret_cast<GByte *>(buffer.data()),
                                          vsi_l_offset(buffer.size()), FALSE);
    if (!file) return refused(name, tr("cannot hold the data in memory"));
    VSIFCloseL(file);
    LoadResult result = readDataset(gdalPath, name, QFileInfo(name).suffix(), options, progress);
    VSIUnlink(gdalPath.constData());
    releaseFreedMemory();
    return result;
}

} // namespace chronomap
