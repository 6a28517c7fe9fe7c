// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "render/animation/animation_writer.h"
#include "render/snapshot/snapshot_composer.h"
#include "core/view/view_state.h"

#include <QFutureWatcher>
#include <QObject>

#include <functional>

namespace chronomap {

/// Writes an animation on a worker thread (QtConcurrent), reporting frames done and accepting a
/// cancel; the window stays usable meanwhile. The view state is copied when the job starts. Emits
/// finished() exactly once, on the GUI thread.
class AnimationExportJob : public QObject {
    Q_OBJECT
public:
    struct Request {
        QString path;
        SnapshotComposer::Content content;
        /// Size, scale, fps and frames; the metadata is made on the worker from the state's copy.
        AnimationWriter::Options options;
    };

    explicit AnimationExportJob(QObject *parent = nullptr);
    ~AnimationExportJob() override;

    /// Copies `state` and starts writing. The bundled fonts must be loaded (MainWindow does).
    void start(const ViewState &state, const Request &request);
    /// Stops after the frame being painted; no file is left behind.
    void cancel();
    bool isRunning() const { return m_watcher.isRunning(); }
    /// Called on the worker thread after each frame, before the cancel is looked at: lets a test
    /// hold the export mid-write until its cancel has landed. Set before start().
    void setWorkerFrameHook(std::function<void(int framesDone)> hook) { m_workerFrameHook = std::move(hook); }

signals:
    void progress(int framesDone, int framesTotal);
    /// `error` is empty on success, "cancelled" translated when cancelled.
    void finished(bool succeeded, const QString &error);

private:
    QFutureWatcher<QString> m_watcher;
    std::function<void(int)> m_workerFrameHook;
    int m_total = 0;
};

} // namespace chronomap
