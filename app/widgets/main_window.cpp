// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/main_window.h"

#include "widgets/about_text.h"
#include "widgets/briefing_files.h"
#include "widgets/briefing_panel.h"
#include "widgets/briefing_presenter.h"
#include "widgets/app_settings.h"
#include "widgets/event_export.h"
#include "widgets/event_panel.h"
#include "widgets/event_table_model.h"
#include "widgets/export_dialog.h"
#include "widgets/filter_bar.h"
#include "widgets/import_mapping_dialog.h"
#include "widgets/open_database_dialog.h"
#include "widgets/live_session.h"
#include "widgets/load_job.h"
#include "render/map/base_map_cache.h"
#include "render/map/map_style.h"
#include "render/prepared_dataset.h"
#include "widgets/map_view.h"
#include "widgets/animation_dialog.h"
#include "widgets/playback_bar.h"
#include "widgets/playback_controller.h"
#include "widgets/problems_panel.h"
#include "widgets/recent_files_menu.h"
#include "widgets/region_panel.h"
#include "widgets/shortcuts_dialog.h"
#include "widgets/timeline_view.h"
#include "core/io/database_source.h"
#include "core/ui_language.h"

#include "core/data_paths.h"

#include <QActionGroup>

#include <climits>
#include <numeric>
#include <QDateTime>
#include <QApplication>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMenuBar>
#include <QMimeData>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QCloseEvent>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QStatusBar>
#include <QTableView>
#include <QVBoxLayout>

