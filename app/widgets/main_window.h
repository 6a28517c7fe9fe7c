// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "io/event_loader.h"

#include <QMainWindow>

#include <memory>

class QLabel;
class QProgressBar;
class QPushButton;
class QTableView;

namespace chronomap {

class EventTableModel;
class LoadJob;
class ProblemsPanel;

/// The application window: the events of the open dataset, the problems found loading it, and
/// the file actions. Loading runs on a worker thread; a failed load keeps what is on screen.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Starts loading `path` in the background; the current dataset stays until it succeeds.
    void openFile(const QString &path);
    std::shared_ptr<const EventStore> store() const { return m_store; }
    QString currentFile() const { return m_currentFile; }

signals:
    /// Emitted after each load, successful or not.
    void loadFinished(bool succeeded);

private:
    void createMenus();
    void chooseFile();
    void showAbout();
    void onLoaded(const LoadResult &result, const QString &path);

    std::shared_ptr<const EventStore> m_store;
    QString m_currentFile;
    EventTableModel *m_model = nullptr;
    QTableView *m_table = nullptr;
    ProblemsPanel *m_problems = nullptr;
    QProgressBar *m_progress = nullptr;
    QPushButton *m_cancel = nullptr;
    QLabel *m_count = nullptr;
    LoadJob *m_job = nullptr;
};

} // namespace chronomap
