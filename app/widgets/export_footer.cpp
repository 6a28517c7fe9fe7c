// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/export_footer.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace chronomap {

ExportFooter::ExportFooter(QWidget *parent)
    : QWidget(parent), m_progress(new QProgressBar(this)), m_status(new QLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Close, this)),
      m_export(m_buttons->addButton(tr("Export"), QDialogButtonBox::AcceptRole))
{
    m_progress->setRange(0, 100);
    m_progress->hide();
    m_status->setWordWrap(true);
    m_export->setDefault(true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_progress);
    layout->addWidget(m_status);
    layout->addWidget(m_buttons);
    connect(m_export, &QPushButton::clicked, this, &ExportFooter::exportClicked);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ExportFooter::closeClicked);
}

void ExportFooter::setStatus(const QString &text)
{
    m_status->setText(text);
}

QString ExportFooter::status() const
{
    return m_status->text();
}

QString ExportFooter::pathProblem(const QString &path)
{
    return path.isEmpty() ? tr("Choose a file to export to.") : QString();
}

bool ExportFooter::mayReplace(const QString &path, const QString &title)
{
    return !QFileInfo::exists(path) ||
           QMessageBox::question(this, title, tr("%1 exists. Replace it?").arg(QFileInfo(path).fileName())) ==
               QMessageBox::Yes;
}

void ExportFooter::setBusy(bool busy, std::initializer_list<QWidget *> fields)
{
    m_progress->setValue(0);
    m_progress->setVisible(busy);
    m_export->setEnabled(!busy);
    for (QWidget *w : fields)
        w->setEnabled(!busy);
    m_buttons->button(QDialogButtonBox::Close)->setText(busy ? tr("Cancel") : tr("Close"));
}

void ExportFooter::showStarted(const QString &path)
{
    m_status->setText(tr("Exporting %1…").arg(QFileInfo(path).fileName()));
}

void ExportFooter::showCancelling()
{
    m_status->setText(tr("Cancelling…"));
}

void ExportFooter::showFinished(bool succeeded, const QString &path, const QString &error)
{
    m_status->setText(succeeded ? tr("Saved %1.").arg(QDir::toNativeSeparators(path))
                                : tr("Export failed: %1").arg(error));
}

} // namespace chronomap
