// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "render/snapshot/snapshot_export.h"

#include <QFutureWatcher>
#include <QObject>

#include <functional>
#include <memory>

namespace chronomap {

/// Writes one snapshot on a worker thread (QtConcurrent), reporting progress and accepting a
/// cancel; the window stays responsive meanwhile. The request holds the view settings as values,
/// so the user may go on changing the view: the snapshot is of the moment Export was pressed.
/// Emits finished() exactly once, on the GUI thread.
class SnapshotExportJob : public QObject {
    Q_OBJECT
public:
    explicit SnapshotExportJob(QObject *parent = nullptr);
    ~SnapshotExportJob() override;

    /// Starts writing. The bundled fonts must be loaded (MainWindow does).
    void start(const SnapshotRequest &request);
    /// Stops as soon as the painting reaches its next step; no file is left behind.
    void cancel();
    bool isRunning() const { return m_watcher.isRunning(); }
    /// Called on the worker thread at each step of the painting, before the cancel is looked at:
    /// lets a test hold the export mid-write until its cancel has landed. Set before start().
    void setWorkerStepHook(std::function<void(int percent)> hook) { m_workerStepHook = std::move(hook); }

signals:
    void progress(int percent);
    /// `error` is empty on success, "cancelled" translated when cancelled.
    void finished(bool succeeded, const QString &error);

private:
    QFutureWatcher<QString> m_watcher;
    std::function<void(int)> m_workerStepHook;
};

} // namespace chronomap
