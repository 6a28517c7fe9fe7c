// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/issue.h"

#include <QJsonObject>
#include <QString>

namespace chronomap {

class MainWindow;

/// Opens the window on a saved view (`chronomap --view-state FILE`, written by
/// `chronomap --export … --view-state FILE`): loads the dataset the file names, then applies the
/// time window, filters, selection, language, map mode and the map's centre and scale.
class ViewStateRestorer {
public:
    /// Starts restoring; problems are shown in a message box. When the file cannot be read the
    /// window opens the bundled dataset instead and this returns false.
    static bool open(MainWindow *window, const QString &viewStatePath);
    /// Applies a view state to a window whose dataset is already loaded; problems go to `issues`.
    static void apply(MainWindow *window, const QJsonObject &json, IssueList *issues);
};

} // namespace chronomap
