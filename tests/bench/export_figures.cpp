// SPDX-License-Identifier: GPL-3.0-or-later
// Export and base map figures.
//  - export.png.1080p.ms: `chronomap --export out.png` (bundled dataset, 1920x1080) timed from
//    outside, process start to exit, median of five (the base map from the user's cache, as
//    every export after the first reads it); export.png.1080p.cold_cache.ms: once with an empty
//    cache folder.
//  - export.png.4k.100k.ms: a 3840x2160 PNG (scale 2) of 100,000 synthetic events already loaded,
//    written as File → Export Snapshot writes it (SnapshotRequest::write: compose, hash the
//    data file, paint, encode, write), the map framed on the events as a 1920x1080 view would
//    be; median of five. Timed in process: the issue times only the 1080p figure from outside,
//    and the load has its own figures (load.*).
//  - export.cli.4k.100k.{geojson,csv}.ms: the whole `chronomap --export out.png --size 3840x2160
//    --data <the same events as GeoJSON, or CSV>` timed from outside, process start to exit; and
//    export.load_only.100k.geojson.ms (`chronomap --validate` of the GeoJSON: start and load, no
//    drawing) to show where that time goes; export.cli.1080p.100k.geojson.ms: the same export at
//    the default 1920x1080.
//  - export.cli.{1080p,4k}.100k.geojson.cpu.ms: the CPU time (user + system) of those two
//    commands, the reader child's included, median of the same five runs.
//  - export.cli.{1080p,4k}.100k.geojson.core_taken.ms: the same two commands while a thread of
//    the bench spins on one of the machine's cores, as another program at full load would (the
//    budgets hold "quiet or not"). On a two-core machine the export keeps one core for itself.
//  - basemap.load.gpkg.ms: BaseMap::load of the bundled GeoPackage.
//  - basemap.project.ms: ProjectedBaseMap of it (Mercator, borders drawn once, levels of detail).
//  - basemap.cache.read.ms: both read back from BaseMapCache, as every start after the first does.
//  - basemap.read.{gpkg,geojson}.ms: the same plain OGR pass (every feature of the five layers,
//    every field as text, every vertex) over the GeoPackage and over a GeoJSON conversion of its
//    layers made now with GDALVectorTranslate (BaseMap::load opens GeoPackages only, so the
//    formats are compared on the reading they share); basemap.read.geojson_vs_gpkg.ratio.
// The chronomap binary is the one next to the bench in the build tree (../../app/chronomap) or
// the one given with --chronomap (BenchContext::chronomapPath()).
#include "render/prepared_dataset.h"
#include "bench_scene.h"
#include "figure_groups.h"
#include "process_stats.h"

#include "core/data_paths.h"
#include "core/geo/base_map.h"
#include "render/map/map_framing.h"
#include "render/map/map_style.h"
#include "render/map/base_map_cache.h"
#include "render/map/projected_base_map.h"
#include "render/snapshot/snapshot_export.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>

#include <gdal.h>
#include <gdal_utils.h>
#include <ogr_api.h>

#include <atomic>
#include <cmath>
#include <numeric>
#include <cstdio>
#include <thread>

