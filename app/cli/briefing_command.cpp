// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/briefing_command.h"

#include "cli/cli_text.h"
#include "cli/headless_export.h"
#include "core/data_paths.h"
#include "core/ui_language.h"
#include "core/view/briefing.h"
#include "render/briefing/briefing_pdf.h"
#include "render/map/map_style.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>

namespace chronomap::cli {

namespace {

int fail(int code, const QString &message)
{
    err() << "chronomap: " << message << Qt::endl;
    return code;
}

void printIssues(const IssueList &issues)
{
    for (const Issue &issue : issues)
        err() << issue.toString() << '\n';
    err().flush();
}

} // namespace

BriefingCommand::BriefingCommand()
    : m_exportBriefing("export-briefing",
                       tr("Write the briefing in FILE as one PDF to the OUT.pdf given after it, without a window: a "
                          "title page, a page per step, the sources cited."),
                       tr("FILE")),
      m_page("page", tr("Page of --export-briefing: a4 (A4 landscape, the default) or slides (16:9)."), tr("PAGE"),
             QStringLiteral("a4"))
{}

QStringList BriefingCommand::datasetPaths(const Briefing &briefing, const QString &briefingPath, QString *error)
{
    const QStringList names = briefing.datasetFileName.split(QStringLiteral("; "), Qt::SkipEmptyParts);
    if (names.isEmpty()) return {DataPaths::bundledEvents()};
    const QDir beside = QFileInfo(briefingPath).absoluteDir(), bundled = QFileInfo(DataPaths::bundledEvents()).dir();
    QStringList paths;
    for (const QString &name : names) {
        const QString trimmed = name.trimmed();
        const QString found = QFileInfo(trimmed).isAbsolute() ? trimmed
                              : beside.exists(trimmed)        ? beside.absoluteFilePath(trimmed)
                              : bundled.exists(trimmed)       ? bundled.absoluteFilePath(trimmed)
                                                              : QString();
        if (found.isEmpty() || !QFileInfo::exists(found)) {
            if (error)
                *error = tr("%1: its dataset '%2' is neither beside it nor bundled; give the data with --data FILE")
                             .arg(briefingPath, trimmed);
            return {};
        }
        paths.append(found);
    }
    return paths;
}

int BriefingCommand::run(const QCommandLineParser &parser, const FilterOptions &filters, const QStringList &dataPaths,
                         const LoadOptions &load) const
{
    QElapsedTimer clock;
    clock.start();
    // Arguments first, cheapest checks first: a typo costs no loading.
    const QString briefingPath = parser.value(m_exportBriefing);
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1)
        return fail(kBadArguments, tr("--export-briefing: give the briefing, then one output file: "
                                      "--export-briefing BRIEFING.json OUT.pdf"));
    const QString out = positional.first();
    if (QFileInfo(out).suffix().compare(QStringLiteral("pdf"), Qt::CaseInsensitive) != 0)
        return fail(kBadArguments, tr("--export-briefing: '%1' does not end in .pdf").arg(out));
    const QString lang = parser.value(QStringLiteral("lang")).trimmed().toLower();
    if (lang != u"en" && lang != u"es")
        return fail(kBadArguments, tr("--lang: '%1' is not en or es").arg(parser.value(QStringLiteral("lang"))));
    const auto page = BriefingPdf::parsePageFormat(parser.value(m_page));
    if (!page) return fail(kBadArguments, tr("--page: '%1' is not a4 or slides").arg(parser.value(m_page)));
    UiLanguage::apply(lang); // the pages' own words follow the captions' language

    IssueList issues;
    const auto briefing = BriefingJson::readFile(briefingPath, &issues);
    printIssues(issues); // steps left out are named with the file and the step
    if (!briefing) return kBadArguments;
    if (briefing->steps.isEmpty()) return fail(kBadArguments, tr("%1: the briefing has no steps").arg(briefingPath));
    QStringList paths = dataPaths;
    if (paths.isEmpty()) {
        QString error;
        paths = datasetPaths(*briefing, briefingPath, &error);
        if (paths.isEmpty()) return fail(kBadArguments, error);
    }

    const auto loaded = loadForExport(parser, filters, paths, load, lang);
    if (!loaded) return kBadArguments;
    issues.clear();
    const auto request = BriefingPdf::prepare(*briefing, loaded->dataset, lang, *page, briefingPath, &issues);
    // check() has named what the data lacks step by step; the export's own findings repeat them.
    IssueList drawing;
    const QString error = BriefingPdf::write(request, out, {}, &drawing);
    if (issues.isEmpty()) issues = drawing;
    printIssues(issues);
    if (!error.isEmpty()) return fail(kWriteFailed, error);
    qCDebug(lcExport) << "briefing written" << clock.elapsed() << "ms";
    return kOk;
}

} // namespace chronomap::cli
