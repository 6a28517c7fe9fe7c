// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/reader_child.h"

#include "core/io/batch_codec.h"
#include "core/io/database_source.h"
#include "core/io/batch_queue.h"
#include "core/io/event_loader.h"
#include "core/io/feature_batch.h"
#include "core/io/gdal_handles.h"
#include "core/io/gdal_session.h"
#include "core/io/geojson_fast_reader.h"
#include "core/io/layer_reader.h"
#include "core/io/reader_process.h"
#include "core/io/schema_layer.h"
#include "core/io/size_text.h"
#include "core/io/table_preview.h"
#include "core/io/user_dataset.h"
#include "core/ui_language.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>

#include <gdal.h>
#include <ogr_api.h>

#include <fcntl.h>
#include <time.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <stdexcept>
#include <string>
#include <chrono>
#include <optional>
#include <cstdlib>
#include <new>
#include <thread>

namespace chronomap {

namespace {

/// The monotonic clock at the kernel's tick (a few ms): asked once per record, the precise
/// clock took 1 % of a fast GeoJSON export's CPU (29 ns a call here, a system call on hosts
/// without a usable TSC); the coarse one costs 7 ns and a quarter-second deadline needs no more.
struct CoarseClock {
    using duration = std::chrono::nanoseconds;
    using time_point = std::chrono::time_point<CoarseClock, duration>;
    static time_point now() noexcept
    {
        timespec now{};
        ::clock_gettime(CLOCK_MONOTONIC_COARSE, &now);
        return time_point(std::chrono::seconds(now.tv_sec) + std::chrono::nanoseconds(now.tv_nsec));
    }
};

QString tr(const char *text)
{
    return QCoreApplication::translate("EventLoader", text);
}

int g_out = -1; ///< the protocol's file descriptor (the original stdout)

/// Writes all of `size` bytes, or ends the child: the app has gone or closed the pipe.
void writeAll(const char *data, size_t size)
{
    while (size > 0) {
        const ssize_t n = ::write(g_out, data, size);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) ::_exit(ReaderProcess::kExitPipeClosed);
        data += n;
        size -= size_t(n);
    }
}

void flush(ipc::FrameWriter &out)
{
    writeAll(out.bytes().data(), out.bytes().size());
    out.clear();
}

/// operator new failed under RLIMIT_AS: say so in one frame (no allocation) and leave.
[[noreturn]] void outOfMemory()
{
    const char frame[ipc::kHeaderBytes] = {char(ipc::FrameType::OutOfMemory), 0, 0, 0, 0};
    writeAll(frame, sizeof frame);
    ::_exit(ReaderProcess::kExitOutOfMemory);
}

qint64 addressSpaceBytes()
{
    QFile statm(QStringLiteral("/proc/self/statm"));
    if (!statm.open(QIODevice::ReadOnly)) return 0;
    return statm.readAll().split(' ').value(0).toLongLong() * sysconf(_SC_PAGESIZE);
}

/// Address space: what the child uses now plus `memoryBytes`; CPU seconds (SIGXCPU, then
/// SIGKILL five seconds later); open files.
void applyLimits(qint64 memoryBytes, qint64 cpuSeconds, qint64 openFiles)
{
    if (memoryBytes > 0) {
        // GDAL's libraries may be loaded after this (app/gdal_on_demand), mapping ~160 MiB: the
        // hard limit leaves room for them, and the loader raises the soft limit by what they map.
        constexpr qint64 kLibraryRoom = qint64(512) << 20;
        const rlim_t limit = rlim_t(addressSpaceBytes() + memoryBytes);
        const rlimit r{limit, limit + rlim_t(kLibraryRoom)};
        setrlimit(RLIMIT_AS, &r);
    }
    if (cpuSeconds > 0) {
        const rlimit r{rlim_t(cpuSeconds), rlim_t(cpuSeconds + 5)};
        setrlimit(RLIMIT_CPU, &r);
    }
    if (openFiles > 0) {
        const rlimit r{rlim_t(openFiles), rlim_t(openFiles)};
        setrlimit(RLIMIT_NOFILE, &r);
    }
}

struct Fault {
    enum class Kind { None, Abort, Throw, Loop, Garbage } kind = Kind::None;
    qint64 record = 0; ///< 0: before any record
};

Fault faultFromEnvironment()
{
    const QByteArray spec = qgetenv(ReaderChild::kFaultVariable);
    Fault f;
    const QByteArray name = spec.split('@').value(0);
    f.kind = name == "abort"     ? Fault::Kind::Abort
             : name == "throw"   ? Fault::Kind::Throw
             : name == "loop"    ? Fault::Kind::Loop
             : name == "garbage" ? Fault::Kind::Garbage
                                 : Fault::Kind::None;
    f.record = spec.contains('@') ? spec.split('@').value(1).toLongLong() : 0;
    return f;
}

[[noreturn]] void commitFault(const Fault &fault)
{
    switch (fault.kind) {
    case Fault::Kind::Abort:
        std::abort();
    case Fault::Kind::Throw: // an exception nothing catches (main's terminate handler reports it)
        throw std::length_error("fault injected by " + std::string(ReaderChild::kFaultVariable));
    case Fault::Kind::Loop:
        for (;;)
            std::this_thread::sleep_for(std::chrono::seconds(1));
    case Fault::Kind::Garbage:
    case Fault::Kind::None:
        break;
    }
    char noise[4096];
    for (char &c : noise)
        c = char(QRandomGenerator::global()->generate());
    noise[0] = char(0x7f); // never a valid frame type
    writeAll(noise, sizeof noise);
    ::_exit(0);
}

/// This process's peak resident set (VmHWM: this image's own, unlike getrusage's maxrss, which
/// keeps the spawning app's) and minor page faults, for the bench.
void measureSelf(ipc::EndInfo &end)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (status.open(QIODevice::ReadOnly))
        for (const QByteArray &line : status.readAll().split('\n'))
            if (line.startsWith("VmHWM:"))
                end.peakRssBytes = line.mid(6).trimmed().split(' ').value(0).toLongLong() * 1024;
    rusage usage{};
    if (::getrusage(RUSAGE_SELF, &usage) == 0) end.minorFaults = usage.ru_minflt;
}

