// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/event_layer_writer.h"

#include "core/model/record_json.h"
#include "core/time/utc_civil_time.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

#include <ogrsf_frmts.h>

#include <algorithm>
#include <charconv>

namespace chronomap {

namespace {

/// A list as one CSV cell: the items joined by ';', which the reader splits on (with '|'); a JSON
/// array, which it reads too, when an item would not come back from that (it holds ';' or '|',
/// is empty or padded with spaces, or the cell would start with '[' and be taken for JSON).
QString listCell(const QStringList &items)
{
    const bool joinable = std::all_of(items.begin(), items.end(), [](const QString &item) {
        return !item.isEmpty() && item == item.trimmed() && !item.contains(u';') && !item.contains(u'|');
    });
    if (joinable && !(items.size() > 0 && items.front().startsWith(u'['))) return items.join(u';');
    return QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(items)).toJson(QJsonDocument::Compact));
}

/// The shortest text that reads back as the same double.
QByteArray shortest(double v)
{
    char digits[32];
    const auto end = std::to_chars(digits, digits + sizeof digits, v).ptr;
    return QByteArray(digits, end - digits);
}

/// WKT of a point or line with every coordinate exact: GDAL's exportToWkt() rounds to 15
/// significant digits.
QByteArray wktOf(GeometryKind kind, const QList<QGeoCoordinate> &geometry)
{
    QByteArray wkt = kind == GeometryKind::Line ? "LINESTRING (" : "POINT (";
    const qsizetype n = kind == GeometryKind::Line ? geometry.size() : 1;
    for (qsizetype i = 0; i < n; ++i) {
        if (i > 0) wkt += ',';
        wkt += shortest(geometry[i].longitude()) + ' ' + shortest(geometry[i].latitude());
    }
    return wkt + ')';
}

/// The languages other than the default that titles and summaries of `events` are given in,
/// sorted; always "es", so the columns `title_es` and `summary_es` are there in every export.
std::pair<QStringList, QStringList> languagesOf(const EventStore &store, const EventStore::IndexList &events)
{
    // Noted as bytes, decoded once each: the pass runs over every record before the first row.
    QList<QByteArray> titleLangs, summaryLangs;
    auto note = [](QList<QByteArray> &langs, const EventStore::RawLocalized &texts) {
        for (const auto &[lang, text] : texts)
            if (!lang.isEmpty() && !langs.contains(lang)) langs.append(lang.toByteArray());
    };
    for (EventStore::Index i : events) {
        const EventStore::RawFields raw = store.rawFields(i);
        note(titleLangs, raw.titles);
        note(summaryLangs, raw.summaries);
    }
    auto sorted = [](const QList<QByteArray> &langs) {
        QStringList list{QStringLiteral("es")};
        for (const QByteArray &lang : langs)
            if (const QString decoded = QString::fromUtf8(lang); !list.contains(decoded)) list.append(decoded);
        list.sort();
        return list;
    };
    return {sorted(titleLangs), sorted(summaryLangs)};
}

/// FuzzyDate::toIso()'s text as UTF-8, by arithmetic for the years 1000-9999 (a QDateTime and its
/// toString() per date were a tenth of a row's time); other years through toIso() itself.
QByteArray isoText(const FuzzyDate &date)
{
    const UtcCivilTime t = utcCivilTimeOf(date.startMs);
    if (t.year < 1000 || t.year > 9999) return date.toIso().toUtf8();
    char text[24];
    char *p = writePaddedDecimal(text, t.year, 4);
    if (date.precision != DatePrecision::Year) {
        *p++ = '-';
        p = writePaddedDecimal(p, t.month, 2);
    }
    if (date.precision == DatePrecision::Day || date.precision == DatePrecision::Time) {
        *p++ = '-';
        p = writePaddedDecimal(p, t.day, 2);
    }
    if (date.precision == DatePrecision::Time) { // Qt::ISODate: whole seconds, `Z` for UTC
        *p++ = 'T';
        p = writePaddedDecimal(p, t.msOfDay / 3'600'000, 2);
        *p++ = ':';
        p = writePaddedDecimal(p, t.msOfDay / 60'000 % 60, 2);
        *p++ = ':';
        p = writePaddedDecimal(p, t.msOfDay / 1000 % 60, 2);
        *p++ = 'Z';
    }
    return QByteArray(text, p - text);
}

/// The text of a localized value in `lang` as the record has it ("" the default language), empty
/// when it has none; the last one given wins, as in LocalizedText.
QByteArrayView localizedIn(const EventStore::RawLocalized &texts, QByteArrayView lang)
{
    QByteArrayView found;
    for (const auto &[l, text] : texts)
        if (l == lang) found = text;
    return found;
}

} // namespace

