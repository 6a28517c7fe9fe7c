// SPDX-License-Identifier: GPL-3.0-or-later
// LayerReader's fast lane (declared in layer_reader.h): the common record straight from the
// batch's raw cells into an EventRow. Every rule here is read()'s for the same record; anything
// read() would report or treat otherwise sends the record to read() instead.
#include "core/io/layer_reader.h"

#include "core/ascii_bytes.h"
#include "core/model/record_json.h"

#include <algorithm>
#include <cstring>

namespace chronomap {

namespace {

/// Text read() keeps byte for byte: UTF-8 that text() decodes without error, and without the
/// byte order mark its decoder drops from the front.
bool isKeptUtf8(QByteArrayView bytes)
{
    return bytes.isValidUtf8() && !bytes.startsWith("\xEF\xBB\xBF");
}

} // namespace

bool LayerReader::rowLaneFits() const
{
    if (m_startFallback >= 0 || !m_titleColumns.isEmpty() || !m_summaryColumns.isEmpty() || !m_figureColumns.isEmpty())
        return false;
    // Typed dates (XLSX, ODS) are read by readWhen(), and their text is what text() gives.
    return std::all_of(m_types.begin(), m_types.end(), [](OGRFieldType type) {
        return type == OFTString || type == OFTInteger || type == OFTInteger64 || type == OFTReal || type == OFTDate ||
               type == OFTDateTime || type == OFTStringList; // GeoJSON's arrays of strings (regions, actors)
    });
}

bool LayerReader::rowList(FieldRole role, bool upper, EventRow &out, std::vector<EventRow::Span> &items)
{
    if (const int index = m_index[int(role)]; index >= 0 && fieldType(index) == OFTStringList)
        return rowStringList(index, upper, out, items);
    const QByteArrayView value = trimmedAscii(raw(role));
    if (value.startsWith('[')) return false; // maybe a JSON array
    for (qsizetype begin = 0; begin <= value.size();) {
        qsizetype end = begin;
        while (end < value.size() && value[end] != ';' && value[end] != '|')
            ++end;
        if (const QByteArrayView part = trimmedAscii(value.sliced(begin, end - begin)); !part.isEmpty()) {
            const EventRow::Span span = out.append(part);
            if (upper)
                for (char *p = out.text.data() + span.offset, *e = p + span.size; p != e; ++p)
                    *p = (*p >= 'a' && *p <= 'z') ? char(*p - 'a' + 'A') : *p;
            items.push_back(span);
        }
        begin = end + 1;
    }
    return true;
}

bool LayerReader::rowStringList(int index, bool upper, EventRow &out, std::vector<EventRow::Span> &items)
{
    const FeatureBatch::Cell *c = cell(index);
    if (!c) return true;
    if (c->extra < 0) return false;
    // list() keeps each item as it is (regions: trimmed, upper case), empty ones too: the lane
    // takes the lists whose every item is ASCII and non-empty.
    const char *item = m_batch->text.data() + c->extra;
    for (qsizetype i = 0; i < c->extraCount; ++i) {
        const QByteArrayView bytes(item);
        item += bytes.size() + 1;
        const QByteArrayView kept = upper ? trimmedAscii(bytes) : bytes;
        if (kept.isEmpty() || !isAscii(bytes)) return false;
        const EventRow::Span span = out.append(kept);
        if (upper)
            for (char *p = out.text.data() + span.offset, *e = p + span.size; p != e; ++p)
                *p = (*p >= 'a' && *p <= 'z') ? char(*p - 'a' + 'A') : *p;
        items.push_back(span);
    }
    return true;
}

bool LayerReader::rowGeometry(EventRow &out)
{
    const FeatureBatch::Geometry &g = m_batch->geometry[size_t(m_row)];
    if (g.state != FeatureBatch::Geometry::State::None) {
        if (g.state != FeatureBatch::Geometry::State::Usable || g.issueBegin != g.issueEnd ||
            g.kind != GeometryKind::Point || g.vertexEnd - g.vertexBegin != 2)
            return false;
        out.geometryKind = GeometryKind::Point;
        if (g.regionPrecision) out.locationPrecision = LocationPrecision::Region;
        out.lonDeg = m_batch->lonLat[size_t(g.vertexBegin)];
        out.latDeg = m_batch->lonLat[size_t(g.vertexBegin + 1)];
        return true;
    }
    const int lonIndex = m_index[int(FieldRole::Longitude)], latIndex = m_index[int(FieldRole::Latitude)];
    const QByteArrayView lonText = trimmedAscii(raw(FieldRole::Longitude)),
                         latText = trimmedAscii(raw(FieldRole::Latitude));
    if (!lonText.isEmpty() && !latText.isEmpty()) {
        const auto number = [&](int index) -> std::optional<double> {
            const FeatureBatch::Cell *c = cell(index);
            if ((fieldType(index) == OFTReal || fieldType(index) == OFTInteger) && c->extra >= 0)
                return m_batch->numbers[size_t(c->extra)];
            return plainDecimal(m_batch->cString(*c)); // anything else: read() converts or reports it
        };
        const auto lon = number(lonIndex), lat = number(latIndex);
        if (!lon || !lat || !validCoordinate(*lon, *lat)) return false;
        out.geometryKind = GeometryKind::Point;
        out.lonDeg = *lon;
        out.latDeg = *lat;
        return true;
    }
    if (!trimmedAscii(raw(FieldRole::Wkt)).isEmpty()) return false;
    return !(m_hasLocation && out.regions.empty()); // else: "no location" is reported
}

bool LayerReader::rowSources(EventRow &out)
{
    const QByteArrayView value = trimmedAscii(raw(FieldRole::Sources));
    if (value.startsWith('[') || value.startsWith('{')) return false; // JSON
    std::vector<EventRow::Span> &items = m_rowSourceItems;
    items.clear(); // keeps its capacity
    if (!rowList(FieldRole::Sources, false, out, items)) return false;
    for (const EventRow::Span &item : items) {
        const QByteArrayView text = out.view(item);
        const char lead = char(text.front() >= 'A' && text.front() <= 'Z' ? text.front() - 'A' + 'a' : text.front());
        // QString::toDouble takes digits, signs, points, exponents, inf, nan and white space: a
        // name with any other character ("Interfax", "NHK") is no number (converting such names
        // took 7 % of the app's side of a GeoJSON load).
        const auto maybeNumber = [](char b) {
            return b != 0 && std::strchr("0123456789+-.,eEiInNfFtTyYaA \t\n\v\f\r", b);
        };
        if (((lead >= '0' && lead <= '9') || lead == '+' || lead == '-' || lead == '.' || lead == 'i' || lead == 'n') &&
            std::all_of(text.begin(), text.end(), maybeNumber)) {
            m_numberBuffer.resize(text.size());
            std::transform(text.begin(), text.end(), m_numberBuffer.begin(), [](char b) { return QChar(b); });
            bool isNumber = false;
            m_numberBuffer.toDouble(&isNumber);
            if (isNumber) return false; // reported by readSources()
        }
        const qsizetype at = out.text.size();
        // A copy: the item is in out.text, which the append may move (ASan caught the view). Into
        // a reused buffer: a QByteArray per source was an allocation per record.
        m_rowSourceText.resize(0); // keeps its capacity
        appendBytes(m_rowSourceText, out.view(item));
        RecordJson::appendCompactSourceText(out.text, m_rowSourceText);
        out.sources.push_back({at, out.text.size() - at});
    }
    return true;
}

bool LayerReader::readRow(const FeatureBatch &batch, qsizetype row, EventRow &out)
{
    if (!m_rowLane) return false;
    m_batch = &batch;
    m_row = row;
    m_record = batch.records[size_t(row)];
    for (int column = 0; column < batch.columns; ++column) {
        const FeatureBatch::Cell &c = batch.cell(row, column);
        if (c.offset < 0) continue;
        // A UTF-8 cell's UTF-16 length is at most its bytes: within the limit as read() counts.
        if (c.size > m_options.maxTextBytes) return false;
        if (const QByteArrayView bytes = batch.bytes(c);
            !isAscii(bytes) && !(m_rowUtf8Column[size_t(column)] && isKeptUtf8(bytes)))
            return false;
    }
    out.clear();
    const QByteArrayView id = raw(FieldRole::Id), title = raw(FieldRole::Title);
    const bool composesTitle = m_profile && m_profile->composesTitle();    // applyRow() composes it
    if (id.isEmpty() || (title.isEmpty() && !composesTitle)) return false; // a made-up id or title
    out.id = out.append(id);
    if (!composesTitle) out.title = out.append(title);
    out.summary = out.append(raw(FieldRole::Summary));

    // readWhen() itself, its reports held back: any would send the record to read().
    m_dryRun = true;
    m_wouldReport = false;
    const bool when = readWhen(m_rowEvent);
    m_dryRun = false;
    if (!when || m_wouldReport) return false;
    out.when = m_rowEvent.when;

    if (!rowList(FieldRole::Actors, false, out, out.actors) || !rowList(FieldRole::Places, false, out, out.places) ||
        !rowList(FieldRole::Regions, true, out, out.regions) || !rowGeometry(out))
        return false;

    out.category = out.append(trimmedAscii(raw(FieldRole::Category)));
    for (char *p = out.text.data() + out.category.offset, *e = p + out.category.size; p != e; ++p)
        *p = (*p >= 'A' && *p <= 'Z') ? char(*p - 'A' + 'a') : *p;
    out.provenance = out.append(trimmedAscii(raw(FieldRole::Provenance)));
    if (const QStringView c = textView(FieldRole::Confidence, m_listBuffer); !c.trimmed().isEmpty()) {
        out.confidence = confidenceFromString(c);
        if (out.confidence == Confidence::Unknown) return false; // reported
    }
    // Empty or absent (most records): no precision, without widening and comparing three names.
    if (!trimmedAscii(raw(FieldRole::LocationPrecision)).isEmpty())
        if (const auto precision = locationPrecisionFromString(textView(FieldRole::LocationPrecision, m_listBuffer));
            precision && out.locationPrecision != LocationPrecision::Region)
            out.locationPrecision = *precision;
    if (!trimmedAscii(raw(FieldRole::Claims)).isEmpty()) return false;
    if (!rowSources(out)) return false;
    if (m_mapping.has(FieldRole::Related) && !trimmedAscii(raw(FieldRole::Related)).isEmpty()) return false;
    // A schema profile's part comes last in read() too (its regions do not make a location).
    return !m_profile || m_profile->applyRow(out, m_rowSourceItems, *this);
}

QByteArrayView LayerReader::profileBytes(int fieldIndex)
{
    const FeatureBatch::Cell *c = cell(fieldIndex);
    return c ? m_batch->bytes(*c) : QByteArrayView();
}

} // namespace chronomap
