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

struct Column {
    QByteArray name;
    OGRFieldType type;
    OGRFieldSubType subType = OFSTNone;
};

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

bool EventLayerWriter::createFields(OGRLayer *layer, QString *error) const
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
    for (const Column &c : std::as_const(columns)) {
        OGRFieldDefn defn(c.name.constData(), c.type);
        defn.SetSubType(c.subType);
        if (layer->CreateField(&defn) != OGRERR_NONE) {
            if (error) *error = QString::fromUtf8(CPLGetLastErrorMsg());
            return false;
        }
    }
    return true;
}

bool EventLayerWriter::writeFeatures(OGRLayer *layer, QString *error,
                                     const std::function<bool(qint64 written)> &progress) const
{
    const bool flat = m_style == Style::Flat;
    qint64 written = 0;
    for (EventStore::Index i : m_events) {
        const Event e = m_store.event(i);
        OGRFeature feature(layer->GetLayerDefn());
        auto set = [&](const char *name, const QString &value) { feature.SetField(name, value.toUtf8().constData()); };
        auto setList = [&](const char *name, const QStringList &items) {
            if (flat) return set(name, listCell(items));
            CPLStringList list;
            for (const QString &item : items)
                list.AddString(item.toUtf8().constData());
            feature.SetField(name, list.List());
        };
        set("id", e.id);
        set("start", e.when.start().toIso());
        set("end", e.when.isInstant() ? QString() : e.when.end().toIso());
        set("date_precision", toString(e.when.start().precision));
        set("category", e.category);
        // Each language as the record has it: titleIn() and summaryIn() would fill a gap from
        // another language, and the copy would read back as text of its own.
        set("title", e.title.value(QString()));
        for (const QString &lang : m_titleLanguages)
            set(("title_" + lang.toUtf8()).constData(), e.title.value(lang));
        set("summary", e.summary.value(QString()));
        for (const QString &lang : m_summaryLanguages)
            set(("summary_" + lang.toUtf8()).constData(), e.summary.value(lang));
        setList("regions", e.regions);
        setList("actors", e.actors);
        setList("places", e.places);
        if (e.anchor().isValid()) {
            feature.SetField("lon", e.anchor().longitude());
            feature.SetField("lat", e.anchor().latitude());
        }
        set("confidence", toString(e.confidence));
        set("provenance", e.provenance);
        feature.SetField("sources", RecordJson::toJsonText(e.sources).constData());
        feature.SetField("claims", RecordJson::toJsonText(e.claims).constData());
        feature.SetField("related", RecordJson::toJsonText(e.related).constData());
        set("location_precision", toString(e.locationPrecision));
        for (const auto &[name, items] : m_extraLists)
            setList(name.constData(), items(i));
        if (flat) {
            // The reader takes a CSV's geometry from this column (GDAL's CSV driver reads a
            // column named WKT as the geometry); lon/lat are only for spreadsheets.
            if (e.geometryKind != GeometryKind::None && !e.geometry.isEmpty())
                feature.SetField("wkt", wktOf(e).constData());
        } else if (e.geometryKind == GeometryKind::Point && e.anchor().isValid()) {
            OGRPoint point(e.anchor().longitude(), e.anchor().latitude());
            feature.SetGeometry(&point);
        } else if (e.geometryKind == GeometryKind::Line) {
            OGRLineString line;
            for (const auto &c : e.geometry)
                line.addPoint(c.longitude(), c.latitude());
            feature.SetGeometry(&line);
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
