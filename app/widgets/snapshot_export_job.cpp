// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/snapshot_export_job.h"

#include <QPromise>
#include <QtConcurrent>

namespace chronomap {

SnapshotExportJob::SnapshotExportJob(QObject *parent) : QObject(parent)
{
    connect(&m_watcher, &QFutureWatcher<QString>::progressValueChanged, this, &SnapshotExportJob::progress);
    connect(&m_watcher, &QFutureWatcher<QString>::finished, this, [this] {
        const QFuture<QString> future = m_watcher.future();
        const QString error = future.resultCount() > 0 ? future.result() : tr("cancelled");
        emit finished(error.isEmpty(), error);
    });
}

SnapshotExportJob::~SnapshotExportJob()
{
    m_watcher.cancel();
    m_watcher.waitForFinished();
}

void SnapshotExportJob::start(const SnapshotRequest &request)
{
    m_watcher.setFuture(QtConcurrent::run([request, hook = m_workerStepHook](QPromise<QString> &promise) {
        promise.setProgressRange(0, 100);
        promise.addResult(request.write([&promise, &hook](int percent) {
            promise.setProgressValue(percent);
            if (hook) hook(percent);
            return !promise.isCanceled();
        }));
    }));
}

void SnapshotExportJob::cancel()
{
    m_watcher.cancel();
}

} // namespace chronomap
