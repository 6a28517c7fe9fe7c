// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>

#include <optional>
#include <sys/types.h>
#include <vector>

namespace chronomap {

/// A reader child forked before the app starts, for one-shot runs (exports, --validate, --query). A reader child
/// started with posix_spawn loads the executable's ~150 shared libraries again: about a tenth of a second of dynamic
/// linking (mostly symbol lookups and relocation page faults) before it reads a byte, on the export's critical path. A
/// process forked first thing in main(), while the process has one thread and no QCoreApplication, already has them
/// linked: it creates its own QCoreApplication, registers GDAL's drivers and waits for a reader's command line on a
/// socket; then it is a reader child exactly as `chronomap --read-child …` would be (ReaderChild::run, its stdout the
/// pipe to the app). ReaderProcess::load hands it the first file it reads. Unused (bundled data, bad arguments), it
/// exits when the app does.
class ReaderZygote {
public:
    /// Forks the zygote. Returns nullopt in the app (also when it could not fork, or the
    /// process already has threads); in the zygote, its exit status once it is done.
    static std::optional<int> start(int argc, char **argv);

    /// The zygote's process id and the read end of its stdout, after sending it `arguments`
    /// (the reader child's command line, program name first). Once per process; nullopt when
    /// there is none (not started, taken, or ended).
    struct Started {
        pid_t pid = -1;
        int stdoutFd = -1;
    };
    static std::optional<Started> take(const std::vector<QByteArray> &arguments);
};

} // namespace chronomap
