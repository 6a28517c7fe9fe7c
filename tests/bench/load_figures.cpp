// SPDX-License-Identifier: GPL-3.0-or-later
// Loading figures: EventLoader against the GDAL floor, the cost of plain OGR iteration over the
// same file reading the same fields. The ratio is what the budget is about (1.3x at 1M events):
// machines are noisy, so each load runs right after its floor, and load.*.ratio is the median
// of these paired ratios (not the ratio of the two medians). The load is the window's: a reader
// child reads the file and streams batches, this process converts them and builds the store
// (issue 19); load.*.ipc.ms is the transfer's share of it (reading the pipe, decoding frames).
// GeoJSON the fast path understands is read with simdjson (issue 20), the kernel in the header.
// load.csv.one_core.ratio runs the same pair on one CPU: the reader child, the converting thread
// and the store's build then share it, as on a machine where the converting thread cannot keep up
// with the child (issue 20), so the ratio is what the whole pipeline costs against GDAL's pass.
// Only on a quiet machine: on a busy one the scheduler gives the load's two processes two shares
// of the CPU and the floor one, and the ratio comes out low. load.*.cpu.ratio is that cost as CPU
// time, which a busy machine hardly moves. load.*.preview.ms is the window's look at the file's
// columns before it loads (TablePreview, in a reader child): once, not a median.
#include "figure_groups.h"
#include "gdal_floor.h"
#include "process_stats.h"

#include "core/io/event_loader.h"
#include "core/io/reader_process.h"
#include "core/io/table_preview.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>

#include <QProcess>

#include <sched.h>
#include <sys/resource.h>

#include <algorithm>
#include <cstdio>

