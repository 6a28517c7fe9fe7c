// SPDX-License-Identifier: GPL-3.0-or-later
// Chronomap: the GUI by default, headless modes (--validate, --query, --export) on demand.
#include "command_line.h"
#include "data_paths.h"
#include "export_command.h"
#include "main_window.h"
#include "view_state_restorer.h"

#include <QApplication>
#include <QGuiApplication>

int main(int argc, char **argv)
{
    QCoreApplication::setApplicationName(QStringLiteral("chronomap"));
    QCoreApplication::setOrganizationName(QStringLiteral("Chronomap"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CHRONOMAP_VERSION));
    if (chronomap::cli::ExportCommand::isRequested(argc, argv)) {
        // A snapshot needs fonts and a painter, never a display: no X server, whatever is set.
        qputenv("QT_QPA_PLATFORM", "offscreen");
        QGuiApplication app(argc, argv);
        return chronomap::cli::runHeadless(app.arguments());
    }
    if (chronomap::cli::isHeadless(argc, argv)) {
        QCoreApplication app(argc, argv); // no display needed
        return chronomap::cli::runHeadless(app.arguments());
    }
    QApplication app(argc, argv);
    QApplication::setApplicationDisplayName(QStringLiteral("Chronomap"));
    const QStringList files = chronomap::cli::guiFiles(app.arguments());
    chronomap::MainWindow window;
    window.show();
    if (const QString viewState = chronomap::cli::guiViewState(app.arguments()); !viewState.isEmpty())
        chronomap::ViewStateRestorer::open(&window, viewState);
    else
        window.openFile(files.isEmpty() ? chronomap::DataPaths::bundledEvents() : files.first());
    return app.exec();
}
