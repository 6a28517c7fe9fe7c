// SPDX-License-Identifier: GPL-3.0-or-later
#include "load_job.h"

#include <QPromise>
#include <QtConcurrent>

namespace chronomap {

LoadJob::LoadJob(QString path, LoadOptions options, QObject *parent)
    : QObject(parent), m_path(std::move(path)), m_options(std::move(options))
{
    connect(&m_watcher, &QFutureWatcherBase::progressValueChanged, this,
            [this](int permille) { emit progress(permille, m_watcher.progressMaximum()); });
    connect(&m_watcher, &QFutureWatcherBase::finished, this, [this] {
        LoadResult result;
        if (m_watcher.future().resultCount() > 0)
            result = m_watcher.result();
        else
            result.cancelled = true;
        emit finished(result);
    });
}

void LoadJob::start()
{
    m_watcher.setFuture(QtConcurrent::run([path = m_path, options = m_options](QPromise<LoadResult> &promise) {
        // Progress in thousandths, or records read when the total is unknown.
        promise.setProgressRange(0, 1000);
        LoadResult result = EventLoader::load(path, options, [&promise](qint64 done, qint64 total) {
            if (total > 0) promise.setProgressValue(int(1000 * done / total));
            return !promise.isCanceled();
        });
        promise.addResult(std::move(result));
    }));
}

void LoadJob::cancel()
{
    m_watcher.cancel();
}

} // namespace chronomap
