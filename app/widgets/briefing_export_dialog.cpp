// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/briefing_export_dialog.h"

#include "core/ui_language.h"
#include "core/view/view_state.h"
#include "widgets/app_settings.h"
#include "widgets/briefing_document.h"
#include "widgets/briefing_export_job.h"
#include "widgets/export_footer.h"
#include "widgets/export_target_fields.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace chronomap {

namespace {

/// Beside the briefing's file with its name, else in the export folder.
QString defaultPath(const QString &briefingPath)
{
    if (!briefingPath.isEmpty()) {
        QString name = QFileInfo(briefingPath).fileName();
        if (name.endsWith(BriefingJson::kSuffix)) name.chop(BriefingJson::kSuffix.size());
        return QFileInfo(briefingPath).dir().filePath(name + QStringLiteral(".pdf"));
    }
    return QDir(AppSettings().existingExportFolder(QStandardPaths::DocumentsLocation))
        .filePath(QStringLiteral("briefing.pdf"));
}

} // namespace

BriefingExportDialog::BriefingExportDialog(const BriefingDocument *document, const ViewState *state, QWidget *parent)
    : QDialog(parent), m_document(document), m_state(state), m_job(new BriefingExportJob(this))
{
    setWindowTitle(tr("Export Briefing as PDF"));
    m_path = new ExportFileField(this);
    m_path->setPath(defaultPath(document->path()));
    m_page = new QComboBox(this);
    m_page->addItem(tr("A4 landscape"), int(BriefingPageFormat::A4Landscape));
    m_page->addItem(tr("16:9 slides"), int(BriefingPageFormat::Slides));
    m_page->setAccessibleName(tr("Page"));
    m_language = new QComboBox(this);
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("Español"), QStringLiteral("es"));
    m_language->setAccessibleName(tr("Language of the captions"));
    setLanguage(UiLanguage::current());
    m_footer = new ExportFooter(this);

    auto *form = new QFormLayout;
    form->addRow(tr("F&ile:"), m_path);
    form->addRow(tr("&Page:"), m_page);
    form->addRow(tr("&Language:"), m_language);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("%n step(s), one page each, between a title page and the sources cited.", nullptr,
                                    int(document->briefing().steps.size())),
                                 this));
    layout->addLayout(form);
    layout->addWidget(m_footer);

    connect(m_path, &ExportFileField::browseRequested, this, &BriefingExportDialog::choosePath);
    connect(m_footer, &ExportFooter::exportClicked, this, &BriefingExportDialog::startExport);
    connect(m_footer, &ExportFooter::closeClicked, this, &BriefingExportDialog::reject);
    connect(m_job, &BriefingExportJob::progress, m_footer->progress(), &QProgressBar::setValue);
    connect(m_job, &BriefingExportJob::finished, this, &BriefingExportDialog::onFinished);
}

BriefingExportDialog::~BriefingExportDialog() = default;

void BriefingExportDialog::setPath(const QString &path)
{
    m_path->setPath(path);
}

QString BriefingExportDialog::path() const
{
    return m_path->path();
}

void BriefingExportDialog::setPageFormat(BriefingPageFormat page)
{
    m_page->setCurrentIndex(m_page->findData(int(page)));
}

BriefingPageFormat BriefingExportDialog::pageFormat() const
{
    return BriefingPageFormat(m_page->currentData().toInt());
}

void BriefingExportDialog::setLanguage(const QString &language)
{
    m_language->setCurrentIndex(
        std::max(0, m_language->findData(language == u"es" ? QStringLiteral("es") : QStringLiteral("en"))));
}

QString BriefingExportDialog::language() const
{
    return m_language->currentData().toString();
}

bool BriefingExportDialog::isExporting() const
{
    return m_job->isRunning();
}

void BriefingExportDialog::choosePath()
{
    const QString chosen =
        QFileDialog::getSaveFileName(this, tr("Export Briefing as PDF"), path(), tr("PDF documents (*.pdf)"));
    if (!chosen.isEmpty()) setPath(chosen);
}

void BriefingExportDialog::startExport()
{
    if (isExporting()) return;
    QString file = path();
    QString problem = ExportFooter::pathProblem(file);
    if (problem.isEmpty() && QFileInfo(file).suffix().compare(QStringLiteral("pdf"), Qt::CaseInsensitive) != 0)
        problem = tr("The file name must end in .pdf.");
    if (m_document->briefing().steps.isEmpty()) problem = tr("The briefing has no steps to export.");
    if (!m_state->dataset()) problem = tr("There is nothing to draw the steps over: no dataset is open.");
    if (!problem.isEmpty()) {
        m_footer->setStatus(problem);
        return;
    }
    if (!m_footer->mayReplace(file, windowTitle())) return;
    IssueList issues;
    const BriefingPdf::Request request = BriefingPdf::prepare(m_document->briefing(), m_state->dataset(), language(),
                                                              pageFormat(), m_document->path(), &issues);
    m_checkFoundIssues = !issues.isEmpty();
    if (m_checkFoundIssues) emit issuesFound(issues, tr("The briefing names what the data lacks: see Problems"));
    AppSettings().setExportFolder(QFileInfo(file).absolutePath());
    m_exporting = file;
    setBusy(true);
    m_footer->showStarted(file);
    m_job->start(request, file);
}

void BriefingExportDialog::reject()
{
    if (isExporting()) {
        m_footer->showCancelling();
        m_job->cancel();
        return;
    }
    QDialog::reject();
}

void BriefingExportDialog::setBusy(bool busy)
{
    m_footer->setBusy(busy, {m_path, m_page, m_language});
}

void BriefingExportDialog::onFinished(bool succeeded, const QString &error, const IssueList &issues)
{
    setBusy(false);
    // The check before the export named the steps' problems already; drawing finds the same ones.
    if (!m_checkFoundIssues && !issues.isEmpty())
        emit issuesFound(issues, tr("The briefing names what the data lacks: see Problems"));
    m_footer->showFinished(succeeded, m_exporting, error);
    emit exportFinished(succeeded, m_exporting, error);
}

} // namespace chronomap
