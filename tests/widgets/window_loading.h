// SPDX-License-Identifier: GPL-3.0-or-later
// Opening files in a real MainWindow and waiting for the load, for the widget tests.
#pragma once

#include "widgets/main_window.h"
#include "widgets/view_state_restorer.h"

#include <QCoreApplication>

#include <QSignalSpy>
#include <QStringList>

namespace chronomap::test {

/// Opens the view-state file `path` in `window` as `chronomap --view-state` does, and waits
/// for its dataset to load: true when it loaded.
inline bool openViewState(MainWindow &window, const QString &path)
{
    QSignalSpy finished(&window, &MainWindow::loadFinished);
    if (!ViewStateRestorer::open(&window, path) || !finished.wait(30'000)) return false;
    QCoreApplication::processEvents(); // the view state is applied once the load is shown
    return finished.first().value(0).toBool();
}

/// Opens `files` in `window` and waits for the load: true when it finished with data shown.
inline bool loadFiles(MainWindow &window, const QStringList &files)
{
    QSignalSpy finished(&window, &MainWindow::loadFinished);
    window.openFiles(files);
    if (!finished.wait(30'000)) return false;
    return finished.first().value(0).toBool();
}

} // namespace chronomap::test
