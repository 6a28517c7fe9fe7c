// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/load_job.h"

#include "core/io/dataset_loader.h"

#include <QPromise>
#include <QtConcurrent>

namespace chronomap {

LoadJob::LoadJob(QString path, LoadOptions options, QObject *parent)
    : LoadJob(QStringList{std::move(path)}, std::move(options), parent)
{}

LoadJob::LoadJob(QStringList paths, LoadOptions options, QObject *parent)
    : QObject(parent), m_paths(std::move(paths)), m_options(std::move(options))
{
    connect(&m_watcher, &QFutureWatcherBase::progressValueChanged, this,
            [this](int permille) { emit progress(permille, m_watcher.progressMaximum()); });
    connect(&m_watcher, &QFutureWatcherBase::finished, this, [this] {
        LoadResult result;
        if (m_watcher.future().resultCount() > 0) {
            Loaded loaded = m_watcher.result();
            result = std::move(loaded.result);
            m_prepared = std::move(loaded.prepared);
        } else {
            result.cancelled = true;
            result.store = EventStoreBuilder().build(); // never null, as from the loader
        }
        emit finished(result);
    });
}

LoadJob::~LoadJob()
{
    m_watcher.cancel();
    m_watcher.waitForFinished();
}

void LoadJob::start()
{
    m_watcher.setFuture(QtConcurrent::run([this, paths = m_paths, options = m_options, baseMap = m_baseMap,
                                           projected = m_projected](QPromise<Loaded> &promise) {
        promise.setProgressRange(0, 1000);
        DatasetLoader::Callbacks callbacks;
        callbacks.progress = [&promise](int permille) {
            if (permille >= 0) promise.setProgressValue(permille);
            return !promise.isCanceled();
        };
        callbacks.waiting = [this](int seconds) { emit waiting(seconds); };
        LoadResult result = DatasetLoader::load(paths, options, callbacks);
        if (result.cancelled || promise.isCanceled()) return; // no result: finished() reports a cancel
        std::shared_ptr<const PreparedDataset> prepared;
        if (baseMap && !result.partial && !result.hasFatal() && result.store && !result.store->isEmpty())
            prepared = PreparedDataset::make(paths, result.store, baseMap, result.sha256, projected);
        if (promise.isCanceled()) return;
        promise.addResult(Loaded{std::move(result), std::move(prepared)});
    }));
}

void LoadJob::cancel()
{
    m_watcher.cancel();
}

} // namespace chronomap
