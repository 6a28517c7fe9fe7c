// SPDX-License-Identifier: GPL-3.0-or-later
// Animation figures: the whole `chronomap --export-animation` command timed from outside,
// process start to exit, median of three (each run is seconds long).
//  - animation.mp4.1080p.ms: the bundled data, 2023-07 to 2025-08 by week, 1920x1080 MP4;
//    animation.mp4.1080p.fps: its frames over that time.
//  - animation.mp4.1080p.100k.ms: the same with the 100,000 synthetic events (as GeoJSON).
//  - animation.webm.1080p.ms / .fps: the bundled clip as a 1920x1080 WebM (VP9); no budget in
//    the issue, reported beside the MP4.
//  - animation.gif.960.ms: the bundled data as a 960x540 GIF; animation.gif.960.mb: its size.
#include "bench_scene.h"
#include "figure_groups.h"
#include "process_stats.h"

#include "render/animation/animation_plan.h"
#include "core/time/time_span.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>

#include <cmath>
#include <cstdio>

namespace chronomap::bench {

namespace {

constexpr int kRuns = 3;

/// Median wall time of `chronomap args`, or NaN when it fails.
double timeAnimation(const QString &program, const QStringList &args)
{
    std::vector<double> ms;
    for (int i = 0; i < kRuns; ++i) {
        QProcess process;
        process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        QElapsedTimer timer;
        timer.start();
        process.start(program, args);
        const bool finished = process.waitForFinished(300'000);
        const double elapsed = elapsedMs(timer.nsecsElapsed());
        if (!finished || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
            std::fprintf(stderr, "warning: %s %s failed (exit %d)\n", qPrintable(program), qPrintable(args.join(u' ')),
                         process.exitCode());
            return std::nan("");
        }
        ms.push_back(elapsed);
    }
    return median(ms);
}

} // namespace

void animationFigures(BenchContext &context, Figures &figures)
{
    const QString chronomap = context.chronomapPath();
    if (!QFileInfo(chronomap).isExecutable()) {
        std::fprintf(stderr, "warning: no chronomap binary at %s; animation figures skipped\n", qPrintable(chronomap));
        return;
    }
    QTemporaryDir out(QDir::temp().filePath(QStringLiteral("chronomap-bench-animation-XXXXXX")));
    const QStringList clip{QStringLiteral("--from"),  QStringLiteral("2023-07"), QStringLiteral("--to"),
                           QStringLiteral("2025-08"), QStringLiteral("--step"),  QStringLiteral("week")};
    AnimationPlan plan;
    plan.range = TimeWindow{FuzzyDate::parse(u"2023-07")->startMs, FuzzyDate::parse(u"2025-08")->endExclusiveMs()};
    const auto frames = double(plan.frames().size());

    const QString mp4 = out.filePath(QStringLiteral("clip.mp4"));
    const double mp4Ms = timeAnimation(chronomap, QStringList{QStringLiteral("--export-animation"), mp4,
                                                              QStringLiteral("--size"), QStringLiteral("1920x1080")} +
                                                      clip);
    figures.add(QStringLiteral("animation.mp4.1080p.ms"), mp4Ms, 0);
    figures.add(QStringLiteral("animation.mp4.1080p.fps"), frames / (mp4Ms / 1000.0), 1);
    const SyntheticFiles files = syntheticFilesOf(context, kMapEvents);
    figures.add(
        QStringLiteral("animation.mp4.1080p.100k.ms"),
        timeAnimation(chronomap, QStringList{QStringLiteral("--export-animation"), mp4, QStringLiteral("--size"),
                                             QStringLiteral("1920x1080"), QStringLiteral("--data"), files.geojsonPath} +
                                     clip),
        0);
    // WebM (VP9, libvpx realtime at speed 8): the same clip and size as the MP4.
    const QString webm = out.filePath(QStringLiteral("clip.webm"));
    const double webmMs = timeAnimation(chronomap, QStringList{QStringLiteral("--export-animation"), webm,
                                                               QStringLiteral("--size"), QStringLiteral("1920x1080")} +
                                                       clip);
    figures.add(QStringLiteral("animation.webm.1080p.ms"), webmMs, 0);
    figures.add(QStringLiteral("animation.webm.1080p.fps"), frames / (webmMs / 1000.0), 1);
    const QString gif = out.filePath(QStringLiteral("clip.gif"));
    figures.add(QStringLiteral("animation.gif.960.ms"),
                timeAnimation(chronomap, QStringList{QStringLiteral("--export-animation"), gif,
                                                     QStringLiteral("--size"), QStringLiteral("960x540")} +
                                             clip),
                0);
    figures.add(QStringLiteral("animation.gif.960.mb"), double(QFileInfo(gif).size()) / 1e6, 2);
}

} // namespace chronomap::bench
