// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/layer_reader.h"

#include "core/ascii_bytes.h"
#include "core/io/schema_layer.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QJsonDocument>
#include <QStringDecoder>

#include <ogr_srs_api.h>

#include <algorithm>
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

} // namespace

QString LayerReader::tr(const char *text)
{
    return QCoreApplication::translate("chronomap::LayerReader", text); // the context lupdate files it under
}

LayerReader::LayerReader(const QString &file, OGRLayerH layer, const LoadOptions &options, IssueList &issues)
    : LayerReader(file, layerSchemaOf(layer), OGR_L_GetSpatialRef(layer), options, issues)
{}

LayerReader::LayerReader(const QString &file, const ipc::LayerSchema &schema, OGRSpatialReferenceH srs,
                         const LoadOptions &options, IssueList &issues)
    : m_file(file), m_options(options), m_issues(issues)
{
    auto fieldIndex = [&](const QString &name) { return schemaFieldIndex(schema, name.toUtf8().constData()); };
    QStringList columns;
    for (const ipc::LayerField &field : schema.fields)
        columns.append(QString::fromUtf8(field.name));
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
        m_index[int(role)] = column.isEmpty() ? -1 : fieldIndex(column);
        if (!column.isEmpty() && m_index[int(role)] < 0 && options.mapping.has(role))
            fileIssue(Issue::Severity::Warning,
                      tr("the mapping names column '%1' for %2, but the file has no such column")
                          .arg(column, toString(role)));
    }
    for (auto it = m_mapping.localizedTitles().cbegin(); it != m_mapping.localizedTitles().cend(); ++it)
        m_titleColumns.append({it.key(), fieldIndex(it.value())});
    for (auto it = m_mapping.localizedSummaries().cbegin(); it != m_mapping.localizedSummaries().cend(); ++it)
        m_summaryColumns.append({it.key(), fieldIndex(it.value())});
    for (const QString &column : m_mapping.figures()) {
        const int index = fieldIndex(column);
        if (index >= 0)
            m_figureColumns.append({column, index});
        else
            fileIssue(Issue::Severity::Warning,
                      tr("the mapping names column '%1' for a figure, but the file has no such column").arg(column));
    }

    if (srs) {
        SrsPtr wgs84(OSRNewSpatialReference(nullptr));
        OSRSetWellKnownGeogCS(static_cast<OGRSpatialReferenceH>(wgs84.get()), "WGS84");
        OSRSetAxisMappingStrategy(static_cast<OGRSpatialReferenceH>(wgs84.get()), OAMS_TRADITIONAL_GIS_ORDER);
        if (!OSRIsSame(srs, static_cast<OGRSpatialReferenceH>(wgs84.get()))) {
            m_toWgs84.reset(OCTNewCoordinateTransformation(srs, static_cast<OGRSpatialReferenceH>(wgs84.get())));
            if (!m_toWgs84)
                fileIssue(Issue::Severity::Fatal,
                          tr("the coordinate system of layer '%1' cannot be converted to WGS 84")
                              .arg(QString::fromUtf8(schema.name)));
        }
    }
    // KML gives an instant as <TimeStamp> and a period as <TimeSpan>; LIBKML exposes them as the
    // columns `timestamp` and `begin`/`end`, and one layer may hold both kinds of placemark.
    if (!options.mapping.has(FieldRole::Start) &&
        m_mapping.column(FieldRole::Start).compare(u"begin", Qt::CaseInsensitive) == 0)
        m_startFallback = schemaFieldIndex(schema, "timestamp");
    m_hasGeometryColumn = schema.hasGeometryField && schema.geometryType != wkbNone;
    m_hasLocation = m_hasGeometryColumn || (has(FieldRole::Longitude) && has(FieldRole::Latitude)) ||
                    has(FieldRole::Wkt) || has(FieldRole::Regions);

    // The columns conversion reads, each copied once per feature by extract().
    m_columnOf.assign(schema.fields.size(), -1);
    auto take = [&](int index) {
        if (index < 0 || m_columnOf[size_t(index)] >= 0) return;
        m_columnOf[size_t(index)] = int(m_columns.size());
        m_columns.push_back(index);
        m_types.push_back(OGRFieldType(schema.fields[size_t(index)].type));
    };
    for (const int index : m_index)
        take(index);
    take(m_startFallback);
    for (const auto &[lang, index] : std::as_const(m_titleColumns))
        take(index);
    for (const auto &[lang, index] : std::as_const(m_summaryColumns))
        take(index);
    for (const auto &[column, index] : std::as_const(m_figureColumns))
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
    // The title and summary go into the store as their bytes: UTF-8 there needs no QString. A
    // column another role or a schema profile also reads stays ASCII-only (those take ASCII).
    m_rowUtf8Column.assign(m_columns.size(), false);
    if (!m_profile) {
        for (const FieldRole role : {FieldRole::Title, FieldRole::Summary})
            if (has(role)) m_rowUtf8Column[size_t(m_columnOf[size_t(m_index[int(role)])])] = true;
        for (const FieldRole role : allFieldRoles())
            if (role != FieldRole::Title && role != FieldRole::Summary && has(role))
                m_rowUtf8Column[size_t(m_columnOf[size_t(m_index[int(role)])])] = false;
    }
}

void LayerReader::extract(OGRFeatureH f, qint64 record, FeatureBatch &batch) const
{
    batch.columns = int(m_columns.size());
    batch.records.push_back(record);
    for (size_t column = 0; column < m_columns.size(); ++column)
        appendCell(f, m_columns[column], m_types[column], batch);
    extractGeometry(OGR_F_GetGeometryRef(f), batch);
}

void LayerReader::extractText(const char *const *values, int count, qint64 record, FeatureBatch &batch) const
{
    batch.columns = int(m_columns.size());
    batch.records.push_back(record);
    for (const int index : m_columns) {
        // As appendCell() copies a text field GDAL set; unset past the row's values.
        batch.cells.push_back(index < count ? batch.appendText(values[index]) : FeatureBatch::Cell());
    }
    extractGeometry(OGRGeometryH(nullptr), batch);
}

void LayerReader::appendCell(OGRFeatureH f, int index, OGRFieldType type, FeatureBatch &batch)
{
    FeatureBatch::Cell c;
    if (type == OFTString) {
        // A text field (every field of a CSV) from its raw value: what OGR_F_IsFieldSetAndNotNull
        // and OGR_F_GetFieldAsString give for it, without their lookups of the field's definition
        // (a third of the reader child's own work per record, callgrind).
        const OGRField *field = OGR_F_GetRawFieldRef(f, index);
        if (!OGR_RawField_IsUnset(field) && !OGR_RawField_IsNull(field)) {
            c = batch.appendText(field->String ? field->String : "");
        }
        batch.cells.push_back(c);
        return;
    }
    if (OGR_F_IsFieldSetAndNotNull(f, index)) {
        c = batch.appendText(OGR_F_GetFieldAsString(f, index));
        switch (type) {
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

void LayerReader::extractGeometry(OGRGeometryH g, FeatureBatch &batch) const
{
    FeatureBatch::Geometry out;
    out.issueBegin = qsizetype(batch.issues.size());
    out.vertexBegin = qsizetype(batch.lonLat.size());
    if (g) {
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
    readFigures(e);
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
    if (bytes.size() <= m_options.maxTextBytes && isAscii(bytes)) {
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

} // namespace chronomap
