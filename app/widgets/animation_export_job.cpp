// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/animation_export_job.h"

#include <QPromise>
#include <QtConcurrent>

namespace chronomap {

AnimationExportJob::AnimationExportJob(QObject *parent) : QObject(parent)
{
    connect(&m_watcher, &QFutureWatcher<QString>::progressValueChanged, this,
            [this](int done) { emit progress(done, m_total); });
    connect(&m_watcher, &QFutureWatcher<QString>::finished, this, [this] {
        const QFuture<QString> future = m_watcher.future();
        const QString error = future.resultCount() > 0 ? future.result() : tr("cancelled");
        emit finished(error.isEmpty(), error);
    });
}

AnimationExportJob::~AnimationExportJob()
{
    m_watcher.cancel();
    m_watcher.waitForFinished();
}

void AnimationExportJob::start(const ViewState &state, const Request &request)
{
    // Plain values that may cross threads: the dataset (immutable) and the view's settings.
    const std::shared_ptr<const Dataset> dataset = state.dataset();
    const ViewSettings settings = state.settings();
    m_total = int(request.options.frames.size());
    m_watcher.setFuture(
        QtConcurrent::run([dataset, settings, request, hook = m_workerFrameHook](QPromise<QString> &promise) {
            promise.setProgressRange(0, int(request.options.frames.size()));
            // The copy is built, used and destroyed on this thread only.
            ViewState local;
            local.setDataset(dataset);
            local.setSettings(settings);
            SnapshotComposer composer(local, request.content, request.options.scale);
            composer.setCachesBaseMap(true); // the base map is drawn once per clip
            AnimationWriter::Options options = request.options;
            if (!options.frames.isEmpty()) {
                // Described as the whole clip: its first window's start to its last one's end.
                local.setTimeWindow(TimeWindow{options.frames.front().fromMs, options.frames.back().toMs});
                const QSizeF logical = QSizeF(options.pixelSize) / options.scale;
                options.metadata = SnapshotMetadata::describe(
                    local, composer.mapViewportFor(composer.mapAreaFor(logical).size()), composer.title(),
                    request.content.exportedAt, dataset ? dataset->sha256 : QString());
            }
            QString error;
            const bool ok = AnimationWriter::write(
                local, composer, request.path, options,
                [&promise, &hook](int done, int) {
                    promise.setProgressValue(done);
                    if (hook) hook(done);
                    return !promise.isCanceled();
                },
                &error);
            promise.addResult(ok ? QString() : error);
        }));
}

void AnimationExportJob::cancel()
{
    m_watcher.cancel();
}

} // namespace chronomap
