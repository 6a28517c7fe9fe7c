// SPDX-License-Identifier: GPL-3.0-or-later
// Briefing figures: the whole `chronomap --export-briefing` command timed from outside, process
// start to exit, median of three.
//  - briefing.pdf.8steps.ms: the bundled example (geodata/briefings/treaty-to-kursk, eight steps
//    over the bundled dataset) as an A4 landscape PDF in English: load, ten pages, write.
//    Budget (issue 17): 3 s.
#include "bench_scene.h"
#include "figure_groups.h"
#include "process_stats.h"

#include "core/data_paths.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>

#include <cmath>
#include <cstdio>

namespace chronomap::bench {

void briefingFigures(BenchContext &context, Figures &figures)
{
    const QString chronomap = context.chronomapPath();
    const QString example = QDir(DataPaths::dataRoot())
                                .filePath(QStringLiteral("geodata/briefings/treaty-to-kursk.chronomap-briefing.json"));
    if (!QFileInfo(chronomap).isExecutable() || !QFileInfo::exists(example)) {
        std::fprintf(stderr,
                     "warning: no chronomap binary at %s or no example briefing at %s; briefing figures skipped\n",
                     qPrintable(chronomap), qPrintable(example));
        return;
    }
    QTemporaryDir out(QDir::temp().filePath(QStringLiteral("chronomap-bench-briefing-XXXXXX")));
    const QString pdf = out.filePath(QStringLiteral("briefing.pdf"));
    std::vector<double> ms;
    for (int i = 0; i < 3; ++i) {
        QProcess process;
        process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        QElapsedTimer timer;
        timer.start();
        process.start(chronomap, {QStringLiteral("--export-briefing"), example, pdf});
        const bool finished = process.waitForFinished(120'000);
        const double elapsed = elapsedMs(timer.nsecsElapsed());
        if (!finished || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
            std::fprintf(stderr, "warning: chronomap --export-briefing failed (exit %d)\n", process.exitCode());
            figures.add(QStringLiteral("briefing.pdf.8steps.ms"), std::nan(""), 0);
            return;
        }
        ms.push_back(elapsed);
    }
    figures.add(QStringLiteral("briefing.pdf.8steps.ms"), median(ms), 0);
}

} // namespace chronomap::bench
