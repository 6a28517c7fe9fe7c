// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/issue.h"

#include <QPointer>
#include <QPushButton>
#include <QTreeWidget>

#include <functional>

namespace chronomap {

/// Lists every problem found while loading: file, record, field, message. The one place where
/// loading problems are shown (besides a message box when a file could not be used at all).
class ProblemsPanel : public QTreeWidget {
    Q_OBJECT
public:
    explicit ProblemsPanel(QWidget *parent = nullptr);
    void addIssues(const IssueList &issues);
    /// After a file reader failed: a row with a button keeping the `events` events read from
    /// `file` before the failure; `keep` runs when it is clicked (once). One offer at a time:
    /// a new one withdraws the last.
    void offerToKeep(const QString &file, qsizetype events, std::function<void()> keep);
    /// The offer's button is disabled and `keep` (with the records it holds) released, so the
    /// memory of a failed load returns once the user has moved on to another file.
    void withdrawOffer();
    bool hasOffer() const { return bool(m_keep); }

protected:
    void changeEvent(QEvent *event) override;

private:
    std::function<void()> m_keep;
    QPointer<QPushButton> m_keepButton;
};

} // namespace chronomap
