// SPDX-License-Identifier: GPL-3.0-or-later
#include "main_window.h"

#include "event_panel.h"
#include "event_table_model.h"
#include "export_dialog.h"
#include "load_job.h"
#include "map_style.h"
#include "map_view.h"
#include "playback_bar.h"
#include "playback_controller.h"
#include "problems_panel.h"
#include "region_panel.h"
#include "timeline_view.h"

#include "data_paths.h"

#include <QActionGroup>
#include <QDateTime>
#include <QApplication>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QStatusBar>
#include <QTableView>
#include <QVBoxLayout>

namespace chronomap {

MainWindow::MainWindow(QWidget *parent) : QMainWindow(parent)
{
    setWindowTitle(tr("Chronomap"));
    loadBundledFonts();
    m_state = new ViewState(this);
    if (QLocale().language() == QLocale::Spanish) m_state->setLanguage(QStringLiteral("es"));
    m_map = new MapView(m_state, this);
    setCentralWidget(m_map);
    m_regionPanel = new RegionPanel(m_state, this);
    m_eventPanel = new EventPanel(m_state, this);
    m_timeline = new TimelineView(m_state, this);
    m_playback = new PlaybackController(m_state, PlaybackController::Clock::Timer, this);
    createMenus();

    m_model = new EventTableModel(this);
    m_table = new QTableView(this);
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_table->setAccessibleName(tr("All events"));
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &index) {
        if (index.isValid()) m_state->setSelectedEvent(m_model->eventAt(index.row()));
    });
    connect(m_state, &ViewState::selectedEventChanged, this, [this](EventStore::Index event) {
        for (int row = 0; row < m_model->rowCount(); ++row) {
            if (m_model->eventAt(row) != event) continue;
            QSignalBlocker block(m_table->selectionModel());
            m_table->selectRow(row);
            m_table->scrollTo(m_model->index(row, 0));
            return;
        }
        m_table->clearSelection();
    });

    m_problems = new ProblemsPanel(this);
    QDockWidget *regionDock =
        addDock(tr("Region"), QStringLiteral("regionDock"), m_regionPanel, Qt::RightDockWidgetArea);
    addDock(tr("Event"), QStringLiteral("eventDock"), m_eventPanel, Qt::RightDockWidgetArea);
    QDockWidget *timelineDock =
        addDock(tr("Timeline"), QStringLiteral("timelineDock"), createTimelinePane(), Qt::BottomDockWidgetArea);
    QDockWidget *tableDock = addDock(tr("All events"), QStringLiteral("eventsDock"), m_table, Qt::BottomDockWidgetArea);
    QDockWidget *problemsDock =
        addDock(tr("Problems"), QStringLiteral("problemsDock"), m_problems, Qt::BottomDockWidgetArea);
    // The timeline spans the bottom under the map; the table and problems share a tab beside it.
    splitDockWidget(timelineDock, tableDock, Qt::Horizontal);
    tabifyDockWidget(tableDock, problemsDock);
    tableDock->raise();
    resizeDocks({regionDock}, {440}, Qt::Horizontal);
    resizeDocks({timelineDock, tableDock}, {900, 440}, Qt::Horizontal);
    resizeDocks({timelineDock}, {280}, Qt::Vertical);

    m_count = new QLabel(this);
    m_window = new QLabel(this);
    m_window->setAccessibleName(tr("Time window"));
    connect(m_state, &ViewState::timeWindowChanged, this, &MainWindow::showTimeWindow);
    m_progress = new QProgressBar(this);
    m_progress->setMaximumWidth(240);
    m_progress->hide();
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->hide();
    statusBar()->addWidget(m_count);
    statusBar()->addWidget(m_window, 1);
    statusBar()->addPermanentWidget(m_progress);
    statusBar()->addPermanentWidget(m_cancel);
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        if (m_job) m_job->cancel();
    });

    resize(1440, 900);
    loadBaseMap();
}

QDockWidget *MainWindow::addDock(const QString &title, const QString &objectName, QWidget *widget,
                                 Qt::DockWidgetArea area)
{
    auto *dock = new QDockWidget(title, this);
    dock->setObjectName(objectName);
    dock->setWidget(widget);
    addDockWidget(area, dock);
    m_viewMenu->addAction(dock->toggleViewAction());
    return dock;
}

QWidget *MainWindow::createTimelinePane()
{
    auto *pane = new QWidget(this);
    auto *layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(new PlaybackBar(m_playback, pane));
    layout->addWidget(m_timeline, 1);
    return pane;
}

void MainWindow::showTimeWindow()
{
    const auto window = m_state->timeWindow();
    if (!window) {
        m_window->setText(tr("All dates"));
        return;
    }
    const auto day = [](qint64 ms) { return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(u"yyyy-MM-dd"); };
    // The window is half-open: its last day is the one before `toMs`.
    m_window->setText(tr("Showing %1 to %2 (%n event(s))", nullptr, int(m_state->visibleEvents().size()))
                          .arg(day(window->fromMs), day(window->toMs - 1)));
}

void MainWindow::loadBaseMap()
{
    IssueList issues;
    m_baseMap = BaseMap::load(DataPaths::baseMap(), &issues);
    m_problems->addIssues(issues);
}