namespace chronomap {

MainWindow::MainWindow(QWidget *parent) : QMainWindow(parent)
{
    setWindowTitle(tr("Chronomap"));
    loadBundledFonts();
    m_state = new ViewState(this);
    m_state->setLanguage(UiLanguage::dataLanguage(UiLanguage::current()));
    setAcceptDrops(true); // dropped files open as a dataset
    m_map = new MapView(m_state, this);
    setCentralWidget(m_map);
    m_regionPanel = new RegionPanel(m_state, this);
    m_eventPanel = new EventPanel(m_state, this);
    m_timeline = new TimelineView(m_state, this);
    m_playback = new PlaybackController(m_state, PlaybackController::Clock::Timer, this);
    m_filterBar = new FilterBar(m_state, this); // before the menus: Edit → Find… is its action
    m_problems = new ProblemsPanel(this);
    createBriefing(); // before the menus too: they hold its undo, redo and file actions
    createMenus();
    addToolBar(Qt::TopToolBarArea, m_filterBar);

    m_model = new EventTableModel(this);
    m_model->setLanguage(m_state->language()); // titles in the data language, as on the map
    connect(m_state, &ViewState::languageChanged, m_model, &EventTableModel::setLanguage);
    m_table = new QTableView(this);
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_table->setWordWrap(false); // rows are one line high: elide, never cut a second line in half
    m_table->setAccessibleName(tr("All events"));
    m_table->setAccessibleDescription(tr("The events passing the filters, whatever the time window, in time order. "
                                         "Enter shows the selected event."));
    connect(m_table, &QTableView::activated, this, [this](const QModelIndex &index) {
        if (!index.isValid()) return;
        chooseTableRow(index.row());
        raiseEventDock();
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &index) {
        if (index.isValid()) chooseTableRow(index.row());
    });
    m_tableNote = new QLabel(this);
    m_tableNote->setWordWrap(true);
    m_tableNote->hide();
    auto *tablePane = new QWidget(this);
    auto *tableLayout = new QVBoxLayout(tablePane);
    tableLayout->setContentsMargins(0, 0, 0, 0);
    tableLayout->setSpacing(2);
    tableLayout->addWidget(m_tableNote);
    tableLayout->addWidget(m_table, 1);
    connect(m_state, &ViewState::selectedEventChanged, this, &MainWindow::selectTableRow);
    connect(m_state, &ViewState::datasetChanged, this, &MainWindow::showTableEvents);
    connect(m_state, &ViewState::filterChanged, this, &MainWindow::showTableEvents);

    QDockWidget *regionDock =
        addDock(tr("Region"), QStringLiteral("regionDock"), m_regionPanel, Qt::RightDockWidgetArea);
    QDockWidget *eventDock = addDock(tr("Event"), QStringLiteral("eventDock"), m_eventPanel, Qt::RightDockWidgetArea);
    // The briefing's form scrolls: unscrolled, its ~400 px of fields set the height of the tab it
    // shares with the event, and left the region list above them about two rows.
    auto *briefingScroll = new QScrollArea(this);
    briefingScroll->setObjectName(QStringLiteral("briefingScroll"));
    briefingScroll->setWidget(m_briefingPanel);
    briefingScroll->setWidgetResizable(true);
    briefingScroll->setFrameShape(QFrame::NoFrame);
    QDockWidget *briefingDock =
        addDock(tr("Briefing"), QStringLiteral("briefingDock"), briefingScroll, Qt::RightDockWidgetArea);
    tabifyDockWidget(eventDock, briefingDock); // a tab beside the event: the map keeps its width
    eventDock->raise();
    // A click on a cluster or bin lists its events in the region panel, which offers to zoom.
    connect(m_map, &MapView::groupClicked, this, [this, regionDock](const EventStore::IndexList &events, MarkStyle s) {
        m_regionPanel->showGroup(events, s);
        regionDock->show();
        regionDock->raise();
    });
    connect(m_regionPanel, &RegionPanel::zoomToEventsRequested, m_map, &MapView::zoomToEvents);
    QDockWidget *timelineDock =
        addDock(tr("Timeline"), QStringLiteral("timelineDock"), createTimelinePane(), Qt::BottomDockWidgetArea);
    QDockWidget *tableDock =
        addDock(tr("All events"), QStringLiteral("eventsDock"), tablePane, Qt::BottomDockWidgetArea);
    QDockWidget *problemsDock =
        addDock(tr("Problems"), QStringLiteral("problemsDock"), m_problems, Qt::BottomDockWidgetArea);
    // The timeline spans the bottom under the map; the table and problems share a tab beside it.
    splitDockWidget(timelineDock, tableDock, Qt::Horizontal);
    tabifyDockWidget(tableDock, problemsDock);
    tableDock->raise();
    resizeDocks({regionDock}, {440}, Qt::Horizontal);
    resizeDocks({regionDock, eventDock}, {260, 400}, Qt::Vertical); // the event's claims need room
    resizeDocks({timelineDock, tableDock}, {900, 440}, Qt::Horizontal);
    resizeDocks({timelineDock}, {280}, Qt::Vertical);

    m_count = new QLabel(this);
    m_count->setObjectName(QStringLiteral("eventCount"));
    connect(m_state, &ViewState::changed, this, &MainWindow::showCount);
    m_window = new QLabel(this);
    m_window->setAccessibleName(tr("Time window"));
    connect(m_state, &ViewState::filterChanged, this, &MainWindow::showTimeWindow); // its count follows filters
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
    auto *bar = new PlaybackBar(m_playback, pane);
    bar->addTrailingWidget(m_timeline->regionButton()); // beside the controls: the lanes keep their height
    layout->addWidget(bar);
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
    if (m_live) { // the events stay in the database: no count here
        m_window->setText(tr("Showing %1 to %2").arg(day(window->fromMs), day(window->toMs - 1)));
        return;
    }
    m_window->setText(tr("Showing %1 to %2 (%n event(s))", nullptr, int(m_state->visibleEvents().size()))
                          .arg(day(window->fromMs), day(window->toMs - 1)));
}

void MainWindow::showCount()
{
    m_count->setText(countText());
}

QString MainWindow::countText() const
{
    // A table browsed live: its rows (the planner's estimate), none of them loaded.
    if (m_live) return tr("Live from database: %Ln row(s)", nullptr, int(std::min<qint64>(m_live->rows(), INT_MAX)));
    // How many events pass the filters, of how many the dataset holds.
    const qsizetype total = m_store ? m_store->size() : 0;
    QString text = tr("%1 of %n event(s)", nullptr, int(total)).arg(m_state->visibleEvents().size());
    if (m_skipped) text += tr(", %n record(s) skipped", nullptr, int(m_skipped));
    return text;
}

void MainWindow::raiseEventDock()
{
    if (auto *dock = findChild<QDockWidget *>(QStringLiteral("eventDock"))) {
        dock->show();
        dock->raise();
    }
}

void MainWindow::chooseTableRow(int row)
{
    if (!m_live) {
        m_state->setSelectedEvent(m_model->eventAt(row));
    } else if (m_model->store()) {
        m_live->selectEvent(m_model->store()->id(m_model->eventAt(row)));
    }
}

QString MainWindow::eventTableNote() const
{
    return m_tableNote->isVisible() ? m_tableNote->text() : QString();
}

void MainWindow::showLiveTableEvents()
{
    const LiveEvents &events = m_live->viewEvents();
    EventStore::IndexList rows(size_t(events.store ? events.store->size() : 0));
    std::iota(rows.begin(), rows.end(), 0); // the database's order: by date
    const qint64 total = std::max<qint64>(events.total, qint64(rows.size()));
    const QString shown = QLocale().toString(qint64(rows.size()));
    m_tableNote->setText(total > qint64(rows.size())
                             ? tr("The events in view, from the database: the first %1 of %Ln by date", nullptr,
                                  int(std::min<qint64>(total, INT_MAX)))
                                   .arg(shown)
                             : tr("%n event(s) in view, from the database", nullptr, int(rows.size())));
    m_tableNote->show();
    const bool wasEmpty = m_model->rowCount() == 0;
    m_model->setEvents(events.store, std::move(rows));
    if (wasEmpty) m_table->resizeColumnsToContents(); // once: the columns then stay put while browsing
}

void MainWindow::showTableEvents()
{
    if (m_live) return; // the database's answers (showLiveTableEvents)
    const auto dataset = m_state->dataset();
    std::shared_ptr<const EventStore> store = dataset ? dataset->events : nullptr;
    EventStore::IndexList events = store ? m_state->eventsIgnoringWindow() : EventStore::IndexList{};
    // Playback moves only the window: the table stays as it is, scroll position and all.
    if (store == m_model->store() && events == m_model->events()) return;
    m_model->setEvents(std::move(store), std::move(events));
    selectTableRow(m_state->selectedEvent());
}

void MainWindow::selectTableRow(EventStore::Index event)
{
    const auto &events = m_model->events();
    const auto it = std::lower_bound(events.begin(), events.end(), event); // index order is time order
    QSignalBlocker block(m_table->selectionModel());
    if (event < 0 || it == events.end() || *it != event) {
        m_table->clearSelection();
        return;
    }
    const int row = int(it - events.begin());
    m_table->selectRow(row);
    m_table->scrollTo(m_model->index(row, 0));
}

void MainWindow::loadBaseMap()
{
    IssueList issues;
    const LoadedBaseMap loaded = BaseMapCache::load(DataPaths::baseMap(), &issues);
    m_baseMap = loaded.baseMap;
    m_projectedBaseMap = loaded.projected;
    m_problems->addIssues(issues);
}

MainWindow::~MainWindow() = default;

void MainWindow::createMenus()
{
    // Also called again on a language change: the menus are rebuilt in the new language.
    for (QAction *a : menuBar()->actions())
        if (QMenu *menu = a->menu()) {
            menu->setParent(nullptr); // out of findChild's reach at once; deleted when idle
            menu->deleteLater();
        }
    menuBar()->clear();
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Open…"), QKeySequence::Open, this, &MainWindow::chooseFile);
    file->addAction(tr("Open &Database…"), this, &MainWindow::chooseDatabase)
        ->setObjectName(QStringLiteral("openDatabase"));
    auto *recent = new RecentFilesMenu(file);
    recent->setFiles(m_recentFiles);
    file->addMenu(recent);
    connect(recent, &RecentFilesMenu::fileChosen, this, &MainWindow::openFile);
    connect(recent, &RecentFilesMenu::clearRequested, this, [this, recent] {
        m_recentFiles.clear();
        recent->setFiles({});
        if (m_settings) m_settings->setRecentFiles({});
    });
    // Ctrl+R, not the platform's Refresh (F5): F5 presents a briefing, as in slide programs.
    file->addAction(tr("&Reload"), QKeySequence(Qt::CTRL | Qt::Key_R), this, &MainWindow::reload);
    file->addSeparator();
    file->addAction(tr("&Export Snapshot…"), QKeySequence(Qt::CTRL | Qt::Key_E), this, [this] { showExportDialog(); });
    // Ctrl+Shift+A is Time → Clear Time Window already: the animation sits beside the snapshot.
    file->addAction(tr("Export &Animation…"), QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_E), this,
                    [this] { showAnimationDialog(); });
    file->addAction(tr("Export E&vents…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E), this,
                    &MainWindow::exportEvents);
    file->addSeparator();
    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(m_filterBar->findAction()); // Ctrl+F: the filter bar's search field
    QMenu *view = menuBar()->addMenu(tr("&View"));
    addBriefingMenus(file, edit);
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, qApp, &QApplication::closeAllWindows);
    view->addAction(tr("&Zoom to Data"), QKeySequence(Qt::CTRL | Qt::Key_0), m_map, &MapView::zoomToData);
    view->addSeparator();
    auto *modes = new QActionGroup(view);
    QAction *markers = view->addAction(tr("&Markers"));
    QAction *choropleth = view->addAction(tr("&Choropleth (events per region)"));
    choropleth->setObjectName(QStringLiteral("choropleth"));
    view->setToolTipsVisible(true); // why a choice is disabled in live mode
    for (QAction *a : {markers, choropleth}) {
        a->setCheckable(true);
        modes->addAction(a);
    }
    markers->setChecked(m_state->mapMode() == MapMode::Markers);
    choropleth->setChecked(m_state->mapMode() == MapMode::Choropleth && !m_state->choroplethFigure());
    connect(markers, &QAction::triggered, this, [this] { m_state->setMapMode(MapMode::Markers); });
    connect(choropleth, &QAction::triggered, this, [this] {
        m_state->setChoroplethFigure({});
        m_state->setMapMode(MapMode::Choropleth);
    });
    // How many point events are drawn: markers, clusters, hexagon bins or heat.
    QMenu *styles = view->addMenu(tr("Map &Style"));
    styles->setObjectName(QStringLiteral("mapStyles"));
    auto *styleGroup = new QActionGroup(styles);
    const std::pair<MarkStyle, QString> styleNames[] = {{MarkStyle::Auto, tr("&Auto")},
                                                        {MarkStyle::Markers, tr("&Markers")},
                                                        {MarkStyle::Clusters, tr("&Clusters")},
                                                        {MarkStyle::HexBins, tr("&Hexagon bins")},
                                                        {MarkStyle::Heat, tr("H&eat")}};
    for (const auto &[style, name] : styleNames) {
        QAction *a = styles->addAction(name);
        a->setObjectName(QStringLiteral("mapStyle.") + markStyleName(style));
        a->setCheckable(true);
        a->setChecked(m_state->markStyle() == style);
        styleGroup->addAction(a);
        connect(a, &QAction::triggered, this, [this, style = style] { m_state->setMarkStyle(style); });
    }
    styles->addSeparator();
    QAction *byCategory = styles->addAction(tr("Hexagon Bins by Dominant &Category"));
    byCategory->setObjectName(QStringLiteral("hexBinsByCategory"));
    byCategory->setCheckable(true);
    byCategory->setChecked(m_state->hexBinsByCategory());
    connect(byCategory, &QAction::toggled, this, [this](bool on) { m_state->setHexBinsByCategory(on); });
    // Sums of a figure (ACLED's fatalities, UCDP's estimates) per region, when the data has figures.
    QMenu *figures = view->addMenu(tr("Choropleth (&sum of a figure per region)"));
    figures->setObjectName(QStringLiteral("choroplethFigures"));
    // The quantities are decoded from every event's claims: once per dataset, when the menu first opens.
    auto known = std::make_shared<std::pair<std::weak_ptr<const EventStore>, QStringList>>();
    connect(figures, &QMenu::aboutToShow, this, [this, figures, modes, known] {
        figures->clear();
        if (known->first.lock() != m_store)
            *known = {m_store, m_store ? FigureValues::quantities(*m_store) : QStringList()};
        const QStringList &quantities = known->second;
        if (quantities.isEmpty()) figures->addAction(tr("No figures in the data"))->setEnabled(false);
        for (const QString &quantity : quantities) {
            QAction *a = figures->addAction(quantity);
            a->setCheckable(true);
            a->setChecked(m_state->mapMode() == MapMode::Choropleth && m_state->choroplethFigure() &&
                          m_state->choroplethFigure()->quantity() == quantity);
            modes->addAction(a);
            connect(a, &QAction::triggered, this, [this, quantity] {
                m_state->setChoroplethFigure(quantity);
                m_state->setMapMode(MapMode::Choropleth);
            });
        }
    });
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
    // The user interface and the records' text follow one language; each named in itself.
    QMenu *language = view->addMenu(tr("&Language"));
    auto *languages = new QActionGroup(language);
    for (const auto &[label, code] : {std::pair{QStringLiteral("English"), QStringLiteral("en")},
                                      std::pair{QStringLiteral("Español"), QStringLiteral("es")}}) {
        QAction *a = language->addAction(label);
        a->setCheckable(true);
        a->setChecked(UiLanguage::current() == code);
        languages->addAction(a);
        connect(a, &QAction::triggered, this, [this, code = code] { setUiLanguage(code); });
    }
    addPresentActions(view);
    view->addSeparator();
    m_viewMenu = view->addMenu(tr("&Panels"));
    for (QDockWidget *dock : findChildren<QDockWidget *>(Qt::FindDirectChildrenOnly))
        m_viewMenu->addAction(dock->toggleViewAction()); // after a rebuild; addDock adds them at first
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&Keyboard Shortcuts"), QKeySequence(Qt::CTRL | Qt::Key_Slash), this,
                    &MainWindow::showShortcuts);
    help->addAction(tr("&About Chronomap"), this, &MainWindow::showAbout);
    showLiveMenus(); // a rebuild (language) keeps live mode's disabled styles
}

