// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "render/snapshot/snapshot_composer.h"
#include "render/snapshot/snapshot_writer.h"
#include "core/view/view_state.h"

#include <QFutureWatcher>
#include <QObject>

#include <functional>
#include <memory>

namespace chronomap {

/// Writes one snapshot on a worker thread (QtConcurrent), reporting progress and accepting a
/// cancel; the window stays responsive meanwhile. The view state is copied when the job starts,
/// so the user may go on changing the view: the snapshot is of the moment Export was pressed.
/// Emits finished() exactly once, on the GUI thread.
class SnapshotExportJob : public QObject {
    Q_OBJECT
public:
    struct Request {
        QString path;
        SnapshotComposer::Content content;
        QSize pixelSize{1920, 1080};
        double scale = 1.0; ///< device pixels per logical pixel
    };

    explicit SnapshotExportJob(QObject *parent = nullptr);
    ~SnapshotExportJob() override;

    /// Copies `state` and starts writing. The bundled fonts must be loaded (MainWindow does).
    void start(const ViewState &state, const Request &request);
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
