// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cli/filter_options.h"
#include "core/io/event_loader.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QStringList>

namespace chronomap {
struct Briefing;
}

namespace chronomap::cli {

/// `chronomap --export-briefing BRIEFING.json OUT.pdf [--lang en|es] [--page a4|slides]`: writes
/// the briefing as one PDF with no display (BriefingPdf).
/// The dataset is the one the briefing names, resolved like a view state's (beside the briefing
/// file, else among the bundled data), unless --data gives one.
///
/// Exit status as --export: 0 written; 2 bad arguments, an unreadable briefing or unusable data;
/// 3 the file could not be written (nothing is left behind and an existing file is unchanged).
/// Steps that name what the data lacks are printed with the file and step, and still exported.
class BriefingCommand {
public:
    static constexpr int kOk = 0;
    static constexpr int kBadArguments = 2;
    static constexpr int kWriteFailed = 3;

    BriefingCommand();

    /// --export-briefing and --page (--lang and --data are --export's and the window's).
    QList<QCommandLineOption> options() const { return {m_exportBriefing, m_page}; }
    bool isSet(const QCommandLineParser &parser) const { return parser.isSet(m_exportBriefing); }

    /// Runs the export; needs a QGuiApplication. `dataPaths` (--data) override the briefing's dataset.
    int run(const QCommandLineParser &parser, const FilterOptions &filters, const QStringList &dataPaths,
            const LoadOptions &load) const;

    /// The files of the dataset `briefing` names: each file name resolved against the folder of
    /// `briefingPath`, else the bundled events' folder; none named: the bundled dataset. Empty,
    /// with `error` set, when a named file is in neither place.
    static QStringList datasetPaths(const Briefing &briefing, const QString &briefingPath, QString *error);

private:
    QCommandLineOption m_exportBriefing;
    QCommandLineOption m_page;
};

} // namespace chronomap::cli
