// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/io/event_loader.h"

#include <QStringList>

#include <atomic>
#include <functional>

namespace chronomap {

/// Loads one or several event files as one dataset, for the window (LoadJob) and the command
/// line alike. Each file goes through ReaderProcess::loadFile (a reader child for a user's file),
/// one after the other; their stores are merged as layers (EventLayers::merge) and every file's
/// issues are kept. Beside the reading, on a second thread, the files are hashed: the result's
/// `sha256` names the content loaded even if a file changes on disk afterwards. Blocks; never
/// touches UI.
class DatasetLoader {
public:
    struct Callbacks {
        /// Progress in thousandths over all files, each file an equal share; -1 while the file
        /// does not tell how far it is. Called often (also while a reader child is silent):
        /// return false to cancel.
        std::function<bool(int permille)> progress;
        /// The reader has given no record for `seconds` (from 2 s on, each second); 0 once
        /// records arrive again.
        std::function<void(int seconds)> waiting;
    };

    /// Whether the result names its content (`sha256`): the window and snapshots need it;
    /// --validate and --query spare a busy machine the second thread's work.
    enum class Hashing : quint8 { Content, None };

    /// The files of `paths` as one store. Cancelled: `cancelled` set, the store empty, no issues.
    /// When a reader child fails, nothing is loaded (`store` empty) and `partial` holds the other
    /// files whole and what the failed ones gave before failing, for the user to keep or not.
    static LoadResult load(const QStringList &paths, const LoadOptions &options = {}, const Callbacks &callbacks = {},
                           Hashing hashing = Hashing::Content);

    /// The dataset's SHA-256 (lower-case hex) from its files' (in load order): one file's own
    /// digest, so that `sha256sum FILE` gives it; for several, the SHA-256 of their hex digests
    /// concatenated (`sha256sum A B | cut -c1-64 | tr -d '\n' | sha256sum`). Empty when one is.
    static QString combinedSha256(const QStringList &fileDigests);
    /// Hex SHA-256 of a file's bytes; empty when it cannot be read or `stop` is set meanwhile.
    static QString sha256OfFile(const QString &path, const std::atomic<bool> *stop = nullptr);
};

} // namespace chronomap
