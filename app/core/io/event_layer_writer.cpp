// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/event_layer_writer.h"

#include "core/model/record_json.h"

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
QByteArray wktOf(const Event &e)
{
    QByteArray wkt = e.geometryKind == GeometryKind::Line ? "LINESTRING (" : "POINT (";
    const qsizetype n = e.geometryKind == GeometryKind::Line ? e.geometry.size() : 1;
    for (qsizetype i = 0; i < n; ++i) {
        if (i > 0) wkt += ',';
        wkt += shortest(e.geometry[i].longitude()) + ' ' + shortest(e.geometry[i].latitude());
    }
    return wkt + ')';
}

/// The languages other than the default that titles and summaries of `events` are given in,
/// sorted; always "es", so the columns `title_es` and `summary_es` are there in every export.
std::pair<QStringList, QStringList> languagesOf(const EventStore &store, const EventStore::IndexList &events)
{
    QStringList titles{QStringLiteral("es")}, summaries{QStringLiteral("es")};
    auto note = [](QStringList &langs, const LocalizedText &text) {
        for (auto it = text.keyBegin(); it != text.keyEnd(); ++it)
            if (!it->isEmpty() && !langs.contains(*it)) langs.append(*it);
    };
    for (EventStore::Index i : events) {
        const Event e = store.event(i);
        note(titles, e.title);
        note(summaries, e.summary);
    }
    titles.sort();
    summaries.sort();
    return {titles, summaries};
}

} // namespace

EventLayerWriter::EventLayerWriter(const EventStore &store, const EventStore::IndexList &events, Style style)
    : m_store(store), m_events(events), m_style(style)
{
    std::tie(m_titleLanguages, m_summaryLanguages) = languagesOf(store, events);
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

void EventLayerWriter::writeRow(qsizetype position, RowSink &sink) const
{
    const EventStore::Index i = m_events[size_t(position)];
    const Event e = m_store.event(i);
    sink.text(e.id);
    sink.text(e.when.start().toIso());
    sink.text(e.when.isInstant() ? QString() : e.when.end().toIso());
    sink.text(toString(e.when.start().precision));
    sink.text(e.category);
    // Each language as the record has it: titleIn() and summaryIn() would fill a gap from
    // another language, and the copy would read back as text of its own.
    sink.text(e.title.value(QString()));
    sink.list(e.regions);
    for (const QString &lang : m_titleLanguages)
        sink.text(e.title.value(lang));
    sink.text(e.summary.value(QString()));
    for (const QString &lang : m_summaryLanguages)
        sink.text(e.summary.value(lang));
    sink.list(e.actors);
    sink.list(e.places);
    if (e.anchor().isValid()) {
        sink.number(e.anchor().longitude());
        sink.number(e.anchor().latitude());
    } else {
        sink.null();
        sink.null();
    }
    sink.text(toString(e.confidence));
    sink.text(e.provenance);
    sink.json(RecordJson::toJsonText(e.sources));
    sink.json(RecordJson::toJsonText(e.claims));
    sink.json(RecordJson::toJsonText(e.related));
    sink.text(toString(e.locationPrecision));
    for (const auto &extra : m_extraLists)
        sink.list(extra.second(i));
    if (m_style == Style::Flat) {
        // The reader takes a CSV's geometry from this column (GDAL's CSV driver reads a
        // column named WKT as the geometry); lon/lat are only for spreadsheets.
        if (e.geometryKind != GeometryKind::None && !e.geometry.isEmpty())
            sink.text(QString::fromLatin1(wktOf(e)));
        else
            sink.null();
    } else if (e.geometryKind == GeometryKind::Point && e.anchor().isValid()) {
        sink.geometry(GeometryKind::Point, {e.anchor()});
    } else if (e.geometryKind == GeometryKind::Line) {
        sink.geometry(GeometryKind::Line, e.geometry);
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
