// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/issue.h"

#include <QTreeWidget>

namespace chronomap {

/// Lists every problem found while loading: file, record, field, message. The one place where
/// loading problems are shown (besides a message box when a file could not be used at all).
class ProblemsPanel : public QTreeWidget {
    Q_OBJECT
public:
    explicit ProblemsPanel(QWidget *parent = nullptr);
    void addIssues(const IssueList &issues);

protected:
    void changeEvent(QEvent *event) override;
};

} // namespace chronomap
