// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/briefing_export_job.h"

#include <QPromise>
#include <QtConcurrent>

namespace chronomap {

BriefingExportJob::BriefingExportJob(QObject *parent) : QObject(parent)
{
    connect(&m_watcher, &QFutureWatcher<Outcome>::progressValueChanged, this, &BriefingExportJob::progress);
    connect(&m_watcher, &QFutureWatcher<Outcome>::finished, this, [this] {
        const QFuture<Outcome> future = m_watcher.future();
        const Outcome outcome = future.resultCount() > 0 ? future.result() : Outcome{tr("cancelled"), {}};
        emit finished(outcome.error.isEmpty(), outcome.error, outcome.issues);
    });
}

BriefingExportJob::~BriefingExportJob()
{
    m_watcher.cancel();
    m_watcher.waitForFinished();
}

void BriefingExportJob::start(const BriefingPdf::Request &request, const QString &path)
{
    m_watcher.setFuture(QtConcurrent::run([request, path, hook = m_workerStepHook](QPromise<Outcome> &promise) {
        promise.setProgressRange(0, 100);
        Outcome outcome;
        outcome.error = BriefingPdf::write(
            request, path,
            [&promise, &hook](int percent) {
                promise.setProgressValue(percent);
                if (hook) hook(percent);
                return !promise.isCanceled();
            },
            &outcome.issues);
        promise.addResult(outcome);
    }));
}

void BriefingExportJob::cancel()
{
    m_watcher.cancel();
}

} // namespace chronomap
