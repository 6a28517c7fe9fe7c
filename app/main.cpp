// SPDX-License-Identifier: GPL-3.0-or-later
// Chronomap: the GUI by default, headless modes (--validate, --query, --export) on demand.
#include "widgets/app_settings.h"
#include "cli/cli_text.h"
#include "cli/command_line.h"
#include "core/data_paths.h"
#include "cli/export_command.h"
#include "core/io/geojson_kernel.h"
#include "core/io/reader_child.h"
#include "core/io/reader_zygote.h"
#include "core/one_shot_heap.h"
#include "widgets/main_window.h"
#include "cli/startup.h"
#include "cli/uncaught_exception.h"
#include "core/ui_language.h"
#include "widgets/view_state_restorer.h"

#include <QApplication>
#include <QGuiApplication>

#include <cstring>
#include <memory>
#include <optional>

int main(int argc, char **argv)
{
    chronomap::cli::reportUncaughtExceptions();
    if (argc > 1 && std::strcmp(argv[1], chronomap::ReaderChild::kOption) == 0) {
        QCoreApplication app(argc, argv);       // a reader child, started by the app: reads one file, streams it back
        chronomap::DataPaths::applicationDir(); // Qt's unguarded path cache filled before threads (DataPaths)
        return chronomap::ReaderChild::run(app.arguments());
    }
    // A one-shot export, validation or query forks its reader child now, while the process has
    // one thread and no application object: it starts linked (see ReaderZygote). parseMode below
    // decides the mode.
    if (chronomap::cli::mayReadOnce(argc, argv))
        if (const std::optional<int> zygoteStatus = chronomap::ReaderZygote::start(argc, argv)) return *zygoteStatus;
    QCoreApplication::setApplicationName(QStringLiteral("chronomap"));
    QCoreApplication::setOrganizationName(QStringLiteral("Chronomap"));
    // The simdjson kernel this machine reads GeoJSON with: performance reports need it.
    QCoreApplication::setApplicationVersion(
        QStringLiteral(CHRONOMAP_VERSION " (GeoJSON: simdjson %1)").arg(chronomap::geojsonKernel()));
    namespace cli = chronomap::cli;
    // The command line is read before any GUI object exists: a mistyped option, --help or a
    // headless mode never needs a display, and a window without one is refused in one line.
    cli::Mode mode = cli::Mode::Window;
    {
        QCoreApplication parsing(argc, argv);
        // Qt caches the executable's path per application object, unguarded: filled here, before
        // any thread asks (the import reads its file and the base map at once; see DataPaths).
        chronomap::DataPaths::applicationDir();
        cli::installCliTranslator();
        mode = cli::parseMode(parsing.arguments());
        if (mode == cli::Mode::Headless) {
            cli::quietenHeadlessMessages();
            return cli::runHeadless(parsing.arguments());
        }
        if (QString why; mode == cli::Mode::Window && !cli::displayAvailable(&why)) {
            cli::err() << why << Qt::endl;
            return 2;
        }
    } // the parsing application goes before the real one is created
    if (mode == cli::Mode::Export) {
        // A snapshot needs fonts and a painter, never a display: no X server, whatever is set.
        qputenv("QT_QPA_PLATFORM", "offscreen");
        chronomap::readyHeapForOneShotRun(); // one picture or clip, then exit: see its comment
        cli::quietenHeadlessMessages();
        QGuiApplication app(argc, argv);
        chronomap::DataPaths::applicationDir(); // its cache filled before threads (as above)
        cli::installCliTranslator();
        const int status = cli::runHeadless(app.arguments());
        cli::leaveOneShotRun(status); // written and said: no teardown (see its comment)
        return status;
    }
    std::unique_ptr<QApplication> created;
    {
        const cli::DisplayFailureGuard guard; // "could not connect to display": one line, exit 2
        created = std::make_unique<QApplication>(argc, argv);
    }
    QApplication &app = *created;
    chronomap::DataPaths::applicationDir(); // its cache filled before threads (as above)
    QApplication::setApplicationDisplayName(QStringLiteral("Chronomap"));
    const QStringList files = cli::guiFiles(app.arguments());
    // The language first, so the window is built in it.
    auto settings = std::make_unique<chronomap::AppSettings>();
    chronomap::UiLanguage::apply(chronomap::UiLanguage::startLanguage(settings->language()));
    chronomap::MainWindow window;
    // Layout and view options from the last session; its files unless others are given.
    const QStringList lastFiles = window.restoreSettings(std::move(settings));
    window.show();
    if (const QString viewState = cli::guiViewState(app.arguments()); !viewState.isEmpty())
        chronomap::ViewStateRestorer::open(&window, viewState);
    else if (!files.isEmpty())
        window.openFiles(files); // several files open as layers of one dataset
    else
        window.openFiles(lastFiles.isEmpty() ? QStringList{chronomap::DataPaths::bundledEvents()} : lastFiles);
    return app.exec();
}
