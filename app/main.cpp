// SPDX-License-Identifier: GPL-3.0-or-later
// Chronomap: the GUI by default, headless modes (--validate, --query) on demand.
#include "command_line.h"
#include "data_paths.h"
#include "main_window.h"

#include <QApplication>

int main(int argc, char **argv)
{
    QCoreApplication::setApplicationName(QStringLiteral("chronomap"));
    QCoreApplication::setOrganizationName(QStringLiteral("Chronomap"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CHRONOMAP_VERSION));
    if (chronomap::cli::isHeadless(argc, argv)) {
        QCoreApplication app(argc, argv); // no display needed
        return chronomap::cli::runHeadless(app.arguments());
    }
    QApplication app(argc, argv);
    QApplication::setApplicationDisplayName(QStringLiteral("Chronomap"));
    const QStringList files = chronomap::cli::guiFiles(app.arguments());
    chronomap::MainWindow window;
    window.show();
    window.openFile(files.isEmpty() ? chronomap::DataPaths::bundledEvents() : files.first());
    return app.exec();
}