void MainWindow::chooseFile()
{
    // Several files chosen together open as layers of one dataset.
    const QStringList paths =
        QFileDialog::getOpenFileNames(this, tr("Open events"), QFileInfo(m_currentFile).absolutePath(),
                                      tr("Event data (*.geojson *.json *.geojsonl *.csv *.gpkg *.kml "
                                         "*.xlsx *.ods *.fgb *.shp *.gpx);;All files (*)"));
    if (!paths.isEmpty()) openFiles(paths);
}

void MainWindow::openFile(const QString &path)
{
    openFiles({path});
}

void MainWindow::chooseDatabase()
{
    std::optional<AppSettings> unrestored; // a window without restoreSettings() (tests) still remembers
    AppSettings &settings = m_settings ? *m_settings : unrestored.emplace();
    OpenDatabaseDialog dialog(&settings, this);
    if (dialog.exec() != QDialog::Accepted) return;
    dialog.remember(settings);
    settings.sync();
    openFiles({dialog.connectionString()}, dialog.password());
}

void MainWindow::openFiles(const QStringList &paths, const QString &databasePassword)
{
    if (paths.isEmpty()) return;
    if (paths.size() == 1 && DatabaseSource::isDatabase(paths.first()))
        openDatabase(paths.first(), databasePassword);
    else
        loadFiles(paths, databasePassword);
}