namespace chronomap::bench {

namespace {

struct Format {
    QString key; ///< figure name part
    QString path;
    bool readGeometry = false; ///< GeoJSON: the point geometry
    QStringList numericFields; ///< CSV: lat/lon as text converted to numbers
    std::vector<double> floorMs, loadMs, ipcMs, loadPeakMb, loadFaults;
    std::vector<double> oneCoreRatios; ///< CSV: load / floor, both on one CPU
    std::vector<double> cpuRatios;     ///< the CPU of the load (both processes) / the floor's
};

/// Keeps the calling thread on the CPU it runs on while it lives: the threads and the reader
/// child it starts inherit the mask. Restores the old mask.
class OneCpu {
public:
    OneCpu()
    {
        m_pinned = ::sched_getaffinity(0, sizeof m_old, &m_old) == 0;
        cpu_set_t one;
        CPU_ZERO(&one);
        CPU_SET(std::max(0, ::sched_getcpu()), &one);
        m_pinned = m_pinned && ::sched_setaffinity(0, sizeof one, &one) == 0;
    }
    ~OneCpu()
    {
        if (m_pinned) ::sched_setaffinity(0, sizeof m_old, &m_old);
    }
    OneCpu(const OneCpu &) = delete;
    OneCpu &operator=(const OneCpu &) = delete;
    bool pinned() const { return m_pinned; }

private:
    cpu_set_t m_old;
    bool m_pinned = false;
};

/// The columns of the synthetic files that EventLoader reads as text.
const QStringList &textFields()
{
    static const QStringList fields = {
        QStringLiteral("id"),     QStringLiteral("title"),          QStringLiteral("start"),
        QStringLiteral("end"),    QStringLiteral("date_precision"), QStringLiteral("category"),
        QStringLiteral("source"), QStringLiteral("regions")};
    return fields;
}

struct ChildUsage {
    double peakMb = 0;
    double minorFaults = 0;
};

double msSince(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

/// Peak resident set and minor page faults of a GDAL floor pass alone, in a fresh process
/// (`chronomap-bench --internal-floor FILE`) as the reader child is: the bench's own peak
/// already holds other groups' stores. Both processes measure themselves (VmHWM).
ChildUsage floorUsageInChild(const Format &format)
{
    QProcess child;
    child.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--internal-floor"), format.path});
    if (!child.waitForFinished(-1) || child.exitCode() != 0) {
        std::fprintf(stderr, "warning: the %s floor pass in a child failed\n", qPrintable(format.key));
        return {};
    }
    const QList<QByteArray> values = child.readAllStandardOutput().trimmed().split(' ');
    return {double(values.value(0).toLongLong()) / (1 << 20), double(values.value(1).toLongLong())};
}

} // namespace

int floorPassInChild(const QString &path)
{
    const bool geojson = path.endsWith(u".geojson");
    const QStringList numeric = geojson ? QStringList() : QStringList{QStringLiteral("lat"), QStringLiteral("lon")};
    const FloorPass floor = gdalFloorPass(path, textFields(), geojson, numeric);
    rusage usage{};
    ::getrusage(RUSAGE_SELF, &usage);
    // VmHWM is this image's own; getrusage's maxrss would keep the spawning bench's.
    std::printf("%lld %lld\n", static_cast<long long>(peakResidentBytes()), static_cast<long long>(usage.ru_minflt));
    return floor.error.isEmpty() && floor.features > 0 ? 0 : 1;
}

void loadFigures(BenchContext &context, Figures &figures)
{
    std::vector<Format> formats(2);
    formats[0].key = QStringLiteral("csv");
    formats[0].path = context.files().csvPath;
    formats[0].readGeometry = false;
    formats[0].numericFields = {QStringLiteral("lat"), QStringLiteral("lon")};
    formats[1].key = QStringLiteral("geojson");
    formats[1].path = context.files().geojsonPath;
    formats[1].readGeometry = true;
    for (int rep = 1; rep <= context.repetitions(); ++rep) {
        for (Format &format : formats) {
            const ProcessTimes beforeFloor = processTimes();
            QElapsedTimer timer;
            timer.start();
            const FloorPass floor = gdalFloorPass(format.path, textFields(), format.readGeometry, format.numericFields);
            format.floorMs.push_back(msSince(timer));
            const ProcessTimes beforeLoad = processTimes();
            if (!floor.error.isEmpty() || floor.features != context.events())
                std::fprintf(stderr, "warning: %s floor read %lld of %lld features %s\n", qPrintable(format.key),
                             static_cast<long long>(floor.features), static_cast<long long>(context.events()),
                             qPrintable(floor.error));

            timer.restart();
            LoadResult result = ReaderProcess::load(format.path);
            format.loadMs.push_back(msSince(timer));
            const ProcessTimes afterLoad = processTimes();
            format.cpuRatios.push_back(
                (afterLoad.selfCpuMs + afterLoad.childrenCpuMs - beforeLoad.selfCpuMs - beforeLoad.childrenCpuMs) /
                (beforeLoad.selfCpuMs - beforeFloor.selfCpuMs));
            format.ipcMs.push_back(ReaderProcess::lastTransfer().ms);
            format.loadPeakMb.push_back(double(ReaderProcess::lastTransfer().childPeakRssBytes) / (1 << 20));
            format.loadFaults.push_back(double(ReaderProcess::lastTransfer().childMinorFaults));
            if (result.store->size() != context.events() || !result.issues.isEmpty()) {
                std::fprintf(stderr, "warning: %s load kept %lld of %lld events with %lld issues\n",
                             qPrintable(format.key), static_cast<long long>(result.store->size()),
                             static_cast<long long>(context.events()), static_cast<long long>(result.issues.size()));
                for (qsizetype i = 0; i < std::min<qsizetype>(result.issues.size(), 5); ++i)
                    std::fprintf(stderr, "  %s\n", qPrintable(result.issues[i].toString()));
            }
            std::fprintf(stderr, "# %d/%d %-7s floor %8.1f ms  load %8.1f ms (transfer %.1f ms, %.0f MB)\n", rep,
                         context.repetitions(), qPrintable(format.key), format.floorMs.back(), format.loadMs.back(),
                         format.ipcMs.back(), double(ReaderProcess::lastTransfer().bytes) / 1e6);
            if (format.key == u"csv") context.setStore(result.store); // later groups query it
            if (format.key == u"csv") {
                const OneCpu cpu;
                if (!cpu.pinned()) continue;
                timer.restart();
                gdalFloorPass(format.path, textFields(), format.readGeometry, format.numericFields);
                const double floorMs = msSince(timer);
                timer.restart();
                const LoadResult pinned = ReaderProcess::load(format.path);
                const double loadMs = msSince(timer);
                if (pinned.store->size() == result.store->size()) format.oneCoreRatios.push_back(loadMs / floorMs);
                std::fprintf(stderr, "# %d/%d %-7s on one CPU: floor %8.1f ms  load %8.1f ms\n", rep,
                             context.repetitions(), qPrintable(format.key), floorMs, loadMs);
            }
        }
    }
    double ipcMs = 0;
    for (const Format &format : formats) {
        // The ratio pairs each load with the floor measured just before it, so a slow spell of a
        // shared machine (another build starting) inflates both sides of a pair, not one median.
        std::vector<double> ratios;
        for (size_t i = 0; i < format.loadMs.size(); ++i)
            ratios.push_back(format.loadMs[i] / format.floorMs[i]);
        figures.add(QStringLiteral("load.%1.ms").arg(format.key), median(format.loadMs), 1);
        figures.add(QStringLiteral("gdal_floor.%1.ms").arg(format.key), median(format.floorMs), 1);
        figures.add(QStringLiteral("load.%1.ratio").arg(format.key), median(ratios), 3);
        figures.add(QStringLiteral("load.%1.ipc.ms").arg(format.key), median(format.ipcMs), 1);
        // The pipeline's CPU (reader child, converting thread, the store's build) over GDAL's pass:
        // what one core would take, and, unlike the times, hardly moved by a busy machine.
        figures.add(QStringLiteral("load.%1.cpu.ratio").arg(format.key), median(format.cpuRatios), 3);
        if (!format.oneCoreRatios.empty())
            figures.add(QStringLiteral("load.%1.one_core.ratio").arg(format.key), median(format.oneCoreRatios), 3);
        // The reading side (the reader child) against GDAL's pass alone, in memory and in page
        // faults on fresh memory (each costs microseconds on the CI machine's kind).
        const ChildUsage floor = floorUsageInChild(format);
        figures.add(QStringLiteral("load.%1.peak_rss.mb").arg(format.key), median(format.loadPeakMb), 1);
        figures.add(QStringLiteral("gdal_floor.%1.peak_rss.mb").arg(format.key), floor.peakMb, 1);
        figures.add(QStringLiteral("load.%1.minor_faults.k").arg(format.key), median(format.loadFaults) / 1000, 1);
        figures.add(QStringLiteral("gdal_floor.%1.minor_faults.k").arg(format.key), floor.minorFaults / 1000, 1);
        ipcMs = std::max(ipcMs, median(format.ipcMs));
        // The window looks at a file (its columns, for the import dialog) before loading it, in a
        // reader child: part of what opening a file costs the user, beside load.*.ms.
        QElapsedTimer previewTimer;
        previewTimer.start();
        const TablePreview preview = TablePreview::read(format.path);
        if (preview.error.isEmpty())
            figures.add(QStringLiteral("load.%1.preview.ms").arg(format.key), msSince(previewTimer), 1);
    }
    figures.add(QStringLiteral("load.ipc.ms"), ipcMs, 1); // the larger of the two formats'
}

} // namespace chronomap::bench
