// SPDX-License-Identifier: GPL-3.0-or-later
// Opening files in a real MainWindow and waiting for the load, for the widget tests.
#pragma once

#include "widgets/main_window.h"

#include <QSignalSpy>
#include <QStringList>

namespace chronomap::test {

/// Opens `files` in `window` and waits for the load: true when it finished with data shown.
inline bool loadFiles(MainWindow &window, const QStringList &files)
{
    QSignalSpy finished(&window, &MainWindow::loadFinished);
    window.openFiles(files);
    if (!finished.wait(30'000)) return false;
    return finished.first().value(0).toBool();
}

} // namespace chronomap::test
