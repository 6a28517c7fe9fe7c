// SPDX-License-Identifier: GPL-3.0-or-later
#include "main_window.h"

#include "event_table_model.h"
#include "load_job.h"
#include "problems_panel.h"

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

namespace chronomap {

MainWindow::MainWindow(QWidget *parent) : QMainWindow(parent)
{
    setWindowTitle(tr("Chronomap"));
    m_model = new EventTableModel(this);
    m_table = new QTableView(this);
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_table->setAccessibleName(tr("Events"));
    setCentralWidget(m_table);

    m_problems = new ProblemsPanel(this);
    auto *dock = new QDockWidget(tr("Problems"), this);
    dock->setObjectName(QStringLiteral("problemsDock"));
    dock->setWidget(m_problems);
    addDockWidget(Qt::BottomDockWidgetArea, dock);

    m_count = new QLabel(this);
    m_progress = new QProgressBar(this);
    m_progress->setMaximumWidth(240);
    m_progress->hide();
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->hide();
    statusBar()->addWidget(m_count, 1);
    statusBar()->addPermanentWidget(m_progress);
    statusBar()->addPermanentWidget(m_cancel);
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        if (m_job) m_job->cancel();
    });

    createMenus();
    resize(1280, 800);
}

MainWindow::~MainWindow() = default;

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Open…"), QKeySequence::Open, this, &MainWindow::chooseFile);
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, qApp, &QApplication::closeAllWindows);
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Chronomap"), this, &MainWindow::showAbout);
}

void MainWindow::chooseFile()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open events"), QFileInfo(m_currentFile).absolutePath(),
        tr("Event data (*.geojson *.json *.geojsonl *.csv *.gpkg *.kml *.xlsx *.ods *.fgb *.shp *.gpx);;All files (*)"));
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
    EventStore::IndexList all(size_t(m_store->size()));
    std::iota(all.begin(), all.end(), 0);
    m_model->setEvents(m_store, std::move(all));
    m_table->resizeColumnsToContents();
    setWindowTitle(tr("%1 — Chronomap").arg(QFileInfo(path).fileName()));
    const qsizetype skipped = result.count(Issue::Severity::Skipped);
    m_count->setText(skipped ? tr("%n event(s)", nullptr, int(m_store->size())) + tr(", %n record(s) skipped", nullptr, int(skipped))
                             : tr("%n event(s)", nullptr, int(m_store->size())));
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
