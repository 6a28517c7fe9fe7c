// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/event_loader.h"

#include "core/io/batch_converter.h"
#include "core/io/batch_queue.h"
#include "core/io/feature_batch.h"
#include "core/io/gdal_handles.h"
#include "core/io/gdal_session.h"
#include "core/io/geojson_fast_reader.h"
#include "core/io/id_set.h"
#include "core/io/layer_reader.h"
#include "core/io/schema_layer.h"
#include "core/io/size_text.h"
#include "core/io/user_dataset.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QScopeGuard>

#include <gdal.h>
#include <ogr_api.h>
#include <cpl_vsi.h>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include <algorithm>
#include <atomic>
#include <memory>
#include <thread>
#include <vector>

namespace chronomap {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("EventLoader", text);
}

constexpr qint64 kProgressEvery = 4096;

Issue fatal(const QString &file, const QString &message)
{
    return {Issue::Severity::Fatal, file, -1, {}, {}, message};
}

} // namespace

bool LoadResult::hasFatal() const
{
    return count(Issue::Severity::Fatal) > 0;
}

qsizetype LoadResult::count(Issue::Severity severity) const
{
    return std::count_if(issues.begin(), issues.end(), [&](const Issue &i) { return i.severity == severity; });
}

QStringList EventLoader::allowedDrivers()
{
    return {"GeoJSON", "GeoJSONSeq", "CSV",        "GPKG",           "LIBKML", "KML",
            "XLSX",    "ODS",        "FlatGeobuf", "ESRI Shapefile", "GPX"};
}

