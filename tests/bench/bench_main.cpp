// SPDX-License-Identifier: GPL-3.0-or-later
// chronomap-bench: generates synthetic event files and prints performance figures as
// `name value` lines (optionally also as JSON). See figure_groups.h for how to add figures.
#include "bench_context.h"
#include "figure_groups.h"
#include "figures.h"
#include "host_gauge.h"
#include "process_stats.h"
#include "synthetic_events.h"

#include "core/io/event_loader.h"
#include "core/io/geojson_kernel.h"
#include "core/io/reader_process.h"

#include <QCommandLineParser>
#include <QGuiApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QTemporaryDir>

#include <gdal.h>

#include <algorithm>
#include <cstdio>

using namespace chronomap::bench;

namespace {

constexpr qint64 kDefaultEvents = 1'000'000;
constexpr qint64 kQuickEvents = 100'000;

int fail(const QString &message)
{
    std::fprintf(stderr, "chronomap-bench: %s\n", qPrintable(message));
    return 2;
}

} // namespace

int main(int argc, char **argv)
{
    // The map, timeline and export figures draw on QImages: the offscreen platform needs no display.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("chronomap-bench"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CHRONOMAP_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Chronomap performance figures on synthetic events."));
    parser.addHelpOption();
    const QCommandLineOption eventsOption(
        QStringLiteral("events"), QStringLiteral("Number of synthetic events (default 1000000)."), QStringLiteral("N"));
    const QCommandLineOption quickOption(QStringLiteral("quick"), QStringLiteral("100000 events."));
    const QCommandLineOption jsonOption(QStringLiteral("json"), QStringLiteral("Also write the figures as JSON."),
                                        QStringLiteral("FILE"));
    const QCommandLineOption repetitionsOption(
        QStringLiteral("repetitions"), QStringLiteral("Repetitions of each timing (default 3, 5 up to 200000 events)."),
        QStringLiteral("N"));
    const QCommandLineOption onlyOption(QStringLiteral("only"),
                                        QStringLiteral("Comma-separated figure groups to run (see --list)."),
                                        QStringLiteral("GROUPS"));
    const QCommandLineOption listOption(QStringLiteral("list"), QStringLiteral("List the figure groups."));
    const QCommandLineOption dataDirOption(QStringLiteral("data-dir"),
                                           QStringLiteral("Write the synthetic files here and keep them."),
                                           QStringLiteral("DIR"));
    const QCommandLineOption loadOnceOption(
        QStringLiteral("load-once"),
        QStringLiteral("Time one EventLoader::load of FILE and exit (to run under a profiler)."),
        QStringLiteral("FILE"));
    const QCommandLineOption loadChildOnceOption(
        QStringLiteral("load-child-once"),
        QStringLiteral("Time one ReaderProcess::load of FILE (a reader child, as the window loads) and exit."),
        QStringLiteral("FILE"));
    QCommandLineOption rssChildOption(QStringLiteral("internal-rss"),
                                      QStringLiteral("Internal: measure a store's RSS in this process."),
                                      QStringLiteral("FILE"));
    const QCommandLineOption chronomapOption(
        QStringLiteral("chronomap"),
        QStringLiteral(
            "The chronomap executable the export figures run (default: ../../app/chronomap from the bench)."),
        QStringLiteral("PATH"));
    rssChildOption.setFlags(QCommandLineOption::HiddenFromHelp);
    QCommandLineOption floorChildOption(QStringLiteral("internal-floor"),
                                        QStringLiteral("Internal: one GDAL floor pass over FILE."),
                                        QStringLiteral("FILE"));
    floorChildOption.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOptions({eventsOption, quickOption, jsonOption, repetitionsOption, onlyOption, listOption, dataDirOption,
                       loadOnceOption, loadChildOnceOption, chronomapOption, rssChildOption, floorChildOption});
    parser.process(app);

    if (parser.isSet(rssChildOption)) return measureStoreRssInChild(parser.value(rssChildOption));
    if (parser.isSet(floorChildOption)) return floorPassInChild(parser.value(floorChildOption));
    if (parser.isSet(loadOnceOption)) {
        QElapsedTimer timer;
        timer.start();
        const chronomap::LoadResult result = chronomap::EventLoader::load(parser.value(loadOnceOption));
        std::printf("%lld events, %lld issues, %.1f ms\n", static_cast<long long>(result.store->size()),
                    static_cast<long long>(result.issues.size()), double(timer.nsecsElapsed()) / 1e6);
        return result.hasFatal() ? 1 : 0;
    }
    if (parser.isSet(loadChildOnceOption)) {
        chronomap::ReaderProcess::setExecutable(
            parser.isSet(chronomapOption)
                ? QFileInfo(parser.value(chronomapOption)).absoluteFilePath()
                : QDir(QCoreApplication::applicationDirPath()).absoluteFilePath(QStringLiteral("../../app/chronomap")));
        const ProcessTimes before = processTimes();
        QElapsedTimer timer;
        timer.start();
        const chronomap::LoadResult result = chronomap::ReaderProcess::load(parser.value(loadChildOnceOption));
        const double wallMs = double(timer.nsecsElapsed()) / 1e6;
        const ProcessTimes after = processTimes();
        const auto transfer = chronomap::ReaderProcess::lastTransfer();
        std::printf("%lld events, %lld issues, %.1f ms (transfer %.1f ms); this process: cpu %.0f ms, %lld minor "
                    "faults; reader child: cpu %.0f ms, %lld minor faults; load average %.2f\n",
                    static_cast<long long>(result.store->size()), static_cast<long long>(result.issues.size()), wallMs,
                    transfer.ms, after.selfCpuMs - before.selfCpuMs,
                    static_cast<long long>(after.selfMinorFaults - before.selfMinorFaults),
                    after.childrenCpuMs - before.childrenCpuMs, static_cast<long long>(transfer.childMinorFaults),
                    loadAverage());
        return result.hasFatal() ? 1 : 0;
    }
    if (parser.isSet(listOption)) {
        for (const FigureGroup &group : figureGroups())
            std::printf("%-8s %s\n", qPrintable(group.name), qPrintable(group.summary));
        return 0;
    }

    qint64 events = parser.isSet(quickOption) ? kQuickEvents : kDefaultEvents;
    if (parser.isSet(eventsOption)) {
        bool ok = false;
        events = parser.value(eventsOption).toLongLong(&ok);
        if (!ok || events < 1) return fail(QStringLiteral("--events needs a positive number"));
    }
    int repetitions = events > 200'000 ? 3 : 5;
    if (parser.isSet(repetitionsOption)) {
        bool ok = false;
        repetitions = parser.value(repetitionsOption).toInt(&ok);
        if (!ok || repetitions < 1) return fail(QStringLiteral("--repetitions needs a positive number"));
    }
    QList<FigureGroup> groups = figureGroups();
    if (parser.isSet(onlyOption)) {
        const QStringList wanted = parser.value(onlyOption).split(u',', Qt::SkipEmptyParts);
        for (const QString &name : wanted)
            if (std::none_of(groups.begin(), groups.end(), [&](const FigureGroup &g) { return g.name == name; }))
                return fail(QStringLiteral("no figure group '%1' (see --list)").arg(name));
        groups.removeIf([&](const FigureGroup &g) { return !wanted.contains(g.name); });
    }

    std::printf("# chronomap-bench %s\n", CHRONOMAP_VERSION);
    std::printf("# events %lld, repetitions %d (figures are medians)\n", static_cast<long long>(events), repetitions);
    std::printf("# machine: %d cpus, %s, load average %.2f%s\n", processorCount(), qPrintable(cpuModel()),
                loadAverage(), loadAverage() > processorCount() / 2.0 ? " (busy: timings will be noisy)" : "");
    std::printf("# build: %s, Qt %s, GDAL %s, simdjson kernel %s\n", CHRONOMAP_BENCH_BUILD_TYPE, qVersion(),
                GDALVersionInfo("RELEASE_NAME"), qPrintable(chronomap::geojsonKernel()));
    std::printf("# host at start: %s\n", qPrintable(describe(measureHostGauge())));
    std::fflush(stdout);

    QTemporaryDir tempDir(QDir::temp().filePath(QStringLiteral("chronomap-bench-XXXXXX")));
    QString dataDir = tempDir.path();
    if (parser.isSet(dataDirOption)) {
        dataDir = QFileInfo(parser.value(dataDirOption)).absoluteFilePath();
        if (!QDir().mkpath(dataDir)) return fail(QStringLiteral("cannot create %1").arg(dataDir));
    } else if (!tempDir.isValid()) {
        return fail(QStringLiteral("cannot create a temporary directory: %1").arg(tempDir.errorString()));
    }
    QElapsedTimer timer;
    timer.start();
    SyntheticFiles files;
    QString error;
    if (!writeSyntheticEvents(dataDir, events, &files, &error)) return fail(error);
    std::fprintf(stderr, "# wrote %s (%.0f MB) and %s (%.0f MB) in %.1f s\n", qPrintable(files.csvPath),
                 double(QFileInfo(files.csvPath).size()) / 1e6, qPrintable(files.geojsonPath),
                 double(QFileInfo(files.geojsonPath).size()) / 1e6, double(timer.elapsed()) / 1e3);

    BenchContext context(files, repetitions);
    context.setChronomapPath(
        parser.isSet(chronomapOption)
            ? QFileInfo(parser.value(chronomapOption)).absoluteFilePath()
            : QDir(QCoreApplication::applicationDirPath()).absoluteFilePath(QStringLiteral("../../app/chronomap")));
    chronomap::ReaderProcess::setExecutable(context.chronomapPath()); // loads run in a reader child, as in the window
    Figures figures;
    for (const FigureGroup &group : groups)
        group.run(context, figures);

    // Again at the end: a run of the full bench takes minutes, and the host may change meanwhile.
    std::printf("# host at end: %s\n", qPrintable(describe(measureHostGauge())));
    if (parser.isSet(jsonOption) && !figures.writeJson(parser.value(jsonOption), &error))
        return fail(QStringLiteral("cannot write %1: %2").arg(parser.value(jsonOption), error));
    return 0;
}