void MainWindow::openDatabase(const QString &source, const QString &databasePassword)
{
    if (m_job) m_job->cancel();
    if (m_probe) m_probe->deleteLater();
    // The typed password reaches libpq in the connection string, in this process's memory only.
    const QString connection = databasePassword.isEmpty()
                                   ? source
                                   : DatabaseSource::withOption(source, QStringLiteral("password"), databasePassword);
    auto *session = new LiveSession(connection, m_state, m_map, this);
    m_probe = session;
    statusBar()->showMessage(tr("Connecting to %1…").arg(Dataset::displayName(DatabaseSource::redacted(source))));
    const auto loadWhole = [this, session, source, databasePassword] {
        if (m_probe != session) return; // another source was opened since
        m_probe = nullptr;
        session->deleteLater();
        loadFiles({source}, databasePassword); // says why when it cannot be read either
    };
    QObject::connect(session, &LiveSession::opened, this,
                     [this, session, source, databasePassword, loadWhole](qint64 rows) {
                         if (m_probe != session || rows <= LiveSession::threshold()) return loadWhole();
                         m_probe = nullptr;
                         showLive(session, source);
                         m_databasePassword = databasePassword; // for Reload, in memory only
                     });
    QObject::connect(session, &LiveSession::failed, this, loadWhole);
}