namespace {

/// Opens `gdalPath` (a local file or a /vsimem/ buffer) with the allowed drivers and reads every
/// layer; `path` is the name issues carry, `suffix` chooses the open options.
LoadResult readDataset(const QByteArray &gdalPath, const QString &path, const QString &suffix,
                       const LoadOptions &options, const EventLoader::Progress &progress)
{
    LoadResult result;
    EventStoreBuilder builder;
    builder.addActors(ActorVocabulary::readBeside(path, &result.issues)); // none for bytes in memory
    auto finish = [&]() -> LoadResult {
        result.store = builder.build();
        if (result.store->isEmpty() && !result.hasFatal() && !result.cancelled)
            result.issues.append(fatal(path, tr("no usable records")));
        return result;
    };

    GdalMessageCollector gdalMessages;
    // GeoJSON the fast path fully understands is read with simdjson; everything else by GDAL.
    const std::unique_ptr<GeoJsonFastReader> fast = GeoJsonFastReader::open(gdalPath, suffix);
    // GDAL's drivers registered (and its HTTP refused) only for what the fast path leaves to GDAL:
    // loading GDAL's libraries took a quarter of the CPU of opening the bundled dataset.
    if (!fast) ensureGdalReady();
    DatasetPtr dataset = fast ? nullptr : openUserDataset(gdalPath, suffix);
    if (!fast && !dataset) {
        // Every message, not only the last: the GeoJSON parser's says where the text breaks off.
        const QString detail = gdalMessages.take().join(QStringLiteral("; "));
        result.issues.append(fatal(
            path, detail.isEmpty() ? tr("not a dataset Chronomap can read (GeoJSON, CSV, GeoPackage, KML, XLSX, ODS…)")
                                   : tr("not a dataset Chronomap can read: %1").arg(detail)));
        return finish();
    }

    // A CSV file of text columns: its rows read with GDAL's CSV tokenizer, past GDAL's features.
    const std::unique_ptr<CsvRowReader> csvRows =
        dataset ? CsvRowReader::open(gdalPath, suffix, dataset.get()) : nullptr;
    const int layerCount = fast ? 1 : GDALDatasetGetLayerCount(dataset.get());
    // The fast reader's one layer is its schema alone: no GDAL layer.
    auto layerAt = [&](int l) { return fast ? nullptr : GDALDatasetGetLayer(dataset.get(), l); };
    qint64 total = fast ? fast->featureCount() : 0;
    for (int l = 0; l < layerCount && !fast; ++l) {
        // Only a count the driver knows cheaply (GeoJSON, GeoPackage): CSV's driver reads the
        // whole file to count (over a second at a million rows) even when not forced. Without a
        // count the limit is checked while reading and progress reports an unknown total.
        OGRLayerH layer = layerAt(l);
        const GIntBig n = OGR_L_TestCapability(layer, OLCFastFeatureCount) ? OGR_L_GetFeatureCount(layer, FALSE) : -1;
        total = (n < 0 || total < 0) ? -1 : total + n;
    }
    if (total > options.maxRecords) {
        result.issues.append(
            fatal(path, tr("%1 records, more than the limit of %2").arg(total).arg(options.maxRecords)));
        return finish();
    }
    const qint64 estimatedTotal = total >= 0 ? total : estimateLineRecords(gdalPath);
    // An estimate (CSV) may run a little short or long: the columns are copied to their exact
    // size when the store is built, and the id set only sizes its table.
    const qint64 expected = std::min(options.maxRecords, total > 0 ? total : estimatedTotal + estimatedTotal / 16);
    // The text: about the file's size (none for bytes in memory, whose size is not known here).
    if (expected > 0) builder.reserve(expected, QFileInfo(QFile::decodeName(gdalPath)).size());

    IdSet seenIds;
    if (expected > 0) seenIds.reserve(expected); // no rehashing of a million ids as the set grows
    bool anyStartColumn = false;
    QStringList converterMessages; // GDAL's messages while converting (WKT), after the reading's
    for (int l = 0; l < layerCount && !result.cancelled; ++l) {
        OGRLayerH layer = layerAt(l);
        LayerReader reader(path, fast ? fast->schema() : layerSchemaOf(layer),
                           layer ? OGR_L_GetSpatialRef(layer) : nullptr, options, result.issues);
        if (!reader.usable()) continue;
        if (!reader.hasStartColumn()) continue;
        anyStartColumn = true;
        if (fast && !fast->start(reader.fieldIndexes())) {
            result.issues.append(
                fatal(path, tr("not a dataset Chronomap can read (GeoJSON, CSV, GeoPackage, KML, XLSX, ODS…)")));
            return finish();
        }
        LayerFeatures features(layer, fast.get(), csvRows.get());

        // This thread reads features (GDAL's work) and copies their fields into batches; the
        // converter turns batches into events, in record order, on a second thread while this
        // one reads on. Only this thread touches the dataset, its layers and features.
        bool converterFailed = false;
        std::atomic<bool> abandoned{false};
        BatchConverter records(reader, seenIds, builder, options.rowLane);
        auto convert = [&](const FeatureBatch &batch) {
            GdalMessageCollector messages; // on whichever thread converts
            try {
                for (qsizetype row = 0; row < batch.size() && !abandoned.load(std::memory_order_relaxed); ++row)
                    records.convert(batch, row);
            } catch (const std::exception &) { // out of memory: exceptions never cross the thread
                converterFailed = true;
            }
            for (const QString &message : messages.take())
                if (!converterMessages.contains(message)) converterMessages.append(message);
        };
        BatchQueue queue(options.pipelined ? kBatchesInFlight : 1);
        std::thread converter;
        if (options.pipelined) {
            converter = std::thread([&] {
                while (std::unique_ptr<FeatureBatch> batch = queue.pop()) {
                    if (!converterFailed) convert(*batch);
                    queue.recycle(std::move(batch), converterFailed);
                }
            });
        }
        // However this scope is left, no converter thread outlives it.
        const auto joinConverter = qScopeGuard([&] {
            if (!converter.joinable()) return;
            queue.close();
            converter.join();
        });
        std::unique_ptr<FeatureBatch> batch = queue.acquire();
        auto flush = [&]() -> bool { // hands the filled batch over; false when conversion failed
            if (!batch || batch->size() == 0) return batch != nullptr;
            if (options.pipelined) {
                queue.push(std::move(batch));
                batch = queue.acquire();
            } else {
                convert(*batch);
                batch->clear();
            }
            return batch && !converterFailed;
        };
        bool overLimit = false;
        while (batch) {
            if (!features.next()) break;
            const qint64 record = ++result.recordsRead;
            if (record > options.maxRecords) {
                overLimit = true;
                break;
            }
            features.extract(reader, record, *batch);
            if (batch->size() >= kBatchRecords && !flush()) break;
            // An estimate may run short: never report a record count as complete before the end.
            const qint64 progressTotal = estimatedTotal < 0 ? -1 : std::max(estimatedTotal, record + record / 16);
            if (record % kProgressEvery == 0 && progress && !progress(record, progressTotal)) {
                result.cancelled = true;
                break;
            }
        }
        if (result.cancelled)
            abandoned = true; // the converter drops what it has not converted yet
        else
            flush();
        if (converter.joinable()) {
            queue.close();
            converter.join();
        }
        if (converterFailed) {
            result.issues.append(fatal(path, tr("not enough memory to convert the records")));
            builder = EventStoreBuilder();
            return finish();
        }
        if (overLimit) {
            result.issues.append(fatal(path, tr("more than %1 records; the file is refused").arg(options.maxRecords)));
            builder = EventStoreBuilder();
            return finish();
        }
    }
    if (result.cancelled) {
        builder = EventStoreBuilder(); // drop what was read: a cancelled load changes nothing
        result.issues.clear();
        return finish();
    }
    if (!anyStartColumn && !result.hasFatal() && total == 0)
        result.issues.append(fatal(path, tr("the file holds no records")));
    else if (!anyStartColumn && !result.hasFatal())
        result.issues.append(fatal(path, tr("no column holds a start date (start, date, event_date, timestamp… "
                                            "or give one with a field mapping such as start=Fecha)")));
    QStringList messages = gdalMessages.take();
    for (const QString &message : std::as_const(converterMessages))
        if (messages.size() < 100 && !messages.contains(message)) messages.append(message);
    for (const QString &message : std::as_const(messages))
        result.issues.append({Issue::Severity::Warning, path, -1, {}, {}, tr("GDAL: %1").arg(message)});
    if (progress) progress(result.recordsRead, result.recordsRead);
    return finish();
}

/// A load refused before GDAL sees the file: one fatal issue and an empty store.
LoadResult refused(const QString &path, const QString &message)
{
    LoadResult result;
    result.store = EventStoreBuilder().build();
    result.issues.append(fatal(path, message));
    return result;
}

/// Hands what the load freed (GDAL's buffers, the builder's unsorted columns, the id set) back
/// to the system: glibc keeps freed heap memory otherwise, and a million-event load leaves over
/// a hundred megabytes resident that the store does not use.
void releaseFreedMemory()
{
#if defined(__GLIBC__)
    malloc_trim(0);
#endif
}

} // namespace

