// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/issue.h"

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
    /// `file` before the failure; `keep` runs when it is clicked (once).
    void offerToKeep(const QString &file, qsizetype events, std::function<void()> keep);

protected:
    void changeEvent(QEvent *event) override;
};

} // namespace chronomap