/// What EventLoader's readDataset() does up to the batches, with frames instead of a converter.
void readFile(const QString &path, const LoadOptions &options, const Fault &fault, ipc::FrameWriter &out)
{
    // Issues name a database without its password.
    const QString name = DatabaseSource::isDatabase(path) ? DatabaseSource::redacted(path) : path;
    auto fatal = [&](const QString &message) {
        out.issue({Issue::Severity::Fatal, name, -1, {}, {}, message});
        out.end({});
        flush(out);
    };
    // A database the user named (a PG: string, never anything a file holds): GDAL's PostgreSQL
    // driver alone, one table, loaded whole when it is small enough.
    const bool database = DatabaseSource::isDatabase(path);
    const QFileInfo info(database ? QString() : path);
    if (database && DatabaseSource::option(path, QStringLiteral("tables")).isEmpty())
        return fatal(tr("name the table in the connection string: PG:… tables=NAME"));
    if (!database) {
        if (isVirtualOrRemotePath(path))
            return fatal(tr("only local files are opened; network and virtual paths are refused"));
        if (!info.exists()) return fatal(tr("no such file"));
        if (!info.isFile() || !info.isReadable()) return fatal(tr("not a readable file"));
        if (info.size() == 0) return fatal(tr("the file is empty"));
        if (info.size() > options.maxFileBytes) {
            const auto [sizeText, limitText] = sizesOverLimit(info.size(), options.maxFileBytes);
            return fatal(tr("the file is %1, more than the limit of %2").arg(sizeText, limitText));
        }
    }
    const QByteArray gdalPath = database ? path.toUtf8() : QFile::encodeName(info.absoluteFilePath());

    if (fault.kind != Fault::Kind::None && fault.record == 0) commitFault(fault);
    GdalMessageCollector gdalMessages;
    // As in EventLoader: GeoJSON the fast path fully understands is read with simdjson.
    const std::unique_ptr<GeoJsonFastReader> fast =
        database ? nullptr : GeoJsonFastReader::open(gdalPath, info.suffix());
    // GDAL's drivers registered (and its HTTP refused) only for what the fast path leaves to GDAL.
    if (!fast) ensureGdalReady();
    DatasetPtr dataset =
        fast ? nullptr : (database ? openDatabaseDataset(path, false) : openUserDataset(gdalPath, info.suffix()));
    if (database && !dataset) {
        const QString detail = gdalMessages.take().join(QStringLiteral("; "));
        return fatal(tr("cannot read the database table: %1").arg(detail));
    }
    if (database && GDALDatasetGetLayerCount(dataset.get()) == 0)
        return fatal(tr("no table %1 with a geometry or columns to read")
                         .arg(DatabaseSource::option(path, QStringLiteral("tables"))));
    if (!fast && !dataset) {
        const QString detail = gdalMessages.take().join(QStringLiteral("; "));
        return fatal(detail.isEmpty()
                         ? tr("not a dataset Chronomap can read (GeoJSON, CSV, GeoPackage, KML, XLSX, ODS…)")
                         : tr("not a dataset Chronomap can read: %1").arg(detail));
    }
    // A CSV file of text columns: its rows read with GDAL's CSV tokenizer, past GDAL's features.
    const std::unique_ptr<CsvRowReader> csvRows =
        dataset && !database ? CsvRowReader::open(gdalPath, info.suffix(), dataset.get()) : nullptr;
    out.driver(fast ? QStringLiteral("GeoJSON")
                    : QString::fromUtf8(GDALGetDriverShortName(GDALGetDatasetDriver(dataset.get()))));
    flush(out);

    const int layerCount = fast ? 1 : GDALDatasetGetLayerCount(dataset.get());
    // The fast reader's one layer is its schema alone: no GDAL layer.
    auto layerAt = [&](int l) { return fast ? nullptr : GDALDatasetGetLayer(dataset.get(), l); };
    qint64 total = fast ? fast->featureCount() : 0;
    for (int l = 0; l < layerCount && !fast; ++l) {
        OGRLayerH layer = layerAt(l);
        const GIntBig n = OGR_L_TestCapability(layer, OLCFastFeatureCount) ? OGR_L_GetFeatureCount(layer, FALSE) : -1;
        total = (n < 0 || total < 0) ? -1 : total + n;
    }
    if (total > options.maxRecords)
        return fatal(tr("%1 records, more than the limit of %2").arg(total).arg(options.maxRecords));
    if (database && total > options.maxDatabaseRows)
        return fatal(tr("the table has %1 rows, more than the %2 that are loaded whole: open it in the window, "
                        "which browses large tables live (--query and --export read tables whole)")
                         .arg(total)
                         .arg(options.maxDatabaseRows));
    const qint64 estimatedTotal = total >= 0 ? total : (database ? -1 : estimateLineRecords(gdalPath));
    out.total(total, estimatedTotal);

    ipc::EndInfo end;
    end.total = total;
    IssueList issues; // the LayerReaders' own; sent on as they appear
    auto sendIssues = [&] {
        for (const Issue &issue : std::as_const(issues))
            out.issue(issue);
        issues.clear();
    };
    FeatureBatch batch;
    // A database's errors while reading (a dropped connection ends the rows early, as if the
    // table ended there): collected apart, and then the reader fails like a crashed one.
    std::optional<GdalMessageCollector> readingErrors;
    if (database) readingErrors.emplace();
    for (int l = 0; l < layerCount; ++l) {
        OGRLayerH layer = layerAt(l);
        const ipc::LayerSchema schema = fast ? fast->schema() : layerSchemaOf(layer);
        LayerReader reader(name, schema, layer ? OGR_L_GetSpatialRef(layer) : nullptr, options, issues);
        sendIssues();
        if (!reader.usable() || !reader.hasStartColumn()) continue;
        end.anyStartColumn = true;
        if (fast && !fast->start(reader.fieldIndexes()))
            return fatal(tr("not a dataset Chronomap can read (GeoJSON, CSV, GeoPackage, KML, XLSX, ODS…)"));
        out.layer(schema);
        flush(out);
        LayerFeatures features(layer, fast.get(), csvRows.get());
        // A batch leaves when full, or a quarter of a second after the last one: the app sees
        // steady progress (its watchdog counts records) even when each record is slow.
        auto lastSent = CoarseClock::now();
        auto send = [&] {
            if (batch.size() > 0) out.batch(batch);
            batch.clear();
            flush(out);
            lastSent = CoarseClock::now();
        };
        for (;;) {
            if (fault.kind != Fault::Kind::None && end.recordsRead + 1 == fault.record) {
                send();
                commitFault(fault);
            }
            if (!features.next()) break;
            const qint64 record = ++end.recordsRead;
            if (record > options.maxRecords) {
                batch.clear();
                out.issue({Issue::Severity::Fatal,
                           name,
                           -1,
                           {},
                           {},
                           tr("more than %1 records; the file is refused").arg(options.maxRecords)});
                end.overLimit = true;
                out.end(end);
                flush(out);
                return;
            }
            features.extract(reader, record, batch);
            if (batch.size() >= kBatchRecords || batch.text.size() > (8u << 20) ||
                CoarseClock::now() - lastSent > std::chrono::milliseconds(250))
                send();
            if (record % 4096 == 0) {
                const qint64 progressTotal = estimatedTotal < 0 ? -1 : std::max(estimatedTotal, record + record / 16);
                out.progress(record, progressTotal);
            }
        }
        send();
        if (readingErrors && !readingErrors->lastError().isEmpty()) {
            out.gdalMessage(readingErrors->lastError());
            flush(out);
            std::_Exit(ReaderProcess::kExitDatabaseLost);
        }
    }
    for (const QString &message : gdalMessages.take())
        out.gdalMessage(message);
    measureSelf(end);
    out.end(end);
    flush(out);
}

} // namespace