EventLayerWriter::EventLayerWriter(const EventStore &store, const EventStore::IndexList &events, Style style)
    : m_store(store), m_events(events), m_style(style)
{
    std::tie(m_titleLanguages, m_summaryLanguages) = languagesOf(store, events);
    for (const QString &category : store.categories())
        m_categoryUtf8.append(category.toUtf8());
}

void EventLayerWriter::addListColumn(const QByteArray &name, std::function<QStringList(EventStore::Index)> items)
{
    m_extraLists.emplace_back(name, std::move(items));
}

QList<EventLayerWriter::Column> EventLayerWriter::columns() const
{
    const bool flat = m_style == Style::Flat;
    // Lists are JSON arrays in GeoJSON (GDAL writes a string list as one) and text cells in CSV
    // (listCell()); sources, claims and related links are JSON, nested in GeoJSON, as text in CSV.
    const OGRFieldType listType = flat ? OFTString : OFTStringList;
    const OGRFieldSubType jsonSubType = flat ? OFSTNone : OFSTJSON;
    QList<Column> columns = {
        {"id", OFTString},       {"start", OFTString}, {"end", OFTString},    {"date_precision", OFTString},
        {"category", OFTString}, {"title", OFTString}, {"regions", listType},
    };
    for (const QString &lang : m_titleLanguages)
        columns.append({"title_" + lang.toUtf8(), OFTString});
    columns.append({"summary", OFTString});
    for (const QString &lang : m_summaryLanguages)
        columns.append({"summary_" + lang.toUtf8(), OFTString});
    columns += QList<Column>{
        {"actors", listType},
        {"places", listType},
        {"lon", OFTReal},
        {"lat", OFTReal},
        {"confidence", OFTString},
        {"provenance", OFTString},
        {"sources", OFTString, jsonSubType},
        {"claims", OFTString, jsonSubType},
        {"related", OFTString, jsonSubType},
        {"location_precision", OFTString},
    };
    // CSV: GDAL's GEOMETRY=AS_WKT would put its WKT column first (GDAL 3.6 ignores GEOMETRY_NAME),
    // but the columns must start with id; the geometry goes into a last `wkt` column instead.
    for (const auto &extra : m_extraLists)
        columns.append({extra.first, listType});
    if (flat) columns.append({"wkt", OFTString});
    return columns;
}

bool EventLayerWriter::createFields(OGRLayer *layer, QString *error) const
{
    for (const Column &c : columns()) {
        OGRFieldDefn defn(c.name.constData(), OGRFieldType(c.type));
        defn.SetSubType(OGRFieldSubType(c.subType));
        if (layer->CreateField(&defn) != OGRERR_NONE) {
            if (error) *error = QString::fromUtf8(CPLGetLastErrorMsg());
            return false;
        }
    }
    return true;
}

QByteArrayList EventLayerWriter::sqlColumns() const
{
    QByteArrayList definitions;
    for (const Column &c : columns()) {
        const char *type = c.type == OFTStringList ? "character varying[]"
                           : c.type == OFTReal     ? "double precision"
                           : c.subType == OFSTJSON ? "json"
                                                   : "character varying";
        definitions.append('"' + c.name + "\" " + type);
    }
    return definitions;
}

