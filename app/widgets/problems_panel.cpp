// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/problems_panel.h"

#include <QEvent>
#include <QFileInfo>
#include <QPushButton>

#include <utility>

namespace chronomap {

ProblemsPanel::ProblemsPanel(QWidget *parent) : QTreeWidget(parent)
{
    setHeaderLabels({tr("Severity"), tr("File"), tr("Record"), tr("Field"), tr("Message")});
    setRootIsDecorated(false);
    setAlternatingRowColors(true);
    setAccessibleName(tr("Problems"));
    setAccessibleDescription(tr("Problems found while loading data files"));
}

void ProblemsPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        setHeaderLabels({tr("Severity"), tr("File"), tr("Record"), tr("Field"), tr("Message")});
        setAccessibleName(tr("Problems"));
        setAccessibleDescription(tr("Problems found while loading data files"));
    }
    QTreeWidget::changeEvent(event);
}

void ProblemsPanel::addIssues(const IssueList &issues)
{
    for (const Issue &issue : issues) {
        const QString severity = issue.severity == Issue::Severity::Fatal     ? tr("Error")
                                 : issue.severity == Issue::Severity::Skipped ? tr("Skipped")
                                                                              : tr("Warning");
        QString record;
        if (issue.record >= 0)
            record = issue.recordId.isEmpty() ? QString::number(issue.record)
                                              : QStringLiteral("%1 (%2)").arg(issue.record).arg(issue.recordId);
        auto *item =
            new QTreeWidgetItem(this, {severity, QFileInfo(issue.file).fileName(), record, issue.field, issue.message});
        item->setToolTip(1, issue.file);
        item->setToolTip(4, issue.message);
    }
    for (int c = 0; c < 4; ++c)
        resizeColumnToContents(c);
}

} // namespace chronomap

namespace chronomap {

void ProblemsPanel::offerToKeep(const QString &file, qsizetype events, std::function<void()> keep)
{
    withdrawOffer();
    auto *item = new QTreeWidgetItem(this, {tr("Action"), QFileInfo(file).fileName()});
    item->setToolTip(1, file);
    // Short, so it fits the message column of a narrow dock; the tooltip says it in full.
    auto *button = new QPushButton(tr("Keep %n event(s)", nullptr, int(events)));
    button->setToolTip(tr("Keep the %n event(s) read before the failure", nullptr, int(events)));
    button->setObjectName(QStringLiteral("keepPartialButton"));
    setItemWidget(item, 4, button);
    m_keep = std::move(keep);
    m_keepButton = button;
    connect(button, &QPushButton::clicked, this, [this, button] {
        button->setEnabled(false);
        button->setText(tr("Kept"));
        m_keepButton = nullptr;
        if (auto keep = std::exchange(m_keep, {})) keep();
    });
    scrollToItem(item);
}

void ProblemsPanel::withdrawOffer()
{
    m_keep = {};
    if (m_keepButton) {
        m_keepButton->setEnabled(false);
        m_keepButton->setToolTip(tr("No longer offered: another file was opened since"));
        m_keepButton = nullptr;
    }
}

} // namespace chronomap
