// SPDX-License-Identifier: GPL-3.0-or-later
// Running the real chronomap binary from a test, as a user without a display would.
#pragma once

#include "../test_paths.h"
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <catch2/catch.hpp>

#include <csignal>
#include <sys/resource.h>

namespace chronomap::test {

/// Whether the build's chronomap binary loads GDAL at its first call (app/gdal_on_demand), not at
/// its start; defined in test_paths.cpp with the build's other facts.
bool gdalLoadedOnDemand();
/// Whether it loads libpq at its first call (app/pq_on_demand), not at its start.
bool pqLoadedOnDemand();

struct Run {
    int exitCode = -1; ///< -1 when the process died of a signal
    QString out;
    QString err;
};

/// Runs `program` with no DISPLAY, no WAYLAND_DISPLAY and no QT_QPA_PLATFORM in its
/// environment, plus `extraEnvironment`. `maxFileBytes` > 0 caps the size of any file it writes,
/// as a full disk would (the write fails with EFBIG instead of killing the process).
inline Run runProgram(const QString &program, const QStringList &arguments, qint64 maxFileBytes = 0,
                      const QProcessEnvironment &extraEnvironment = {})
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"})
        env.remove(QLatin1String(name));
    for (const QString &name : extraEnvironment.keys())
        env.insert(name, extraEnvironment.value(name));
    process.setProcessEnvironment(env);
    if (maxFileBytes > 0) {
        process.setChildProcessModifier([maxFileBytes] {
            const rlimit limit{rlim_t(maxFileBytes), rlim_t(maxFileBytes)};
            setrlimit(RLIMIT_FSIZE, &limit);
            std::signal(SIGXFSZ, SIG_IGN);
        });
    }
    process.start(program, arguments);
    REQUIRE(process.waitForFinished(60'000));
    Run run;
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

/// Runs the build's chronomap binary as runProgram does.
inline Run runChronomap(const QStringList &arguments, qint64 maxFileBytes = 0)
{
    return runProgram(chronomap::test::chronomapExe(), arguments, maxFileBytes);
}

} // namespace chronomap::test
