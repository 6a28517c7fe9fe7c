// SPDX-License-Identifier: GPL-3.0-or-later
// LayerReader: the record's dates and its structured fields (claims, sources, related events).
#include "core/io/layer_reader.h"

#include "core/ascii_bytes.h"
#include "core/model/record_json.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTimeZone>

#include <algorithm>
#include <cmath>

namespace chronomap {

namespace {

FuzzyDate coarsen(FuzzyDate d, DatePrecision precision)
{
    if (precision >= d.precision) return d;
    const QDate day = QDateTime::fromMSecsSinceEpoch(d.startMs, QTimeZone::utc()).date();
    const QDate first = precision == DatePrecision::Year    ? QDate(day.year(), 1, 1)
                        : precision == DatePrecision::Month ? QDate(day.year(), day.month(), 1)
                                                            : day;
    return {first.startOfDay(QTimeZone::utc()).toMSecsSinceEpoch(), precision};
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
        // From a reader child, which a file can make send anything: each part a number in the
        // range its field can hold (NaN fails too), or no date; converting others is undefined.
        const auto inRange = [](double x, double lo, double hi) { return x >= lo && x <= hi; };
        if (!inRange(v[1], -999'999, 999'999) || !inRange(v[2], 0, 12) || !inRange(v[3], 0, 31) ||
            !inRange(v[4], 0, 23) || !inRange(v[5], 0, 59) || !inRange(v[6], 0, 61) || !inRange(v[7], 0, 200))
            return std::nullopt;
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
    if (const QByteArrayView bytes = m_batch->bytes(*c); bytes.size() <= m_options.maxTextBytes && isAscii(bytes)) {
        // ASCII, most dates: read from the bytes, as textView() would give them without a report.
        if (trimmedAscii(bytes).isEmpty()) {
            *present = false;
            return std::nullopt;
        }
        return parseAsciiDate(bytes, m_dateForm);
    }
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

void LayerReader::readFigures(Event &e)
{
    for (const auto &[column, index] : std::as_const(m_figureColumns)) {
        const QStringView t = textView(index, column, m_numberBuffer).trimmed();
        if (t.isEmpty()) continue;
        bool ok = false;
        const double value = t.toDouble(&ok);
        if (!ok || !std::isfinite(value)) {
            recordIssue(Issue::Severity::Warning, column, tr("'%1' is not a number; no %2 figure").arg(t, column));
            continue;
        }
        Claim figure;
        figure.quantity = column;
        figure.value = value;
        if (!e.sources.isEmpty()) figure.sourceIndex = 0;
        e.claims.append(figure);
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
