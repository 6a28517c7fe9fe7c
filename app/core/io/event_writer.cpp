// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/event_writer.h"

#include "core/io/gdal_session.h"
#include "core/model/record_json.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <cpl_vsi.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <atomic>
#include <charconv>
#include <cstdio>

namespace chronomap {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("EventWriter", text);
}

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

bool EventWriter::write(const EventStore &store, const EventStore::IndexList &events, Format format,
                        const QString &path, QString *error)
{
    ensureGdalReady();
    GdalMessageCollector messages;
    auto fail = [&](const QString &why) {
        if (error) *error = why;
        return false;
    };
    // GDAL writes into a private in-memory file; the result is then written into place through
    // QSaveFile (or copied to stdout), so a failed write never leaves a partial file. Not a
    // temporary file on disk: GDAL's drivers do not report a short write (a full disk), and a
    // truncated scratch file would have been committed as the export.
    static std::atomic<quint64> serial{0};
    const QString scratch = QStringLiteral("/vsimem/chronomap-export-%1").arg(++serial);
    struct ScratchRemover {
        QByteArray dir;
        ~ScratchRemover() { VSIRmdirRecursive(dir.constData()); }
    } remover{scratch.toUtf8()};
    VSIMkdir(remover.dir.constData(), 0700); // GDAL's CSV driver writes into a folder that exists
    const bool csv = format == Format::Csv;
    const QString tmpPath = scratch + (csv ? QStringLiteral("/events.csv") : QStringLiteral("/events.geojson"));

    GDALDriver *driver = GetGDALDriverManager()->GetDriverByName(csv ? "CSV" : "GeoJSON");
    if (!driver) return fail(tr("GDAL has no %1 driver").arg(csv ? "CSV" : "GeoJSON"));
    std::unique_ptr<GDALDataset> ds(
        driver->Create(QFile::encodeName(tmpPath).constData(), 0, 0, 0, GDT_Unknown, nullptr));
    if (!ds) return fail(messages.lastError());

    OGRSpatialReference wgs84;
    wgs84.SetWellKnownGeogCS("WGS84");
    wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    // CSV: GDAL's GEOMETRY=AS_WKT would put its WKT column first (GDAL 3.6 ignores GEOMETRY_NAME),
    // but the columns must start with id; the geometry goes into a last `wkt` column instead.
    // GeoJSON: RFC 7946's default of 7 decimals moves coordinates by up to a centimetre; with 15
    // they come back within 1e-14 degrees (GDAL trims what it takes for noise past them: 36.19
    // stays 36.19, a computed 36.999999999999993 becomes 37). The CSV's WKT is exact (wktOf()).
    const char *geoJsonOptions[] = {"RFC7946=YES", "COORDINATE_PRECISION=15", nullptr};
    OGRLayer *layer = ds->CreateLayer("events", csv ? nullptr : &wgs84, csv ? wkbNone : wkbUnknown,
                                      csv ? nullptr : const_cast<char **>(geoJsonOptions));
    if (!layer) return fail(messages.lastError());

    // Lists are JSON arrays in GeoJSON (GDAL writes a string list as one) and text cells in CSV
    // (listCell()); sources, claims and related links are JSON, nested in GeoJSON, as text in CSV.
    const OGRFieldType listType = csv ? OFTString : OFTStringList;
    const OGRFieldSubType jsonSubType = csv ? OFSTNone : OFSTJSON;
    const auto [titleLangs, summaryLangs] = languagesOf(store, events);
    QList<Column> columns = {
        {"id", OFTString},       {"start", OFTString}, {"end", OFTString},    {"date_precision", OFTString},
        {"category", OFTString}, {"title", OFTString}, {"regions", listType},
    };
    for (const QString &lang : titleLangs)
        columns.append({"title_" + lang.toUtf8(), OFTString});
    columns.append({"summary", OFTString});
    for (const QString &lang : summaryLangs)
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
    if (csv) columns.append({"wkt", OFTString}); // see above
    for (const Column &c : std::as_const(columns)) {
        OGRFieldDefn defn(c.name.constData(), c.type);
        defn.SetSubType(c.subType);
        if (layer->CreateField(&defn) != OGRERR_NONE) return fail(messages.lastError());
    }

    for (EventStore::Index i : events) {
        const Event e = store.event(i);
        OGRFeature feature(layer->GetLayerDefn());
        auto set = [&](const char *name, const QString &value) { feature.SetField(name, value.toUtf8().constData()); };
        auto setList = [&](const char *name, const QStringList &items) {
            if (csv) return set(name, listCell(items));
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
        for (const QString &lang : titleLangs)
            set(("title_" + lang.toUtf8()).constData(), e.title.value(lang));
        set("summary", e.summary.value(QString()));
        for (const QString &lang : summaryLangs)
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
        if (csv) {
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
        if (layer->CreateFeature(&feature) != OGRERR_NONE) return fail(messages.lastError());
    }
    ds.reset(); // flush and close
    if (!messages.lastError().isEmpty()) return fail(messages.lastError());

    vsi_l_offset length = 0;
    GByte *buffer = VSIGetMemFileBuffer(tmpPath.toUtf8().constData(), &length, FALSE);
    if (!buffer) return fail(tr("GDAL wrote no %1 data").arg(csv ? "CSV" : "GeoJSON"));
    const QByteArray bytes(reinterpret_cast<const char *>(buffer), qsizetype(length));
    if (path == u"-") {
        std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
        std::fflush(stdout);
        return true;
    }
    // Unbuffered: a short write (a full disk) shows in write()'s count. Buffered, the error came
    // from the final flush, which QSaveFile::commit() does not check, and a cut file replaced the old.
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly | QIODevice::Unbuffered)) return fail(tr("%1: %2").arg(path, out.errorString()));
    if (out.write(bytes) != bytes.size() || !out.commit()) return fail(tr("%1: %2").arg(path, out.errorString()));
    return writeActors(store, events, path, error);
}

bool EventWriter::writeActors(const EventStore &store, const EventStore::IndexList &events, const QString &path,
                              QString *error)
{
    // The names of the actors the written records list, beside the file where the loader looks
    // for them (ActorVocabulary::readBeside), so that an export opens again with the same names.
    ActorVocabulary used;
    for (EventStore::Index i : events)
        for (const QString &id : store.event(i).actors)
            if (store.actors().contains(id) && !used.contains(id)) used.insert(id, store.actors().names(id));
    if (used.isEmpty()) return true;
    const QString actorsPath = ActorVocabulary::sidecarPath(path);
    QSaveFile out(actorsPath);
    const QByteArray bytes = QJsonDocument(used.toJson()).toJson(QJsonDocument::Indented);
    if (!out.open(QIODevice::WriteOnly | QIODevice::Unbuffered) || out.write(bytes) != bytes.size() || !out.commit()) {
        if (error) *error = tr("%1: %2").arg(actorsPath, out.errorString());
        return false;
    }
    return true;
}

} // namespace chronomap
