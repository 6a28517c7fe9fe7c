// SPDX-License-Identifier: GPL-3.0-or-later
// Chronomap: the GUI by default, headless modes (--validate, --query, --export) on demand.
#include "app_settings.h"
#include "command_line.h"
#include "data_paths.h"
#include "export_command.h"
#include "io/reader_child.h"
#include "main_window.h"
#include "ui_language.h"
#include "view_state_restorer.h"

#include <QApplication>
#include <QGuiApplication>

#include <cstring>

int main(int argc, char **argv)
{
    if (argc > 1 && std::strcmp(argv[1], chronomap::ReaderChild::kOption) == 0) {
        QCoreApplication app(argc, argv); // a reader child, started by the app: reads one file, streams it back
        return chronomap::ReaderChild::run(app.arguments());
    }
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
    // The language first, so the window is built in it.
    auto settings = std::make_unique<chronomap::AppSettings>();
    chronomap::UiLanguage::apply(chronomap::UiLanguage::startLanguage(settings->language()));
    chronomap::MainWindow window;
    // Layout and view options from the last session; its files unless others are given.
    const QStringList lastFiles = window.restoreSettings(std::move(settings));
    window.show();
    if (const QString viewState = chronomap::cli::guiViewState(app.arguments()); !viewState.isEmpty())
        chronomap::ViewStateRestorer::open(&window, viewState);
    else if (!files.isEmpty())
        window.openFiles(files); // several files open as layers of one dataset
    else
        window.openFiles(lastFiles.isEmpty() ? QStringList{chronomap::DataPaths::bundledEvents()} : lastFiles);
    return app.exec();
}