void EventLayerWriter::RowSink::listUtf8(const EventStore::RawValues &items)
{
    QStringList decoded;
    decoded.reserve(items.size());
    for (const QByteArrayView item : items)
        decoded.append(QString::fromUtf8(item));
    list(decoded);
}

QByteArray EventLayerWriter::jsonArray(JsonKind kind, const EventStore::RawValues &items) const
{
    // The array as QJsonDocument writes a list's toJsonArray(): each item's compact text does not
    // depend on its neighbours, so an item is made once (an array of it, without the brackets).
    constexpr qsizetype kMaxKept = 1 << 16; // distinct values kept; past it, made per row
    QHash<QByteArray, QByteArray> &kept = m_jsonItems[size_t(kind)];
    QByteArray array = "[";
    for (qsizetype k = 0; k < items.size(); ++k) {
        if (k > 0) array += ',';
        const QByteArray key = QByteArray::fromRawData(items[k].data(), items[k].size());
        if (const auto found = kept.constFind(key); found != kept.cend()) {
            array += *found;
            continue;
        }
        QJsonArray one;
        switch (kind) {
        case JsonKind::Claim:
            one.append(RecordJson::toJson(RecordJson::claimFromCompact(items[k])));
            break;
        case JsonKind::Source:
            one.append(RecordJson::toJson(RecordJson::sourceFromCompact(items[k])));
            break;
        case JsonKind::Related:
            one.append(RecordJson::toJson(RecordJson::relatedFromCompact(items[k])));
            break;
        }
        const QByteArray text = QJsonDocument(one).toJson(QJsonDocument::Compact);
        const QByteArray item = text.sliced(1, text.size() - 2);
        array += item;
        if (kept.size() < kMaxKept) kept.insert(items[k].toByteArray(), item);
    }
    return array + ']';
}

void EventLayerWriter::writeRow(qsizetype position, RowSink &sink) const
{
    // From the store's columns and stored bytes: an Event per row (every text decoded to a
    // QString and encoded again) was a third of the import's client time.
    const EventStore::Index i = m_events[size_t(position)];
    const EventStore::RawFields raw = m_store.rawFields(i);
    const TimeSpan when = m_store.when(i);
    const GeometryKind kind = m_store.geometryKind(i);
    // The point standing for the event, as Event::anchor(): a point's place, a line's first vertex.
    QList<QGeoCoordinate> line;
    QGeoCoordinate anchor;
    if (kind == GeometryKind::Point) {
        anchor = QGeoCoordinate(m_store.latDeg(i), m_store.lonDeg(i));
    } else if (kind == GeometryKind::Line) {
        for (const QPointF &v : m_store.lonLatVertices(i))
            line.append(QGeoCoordinate(v.y(), v.x()));
        if (!line.isEmpty()) anchor = line.first();
    }
    sink.textUtf8(raw.id);
    sink.textUtf8(isoText(when.start()));
    if (when.isInstant())
        sink.textUtf8({});
    else
        sink.textUtf8(isoText(when.end()));
    sink.text(toString(when.start().precision));
    sink.textUtf8(m_categoryUtf8.value(m_store.categoryIndex(i)));
    // Each language as the record has it: titleIn() and summaryIn() would fill a gap from
    // another language, and the copy would read back as text of its own.
    sink.textUtf8(localizedIn(raw.titles, {}));
    sink.listUtf8(raw.regions);
    for (const QString &lang : m_titleLanguages)
        sink.textUtf8(localizedIn(raw.titles, lang.toUtf8()));
    sink.textUtf8(localizedIn(raw.summaries, {}));
    for (const QString &lang : m_summaryLanguages)
        sink.textUtf8(localizedIn(raw.summaries, lang.toUtf8()));
    sink.listUtf8(raw.actors);
    sink.listUtf8(raw.places);
    if (anchor.isValid()) {
        sink.number(anchor.longitude());
        sink.number(anchor.latitude());
    } else {
        sink.null();
        sink.null();
    }
    sink.text(toString(m_store.confidence(i)));
    sink.textUtf8(raw.provenance);
    sink.json(jsonArray(JsonKind::Source, raw.sources));
    sink.json(jsonArray(JsonKind::Claim, raw.claims));
    sink.json(jsonArray(JsonKind::Related, raw.related));
    sink.text(toString(m_store.locationPrecision(i)));
    for (const auto &extra : m_extraLists)
        sink.list(extra.second(i));
    if (m_style == Style::Flat) {
        // The reader takes a CSV's geometry from this column (GDAL's CSV driver reads a
        // column named WKT as the geometry); lon/lat are only for spreadsheets.
        if (kind == GeometryKind::Point)
            sink.text(QString::fromLatin1(wktOf(GeometryKind::Point, {anchor})));
        else if (kind == GeometryKind::Line && !line.isEmpty())
            sink.text(QString::fromLatin1(wktOf(GeometryKind::Line, line)));
        else
            sink.null();
    } else if (kind == GeometryKind::Point && anchor.isValid()) {
        sink.geometry(GeometryKind::Point, {anchor});
    } else if (kind == GeometryKind::Line) {
        sink.geometry(GeometryKind::Line, line);
    } else {
        sink.geometry(GeometryKind::None, {});
    }
}

