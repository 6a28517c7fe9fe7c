// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/snapshot_export_job.h"

#include <QPromise>
#include <QtConcurrent>

namespace chronomap {

namespace {

/// The parts of a ViewState a snapshot reads, as plain values that may cross threads.
struct StateCopy {
    std::shared_ptr<const Dataset> dataset;
    std::optional<TimeWindow> window;
    WindowMatch match = WindowMatch::Possibly;
    int region = -1;
    EventStore::Index event = -1;
    QSet<QString> hidden;
    QSet<Confidence> hiddenConfidences;
    QSet<QString> hiddenProvenances;
    QString search;
    OutOfWindowMode outOfWindow = OutOfWindowMode::Hidden;
    QString language;
    MapMode mapMode = MapMode::Markers;
    MarkStyle markStyle = MarkStyle::Auto;

    explicit StateCopy(const ViewState &s)
        : dataset(s.dataset()), window(s.timeWindow()), match(s.windowMatch()), region(s.selectedRegion()),
          event(s.selectedEvent()), hidden(s.hiddenCategories()), hiddenConfidences(s.hiddenConfidences()),
          hiddenProvenances(s.hiddenProvenances()), search(s.searchText()), outOfWindow(s.outOfWindowMode()),
          language(s.language()), mapMode(s.mapMode()), markStyle(s.markStyle())
    {}

    void applyTo(ViewState &s) const
    {
        s.setDataset(dataset);
        s.setTimeWindow(window);
        s.setWindowMatch(match);
        s.setSelectedRegion(region);
        s.setSelectedEvent(event);
        s.setHiddenCategories(hidden);
        s.setHiddenConfidences(hiddenConfidences);
        s.setHiddenProvenances(hiddenProvenances);
        s.setSearchText(search);
        s.setOutOfWindowMode(outOfWindow);
        s.setLanguage(language);
        s.setMapMode(mapMode);
        s.setMarkStyle(markStyle);
    }
};

} // namespace

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

void SnapshotExportJob::start(const ViewState &state, const Request &request)
{
    const StateCopy copy(state);
    m_watcher.setFuture(QtConcurrent::run([copy, request, hook = m_workerStepHook](QPromise<QString> &promise) {
        promise.setProgressRange(0, 100);
        // The copy is built, used and destroyed on this thread only.
        ViewState local;
        copy.applyTo(local);
        QString error;
        const bool ok = SnapshotWriter::writeView(
            local, request.content, request.path, request.pixelSize, request.scale,
            [&promise, &hook](int percent) {
                promise.setProgressValue(percent);
                if (hook) hook(percent);
                return !promise.isCanceled();
            },
            &error);
        promise.addResult(ok ? QString() : error);
    }));
}

void SnapshotExportJob::cancel()
{
    m_watcher.cancel();
}

} // namespace chronomap
