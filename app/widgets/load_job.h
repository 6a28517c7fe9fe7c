// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/io/event_loader.h"

#include <QFutureWatcher>
#include <QObject>

namespace chronomap {

/// Runs DatasetLoader::load on a worker thread, reporting progress and accepting a cancel:
/// several files load as one dataset, hashed as they are read. Emits finished() exactly once, on
/// the GUI thread, with the result (also when cancelled).
class LoadJob : public QObject {
    Q_OBJECT
public:
    explicit LoadJob(QString path, LoadOptions options = {}, QObject *parent = nullptr);
    explicit LoadJob(QStringList paths, LoadOptions options = {}, QObject *parent = nullptr);
    /// Cancels and waits for the loading thread, which may still report to this object
    /// (waiting()); a reader child is killed at once, so this is short.
    ~LoadJob() override;
    void start();
    void cancel();
    /// The first file.
    QString path() const { return m_paths.value(0); }
    const QStringList &paths() const { return m_paths; }
    bool isRunning() const { return m_watcher.isRunning(); }

signals:
    /// `total` is -1 when the file does not tell how many records it holds.
    void progress(qint64 done, qint64 total);
    /// The reader has given no record for `seconds` (from 2 s on, each second); 0 once records
    /// arrive again. Emitted from the loading thread.
    void waiting(int seconds);
    void finished(const chronomap::LoadResult &result);

private:
    QStringList m_paths;
    LoadOptions m_options;
    QFutureWatcher<LoadResult> m_watcher;
};

} // namespace chronomap
