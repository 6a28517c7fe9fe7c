// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/io/event_loader.h"
#include "core/view/view_state.h"
#include "render/prepared_dataset.h"

#include <QMainWindow>

#include <memory>

class QDockWidget;
class QLabel;
class QProgressBar;
class QPushButton;
class QTableView;

namespace chronomap {

class AppSettings;
class BriefingDocument;
class BriefingFiles;
class BriefingPanel;
class BriefingPresenter;
class EventPanel;
class EventTableModel;
class FilterBar;
class LiveSession;
class LoadJob;
class MapView;
class PlaybackController;
struct ProjectedBaseMap;
class ProblemsPanel;
class RegionPanel;
class TimelineView;

/// The application window: the events of the open dataset, the problems found loading it, and
/// the file actions. Loading runs on a worker thread; a failed load keeps what is on screen.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Starts loading `path` in the background; the current dataset stays until it succeeds.
    void openFile(const QString &path);
    /// Loads several files as layers of one dataset (ids kept unique, see EventLayers).
    /// `databasePassword`: typed for a database source (File → Open Database…), handed to the
    /// reader child alone (LoadOptions::databasePassword) and kept in memory for File → Reload.
    void openFiles(const QStringList &paths, const QString &databasePassword = {});
    /// File → Open Database…: asks for a PostGIS table (OpenDatabaseDialog) and opens it.
    void chooseDatabase();
    /// Loads the open files again (File → Reload).
    void reload();
    QStringList currentFiles() const { return m_currentFiles; }
    QStringList recentFiles() const { return m_recentFiles; }
    /// Reads the application settings (window layout, language, map mode, recent files) and
    /// keeps them from now on; a broken settings file is reported in the problems panel and
    /// reset. Returns the files that were open at the end of the last session (existing ones).
    /// `settings` may be given when read before the window (for its language); else read here.
    QStringList restoreSettings(std::unique_ptr<AppSettings> settings = nullptr);
    /// Switches the user interface (and with it the data) language: "en" or "es".
    void setUiLanguage(const QString &code);
    /// Help → Keyboard Shortcuts, non-modal.
    void showShortcuts();
    QTableView *eventTable() const { return m_table; }
    /// The line above the "All events" table (live mode: whose events, how many of how many).
    QString eventTableNote() const;
    ProblemsPanel *problemsPanel() const { return m_problems; }
    std::shared_ptr<const EventStore> store() const { return m_store; }
    QString currentFile() const { return m_currentFile; }
    ViewState *viewState() const { return m_state; }
    MapView *mapView() const { return m_map; }
    RegionPanel *regionPanel() const { return m_regionPanel; }
    EventPanel *eventPanel() const { return m_eventPanel; }
    TimelineView *timelineView() const { return m_timeline; }
    PlaybackController *playback() const { return m_playback; }
    BriefingDocument *briefing() const { return m_briefing; }
    BriefingPanel *briefingPanel() const { return m_briefingPanel; }
    BriefingPresenter *briefingPresenter() const { return m_presenter; }
    BriefingFiles *briefingFiles() const { return m_briefingFiles; }
    /// The table browsed live (a database over LiveSession::threshold() rows), else null.
    LiveSession *liveSession() const { return m_live; }
    /// The status bar's count ("Live from database: N rows" in live mode).
    QString countText() const;

signals:
    /// Emitted after each load, successful or not.
    void loadFinished(bool succeeded);

protected:
    void changeEvent(QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void retranslate();
    void saveSettings();
    void rememberFiles(const QStringList &paths);
    void exportEvents();
    void createMenus();
    void chooseFile();
    void showAbout();
    /// File → Export Snapshot: a non-modal dialog for the view, deleted on close.
    void showExportDialog();
    /// File → Export Animation: the playback as a video or a GIF, a non-modal dialog.
    void showAnimationDialog();
    /// Loads `paths` whole on the reader (LoadJob).
    void loadFiles(const QStringList &paths, const QString &databasePassword);
    /// A database source: asks its size first (LiveSession); a large table is browsed live
    /// (showLive), a small one, or one that cannot be browsed, loads whole (loadFiles).
    void openDatabase(const QString &source, const QString &databasePassword);
    /// Shows the table of `session` live: the base map with the database's bins over it.
    void showLive(LiveSession *session, const QString &source);
    /// Leaves live mode (another dataset is shown).
    void endLive();
    /// Disables, with a tooltip saying why, the map styles live mode does not draw (or enables them).
    void showLiveMenus();
    void onLoaded(const LoadResult &result, const QStringList &paths, std::shared_ptr<const PreparedDataset> prepared);
    /// Shows `store` (already `prepared` by the load, or prepared here when null).
    void showDataset(std::shared_ptr<const EventStore> store, const QStringList &paths, const QString &sha256,
                     qsizetype skipped, std::shared_ptr<const PreparedDataset> prepared = nullptr);
    void loadBaseMap();
    QWidget *createTimelinePane();
    void showTimeWindow();
    void showCount();
    /// Lists in the "All events" table the events passing the filters but the time window (live
    /// mode: the view's events the database sent, showLiveTableEvents).
    void showTableEvents();
    void showLiveTableEvents();
    /// A row of the table chosen: its event selected (live mode: asked for by id).
    void chooseTableRow(int row);
    /// The Event panel in front.
    void raiseEventDock();
    void selectTableRow(EventStore::Index event);
    /// The Briefing panel, its files and present mode (issue 17).
    void createBriefing();
    void addBriefingMenus(QMenu *file, QMenu *edit);
    void addPresentActions(QMenu *view);
    /// File → Briefing → Export as PDF: a non-modal dialog, deleted on close.
    void showBriefingExportDialog();
    void showIssues(const IssueList &issues, const QString &summary);
    QDockWidget *addDock(const QString &title, const QString &objectName, QWidget *widget, Qt::DockWidgetArea area);

    ViewState *m_state = nullptr;
    std::shared_ptr<const BaseMap> m_baseMap;
    std::shared_ptr<const ProjectedBaseMap> m_projectedBaseMap; ///< of m_baseMap, shared by every dataset
    MapView *m_map = nullptr;
    RegionPanel *m_regionPanel = nullptr;
    EventPanel *m_eventPanel = nullptr;
    TimelineView *m_timeline = nullptr;
    PlaybackController *m_playback = nullptr;
    FilterBar *m_filterBar = nullptr;
    QLabel *m_window = nullptr;
    QMenu *m_viewMenu = nullptr;
    std::shared_ptr<const EventStore> m_store;
    QString m_currentFile;
    QStringList m_currentFiles;
    QStringList m_recentFiles;
    QString m_databasePassword; ///< of the last source opened; memory only, never saved
    std::unique_ptr<AppSettings> m_settings;
    EventTableModel *m_model = nullptr;
    QTableView *m_table = nullptr;
    QLabel *m_tableNote = nullptr;
    ProblemsPanel *m_problems = nullptr;
    QProgressBar *m_progress = nullptr;
    QPushButton *m_cancel = nullptr;
    QLabel *m_count = nullptr;
    qsizetype m_skipped = 0; ///< records the last load skipped
    LoadJob *m_job = nullptr;
    LiveSession *m_probe = nullptr; ///< a database being asked its size
    LiveSession *m_live = nullptr;  ///< the table browsed live
    BriefingDocument *m_briefing = nullptr;
    BriefingPanel *m_briefingPanel = nullptr;
    BriefingPresenter *m_presenter = nullptr;
    BriefingFiles *m_briefingFiles = nullptr;
};

} // namespace chronomap