namespace chronomap::bench {

namespace {

constexpr int kExportRuns = 5;
const char *const kLayers[] = {"land", "coastline", "countries", "admin1", "places"};

/// Medians over the runs of one command; NaN when it failed.
struct CommandTimes {
    double wallMs = std::nan("");
    double cpuMs = std::nan(""); ///< user + system of the command and its reader child (reaped children)
};

/// `chronomap args` run `runs` times, timed from outside.
CommandTimes timeCommand(const QString &program, const QStringList &args, int runs = kExportRuns,
                         const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment())
{
    std::vector<double> ms, cpu;
    for (int i = 0; i < runs; ++i) {
        const double cpuBefore = processTimes().childrenCpuMs;
        QProcess process;
        process.setProcessEnvironment(environment);
        process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        QElapsedTimer timer;
        timer.start();
        process.start(program, args);
        const bool finished = process.waitForFinished(120'000);
        const double elapsed = elapsedMs(timer.nsecsElapsed());
        if (!finished || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
            std::fprintf(stderr, "warning: %s %s failed (exit %d): %s\n", qPrintable(program),
                         qPrintable(args.join(u' ')), process.exitCode(), qPrintable(process.errorString()));
            return {};
        }
        ms.push_back(elapsed);
        cpu.push_back(processTimes().childrenCpuMs - cpuBefore);
    }
    return {median(ms), median(cpu)};
}

/// Median time of SnapshotRequest::write at 3840x2160 of the 100,000 synthetic events, as
/// the GUI's export writes them with the data loaded and the base map projected by the map view.
double medianViewExport4k(BenchContext &context, const QTemporaryDir &out)
{
    const auto baseMap = benchBaseMap();
    const auto store = storeOf(context, kMapEvents);
    if (!baseMap || !store) return std::nan("");
    loadBundledFonts();
    SnapshotRequest request; // the data file named, as the export hashes it
    const auto prepared = PreparedDataset::make({syntheticFilesOf(context, kMapEvents).csvPath}, store, baseMap);
    request.dataset = prepared;
    EventStore::IndexList all(size_t(store->size()));
    std::iota(all.begin(), all.end(), 0);
    request.content.mapViewport = MapFraming::frameEvents(*prepared, &all, QSize(1920, 1080));
    request.path = out.filePath(QStringLiteral("view-4k.png"));
    request.size = {QSize(3840, 2160), 2.0};
    std::vector<double> ms;
    for (int i = 0; i < kExportRuns; ++i) {
        QElapsedTimer timer;
        timer.start();
        if (const QString error = request.write(); !error.isEmpty()) {
            std::fprintf(stderr, "warning: the 4K snapshot failed: %s\n", qPrintable(error));
            return std::nan("");
        }
        ms.push_back(elapsedMs(timer.nsecsElapsed()));
    }
    return median(ms);
}

/// A thread that keeps one core busy while it lives.
class CoreTaken {
public:
    CoreTaken()
        : m_thread([this] {
              while (!m_stop.load(std::memory_order_relaxed)) {
              }
          })
    {}
    ~CoreTaken()
    {
        m_stop = true;
        m_thread.join();
    }

private:
    std::atomic<bool> m_stop{false};
    std::thread m_thread;
};

void exportFigures(BenchContext &context, Figures &figures)
{
    const QString chronomap = context.chronomapPath();
    if (!QFileInfo(chronomap).isExecutable()) {
        std::fprintf(stderr, "warning: no chronomap binary at %s (give one with --chronomap); export figures skipped\n",
                     qPrintable(chronomap));
        return;
    }
    QTemporaryDir out(QDir::temp().filePath(QStringLiteral("chronomap-bench-export-XXXXXX")));
    const QString png = out.filePath(QStringLiteral("out.png"));
    figures.add(QStringLiteral("export.png.1080p.ms"), timeCommand(chronomap, {QStringLiteral("--export"), png}).wallMs,
                1);
    // The same with an empty cache folder: the first export after installing, or after the base
    // map changed, reads the GeoPackage and projects it (BaseMapCache), then writes the cache.
    QProcessEnvironment coldCache = QProcessEnvironment::systemEnvironment();
    coldCache.insert(QStringLiteral("XDG_CACHE_HOME"), out.filePath(QStringLiteral("empty-cache")));
    figures.add(QStringLiteral("export.png.1080p.cold_cache.ms"),
                timeCommand(chronomap, {QStringLiteral("--export"), png}, 1, coldCache).wallMs, 1);
    const SyntheticFiles files = syntheticFilesOf(context, kMapEvents);
    auto export4k = [&](const QString &data) {
        return timeCommand(chronomap, {QStringLiteral("--export"), png, QStringLiteral("--size"),
                                       QStringLiteral("3840x2160"), QStringLiteral("--data"), data});
    };
    const auto export1080pGeojson = [&] {
        return timeCommand(chronomap, {QStringLiteral("--export"), png, QStringLiteral("--data"), files.geojsonPath});
    };
    figures.add(QStringLiteral("export.png.4k.100k.ms"), medianViewExport4k(context, out), 1);
    const CommandTimes quiet4k = export4k(files.geojsonPath), quiet1080p = export1080pGeojson();
    figures.add(QStringLiteral("export.cli.4k.100k.geojson.ms"), quiet4k.wallMs, 1);
    figures.add(QStringLiteral("export.cli.1080p.100k.geojson.ms"), quiet1080p.wallMs, 1);
    // What a core taken leaves them: on one core, the whole command's CPU time is its floor.
    figures.add(QStringLiteral("export.cli.4k.100k.geojson.cpu.ms"), quiet4k.cpuMs, 1);
    figures.add(QStringLiteral("export.cli.1080p.100k.geojson.cpu.ms"), quiet1080p.cpuMs, 1);
    {
        const CoreTaken busy;
        figures.add(QStringLiteral("export.cli.4k.100k.geojson.core_taken.ms"), export4k(files.geojsonPath).wallMs, 1);
        figures.add(QStringLiteral("export.cli.1080p.100k.geojson.core_taken.ms"), export1080pGeojson().wallMs, 1);
    }
    // Where the time goes: the same events as CSV, and the process with the GeoJSON load alone.
    figures.add(QStringLiteral("export.cli.4k.100k.csv.ms"), export4k(files.csvPath).wallMs, 1);
    figures.add(QStringLiteral("export.load_only.100k.geojson.ms"),
                timeCommand(chronomap, {QStringLiteral("--validate"), files.geojsonPath}).wallMs, 1);
}

/// Vertices of a geometry and all its parts, summed into `checksum`.
void walkGeometry(OGRGeometryH g, double &checksum)
{
    if (!g) return;
    if (const int parts = OGR_G_GetGeometryCount(g); parts > 0) {
        for (int i = 0; i < parts; ++i)
            walkGeometry(OGR_G_GetGeometryRef(g, i), checksum);
        return;
    }
    for (int i = 0, n = OGR_G_GetPointCount(g); i < n; ++i)
        checksum += OGR_G_GetX(g, i) + OGR_G_GetY(g, i);
}

/// Reads every feature of `layer`: fields as text, all vertices. Returns the features read.
qint64 readLayer(OGRLayerH layer, double &checksum)
{
    qint64 n = 0;
    OGR_L_ResetReading(layer);
    while (OGRFeatureH f = OGR_L_GetNextFeature(layer)) {
        for (int i = 0, fields = OGR_F_GetFieldCount(f); i < fields; ++i)
            if (OGR_F_IsFieldSetAndNotNull(f, i)) checksum += double(qstrlen(OGR_F_GetFieldAsString(f, i)));
        walkGeometry(OGR_F_GetGeometryRef(f), checksum);
        OGR_F_Destroy(f);
        ++n;
    }
    return n;
}

/// The OGR pass over the GeoPackage (all layers of one dataset) or the GeoJSON files (one a layer).
double readPassMs(const QString &gpkg, const QString &geojsonDir, double &checksum)
{
    QElapsedTimer timer;
    timer.start();
    if (!gpkg.isEmpty()) {
        GDALDatasetH ds = GDALOpenEx(QFile::encodeName(gpkg).constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr,
                                     nullptr, nullptr);
        if (!ds) return std::nan("");
        for (const char *name : kLayers)
            if (OGRLayerH layer = GDALDatasetGetLayerByName(ds, name)) readLayer(layer, checksum);
        GDALClose(ds);
    } else {
        for (const char *name : kLayers) {
            const QString path = QDir(geojsonDir).filePath(QLatin1String(name) + QStringLiteral(".geojson"));
            GDALDatasetH ds = GDALOpenEx(QFile::encodeName(path).constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY,
                                         nullptr, nullptr, nullptr);
            if (!ds) return std::nan("");
            readLayer(GDALDatasetGetLayer(ds, 0), checksum);
            GDALClose(ds);
        }
    }
    return elapsedMs(timer.nsecsElapsed());
}

/// Writes each base map layer as `<layer>.geojson` into `dir`; false on failure.
bool convertToGeoJson(const QString &gpkg, const QString &dir)
{
    GDALDatasetH source =
        GDALOpenEx(QFile::encodeName(gpkg).constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr);
    if (!source) return false;
    bool ok = true;
    for (const char *name : kLayers) {
        const QByteArray layer(name);
        char *argv[] = {const_cast<char *>("-f"), const_cast<char *>("GeoJSON"), const_cast<char *>(layer.constData()),
                        nullptr};
        GDALVectorTranslateOptions *options = GDALVectorTranslateOptionsNew(argv, nullptr);
        const QByteArray target =
            QFile::encodeName(QDir(dir).filePath(QLatin1String(name) + QStringLiteral(".geojson")));
        int usageError = 0;
        GDALDatasetH written = GDALVectorTranslate(target.constData(), nullptr, 1, &source, options, &usageError);
        GDALVectorTranslateOptionsFree(options);
        if (!written)
            ok = false;
        else
            GDALClose(written);
    }
    GDALClose(source);
    return ok;
}

void baseMapFigures(BenchContext &context, Figures &figures)
{
    const QString gpkg = DataPaths::baseMap();
    if (!QFileInfo::exists(gpkg)) {
        std::fprintf(stderr, "warning: no base map at %s; base map figures skipped\n", qPrintable(gpkg));
        return;
    }
    const int runs = std::max(5, context.repetitions());
    std::vector<double> load;
    for (int i = 0; i <= runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        IssueList issues;
        const auto map = BaseMap::load(gpkg, &issues);
        if (!map) return;
        if (i > 0) load.push_back(elapsedMs(timer.nsecsElapsed())); // the first opens GDAL's drivers
    }
    figures.add(QStringLiteral("basemap.load.gpkg.ms"), median(load), 1);

    const auto baseMap = BaseMap::load(gpkg, nullptr);
    std::vector<double> project;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        const ProjectedBaseMap projected(baseMap);
        project.push_back(elapsedMs(timer.nsecsElapsed()));
    }
    figures.add(QStringLiteral("basemap.project.ms"), median(project), 1);

    QTemporaryDir cacheDir(QDir::temp().filePath(QStringLiteral("chronomap-bench-cache-XXXXXX")));
    BaseMapCache::load(gpkg, nullptr, cacheDir.path()); // writes it
    std::vector<double> cached;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        const LoadedBaseMap loaded = BaseMapCache::load(gpkg, nullptr, cacheDir.path());
        if (!loaded.fromCache) return;
        cached.push_back(elapsedMs(timer.nsecsElapsed()));
    }
    figures.add(QStringLiteral("basemap.cache.read.ms"), median(cached), 1);

