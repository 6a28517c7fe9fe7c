// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/issue.h"
#include "render/briefing/briefing_pdf.h"

#include <QDialog>

class QComboBox;

namespace chronomap {

class ExportFooter;

class BriefingDocument;
class BriefingExportJob;
class ExportFileField;
class ViewState;

/// File → Briefing → Export as PDF…: the output file, the page (A4 landscape or 16:9 slides) and
/// the captions' language (the UI language at first). The PDF is written on a worker thread
/// (BriefingExportJob) with progress; Cancel stops at the next page and leaves no file, and an
/// existing file is replaced only once the new one is complete.
class BriefingExportDialog : public QDialog {
    Q_OBJECT
public:
    BriefingExportDialog(const BriefingDocument *document, const ViewState *state, QWidget *parent = nullptr);
    ~BriefingExportDialog() override;

    // What the user chose; setters serve tests.
    void setPath(const QString &path);
    QString path() const;
    void setPageFormat(BriefingPageFormat page);
    BriefingPageFormat pageFormat() const;
    /// "en" or "es".
    void setLanguage(const QString &language);
    QString language() const;
    bool isExporting() const;
    BriefingExportJob *job() const { return m_job; }

public slots:
    /// The Export button.
    void startExport();
    /// Escape, Cancel and the close button: while exporting they cancel the export and keep the
    /// dialog open; otherwise they close it.
    void reject() override;

signals:
    /// After each export attempt; `error` empty on success.
    void exportFinished(bool succeeded, const QString &path, const QString &error);
    /// Steps naming what the data lacks, found while exporting.
    void issuesFound(const chronomap::IssueList &issues, const QString &summary);

private:
    void choosePath();
    void setBusy(bool busy);
    void onFinished(bool succeeded, const QString &error, const IssueList &issues);

    const BriefingDocument *m_document;
    const ViewState *m_state;
    BriefingExportJob *m_job;
    ExportFileField *m_path;
    QComboBox *m_page;
    QComboBox *m_language;
    ExportFooter *m_footer = nullptr;
    QString m_exporting; ///< the file being written
    bool m_checkFoundIssues = false;
};

} // namespace chronomap
