// SPDX-License-Identifier: GPL-3.0-or-later
// Store figures: resident memory of a loaded EventStore (measured in a fresh child process so
// the allocations of earlier measurements do not blur it) and time-window query latency.
// store.rss.* is the growth of the child's RSS from before the load to after it, with only the
// store left alive; `.trimmed` is the same after malloc_trim(), i.e. without the freed loader
// temporaries glibc keeps; store.bytes_per_event is EventStore::memoryBytes() (capacity of its
// columns, arena and indexes); store.load_peak_rss.mb is the peak growth during the load.
#include "figure_groups.h"
#include "process_stats.h"

#include "core/io/event_loader.h"
#include "core/io/gdal_session.h"

#include <QCoreApplication>
#include <QDate>
#include <QElapsedTimer>
#include <QHash>
#include <QProcess>
#include <QTimeZone>

#include <cmath>
#include <cstdio>
#include <malloc.h>
#include <random>

namespace chronomap::bench {

namespace {

constexpr double kMiB = 1024.0 * 1024.0;
constexpr int kWindowQueries = 1000;

/// Runs `chronomap-bench --internal-rss FILE` and reads its `key value` lines.
QHash<QString, double> runRssChild(const QString &csvPath)
{
    QHash<QString, double> values;
    QProcess child;
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    child.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--internal-rss"), csvPath});
    if (!child.waitForFinished(-1) || child.exitStatus() != QProcess::NormalExit || child.exitCode() != 0) {
        std::fprintf(stderr, "warning: the RSS measurement process failed: %s\n", qPrintable(child.errorString()));
        return values;
    }
    for (const QByteArray &line : child.readAllStandardOutput().split('\n')) {
        const QList<QByteArray> parts = line.simplified().split(' ');
        if (parts.size() == 2) values.insert(QString::fromUtf8(parts[0]), parts[1].toDouble());
    }
    return values;
}

void rssFigures(BenchContext &context, Figures &figures)
{
    const QHash<QString, double> child = runRssChild(context.files().csvPath);
    const double n = double(context.events());
    const double nan = std::nan("");
    const double delta = child.contains("rss.after") ? child.value("rss.after") - child.value("rss.before") : nan;
    const double trimmed = child.contains("rss.trimmed") ? child.value("rss.trimmed") - child.value("rss.before") : nan;
    const double peak = child.contains("rss.peak") ? child.value("rss.peak") - child.value("rss.before") : nan;
    figures.add(QStringLiteral("store.rss.mb"), delta / kMiB, 1);
    figures.add(QStringLiteral("store.rss.bytes_per_event"), delta / n, 1);
    figures.add(QStringLiteral("store.rss.trimmed.bytes_per_event"), trimmed / n, 1);
    figures.add(QStringLiteral("store.bytes_per_event"), child.value("store.memory", nan) / n, 1);
    figures.add(QStringLiteral("store.load_peak_rss.mb"), peak / kMiB, 1);
}

void queryFigures(BenchContext &context, Figures &figures)
{
    const std::shared_ptr<const EventStore> store = context.store();
    std::mt19937_64 rng(42);
    const QDate first(2022, 1, 1);
    std::uniform_int_distribution<int> day(0, int(first.daysTo(QDate(2025, 12, 1))));
    std::vector<TimeWindow> windows;
    for (int i = 0; i < kWindowQueries; ++i) {
        const QDate from = first.addDays(day(rng));
        windows.push_back({from.startOfDay(QTimeZone::utc()).toMSecsSinceEpoch(),
                           from.addMonths(1).startOfDay(QTimeZone::utc()).toMSecsSinceEpoch()});
    }
    for (int i = 0; i < 20; ++i)
        (void)store->inWindow(windows[size_t(i)]); // warm the caches

    std::vector<double> us;
    double hits = 0;
    for (const TimeWindow &window : windows) {
        QElapsedTimer timer;
        timer.start();
        const EventStore::IndexList found = store->inWindow(window);
        us.push_back(double(timer.nsecsElapsed()) / 1e3);
        hits += double(found.size());
    }
    figures.add(QStringLiteral("store.query.window.us"), median(us), 1);
    figures.add(QStringLiteral("store.query.window.hits"), hits / kWindowQueries, 0);
}

} // namespace

void storeFigures(BenchContext &context, Figures &figures)
{
    rssFigures(context, figures);
    queryFigures(context, figures);
}

int measureStoreRssInChild(const QString &csvPath)
{
    ensureGdalReady(); // GDAL's drivers belong to the base, not to the store
    const qint64 before = residentBytes();
    LoadResult result = EventLoader::load(csvPath);
    result.issues.clear();
    result.issues.squeeze();
    const qint64 after = residentBytes(), peak = peakResidentBytes();
    // What glibc keeps of the loader's freed temporaries is not the store's: measure without it too.
    malloc_trim(0);
    const qint64 trimmed = residentBytes();
    std::printf(
        "rss.before %lld\nrss.after %lld\nrss.trimmed %lld\nrss.peak %lld\nstore.memory %lld\nstore.events %lld\n",
        static_cast<long long>(before), static_cast<long long>(after), static_cast<long long>(trimmed),
        static_cast<long long>(peak), static_cast<long long>(result.store->memoryBytes()),
        static_cast<long long>(result.store->size()));
    return result.store->isEmpty() ? 1 : 0;
}

} // namespace chronomap::bench