    QTemporaryDir dir(QDir::temp().filePath(QStringLiteral("chronomap-bench-basemap-XXXXXX")));
    if (!dir.isValid() || !convertToGeoJson(gpkg, dir.path())) {
        std::fprintf(stderr, "warning: cannot convert the base map to GeoJSON; comparison skipped\n");
        return;
    }
    qint64 geojsonBytes = 0;
    for (const QFileInfo &file : QDir(dir.path()).entryInfoList(QDir::Files))
        geojsonBytes += file.size();
    std::vector<double> gpkgMs, geojsonMs, ratios;
    double gpkgSum = 0, geojsonSum = 0;
    for (int i = 0; i <= runs; ++i) { // alternating, so a slow spell hits both
        gpkgSum = geojsonSum = 0;
        const double a = readPassMs(gpkg, {}, gpkgSum);
        const double b = readPassMs({}, dir.path(), geojsonSum);
        if (i == 0) continue;
        gpkgMs.push_back(a);
        geojsonMs.push_back(b);
        ratios.push_back(b / a);
    }
    if (std::abs(gpkgSum - geojsonSum) > 1e-6 * std::abs(gpkgSum))
        std::fprintf(stderr, "# base map: the GeoJSON conversion reads differently (checksum %.6g vs %.6g)\n",
                     geojsonSum, gpkgSum);
    figures.add(QStringLiteral("basemap.read.gpkg.ms"), median(gpkgMs), 1);
    figures.add(QStringLiteral("basemap.read.geojson.ms"), median(geojsonMs), 1);
    figures.add(QStringLiteral("basemap.read.geojson_vs_gpkg.ratio"), median(ratios), 2);
    // BaseMap::load is the OGR pass plus conversions that do not depend on the format.
    figures.add(QStringLiteral("basemap.load.geojson.est.ms"), median(load) - median(gpkgMs) + median(geojsonMs), 1);
    figures.add(QStringLiteral("basemap.size.gpkg.mb"), double(QFileInfo(gpkg).size()) / 1e6, 1);
    figures.add(QStringLiteral("basemap.size.geojson.mb"), double(geojsonBytes) / 1e6, 1);
}

} // namespace

void exportAndBaseMapFigures(BenchContext &context, Figures &figures)
{
    baseMapFigures(context, figures);
    exportFigures(context, figures);
}

} // namespace chronomap::bench
