// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

namespace chronomap::cli {

/// What the command line asks for, decided before any GUI object exists.
enum class Mode : quint8 {
    Window,   ///< open the window (needs a display)
    Headless, ///< --validate or --query: a QCoreApplication is enough
    Export,   ///< --export: a QGuiApplication on the offscreen platform
};

/// A look at the raw arguments before any Qt object exists: true when one may ask for a run that
/// reads its data once and exits (--export, --export-animation, --export-briefing, --validate,
/// --query), which then forks its reader early.
bool mayReadOnce(int argc, char **argv);

/// Parses the arguments with a QCoreApplication (translators installed) and no GUI object yet.
/// Prints --help and --version and exits 0; an unknown option or a missing value prints one line
/// and a hint on standard error and exits 2. Otherwise returns the mode asked for.
Mode parseMode(const QStringList &arguments);

/// Runs a headless mode with a QCoreApplication already created; returns the exit code.
int runHeadless(const QStringList &arguments);

/// Adds the options shared by the GUI and the headless modes to a parser and reads the files
/// the GUI should open (`--data` files, then positional arguments), as one dataset.
QStringList guiFiles(const QStringList &arguments);

/// The view state file the GUI should open (`--view-state FILE` without --export), or empty.
QString guiViewState(const QStringList &arguments);

} // namespace chronomap::cli
