// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/layer_reader.h"

#include "core/model/record_json.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringDecoder>
#include <QTimeZone>

#include <ogr_srs_api.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>

namespace chronomap {

namespace {

/// Larger than any projected coordinate on Earth in metres or feet (the equator is 4e7 m).
constexpr double kMaxSourceCoordinate = 1e9;

/// Whether every coordinate of `g` is finite and within kMaxSourceCoordinate, before reprojecting.
bool withinAnyMapsRange(OGRGeometryH g)
{
    OGREnvelope box;
    OGR_G_GetEnvelope(g, &box);
    for (const double v : {box.MinX, box.MaxX, box.MinY, box.MaxY})
        if (!std::isfinite(v) || std::abs(v) > kMaxSourceCoordinate) return false;
    return true;
}

QString tr(const char *text)
{
    return QCoreApplication::translate("EventLoader", text);
}

FuzzyDate coarsen(FuzzyDate d, DatePrecision precision)
{
    if (precision >= d.precision) return d;
    const QDate day = QDateTime::fromMSecsSinceEpoch(d.startMs, QTimeZone::utc()).date();
    const QDate first = precision == DatePrecision::Year    ? QDate(day.year(), 1, 1)
                        : precision == DatePrecision::Month ? QDate(day.year(), day.month(), 1)
                                                            : day;
    return {first.startOfDay(QTimeZone::utc()).toMSecsSinceEpoch(), precision};
}

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

/// How deeply brackets nest in JSON text, outside strings; cheap, and checked before parsing.
qint64 jsonDepth(QStringView json)
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

} // namespace

LayerReader::LayerReader(const QString &file, OGRLayerH layer, const LoadOptions &options, IssueList &issues)
    : m_file(file), m_options(options), m_issues(issues)
{
    OGRFeatureDefnH defn = OGR_L_GetLayerDefn(layer);
    QStringList columns;
    for (int i = 0; i < OGR_FD_GetFieldCount(defn); ++i)
        columns.append(QString::fromUtf8(OGR_Fld_GetNameRef(OGR_FD_GetFieldDefn(defn, i))));
    if (const SchemaProfile *profile = SchemaProfile::recognise(columns)) {
        m_mapping = profile->mapping(columns, options.mapping);
        m_profile = std::make_unique<ProfileTransform>(*profile, columns, options.regions);
        m_profile->setComposesTitle(!m_mapping.has(FieldRole::Title));
    } else {
        m_mapping = FieldMapping::detect(columns, options.mapping);
    }
    m_dateForm = options.dateForm.value_or(m_profile ? m_profile->profile().dateForm : DateForm::Iso);
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

    // The columns conversion reads, each copied once per feature by extract().
    m_columnOf.assign(size_t(std::max(0, OGR_FD_GetFieldCount(defn))), -1);
    auto take = [&](int index) {
        if (index < 0 || m_columnOf[size_t(index)] >= 0) return;
        m_columnOf[size_t(index)] = int(m_columns.size());
        m_columns.push_back(index);
        m_types.push_back(OGR_Fld_GetType(OGR_FD_GetFieldDefn(defn, index)));
    };
    for (const int index : m_index)
        take(index);
    take(m_startFallback);
    for (const auto &[lang, index] : std::as_const(m_titleColumns))
        take(index);
    for (const auto &[lang, index] : std::as_const(m_summaryColumns))
        take(index);
    if (m_profile)
        for (const int index : m_profile->fieldIndexes())
            take(index);
    m_geometryField = tr("geometry");
    for (FieldRole role : allFieldRoles())
        m_columnName[int(role)] = m_mapping.column(role);
    m_startField = m_columnName[int(FieldRole::Start)].isEmpty() ? toString(FieldRole::Start)
                                                                 : m_columnName[int(FieldRole::Start)];
    for (const auto &[lang, index] : std::as_const(m_titleColumns))
        m_titleFields.append(QStringLiteral("title_") + lang);
    for (const auto &[lang, index] : std::as_const(m_summaryColumns))
        m_summaryFields.append(QStringLiteral("summary_") + lang);
    m_rowLane = rowLaneFits();
}

void LayerReader::extract(OGRFeatureH f, qint64 record, FeatureBatch &batch) const
{
    batch.columns = int(m_columns.size());
    batch.records.push_back(record);
    for (size_t column = 0; column < m_columns.size(); ++column) {
        const int index = m_columns[column];
        FeatureBatch::Cell c;
        if (OGR_F_IsFieldSetAndNotNull(f, index)) {
            const char *raw = OGR_F_GetFieldAsString(f, index);
            const size_t size = std::strlen(raw);
            c.offset = qsizetype(batch.text.size());
            c.size = qsizetype(size);
            batch.text.append(raw, size + 1); // with its NUL
            switch (m_types[column]) {
            case OFTStringList:
                c.extra = qsizetype(batch.text.size());
                for (char **item = OGR_F_GetFieldAsStringList(f, index); item && *item; ++item) {
                    batch.text.append(*item, std::strlen(*item) + 1);
                    ++c.extraCount;
                }
                break;
            case OFTDate:
            case OFTDateTime: {
                int y = 0, mo = 0, d = 0, h = 0, mi = 0, tz = 0;
                float sec = 0;
                const int ok = OGR_F_GetFieldAsDateTimeEx(f, index, &y, &mo, &d, &h, &mi, &sec, &tz);
                c.extra = qsizetype(batch.numbers.size());
                batch.numbers.insert(batch.numbers.end(), {double(ok), double(y), double(mo), double(d), double(h),
                                                           double(mi), double(sec), double(tz)});
                break;
            }
            case OFTReal:
            case OFTInteger:
                c.extra = qsizetype(batch.numbers.size());
                batch.numbers.push_back(OGR_F_GetFieldAsDouble(f, index));
                break;
            default:
                break;
            }
        }
        batch.cells.push_back(c);
    }

    FeatureBatch::Geometry out;
    out.issueBegin = qsizetype(batch.issues.size());
    out.vertexBegin = qsizetype(batch.lonLat.size());
    if (OGRGeometryH g = OGR_F_GetGeometryRef(f)) {
        out.state = FeatureBatch::Geometry::State::Skipped;
        if (OGR_G_IsEmpty(g)) { // GDAL reads coordinates such as NaN as an empty point
            batch.issues.push_back(
                {Issue::Severity::Skipped, m_geometryField,
                 tr("empty %1 (no usable coordinates); record skipped")
                     .arg(QString::fromUtf8(OGRGeometryTypeToName(wkbFlatten(OGR_G_GetGeometryType(g)))))});
        } else if (m_toWgs84 && !withinAnyMapsRange(g)) {
            // Found by fuzzing: GDAL wraps a longitude such as 4e12° back into range one turn at
            // a time, so a single absurd coordinate could stall the load for hours.
            batch.issues.push_back({Issue::Severity::Skipped, m_geometryField,
                                    tr("coordinates beyond %1 in the file's coordinate system cannot be on any "
                                       "map; record skipped")
                                        .arg(kMaxSourceCoordinate, 0, 'g', 3)});
        } else if (m_toWgs84 &&
                   OGR_G_Transform(g, static_cast<OGRCoordinateTransformationH>(m_toWgs84.get())) != OGRERR_NONE) {
            batch.issues.push_back(
                {Issue::Severity::Skipped, m_geometryField, tr("cannot be converted to WGS 84; record skipped")});
        } else {
            GeometrySink sink{GeometryKind::None, false, batch.lonLat, batch.issues};
            if (takeGeometry(g, m_geometryField, sink)) {
                out.state = FeatureBatch::Geometry::State::Usable;
                out.kind = sink.kind;
                out.regionPrecision = sink.regionPrecision;
            }
        }
    }
    out.issueEnd = qsizetype(batch.issues.size());
    out.vertexEnd = qsizetype(batch.lonLat.size());
    batch.geometry.push_back(out);
}

std::optional<Event> LayerReader::read(const FeatureBatch &batch, qsizetype row)
{
    m_batch = &batch;
    m_row = row;
    m_record = batch.records[size_t(row)];
    m_recordId.clear();
    Event e;
    e.id = text(FieldRole::Id);
    m_recordId = e.id;

    bool hasDefaultTitle = false;
    if (QString t = text(FieldRole::Title); !t.isEmpty()) {
        e.title.insert(QString(), std::move(t));
        hasDefaultTitle = true;
    }
    if (QString s = text(FieldRole::Summary); !s.isEmpty()) e.summary.insert(QString(), std::move(s));
    for (qsizetype i = 0; i < m_titleColumns.size(); ++i)
        if (QString t = text(m_titleColumns[i].second, m_titleFields[i]); !t.isEmpty())
            e.title.insert(m_titleColumns[i].first, std::move(t));
    for (qsizetype i = 0; i < m_summaryColumns.size(); ++i)
        if (QString s = text(m_summaryColumns[i].second, m_summaryFields[i]); !s.isEmpty())
            e.summary.insert(m_summaryColumns[i].first, std::move(s));

    if (!readWhen(e)) return std::nullopt;
    if (!readGeometry(e)) return std::nullopt;

    if (!hasDefaultTitle && !(m_profile && m_profile->composesTitle())) {
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

    e.category = text(FieldRole::Category).trimmed().toLower();
    e.actors = list(FieldRole::Actors);
    e.places = list(FieldRole::Places);
    QStringList codes = list(FieldRole::Regions);
    for (QString &code : codes)
        e.regions.append(std::move(code).trimmed().toUpper()); // in place: no copy per code
    e.provenance = text(FieldRole::Provenance).trimmed();
    if (const QString c = text(FieldRole::Confidence); !c.trimmed().isEmpty()) {
        e.confidence = confidenceFromString(c);
        if (e.confidence == Confidence::Unknown)
            recordIssue(Issue::Severity::Warning, m_mapping.column(FieldRole::Confidence),
                        tr("'%1' is not one of confirmed, reported, claimed, disputed").arg(c));
    }
    // An area's centre stands for a region whatever the column says (readGeometry set that).
    if (const auto precision = locationPrecisionFromString(text(FieldRole::LocationPrecision));
        precision && e.locationPrecision != LocationPrecision::Region)
        e.locationPrecision = *precision;
    readClaims(e);
    readSources(e);
    if (m_profile) m_profile->apply(e, *this);
    checkClaimSources(e);
    readRelated(e);
    return e;
}

QStringView LayerReader::profileCell(int fieldIndex, const QString &field, QString &buffer)
{
    return textView(fieldIndex, field, buffer);
}

void LayerReader::profileIssue(Issue::Severity severity, const QString &field, const QString &message)
{
    recordIssue(severity, field, message);
}

void LayerReader::recordIssue(Issue::Severity severity, const QString &field, const QString &message)
{
    if (m_dryRun) {
        m_wouldReport = true;
        return;
    }
    m_issues.append({severity, m_file, m_record, m_recordId, field, message});
}

void LayerReader::reportDuplicateId(const QString &id)
{
    m_recordId = id;
    recordIssue(Issue::Severity::Skipped, toString(FieldRole::Id),
                tr("id '%1' is already used by an earlier record; record skipped").arg(id));
}

void LayerReader::fileIssue(Issue::Severity severity, const QString &message)
{
    if (severity == Issue::Severity::Fatal) m_fatal = true;
    m_issues.append({severity, m_file, -1, {}, {}, message});
}

const FeatureBatch::Cell *LayerReader::cell(int index) const
{
    if (index < 0) return nullptr;
    const FeatureBatch::Cell &c = m_batch->cell(m_row, m_columnOf[size_t(index)]);
    return c.offset < 0 ? nullptr : &c;
}

QString LayerReader::text(FieldRole role)
{
    const int index = m_index[int(role)];
    return index < 0 ? QString() : text(index, m_columnName[int(role)]);
}

QString LayerReader::text(int index, const QString &field)
{
    const FeatureBatch::Cell *c = cell(index);
    if (!c) return {};
    const QByteArrayView bytes = m_batch->bytes(*c);
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

QStringView LayerReader::textView(int index, const QString &field, QString &buffer)
{
    const FeatureBatch::Cell *c = cell(index);
    if (!c) return {};
    const QByteArrayView bytes = m_batch->bytes(*c);
    if (bytes.size() <= m_options.maxTextBytes &&
        std::all_of(bytes.begin(), bytes.end(), [](char b) { return quint8(b) < 0x80; })) {
        buffer.resize(bytes.size());
        char16_t *out = reinterpret_cast<char16_t *>(buffer.data());
        for (const char b : bytes)
            *out++ = char16_t(quint8(b));
        return buffer;
    }
    buffer = text(index, field);
    return buffer;
}

QStringView LayerReader::textView(FieldRole role, QString &buffer)
{
    const int index = m_index[int(role)];
    return index < 0 ? QStringView() : textView(index, m_columnName[int(role)], buffer);
}

QStringList LayerReader::list(FieldRole role)
{
    const int index = m_index[int(role)];
    const FeatureBatch::Cell *c = cell(index);
    if (!c) return {};
    QStringList out;
    if (c->extra >= 0 && fieldType(index) == OFTStringList) {
        const char *item = m_batch->text.data() + c->extra;
        for (qsizetype i = 0; i < c->extraCount; ++i) {
            const QByteArrayView bytes(item);
            out.append(QString::fromUtf8(bytes));
            item += bytes.size() + 1;
        }
        return out;
    }
    const QStringView value = textView(role, m_listBuffer).trimmed();
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

std::optional<FuzzyDate> LayerReader::date(FieldRole role, bool *present)
{
    int index = m_index[int(role)];
    if (role == FieldRole::Start && m_startFallback >= 0 && !cell(index)) index = m_startFallback;
    const FeatureBatch::Cell *c = cell(index);
    *present = c != nullptr;
    if (!*present) return std::nullopt;
    const OGRFieldType type = fieldType(index);
    if ((type == OFTDate || type == OFTDateTime) && c->extra >= 0) { // typed cells (XLSX, ODS, GPKG, KML)
        const double *v = m_batch->numbers.data() + c->extra;        // as extract() stored them
        if (v[0] == 0) return std::nullopt;
        const int y = int(v[1]), mo = int(v[2]), d = int(v[3]), h = int(v[4]), mi = int(v[5]), tz = int(v[7]);
        const auto s = float(v[6]);
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
    const QStringView value = textView(index, m_columnName[int(role)], m_dateBuffer);
    if (value.trimmed().isEmpty()) {
        *present = false;
        return std::nullopt;
    }
    return parseDate(value, m_dateForm);
}

bool LayerReader::readWhen(Event &e)
{
    bool startPresent = false, endPresent = false;
    const auto start = date(FieldRole::Start, &startPresent);
    const QString &startField = m_startField;
    if (!startPresent) {
        recordIssue(Issue::Severity::Skipped, startField, tr("no start date; record skipped"));
        return false;
    }
    if (!start) {
        if (m_dateForm == DateForm::Iso)
            recordIssue(
                Issue::Severity::Skipped, startField,
                tr("'%1' is not an ISO 8601 date (2025, 2025-08, 2025-08-12 or 2025-08-12T09:30Z); record skipped")
                    .arg(text(FieldRole::Start)));
        else
            recordIssue(Issue::Severity::Skipped, startField,
                        tr("'%1' is not a date in the form %2; record skipped")
                            .arg(text(FieldRole::Start), dateFormLabel(m_dateForm)));
        return false;
    }
    FuzzyDate first = *start, last = *start;
    if (const auto end = date(FieldRole::End, &endPresent); endPresent) {
        if (!end) {
            recordIssue(Issue::Severity::Warning, m_mapping.column(FieldRole::End),
                        tr("'%1' is not an ISO 8601 date; the end is ignored").arg(text(FieldRole::End)));
        } else if (end->endExclusiveMs() <= start->startMs) {
            recordIssue(Issue::Severity::Warning, m_mapping.column(FieldRole::End),
                        tr("end %1 is before start %2; the end is ignored").arg(end->toIso(), start->toIso()));
        } else {
            last = *end;
        }
    }
    if (const QStringView declared = textView(FieldRole::DatePrecision, m_precisionBuffer);
        !declared.trimmed().isEmpty()) {
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

bool LayerReader::takeGeometry(OGRGeometryH g, const QString &field, GeometrySink &out) const
{
    const auto type = wkbFlatten(OGR_G_GetGeometryType(g));
    auto takeVertices = [&](OGRGeometryH line) {
        const int n = OGR_G_GetPointCount(line);
        if (n > m_options.maxVertices) {
            out.issues.push_back({Issue::Severity::Skipped, field, tooManyVertices(n)});
            return false;
        }
        for (int i = 0; i < n; ++i) {
            const double lon = OGR_G_GetX(line, i), lat = OGR_G_GetY(line, i);
            if (!validCoordinate(lon, lat)) {
                out.issues.push_back({Issue::Severity::Skipped, field, notWgs84(lon, lat)});
                return false;
            }
            out.lonLat.push_back(lon);
            out.lonLat.push_back(lat);
        }
        return true;
    };
    switch (type) {
    case wkbPoint:
        out.kind = GeometryKind::Point;
        return takeVertices(g);
    case wkbMultiPoint:
        out.kind = GeometryKind::Point;
        if (OGR_G_GetGeometryCount(g) > 1)
            out.issues.push_back(
                {Issue::Severity::Warning, field, tr("several points; the first stands for the record")});
        return takeVertices(OGR_G_GetGeometryRef(g, 0));
    case wkbLineString:
        out.kind = GeometryKind::Line;
        return takeVertices(g);
    case wkbMultiLineString:
        out.kind = GeometryKind::Line;
        if (OGR_G_GetGeometryCount(g) > 1)
            out.issues.push_back({Issue::Severity::Warning, field, tr("several lines; only the first is shown")});
        return takeVertices(OGR_G_GetGeometryRef(g, 0));
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
        return takeVertices(static_cast<OGRGeometryH>(centre.get()));
    }
    default:
        out.issues.push_back({Issue::Severity::Skipped, field,
                              tr("%1 geometry is not supported (points, lines and areas are); record skipped")
                                  .arg(QString::fromUtf8(OGRGeometryTypeToName(type)))});
        return false;
    }
}

QJsonArray LayerReader::jsonArray(FieldRole role, bool *isJson)
{
    const QStringView value = textView(role, m_jsonBuffer).trimmed();
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

void LayerReader::readClaims(Event &e)
{
    bool isJson = false;
    const QJsonArray claims = jsonArray(FieldRole::Claims, &isJson);
    if (!isJson && !textView(FieldRole::Claims, m_claimsBuffer).trimmed().isEmpty())
        recordIssue(Issue::Severity::Warning, m_mapping.column(FieldRole::Claims),
                    tr("not a JSON array of claims; ignored"));
    for (const auto &v : claims) {
        if (!v.isObject()) {
            recordIssue(Issue::Severity::Warning, m_mapping.column(FieldRole::Claims),
                        tr("a claim is not a JSON object; ignored"));
            continue;
        }
        bool valueIsBad = false;
        const Claim c = RecordJson::claimFromJson(v.toObject(), &valueIsBad);
        if (valueIsBad)
            recordIssue(Issue::Severity::Warning, m_mapping.column(FieldRole::Claims),
                        tr("claim value for '%1' is not a number; kept without a value").arg(c.quantity));
        e.claims.append(c);
    }
}

void LayerReader::readSources(Event &e)
{
    bool isJson = false;
    const QJsonArray sources = jsonArray(FieldRole::Sources, &isJson);
    if (!isJson) { // plain text: names or addresses separated by ';' or '|'
        for (const QString &item : list(FieldRole::Sources)) {
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
            e.sources.append(RecordJson::sourceFromText(item));
        }
        return;
    }
    for (const auto &v : sources) {
        if (v.isString())
            e.sources.append(Source{v.toString(), {}, {}, {}});
        else if (v.isObject()) {
            e.sources.append(RecordJson::sourceFromJson(v.toObject()));
        } else {
            recordIssue(Issue::Severity::Warning, m_mapping.column(FieldRole::Sources),
                        tr("a source is neither text nor an object; ignored"));
        }
    }
}

void LayerReader::checkClaimSources(Event &e)
{
    for (const Claim &c : std::as_const(e.claims))
        if (c.sourceIndex >= e.sources.size())
            recordIssue(Issue::Severity::Warning, m_mapping.column(FieldRole::Claims),
                        tr("claim '%1' names source %2, but the record has %3 sources")
                            .arg(c.quantity)
                            .arg(c.sourceIndex)
                            .arg(e.sources.size()));
}

void LayerReader::readRelated(Event &e)
{
    if (!m_mapping.has(FieldRole::Related)) return;
    bool isJson = false;
    const QJsonArray related = jsonArray(FieldRole::Related, &isJson);
    if (!isJson && !textView(FieldRole::Related, m_claimsBuffer).trimmed().isEmpty())
        recordIssue(Issue::Severity::Warning, m_mapping.column(FieldRole::Related),
                    tr("not a JSON array of related records; ignored"));
    for (const auto &v : related) {
        const Related r = RecordJson::relatedFromJson(v.toObject());
        if (r.id.trimmed().isEmpty()) {
            recordIssue(Issue::Severity::Warning, m_mapping.column(FieldRole::Related),
                        tr("a related record without an id; ignored"));
            continue;
        }
        e.related.append(r);
    }
}

} // namespace chronomap
