// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/load_job.h"

#include "core/io/reader_process.h"
#include "core/store/event_layers.h"

#include <QElapsedTimer>
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
        if (m_watcher.future().resultCount() > 0)
            result = m_watcher.result();
        else {
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
    m_watcher.setFuture(QtConcurrent::run([this, paths = m_paths, options = m_options](QPromise<LoadResult> &promise) {
        // Progress in thousandths over all files, each file an equal share.
        promise.setProgressRange(0, 1000);
        const qsizetype files = std::max<qsizetype>(1, paths.size());
        LoadResult merged;
        QList<EventLayer> layers, failed;
        for (qsizetype f = 0; f < paths.size(); ++f) {
            QElapsedTimer sinceRecord; // a reader child calls back while it waits, too
            sinceRecord.start();
            qint64 lastDone = -1;
            int shownSeconds = 0;
            auto onProgress = [&](qint64 done, qint64 total) {
                if (total > 0) promise.setProgressValue(int((1000 * f + 1000 * done / total) / files));
                if (done != lastDone) {
                    lastDone = done;
                    sinceRecord.restart();
                    if (shownSeconds > 0) emit waiting(shownSeconds = 0);
                } else if (const int seconds = int(sinceRecord.elapsed() / 1000);
                           seconds >= 2 && seconds != shownSeconds) {
                    emit waiting(shownSeconds = seconds);
                }
                return !promise.isCanceled();
            };
            LoadResult result = ReaderProcess::loadFile(paths[f], options, onProgress);
            if (result.cancelled || promise.isCanceled()) return; // no result: finished() reports a cancel
            merged.issues.append(result.issues);
            merged.recordsRead += result.recordsRead;
            if (!result.store->isEmpty()) layers.append({paths[f], result.store});
            if (result.partial) failed.append({paths[f], result.partial});
        }
        merged.store = layers.isEmpty() ? EventStoreBuilder().build() : EventLayers::merge(layers, &merged.issues);
        if (!failed.isEmpty()) {
            // A reader failed: nothing of this load is shown unless the user keeps it, the
            // other files whole and what the failed ones gave before failing.
            QList<EventLayer> kept = layers;
            for (const EventLayer &layer : std::as_const(failed))
                if (!layer.store->isEmpty()) kept.append(layer);
            IssueList ignored;
            merged.partial = kept.isEmpty() ? EventStoreBuilder().build() : EventLayers::merge(kept, &ignored);
            merged.store = EventStoreBuilder().build();
        }
        promise.addResult(std::move(merged));
    }));
}

void LoadJob::cancel()
{
    m_watcher.cancel();
}

} // namespace chronomap
