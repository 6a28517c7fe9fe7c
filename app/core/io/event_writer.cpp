// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/event_writer.h"

#include "core/io/event_layer_writer.h"
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

    const EventLayerWriter writer(store, events, csv ? EventLayerWriter::Style::Flat : EventLayerWriter::Style::Nested);
    if (QString why; !writer.createFields(layer, &why) || !writer.writeFeatures(layer, &why))
        return fail(why.isEmpty() ? messages.lastError() : why);
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