MainWindow::~MainWindow() = default;

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Open…"), QKeySequence::Open, this, &MainWindow::chooseFile);
    file->addAction(tr("&Export Snapshot…"), QKeySequence(Qt::CTRL | Qt::Key_E), this,
                    [this] { ExportDialog::showFor(this); });
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, qApp, &QApplication::closeAllWindows);
    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(tr("&Zoom to Data"), QKeySequence(Qt::CTRL | Qt::Key_0), m_map, &MapView::zoomToData);
    view->addSeparator();
    auto *modes = new QActionGroup(this);
    QAction *markers = view->addAction(tr("&Markers"));
    QAction *choropleth = view->addAction(tr("&Choropleth (events per region)"));
    for (QAction *a : {markers, choropleth}) {
        a->setCheckable(true);
        modes->addAction(a);
    }
    markers->setChecked(true);
    connect(markers, &QAction::triggered, this, [this] { m_state->setMapMode(MapMode::Markers); });
    connect(choropleth, &QAction::triggered, this, [this] { m_state->setMapMode(MapMode::Choropleth); });
    QMenu *time = menuBar()->addMenu(tr("&Time"));
    time->addAction(tr("&Play / Pause"), QKeySequence(Qt::CTRL | Qt::Key_Space), m_playback,
                    &PlaybackController::toggle);
    time->addAction(tr("&Step Forward"), QKeySequence(Qt::CTRL | Qt::Key_Period), m_playback,
                    [this] { m_playback->advance(); });
    time->addAction(tr("&Clear Time Window"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A), this,
                    [this] { m_state->setTimeWindow(std::nullopt); });
    time->addSeparator();
    time->addAction(tr("Zoom Timeline &In"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Plus), m_timeline,
                    &TimelineView::zoomIn);
    time->addAction(tr("Zoom Timeline &Out"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Minus), m_timeline,
                    &TimelineView::zoomOut);
    time->addAction(tr("&Fit Timeline to Data"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_0), m_timeline,
                    &TimelineView::fitAll);
    QMenu *language = view->addMenu(tr("&Data Language"));
    auto *languages = new QActionGroup(this);
    for (const auto &[label, code] :
         {std::pair{tr("English"), QString()}, std::pair{tr("Español"), QStringLiteral("es")}}) {
        QAction *a = language->addAction(label);
        a->setCheckable(true);
        a->setChecked(m_state->language() == code);
        languages->addAction(a);
        connect(a, &QAction::triggered, this, [this, code] { m_state->setLanguage(code); });
    }
    view->addSeparator();
    m_viewMenu = view->addMenu(tr("&Panels"));
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Chronomap"), this, &MainWindow::showAbout);
}

void MainWindow::chooseFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open events"), QFileInfo(m_currentFile).absolutePath(),
                                                      tr("Event data (*.geojson *.json *.geojsonl *.csv *.gpkg *.kml "
                                                         "*.xlsx *.ods *.fgb *.shp *.gpx);;All files (*)"));
    if (!path.isEmpty()) openFile(path);
}

void MainWindow::openFile(const QString &path)
{
    if (m_job) m_job->cancel();
    auto *job = new LoadJob(path, {}, this);
    m_job = job;
    m_progress->setRange(0, 0);
    m_progress->show();
    m_cancel->show();
    statusBar()->showMessage(tr("Loading %1…").arg(QFileInfo(path).fileName()));
    connect(job, &LoadJob::progress, this, [this](qint64 done, qint64 total) {
        m_progress->setRange(0, int(total));
        m_progress->setValue(int(done));
    });
    connect(job, &LoadJob::finished, this, [this, job](const LoadResult &result) {
        if (m_job == job) {
            m_job = nullptr;
            onLoaded(result, job->path());
        }
        job->deleteLater();
    });
    job->start();
}

void MainWindow::onLoaded(const LoadResult &result, const QString &path)
{
    m_progress->hide();
    m_cancel->hide();
    statusBar()->clearMessage();
    m_problems->addIssues(result.issues);
    if (result.cancelled) {
        statusBar()->showMessage(tr("Loading %1 cancelled").arg(QFileInfo(path).fileName()), 5000);
        emit loadFinished(false);
        return;
    }
    if (result.store->isEmpty()) {
        // Keep what is on screen: a file that gave nothing must not cost the user their view.
        QString reason;
        for (const Issue &issue : result.issues)
            if (issue.severity == Issue::Severity::Fatal) reason = issue.message;
        QMessageBox::warning(this, tr("Cannot open file"), tr("%1\n\n%2").arg(path, reason));
        emit loadFinished(false);
        return;
    }
    m_store = result.store;
    m_currentFile = path;
    m_state->setDataset(Dataset::make(path, m_store, m_baseMap));
    EventStore::IndexList all(size_t(m_store->size()));
    std::iota(all.begin(), all.end(), 0);
    m_model->setEvents(m_store, std::move(all));
    m_table->resizeColumnsToContents();
    setWindowTitle(tr("%1 — Chronomap").arg(QFileInfo(path).fileName()));
    const qsizetype skipped = result.count(Issue::Severity::Skipped);
    m_count->setText(skipped ? tr("%n event(s)", nullptr, int(m_store->size())) +
                                   tr(", %n record(s) skipped", nullptr, int(skipped))
                             : tr("%n event(s)", nullptr, int(m_store->size())));
    showTimeWindow();
    emit loadFinished(true);
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Chronomap"),
                       tr("<h3>Chronomap %1</h3><p>A timeline and map viewer for curated event records.</p>"
                          "<p>Base map: Made with Natural Earth (public domain).</p>")
                           .arg(QStringLiteral(CHRONOMAP_VERSION)));
}

} // namespace chronomap
