// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "render/briefing/briefing_pdf.h"

#include <QFutureWatcher>
#include <QObject>

#include <functional>

namespace chronomap {

/// Writes a briefing's PDF (BriefingPdf::write) on a worker thread (QtConcurrent), reporting the
/// percent done and accepting a cancel that stops before the next page; the window stays usable
/// meanwhile. The request holds the briefing and the dataset as values. Emits finished() exactly
/// once, on the GUI thread.
class BriefingExportJob : public QObject {
    Q_OBJECT
public:
    explicit BriefingExportJob(QObject *parent = nullptr);
    ~BriefingExportJob() override;

    /// Starts writing `path`. The bundled fonts must be loaded (MainWindow does).
    void start(const BriefingPdf::Request &request, const QString &path);
    /// Stops at the next page: no file is left behind and an existing one stays as it was.
    void cancel();
    bool isRunning() const { return m_watcher.isRunning(); }
    /// Called on the worker thread at each step of the writing, before the cancel is looked at:
    /// lets a test hold the export mid-write until its cancel has landed. Set before start().
    void setWorkerStepHook(std::function<void(int percent)> hook) { m_workerStepHook = std::move(hook); }

signals:
    void progress(int percent);
    /// `error` is empty on success, "cancelled" translated when cancelled. `issues`: steps that
    /// name what the data lacks (each still printed with what could be applied).
    void finished(bool succeeded, const QString &error, const chronomap::IssueList &issues);

private:
    struct Outcome {
        QString error;
        IssueList issues;
    };
    QFutureWatcher<Outcome> m_watcher;
    std::function<void(int)> m_workerStepHook;
};

} // namespace chronomap
