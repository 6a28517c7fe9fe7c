// SPDX-License-Identifier: GPL-3.0-or-later
// MainWindow's part in briefings (issue 17): the panel's dock, its file and edit actions and
// present mode. Apart from main_window.cpp so the window's own file stays about the window.
#include "widgets/main_window.h"

#include "widgets/app_settings.h"
#include "widgets/briefing_document.h"
#include "widgets/briefing_export_dialog.h"
#include "widgets/briefing_files.h"
#include "widgets/briefing_panel.h"
#include "widgets/briefing_presenter.h"
#include "widgets/problems_panel.h"

#include <QAction>
#include <QDockWidget>
#include <QMenu>
#include <QStatusBar>
#include <QUndoStack>

namespace chronomap {

void MainWindow::createBriefing()
{
    m_briefing = new BriefingDocument(this);
    m_briefingFiles = new BriefingFiles(m_briefing, m_state, this);
    m_briefingPanel = new BriefingPanel(m_briefing, m_state, m_map, this);
    m_presenter = new BriefingPresenter(this, m_briefing, m_state, m_map, m_timeline, this);
    connect(m_briefingPanel, &BriefingPanel::presentRequested, m_presenter, &BriefingPresenter::start);
    connect(m_briefingPanel, &BriefingPanel::issuesFound, this, [this](const IssueList &issues) {
        showIssues(issues, tr("The step names what the data no longer has: see Problems"));
    });
    connect(m_presenter, &BriefingPresenter::issuesFound, m_problems, &ProblemsPanel::addIssues);
    connect(m_briefingFiles, &BriefingFiles::issuesFound, this, &MainWindow::showIssues);
    // The panel follows the presentation, so leaving it shows the last step in the list.
    connect(m_presenter, &BriefingPresenter::stepShown, m_briefingPanel,
            [this](int step) { m_briefingPanel->setCurrentStep(step, false); });
}

void MainWindow::addBriefingMenus(QMenu *file, QMenu *edit)
{
    QMenu *briefing = file->addMenu(tr("&Briefing"));
    briefing->setObjectName(QStringLiteral("briefingMenu"));
    briefing->addAction(tr("&New Briefing"), m_briefingFiles, &BriefingFiles::newBriefing);
    briefing->addAction(tr("&Open Briefing…"), m_briefingFiles, &BriefingFiles::chooseAndOpen);
    briefing->addAction(tr("Open &Example Briefing"), m_briefingFiles, &BriefingFiles::openExample)
        ->setObjectName(QStringLiteral("openExampleBriefing"));
    briefing->addAction(tr("&Save Briefing"), QKeySequence::Save, m_briefingFiles, &BriefingFiles::save);
    briefing->addAction(tr("Save Briefing &As…"), QKeySequence::SaveAs, m_briefingFiles, &BriefingFiles::saveAs);
    briefing->addSeparator();
    QAction *pdf = briefing->addAction(tr("Export as &PDF…"), this, &MainWindow::showBriefingExportDialog);
    pdf->setObjectName(QStringLiteral("exportBriefingPdf"));
    auto enablePdf = [this, pdf] { pdf->setEnabled(!m_briefing->briefing().steps.isEmpty()); };
    enablePdf();
    connect(m_briefing, &BriefingDocument::changed, pdf, enablePdf); // no steps, nothing to print

    QAction *undo = m_briefing->undoStack()->createUndoAction(edit, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction *redo = m_briefing->undoStack()->createRedoAction(edit, tr("&Redo"));
    redo->setShortcut(QKeySequence::Redo);
    edit->insertActions(edit->actions().value(0), {undo, redo});
    edit->insertSeparator(edit->actions().value(2));
}

void MainWindow::showBriefingExportDialog()
{
    auto *dialog = new BriefingExportDialog(m_briefing, m_state, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &BriefingExportDialog::issuesFound, this, &MainWindow::showIssues);
    dialog->show();
}

void MainWindow::addPresentActions(QMenu *view)
{
    QAction *present = view->addAction(tr("&Present Briefing"), QKeySequence(Qt::Key_F5), this,
                                       [this] { m_presenter->start(std::max(0, m_briefingPanel->currentStep())); });
    present->setObjectName(QStringLiteral("presentBriefing"));
    // Reduced motion: steps jump instead of gliding. Kept in the settings; off by default.
    QAction *reduce = view->addAction(tr("&Reduce Motion"));
    reduce->setCheckable(true);
    reduce->setChecked(!m_presenter->isAnimated());
    connect(reduce, &QAction::toggled, this, [this](bool on) {
        m_presenter->setAnimated(!on);
        if (m_settings) m_settings->setReduceMotion(on);
    });
}

void MainWindow::showIssues(const IssueList &issues, const QString &summary)
{
    if (issues.isEmpty()) return;
    m_problems->addIssues(issues);
    if (auto *dock = findChild<QDockWidget *>(QStringLiteral("problemsDock"))) {
        dock->show();
        dock->raise();
    }
    if (!summary.isEmpty()) statusBar()->showMessage(summary, 15'000);
}

} // namespace chronomap
