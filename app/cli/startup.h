// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace chronomap::cli {

/// Installs, on the current QCoreApplication, the translator of the command line's messages
/// (context "cli") and of QCommandLineParser's own ("Unknown option…"), in the language the
/// system asks for (LANGUAGE, LC_ALL, LC_MESSAGES, LANG), as the window starts in. It answers for
/// those contexts only, so `--export --lang` still decides the snapshot's words alone.
void installCliTranslator();

/// Headless modes print only their own output: drops the one warning Qt prints on its own when
/// XDG_RUNTIME_DIR is unset or unusable (service users, cron, CI), which says nothing about the
/// command. A message filter rather than a private XDG_RUNTIME_DIR: nothing is created on disk,
/// and every other warning still reaches standard error.
void quietenHeadlessMessages();

/// Ends a headless run (the exports, --import-pg, --query, --validate) once runHeadless has
/// returned, its files committed and its messages printed: flushes standard output and error,
/// then _exit(status).
/// An ordinary exit destroys the application and runs the finalizers of every linked library
/// (about 150: GDAL's, PROJ's, the codecs'), paging their code in to free memory the kernel frees
/// anyway: 40-110 ms of the command's time, measured. Returns (for an ordinary exit) only under
/// the sanitizers, which report leaks at exit.
void leaveOneShotRun(int status);

/// Whether a window can open: QT_QPA_PLATFORM names a platform that needs no display server,
/// or DISPLAY or WAYLAND_DISPLAY is set. `why` gets one translated line when not.
bool displayAvailable(QString *why);

/// While alive, turns Qt's fatal "could not connect to display" during the creation of the
/// QApplication into one line on standard error and exit status 2 (instead of SIGABRT). Warnings
/// printed meanwhile are held back and passed on when the application starts after all.
class DisplayFailureGuard {
public:
    DisplayFailureGuard();
    ~DisplayFailureGuard();
    DisplayFailureGuard(const DisplayFailureGuard &) = delete;
    DisplayFailureGuard &operator=(const DisplayFailureGuard &) = delete;
};

} // namespace chronomap::cli
