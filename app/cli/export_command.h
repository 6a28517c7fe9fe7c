// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cli/filter_options.h"
#include "core/io/event_loader.h"

#include <QCommandLineOption>
#include <QCommandLineParser>

namespace chronomap::cli {

/// `chronomap --export OUT.(png|jpg|svg|pdf)`: writes a snapshot of the view with no display,
/// composed exactly as File → Export snapshot… composes it. With `--view-state OUT.json` it also
/// writes the view state that reopens the window on the same view.
///
/// Exit status: 0 written; 2 bad arguments (unknown region, bad date, unknown format, bad size,
/// unknown event) or unusable data; 3 the file could not be written (nothing is left behind and
/// an existing file of that name is unchanged).
class ExportCommand {
public:
    static constexpr int kOk = 0;
    static constexpr int kBadArguments = 2;
    static constexpr int kWriteFailed = 3;

    ExportCommand();

    /// --export, --size, --lang, --title, --select, --map-style and --view-state (which, without
    /// --export, names the view state the window opens on). --export-animation shares all but
    /// --export and --view-state.
    QList<QCommandLineOption> options() const
    {
        return {m_export, m_size, m_lang, m_title, m_select, m_mapStyle, m_viewState};
    }

    bool isSet(const QCommandLineParser &parser) const { return parser.isSet(m_export); }
    /// The view state file given with --view-state (GUI mode: the one to open).
    QString viewStateFile(const QCommandLineParser &parser) const { return parser.value(m_viewState); }

    /// Runs the export; needs a QGuiApplication. `dataPaths` load as one dataset; none: the
    /// bundled dataset.
    int run(const QCommandLineParser &parser, const FilterOptions &filters, const QStringList &dataPaths,
            const LoadOptions &load) const;

private:
    QCommandLineOption m_export;
    QCommandLineOption m_size;
    QCommandLineOption m_lang;
    QCommandLineOption m_title;
    QCommandLineOption m_select;
    QCommandLineOption m_mapStyle;
    QCommandLineOption m_viewState;
};

} // namespace chronomap::cli
