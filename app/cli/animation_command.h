// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cli/filter_options.h"
#include "core/io/event_loader.h"

#include <QCommandLineOption>
#include <QCommandLineParser>

namespace chronomap::cli {

/// `chronomap --export-animation OUT.(mp4|webm|gif)`: writes the playback as a video or an
/// animated GIF with no display, each frame composed as a snapshot of its time window. Takes
/// --export's --size, --lang, --title, --select and every filter; --from and --to bound the clip
/// (default: the data's extent).
///
/// Exit status as --export: 0 written; 2 bad arguments or unusable data; 3 the file could not
/// be written (nothing is left behind and an existing file of that name is unchanged).
class AnimationCommand {
public:
    static constexpr int kOk = 0;
    static constexpr int kBadArguments = 2;
    static constexpr int kWriteFailed = 3;

    AnimationCommand();

    /// --export-animation, --step, --window and --fps (the rest are --export's and the filters').
    QList<QCommandLineOption> options() const { return {m_exportAnimation, m_step, m_window, m_fps}; }
    bool isSet(const QCommandLineParser &parser) const { return parser.isSet(m_exportAnimation); }

    /// Runs the export; needs a QGuiApplication. `dataPaths` load as one dataset; none: the
    /// bundled dataset.
    int run(const QCommandLineParser &parser, const FilterOptions &filters, const QStringList &dataPaths,
            const LoadOptions &load) const;

private:
    QCommandLineOption m_exportAnimation;
    QCommandLineOption m_step;
    QCommandLineOption m_window;
    QCommandLineOption m_fps;
};

} // namespace chronomap::cli
