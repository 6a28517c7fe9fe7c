// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/io/event_loader.h"

#include <functional>

namespace chronomap {

struct TablePreview;

/// Limits of a reader child and of the app's patience with it.
struct ReaderLimits {
    /// Address space the child may add to what it uses at start-up (RLIMIT_AS); 0: 2 GiB plus
    /// twice the file's size.
    qint64 memoryBytes = 0;
    qint64 cpuSeconds = 1800; ///< RLIMIT_CPU: SIGXCPU at this, SIGKILL five seconds later
    qint64 openFiles = 128;   ///< RLIMIT_NOFILE
    /// The watchdog: the child is ended when no record arrives for this long (opening the file
    /// included).
    qint64 watchdogMs = 30'000;
};

/// Loads a user's file in a reader child process — the same `chronomap` binary started with
/// `--read-child` (ReaderChild) — so that a crash, a hang or a memory blow-up in GDAL or the
/// libraries under it ends the child, never the app. The child reads and streams FeatureBatches;
/// this side converts them and builds the store (ReaderStream). The result equals
/// EventLoader::load's for every file the child reads to the end; when the child fails, the store
/// is empty, one fatal issue names the file, the reader (GDAL driver) and the last record
/// received, and `partial` holds the events converted before. No child outlives a call.
class ReaderProcess {
public:
    /// Exit codes of the child besides 0.
    static constexpr int kExitOutOfMemory = 3;
    static constexpr int kExitPipeClosed = 4;
    /// A database table (DatabaseSource) failed while being read: the connection dropped.
    static constexpr int kExitDatabaseLost = 5;

    /// Runs the child and blocks until it is done. `progress` is also called every tenth of a
    /// second while waiting (with the last figures), so a cancel ends the child at once.
    static LoadResult load(const QString &path, const LoadOptions &options = {},
                           const EventLoader::Progress &progress = {}, const ReaderLimits &limits = defaultLimits());

    /// True for the files the app ships (the bundled dataset): read in process, not by a child.
    static bool readsInProcess(const QString &path);

    /// ReaderProcess::load for a user's file; EventLoader::load, in process, for the files the
    /// app ships (readsInProcess).
    static LoadResult loadFile(const QString &path, const LoadOptions &options = {},
                               const EventLoader::Progress &progress = {});

    /// The header and first `maxRows` rows of a user's file (TablePreview::readHere) read by a
    /// child started with `--preview-rows`: its answer is a small JSON document. A child that
    /// crashes, hangs past the watchdog or answers nonsense gives a preview with only an error.
    /// `keepGoing`, when set, is asked every tenth of a second; false ends the child at once.
    static TablePreview preview(const QString &path, int maxRows, const ReaderLimits &limits = defaultLimits(),
                                const std::function<bool()> &keepGoing = {});

    /// The child binary; by default the running executable (QCoreApplication::applicationFilePath).
    /// Tests and the bench, which are other binaries, name the chronomap they built.
    static void setExecutable(const QString &path);
    static QString executable();

    /// The limits loadFile() and load() use unless given others (`chronomap --reader-timeout`).
    static void setDefaultLimits(const ReaderLimits &limits);
    static ReaderLimits defaultLimits();

    /// What the last load() on this thread spent on the transfer: bytes through the pipe, and
    /// time reading the pipe and decoding frames (conversion and the store build excluded).
    struct TransferStats {
        qint64 bytes = 0;
        double ms = 0;
        qint64 childPeakRssBytes = 0; ///< the reader child's peak resident set
        qint64 childMinorFaults = 0;  ///< page faults the child served without I/O (fresh memory)
    };
    static TransferStats lastTransfer();
};

} // namespace chronomap