LoadResult EventLoader::load(const QString &path, const LoadOptions &options, const Progress &progress)
{
    const QFileInfo info(path);
    // Checked before GDAL sees the path: GDAL itself would follow /vsicurl/ or http:// to the network.
    if (isVirtualOrRemotePath(path))
        return refused(path, tr("only local files are opened; network and virtual paths are refused"));
    if (!info.exists()) return refused(path, tr("no such file"));
    if (!info.isFile() || !info.isReadable()) return refused(path, tr("not a readable file"));
    if (info.size() == 0) return refused(path, tr("the file is empty"));
    if (info.size() > options.maxFileBytes) {
        const auto [sizeText, limitText] = sizesOverLimit(info.size(), options.maxFileBytes);
        return refused(path, tr("the file is %1, more than the limit of %2").arg(sizeText, limitText));
    }
    LoadResult result = readDataset(QFile::encodeName(info.absoluteFilePath()), path, info.suffix(), options, progress);
    releaseFreedMemory();
    return result;
}

LoadResult EventLoader::loadBytes(const QByteArray &bytes, const QString &name, const LoadOptions &options,
                                  const Progress &progress)
{
    ensureGdalReady();
    if (bytes.isEmpty()) return refused(name, tr("the file is empty"));
    if (bytes.size() > options.maxFileBytes) {
        const auto [sizeText, limitText] = sizesOverLimit(bytes.size(), options.maxFileBytes);
        return refused(name, tr("the file is %1, more than the limit of %2").arg(sizeText, limitText));
    }
    // A private in-memory file: GDAL reads it like a local one, and nothing else can see it.
    static std::atomic<quint64> serial{0};
    const QByteArray gdalPath =
        "/vsimem/chronomap-load-" + QByteArray::number(++serial) + '/' + QFileInfo(name).fileName().toUtf8();
    QByteArray buffer = bytes; // GDAL wants a writable buffer; this copy outlives the in-memory file
    VSILFILE *file = VSIFileFromMemBuffer(gdalPath.constData(), reinterpret_cast<GByte *>(buffer.data()),
                                          vsi_l_offset(buffer.size()), FALSE);
    if (!file) return refused(name, tr("cannot hold the data in memory"));
    VSIFCloseL(file);
    LoadResult result = readDataset(gdalPath, name, QFileInfo(name).suffix(), options, progress);
    VSIUnlink(gdalPath.constData());
    releaseFreedMemory();
    return result;
}

} // namespace chronomap
