// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/io/event_loader.h"
#include "render/prepared_dataset.h"

#include <QFutureWatcher>
#include <QObject>

namespace chronomap {

/// Runs DatasetLoader::load on a worker thread, reporting progress and accepting a cancel:
/// several files load as one dataset, hashed as they are read. With prepareWith(), the same
/// thread then prepares the loaded dataset for the views (PreparedDataset), so the GUI thread
/// only swaps it in. Emits finished() exactly once, on the GUI thread, with the result (also
/// when cancelled).
class LoadJob : public QObject {
    Q_OBJECT
public:
    explicit LoadJob(QString path, LoadOptions options = {}, QObject *parent = nullptr);
    explicit LoadJob(QStringList paths, LoadOptions options = {}, QObject *parent = nullptr);
    /// Cancels and waits for the loading thread, which may still report to this object
    /// (waiting()); a reader child is killed at once, so this is short.
    ~LoadJob() override;
    /// Prepare a successful load over `baseMap` (reusing `projected` when it projects it).
    /// Call before start().
    void prepareWith(std::shared_ptr<const BaseMap> baseMap, std::shared_ptr<const ProjectedBaseMap> projected)
    {
        m_baseMap = std::move(baseMap);
        m_projected = std::move(projected);
    }
    void start();
    void cancel();
    /// The first file.
    QString path() const { return m_paths.value(0); }
    const QStringList &paths() const { return m_paths; }
    /// The loaded dataset prepared for the views, once finished() is emitted (null without
    /// prepareWith(), or when the load gave no complete dataset).
    const std::shared_ptr<const PreparedDataset> &prepared() const { return m_prepared; }
    bool isRunning() const { return m_watcher.isRunning(); }

signals:
    /// `total` is -1 when the file does not tell how many records it holds.
    void progress(qint64 done, qint64 total);
    /// The reader has given no record for `seconds` (from 2 s on, each second); 0 once records
    /// arrive again. Emitted from the loading thread.
    void waiting(int seconds);
    void finished(const chronomap::LoadResult &result);

private:
    QStringList m_paths;
    LoadOptions m_options;
    struct Loaded {
        LoadResult result;
        std::shared_ptr<const PreparedDataset> prepared;
    };
    std::shared_ptr<const BaseMap> m_baseMap;
    std::shared_ptr<const ProjectedBaseMap> m_projected;
    std::shared_ptr<const PreparedDataset> m_prepared;
    QFutureWatcher<Loaded> m_watcher;
};

} // namespace chronomap