namespace {

/// One feature's fields set by index, in the columns' order.
class FeatureSink final : public EventLayerWriter::RowSink {
public:
    FeatureSink(OGRFeature &feature, bool flat) : m_feature(feature), m_flat(flat) {}
    void text(const QString &value) override { m_feature.SetField(m_field++, value.toUtf8().constData()); }
    void json(const QByteArray &utf8) override { m_feature.SetField(m_field++, utf8.constData()); }
    void list(const QStringList &items) override
    {
        if (m_flat) return text(listCell(items));
        CPLStringList list;
        for (const QString &item : items)
            list.AddString(item.toUtf8().constData());
        m_feature.SetField(m_field++, list.List());
    }
    void number(double value) override { m_feature.SetField(m_field++, value); }
    void null() override { ++m_field; }
    int fields() const { return m_field; }
    void geometry(GeometryKind kind, const QList<QGeoCoordinate> &lonLat) override
    {
        if (kind == GeometryKind::Point) {
            OGRPoint point(lonLat.front().longitude(), lonLat.front().latitude());
            m_feature.SetGeometry(&point);
        } else if (kind == GeometryKind::Line) {
            OGRLineString line;
            for (const auto &c : lonLat)
                line.addPoint(c.longitude(), c.latitude());
            m_feature.SetGeometry(&line);
        }
    }

private:
    OGRFeature &m_feature;
    bool m_flat;
    int m_field = 0;
};

} // namespace

bool EventLayerWriter::writeFeatures(OGRLayer *layer, QString *error,
                                     const std::function<bool(qint64 written)> &progress) const
{
    qint64 written = 0;
    const int fields = layer->GetLayerDefn()->GetFieldCount();
    for (qsizetype position = 0; position < qsizetype(m_events.size()); ++position) {
        OGRFeature feature(layer->GetLayerDefn());
        FeatureSink sink(feature, m_style == Style::Flat);
        writeRow(position, sink);
        // columns() and writeRow() list the columns apart: a row of another length would shift
        // its values into the wrong columns.
        if (sink.fields() != fields) {
            if (error)
                *error = QCoreApplication::translate("EventWriter",
                                                     "internal error: row %1 has %2 values for the layer's %3 fields")
                             .arg(position + 1)
                             .arg(sink.fields())
                             .arg(fields);
            return false;
        }
        if (layer->CreateFeature(&feature) != OGRERR_NONE) {
            if (error) *error = QString::fromUtf8(CPLGetLastErrorMsg());
            return false;
        }
        if (progress && ++written % 4096 == 0 && !progress(written)) {
            if (error) *error = QCoreApplication::translate("EventWriter", "cancelled");
            return false;
        }
    }
    return true;
}

} // namespace chronomap
