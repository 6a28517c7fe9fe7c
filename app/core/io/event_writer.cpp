// SPDX-License-Identifier: GPL-3.0-or-later
#include "event_writer.h"

#include "io/gdal_session.h"
#include "model/record_json.h"

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

#include <atomic>
#include <cstdio>
#include <string_view>

namespace chronomap {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("EventWriter", text);
}

template<typename T> QByteArray jsonOf(const QList<T> &items)
{
    return QJsonDocument(RecordJson::toJsonArray(items)).toJson(QJsonDocument::Compact);
}

struct Column {
    const char *name;
    OGRFieldType type;
    OGRFieldSubType subType = OFSTNone;
};

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
    const char *layerOptions[] = {csv ? nullptr : "RFC7946=YES", nullptr};
    OGRLayer *layer = ds->CreateLayer("events", csv ? nullptr : &wgs84, csv ? wkbNone : wkbUnknown,
                                      const_cast<char **>(layerOptions));
    if (!layer) return fail(messages.lastError());

    const Column columns[] = {
        {"id", OFTString},
        {"start", OFTString},
        {"end", OFTString},
        {"date_precision", OFTString},
        {"category", OFTString},
        {"title", OFTString},
        {"regions", OFTString},
        {"title_es", OFTString},
        {"summary", OFTString},
        {"summary_es", OFTString},
        {"actors", OFTString},
        {"places", OFTString},
        {"lon", OFTReal},
        {"lat", OFTReal},
        {"confidence", OFTString},
        {"provenance", OFTString},
        {"sources", OFTString, csv ? OFSTNone : OFSTJSON},
        {"claims", OFTString, csv ? OFSTNone : OFSTJSON},
        {"related", OFTString, csv ? OFSTNone : OFSTJSON},
        {"location_precision", OFTString},
        {"wkt", OFTString}, // CSV only, see above
    };
    for (const Column &c : columns) {
        if (!csv && c.name == std::string_view("wkt")) continue;
        OGRFieldDefn defn(c.name, c.type);
        defn.SetSubType(c.subType);
        if (layer->CreateField(&defn) != OGRERR_NONE) return fail(messages.lastError());
    }

    for (EventStore::Index i : events) {
        const Event e = store.event(i);
        OGRFeature feature(layer->GetLayerDefn());
        auto set = [&](const char *name, const QString &value) { feature.SetField(name, value.toUtf8().constData()); };
        set("id", e.id);
        set("start", e.when.start().toIso());
        set("end", e.when.isInstant() ? QString() : e.when.end().toIso());
        set("date_precision", toString(e.when.start().precision));
        set("category", e.category);
        set("title", e.titleIn({}));
        set("regions", e.regions.join(u';'));
        set("title_es", e.title.value(QStringLiteral("es")));
        set("summary", e.summaryIn({}));
        set("summary_es", e.summary.value(QStringLiteral("es")));
        set("actors", e.actors.join(u';'));
        set("places", e.places.join(u';'));
        if (e.anchor().isValid()) {
            feature.SetField("lon", e.anchor().longitude());
            feature.SetField("lat", e.anchor().latitude());
        }
        set("confidence", toString(e.confidence));
        set("provenance", e.provenance);
        if (csv) {
            QStringList names;
            for (const auto &s : e.sources)
                names.append(s.url.isEmpty() ? s.name : s.name + u' ' + s.url);
            set("sources", names.join(QStringLiteral("; ")));
            feature.SetField("claims", jsonOf(e.claims).constData());
        } else {
            feature.SetField("sources", jsonOf(e.sources).constData());
            feature.SetField("claims", jsonOf(e.claims).constData());
        }
        if (!e.related.isEmpty()) feature.SetField("related", jsonOf(e.related).constData());
        if (e.locationPrecision == LocationPrecision::Region) set("location_precision", QStringLiteral("region"));
        std::unique_ptr<OGRGeometry> geometry;
        if (e.geometryKind == GeometryKind::Point) {
            geometry = std::make_unique<OGRPoint>(e.anchor().longitude(), e.anchor().latitude());
        } else if (e.geometryKind == GeometryKind::Line) {
            auto line = std::make_unique<OGRLineString>();
            for (const auto &c : e.geometry)
                line->addPoint(c.longitude(), c.latitude());
            geometry = std::move(line);
        }
        if (geometry && csv) {
            OGRErr wktError = OGRERR_NONE;
            feature.SetField("wkt", geometry->exportToWkt(OGRWktOptions(), &wktError).c_str());
            if (wktError != OGRERR_NONE) return fail(tr("cannot write the geometry of %1 as WKT").arg(e.id));
        } else if (geometry) {
            feature.SetGeometry(geometry.get());
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
    return csv || writeActors(store, events, path, error);
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