void MainWindow::showLive(LiveSession *session, const QString &source)
{
    QObject::disconnect(session, nullptr, this, nullptr);
    showDataset(EventStoreBuilder().build(), {source}, {}, 0); // the base map, its regions; ends live mode
    m_live = session;
    m_regionPanel->setLive(true);
    m_eventPanel->setLive(true);
    m_filterBar->setLive(true);
    if (m_state->mapMode() == MapMode::Choropleth) m_state->setMapMode(MapMode::Markers);
    showLiveMenus();
    m_model->setEvents(nullptr, {});
    // Choosing an event (a marker, a row of a list, a related record) asks the database for it.
    connect(m_map, &MapView::liveEventClicked, session, &LiveSession::selectEvent);
    connect(m_regionPanel, &RegionPanel::liveEventChosen, session, &LiveSession::selectEvent);
    connect(m_eventPanel, &EventPanel::liveEventRequested, session, &LiveSession::selectEvent);
    connect(session, &LiveSession::selectedEventChanged, this, [this, session] {
        m_eventPanel->showLiveEvent(session->selectedEvent());
        if (session->selectedEvent()) raiseEventDock();
    });
    connect(session, &LiveSession::viewEventsChanged, this, &MainWindow::showLiveTableEvents);
    connect(session, &LiveSession::categoriesChanged, this, [this, session] {
        m_filterBar->setLiveCategories(session->categories());
        m_filterBar->setLiveProvenances(session->provenances());
    });
    // The timeline's columns follow its zoom: days, weeks, months or years.
    connect(m_timeline, &TimelineView::visibleRangeChanged, session,
            [this, session] { session->setTimelineScale(m_timeline->axis().msPerPx()); });
    session->setTimelineScale(m_timeline->axis().msPerPx());
    connect(session, &LiveSession::failed, this, [this, source](const QString &message) {
        // What is on screen stays; the next change of the view asks again.
        Issue issue;
        issue.file = DatabaseSource::redacted(source);
        issue.message = message;
        m_problems->addIssues({issue});
        statusBar()->showMessage(tr("Live from database: %1").arg(message), 10'000);
    });
    connect(session, &LiveSession::timelineChanged, this,
            [this, fitted = false](std::shared_ptr<const TimelinePeriodCounts> counts) mutable {
                if (!fitted && !counts->empty()) { // the table's time, once: then the user's
                    m_timeline->setVisibleRange({counts->front().fromMs, counts->back().toMs});
                    fitted = true;
                }
                m_timeline->setPeriodCounts(std::move(counts));
            });
    connect(session, &LiveSession::regionEventsChanged, this, [this, session](int region) {
        m_regionPanel->showLiveRegion(region, session->regionEvents().store, session->regionEvents().total);
    });
    statusBar()->clearMessage();
    showCount();
    showTimeWindow();
    session->follow();
    emit loadFinished(true);
}

void MainWindow::showLiveMenus()
{
    // Live, the map draws the database's density bins or, for a view of few events, markers:
    // the other styles and the choropleth would draw nothing of the table.
    const QString why = m_live ? tr("Not available for a table browsed live: the map draws the database's density "
                                    "bins, or markers when the view holds few events")
                               : QString();
    for (QMenu *menu :
         {findChild<QMenu *>(QStringLiteral("mapStyles")), findChild<QMenu *>(QStringLiteral("choroplethFigures"))})
        if (menu) {
            menu->menuAction()->setEnabled(!m_live);
            menu->menuAction()->setToolTip(why); // empty: the action's text, as before
        }
    if (auto *choropleth = findChild<QAction *>(QStringLiteral("choropleth"))) {
        choropleth->setEnabled(!m_live);
        choropleth->setToolTip(why);
    }
}

void MainWindow::endLive()
{
    if (!m_live) return;
    m_regionPanel->setLive(false);
    m_eventPanel->setLive(false);
    m_filterBar->setLive(false);
    m_tableNote->hide();
    m_live->deleteLater();
    m_live = nullptr;
    showLiveMenus();
    m_map->setLiveDensity(nullptr);
    m_map->setLiveEvents(nullptr); // the last view's markers too
    m_map->setLiveChosenEvent(nullptr);
    m_map->setLiveCategoryCounts(std::nullopt);
    m_timeline->setPeriodCounts(nullptr);
}

void MainWindow::loadFiles(const QStringList &paths, const QString &databasePassword)
{
    const QString path = paths.first();
    if (m_probe) { // a database still being asked its size: this source replaces it
        m_probe->deleteLater();
        m_probe = nullptr;
    }
    LoadOptions options;
    options.maxDatabaseRows = LiveSession::threshold(); // larger tables are browsed live
    options.databasePassword = databasePassword;
    if (m_baseMap) options.regions = m_baseMap->regions; // ACLED's admin1, UCDP's adm_1 by name
    for (const QString &p : paths) // a file with no known columns: ask how to read it, or open nothing
        if (!ImportMappingDialog::askIfNeeded(p, &options, m_settings.get(), this)) return;
    if (m_job) m_job->cancel();
    m_problems->withdrawOffer(); // the records of an earlier failed load are let go
    auto *job = new LoadJob(paths, options, this);
    job->prepareWith(m_baseMap, m_projectedBaseMap); // projected once, shared by every dataset
    m_job = job;
    m_progress->setRange(0, 0);
    m_progress->show();
    m_cancel->show();
    statusBar()->showMessage(paths.size() == 1 ? tr("Loading %1…").arg(Dataset::displayName(path))
                                               : tr("Loading %n file(s)…", nullptr, int(paths.size())));
    const QString loading = statusBar()->currentMessage();
    connect(job, &LoadJob::waiting, this, [this, loading](int seconds) {
        statusBar()->showMessage(seconds > 0 ? tr("Waiting for the file reader: no record for %n s", nullptr, seconds)
                                             : loading);
    });
    connect(job, &LoadJob::progress, this, [this](qint64 done, qint64 total) {
        m_progress->setRange(0, int(total));
        m_progress->setValue(int(done));
    });
    connect(job, &LoadJob::finished, this, [this, job, databasePassword](const LoadResult &result) {
        if (m_job == job) {
            m_job = nullptr;
            onLoaded(result, job->paths(), job->prepared());
            if (m_currentFiles == job->paths()) m_databasePassword = databasePassword; // for Reload
        }
        job->deleteLater();
    });
    job->start();
}

void MainWindow::onLoaded(const LoadResult &result, const QStringList &paths,
                          std::shared_ptr<const PreparedDataset> prepared)
{
    const QString path = paths.value(0);
    m_progress->hide();
    m_cancel->hide();
    statusBar()->clearMessage();
    m_problems->addIssues(result.issues);
    if (result.cancelled) {
        statusBar()->showMessage(tr("Loading %1 cancelled").arg(Dataset::displayName(path)), 5000);
        emit loadFinished(false);
        return;
    }
    if (result.partial) {
        // A file reader failed (crash, limit, watchdog): the view stays, the Problems panel says
        // why, and what was read before the failure is only shown if the user asks.
        if (auto *dock = findChild<QDockWidget *>(QStringLiteral("problemsDock"))) dock->raise();
        statusBar()->showMessage(tr("Could not read %1: see Problems").arg(Dataset::displayName(path)), 10000);
        if (!result.partial->isEmpty())
            m_problems->offerToKeep(
                path, result.partial->size(),
                [this, partial = result.partial, paths, sha256 = result.sha256,
                 skipped = result.count(Issue::Severity::Skipped)] { showDataset(partial, paths, sha256, skipped); });
        emit loadFinished(false);
        return;
    }
    if (result.store->isEmpty()) {
        // Keep what is on screen: a file that gave nothing must not cost the user their view.
        QString reason;
        for (const Issue &issue : result.issues)
            if (issue.severity == Issue::Severity::Fatal) reason = issue.message;
        QMessageBox::warning(this, tr("Cannot open file"), tr("%1\n\n%2").arg(paths.join(u'\n'), reason));
        emit loadFinished(false);
        return;
    }
    showDataset(result.store, paths, result.sha256, result.count(Issue::Severity::Skipped), std::move(prepared));
    emit loadFinished(true);
}

void MainWindow::showDataset(std::shared_ptr<const EventStore> store, const QStringList &paths, const QString &sha256,
                             qsizetype skipped, std::shared_ptr<const PreparedDataset> prepared)
{
    const QString path = paths.value(0);
    endLive();
    m_store = std::move(store);
    m_currentFile = path;
    m_currentFiles = paths;
    rememberFiles(paths);
    // Prepared on the loading thread; here only for records kept from a failed load. The base
    // map stays across loads: projected once, reused by every dataset after.
    if (!prepared || prepared->events != m_store)
        prepared = PreparedDataset::make(paths, m_store, m_baseMap, sha256, m_projectedBaseMap);
    m_state->setDataset(std::move(prepared)); // fills the table
    m_table->resizeColumnsToContents();
    // A long title would push the category, regions and sources (and the title's own centred
    // header) out of the dock: cap it, the rest of a title shows elided and in the tooltip.
    const int titleMax = m_table->fontMetrics().averageCharWidth() * 40;
    if (m_table->columnWidth(EventTableModel::Title) > titleMax)
        m_table->setColumnWidth(EventTableModel::Title, titleMax);
    retranslate(); // the title names the files
    m_skipped = skipped;
    showCount();
    showTimeWindow();
}

void MainWindow::showExportDialog()
{
    auto *dialog = new ExportDialog(m_state, m_map, size(), devicePixelRatioF(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setTimelineView(m_timeline); // the timeline as on screen
    dialog->show();
}

void MainWindow::showAnimationDialog()
{
    auto *dialog = new AnimationDialog(m_state, m_map, m_playback, size(), devicePixelRatioF(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Chronomap"), AboutText::html(m_store.get()));
}

void MainWindow::showShortcuts()
{
    auto *dialog = new ShortcutsDialog(menuBar(), this, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}

void MainWindow::reload()
{
    if (!m_currentFiles.isEmpty()) openFiles(m_currentFiles, m_databasePassword);
}

void MainWindow::exportEvents()
{
    std::optional<AppSettings> unrestored; // a window without restoreSettings() (tests) still remembers
    AppSettings &settings = m_settings ? *m_settings : unrestored.emplace();
    const QString folder =
        EventExport::run(this, *m_state, settings.existingExportFolder(QStandardPaths::DocumentsLocation));
    if (!folder.isEmpty()) settings.setExportFolder(folder);
}

namespace {

/// The files of `paths` as settings keep them (absolute). A database (DatabaseSource) is never
/// kept: its string may hold a password, and only the user, each time, makes Chronomap connect.
QStringList storableFiles(const QStringList &paths)
{
    QStringList absolute;
    for (const QString &p : paths)
        if (!DatabaseSource::isDatabase(p)) absolute.append(QFileInfo(p).absoluteFilePath());
    return absolute;
}

} // namespace

void MainWindow::rememberFiles(const QStringList &paths)
{
    const QStringList absolute = storableFiles(paths);
    for (auto it = absolute.crbegin(); it != absolute.crend(); ++it) {
        m_recentFiles.removeAll(*it);
        m_recentFiles.prepend(*it);
    }
    m_recentFiles = m_recentFiles.mid(0, AppSettings::kMaxRecentFiles);
    if (auto *recent = menuBar()->findChild<RecentFilesMenu *>()) recent->setFiles(m_recentFiles);
    if (m_settings) {
        m_settings->setRecentFiles(m_recentFiles);
        m_settings->setLastFiles(absolute);
        m_settings->sync();
    }
}

void MainWindow::setUiLanguage(const QString &code)
{
    if (code != UiLanguage::current() && !UiLanguage::apply(code)) {
        statusBar()->showMessage(tr("The %1 translation is not installed.").arg(code), 5000);
        return;
    }
    // Widgets take the default locale when they are made; QLocale::setDefault() alone reaches only
    // new ones. Give the open windows (and through them every child without a locale of its own)
    // the new locale, so spin boxes and other numbers show its decimal separator at once.
    for (QWidget *w : QApplication::topLevelWidgets())
        w->setLocale(QLocale());
    m_state->setLanguage(UiLanguage::dataLanguage(UiLanguage::current()));
    if (m_settings) m_settings->setLanguage(UiLanguage::current());
}

void MainWindow::retranslate()
{
    const QString title = m_currentFiles.size() > 1
                              ? tr("%1 and %n more — Chronomap", nullptr, int(m_currentFiles.size() - 1))
                                    .arg(Dataset::displayName(m_currentFile))
                              : tr("%1 — Chronomap").arg(Dataset::displayName(m_currentFile));
    setWindowTitle(m_currentFile.isEmpty() ? tr("Chronomap") : title);
    const std::pair<const char *, QString> docks[] = {
        {"regionDock", tr("Region")},     {"eventDock", tr("Event")},       {"timelineDock", tr("Timeline")},
        {"eventsDock", tr("All events")}, {"problemsDock", tr("Problems")}, {"briefingDock", tr("Briefing")},
    };
    for (const auto &[name, text] : docks)
        if (auto *dock = findChild<QDockWidget *>(QLatin1String(name))) dock->setWindowTitle(text);
    m_table->setAccessibleName(tr("All events"));
    m_cancel->setText(tr("Cancel"));
    showTimeWindow();
    showCount();
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange && m_cancel) {
        createMenus();
        retranslate();
        emit m_model->headerDataChanged(Qt::Horizontal, 0, m_model->columnCount({}) - 1);
    }
    QMainWindow::changeEvent(event);
}

QStringList MainWindow::restoreSettings(std::unique_ptr<AppSettings> settings)
{
    m_settings = settings ? std::move(settings) : std::make_unique<AppSettings>();
    if (const QString problem = m_settings->problem(); !problem.isEmpty()) {
        Issue issue;
        issue.file = m_settings->fileName();
        issue.message = problem;
        m_problems->addIssues({issue});
        statusBar()->showMessage(problem, 10'000);
        if (auto *dock = findChild<QDockWidget *>(QStringLiteral("problemsDock"))) dock->raise();
    }
    if (const QByteArray geometry = m_settings->windowGeometry(); !geometry.isEmpty()) restoreGeometry(geometry);
    if (const QByteArray state = m_settings->windowState(); !state.isEmpty() && !restoreState(state)) {
        Issue issue;
        issue.file = m_settings->fileName();
        issue.message = tr("The saved window layout could not be restored; the default layout is used.");
        m_problems->addIssues({issue});
    }
    m_state->setMapMode(m_settings->mapMode() == QLatin1String("choropleth") ? MapMode::Choropleth : MapMode::Markers);
    m_state->setMarkStyle(markStyleFromName(m_settings->mapStyle()).value_or(MarkStyle::Auto));
    m_state->setHexBinsByCategory(m_settings->hexBinsByCategory());
    m_recentFiles = m_settings->recentFiles();
    m_presenter->setAnimated(!m_settings->reduceMotion());
    if (const QString code = UiLanguage::startLanguage(m_settings->language()); code != UiLanguage::current())
        UiLanguage::apply(code);
    m_state->setLanguage(UiLanguage::dataLanguage(UiLanguage::current()));
    createMenus(); // checks the restored map mode and language, lists the recent files
    QStringList last;
    for (const QString &file : m_settings->lastFiles())
        if (QFileInfo::exists(file)) last.append(file);
    return last;
}

void MainWindow::saveSettings()
{
    if (!m_settings) return;
    m_settings->setWindowGeometry(saveGeometry());
    m_settings->setWindowState(saveState());
    m_settings->setMapMode(m_state->mapMode() == MapMode::Choropleth ? QStringLiteral("choropleth")
                                                                     : QStringLiteral("markers"));
    m_settings->setMapStyle(markStyleName(m_state->markStyle()));
    m_settings->setHexBinsByCategory(m_state->hexBinsByCategory());
    m_settings->setLanguage(UiLanguage::current());
    m_settings->setRecentFiles(m_recentFiles);
    if (!m_currentFiles.isEmpty()) m_settings->setLastFiles(storableFiles(m_currentFiles));
    m_settings->sync();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    m_presenter->stop(); // the layout saved is the window's, not present mode's
    if (!m_briefingFiles->maybeSave()) {
        event->ignore();
        return;
    }
    saveSettings();
    QMainWindow::closeEvent(event);
}

namespace {
QStringList localFiles(const QMimeData *mime)
{
    QStringList files;
    if (!mime || !mime->hasUrls()) return files;
    for (const QUrl &url : mime->urls())
        if (url.isLocalFile() && QFileInfo(url.toLocalFile()).isFile()) files.append(url.toLocalFile());
    return files;
}
} // namespace

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (!localFiles(event->mimeData()).isEmpty()) event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QStringList files = localFiles(event->mimeData());
    if (files.isEmpty()) return;
    event->acceptProposedAction();
    openFiles(files);
}

} // namespace chronomap