int ReaderChild::run(const QStringList &arguments)
{
    // The protocol gets the original stdout; anything a library prints goes to /dev/null.
    g_out = ::dup(STDOUT_FILENO);
    if (const int devNull = ::open("/dev/null", O_WRONLY | O_CLOEXEC); devNull >= 0) {
        ::dup2(devNull, STDOUT_FILENO);
        ::close(devNull);
    }
    if (g_out < 0) return ReaderProcess::kExitPipeClosed;

    QString path;
    LoadOptions options;
    qint64 memoryBytes = 0, cpuSeconds = 0, openFiles = 0;
    int previewRows = -1;
    for (qsizetype i = 1; i + 1 < arguments.size(); i += 2) {
        const QString &key = arguments[i], &value = arguments[i + 1];
        if (key == QLatin1String(kOption))
            path = value;
        else if (key == QLatin1String(kPreviewOption))
            previewRows = value.toInt();
        else if (key == u"--max-records")
            options.maxRecords = value.toLongLong();
        else if (key == u"--max-database-rows")
            options.maxDatabaseRows = value.toLongLong();
        else if (key == u"--max-file-bytes")
            options.maxFileBytes = value.toLongLong();
        else if (key == u"--max-text-bytes")
            options.maxTextBytes = value.toLongLong();
        else if (key == u"--max-vertices")
            options.maxVertices = value.toLongLong();
        else if (key == u"--max-json-depth")
            options.maxJsonDepth = value.toLongLong();
        else if (key == u"--memory-bytes")
            memoryBytes = value.toLongLong();
        else if (key == u"--cpu-seconds")
            cpuSeconds = value.toLongLong();
        else if (key == u"--open-files")
            openFiles = value.toLongLong();
        else if (key == u"--lang")
            UiLanguage::apply(value);
        else if (key == u"--map") {
            const qsizetype eq = value.indexOf(u'=');
            const int role = value.left(eq).toInt();
            if (eq > 0 && role >= 0 && role < kFieldRoleCount)
                options.mapping.setColumn(FieldRole(role), value.mid(eq + 1));
        } else if (key == u"--figure") {
            options.mapping.addFigure(value);
        }
    }
    applyLimits(memoryBytes, cpuSeconds, openFiles);
    std::set_new_handler(outOfMemory);
    if (previewRows >= 0) {
        // A test's fault before the file: garbage is written by commitFault as for a load.
        if (const Fault fault = faultFromEnvironment(); fault.kind != Fault::Kind::None) commitFault(fault);
        const QByteArray answer = TablePreview::readHere(path, previewRows).toJson();
        writeAll(answer.constData(), size_t(answer.size()));
#if !defined(__SANITIZE_ADDRESS__) && !defined(__SANITIZE_THREAD__)
        ::_exit(0); // as below: no library finalizers
#endif
        return 0;
    }
    ipc::FrameWriter out;
    try {
        readFile(path, options, faultFromEnvironment(), out);
    } catch (const std::bad_alloc &) {
        outOfMemory();
    }
    // The end frame is out and the file closed: nothing is left to do, and the app waits for this
    // exit before it builds the store. A normal exit runs the finalizers of every library linked
    // (GDAL's driver manager, PROJ, codecs: about 150), paging their code in to free memory the
    // kernel frees anyway; that took 20-140 ms of the export's critical path. Under the sanitizers
    // the exit stays ordinary: the leak check runs then.
#if !defined(__SANITIZE_ADDRESS__) && !defined(__SANITIZE_THREAD__)
    ::_exit(0);
#endif
    return 0;
}

} // namespace chronomap
