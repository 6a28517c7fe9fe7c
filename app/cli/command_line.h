// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

namespace chronomap::cli {

/// True when the arguments ask for a mode that needs no display (--validate, --query,
/// --help, --version), so main() can skip creating a GUI application.
bool isHeadless(int argc, char **argv);

/// Runs a headless mode with a QCoreApplication already created; returns the exit code.
int runHeadless(const QStringList &arguments);

/// Adds the options shared by the GUI and the headless modes to a parser and reads the files
/// the GUI should open (positional arguments).
QStringList guiFiles(const QStringList &arguments);

/// The view state file the GUI should open (`--view-state FILE` without --export), or empty.
QString guiViewState(const QStringList &arguments);

} // namespace chronomap::cli
