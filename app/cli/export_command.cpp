// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/export_command.h"

#include "cli/cli_text.h"
#include "core/data_paths.h"
#include "core/geo/region_index.h"
#include "core/io/dataset_loader.h"
#include "core/ui_language.h"
#include "core/view/view_state_json.h"
#include "render/map/projected_base_map.h"
#include "render/prepared_dataset.h"
#include "render/snapshot/snapshot_export.h"

#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QRegularExpression>

#include <algorithm>
#include <future>

Q_LOGGING_CATEGORY(lcExport, "chronomap.export", QtWarningMsg)

namespace chronomap::cli {

namespace {

int fail(int code, const QString &message)
{
    err() << "chronomap: " << message << Qt::endl;
    return code;
}

} // namespace

ExportCommand::ExportCommand()
    : m_export("export", tr("Write a snapshot of the view to OUT (.png, .jpg, .svg or .pdf) without a window."),
               tr("OUT")),
      m_size("size",
             tr("Snapshot size in pixels, WxH (default 1920x1080), or a preset: 1080p, 4k, or a4 for A4 "
                "landscape at 300 dpi."),
             tr("WxH"), QStringLiteral("1920x1080")),
      m_lang("lang", tr("Language of the snapshot, its data and its words: en or es (default en)."), tr("LANG"),
             QStringLiteral("en")),
      m_title("title", tr("Title of the snapshot (default: the dataset's file name)."), tr("TEXT")),
      m_select("select", tr("Select the event with this id in the snapshot."), tr("ID")),
      m_viewState("view-state",
                  tr("With --export: also write the view state to FILE (JSON). Without: open the window on "
                     "the view state in FILE."),
                  tr("FILE"))
{}

int ExportCommand::run(const QCommandLineParser &parser, const FilterOptions &filters, const QStringList &dataPaths,
                       const LoadOptions &load) const
{
    QElapsedTimer clock;
    clock.start();
    if (!loadBundledFonts())
        err() << tr("chronomap: the bundled fonts are missing; text may differ from machine to machine") << Qt::endl;
    // Arguments first, cheapest checks first: a typo costs no loading.
    const QString out = parser.value(m_export);
    if (out.isEmpty()) return fail(kBadArguments, tr("--export: no output file given"));
    if (!SnapshotFormats::forPath(out))
        return fail(kBadArguments,
                    tr("--export: unknown format '%1' (use %2)").arg(out, SnapshotFormats::suffixList()));
    const auto size = SnapshotFormats::parseSize(parser.value(m_size));
    if (!size)
        return fail(kBadArguments,
                    tr("--size: '%1' is not %2").arg(parser.value(m_size), SnapshotFormats::sizeSyntax()));
    if (const QString sizeError = SnapshotFormats::checkSize(size->pixels); !sizeError.isEmpty())
        return fail(kBadArguments, tr("--size: %1").arg(sizeError));
    const QString lang = parser.value(m_lang).trimmed().toLower();
    if (lang != u"en" && lang != u"es")
        return fail(kBadArguments, tr("--lang: '%1' is not en or es").arg(parser.value(m_lang)));
    UiLanguage::apply(lang); // the snapshot's own words (legend, header, footnotes) follow the data

    EventFilter filter;
    std::shared_ptr<const BaseMap> baseMap;
    IssueList baseIssues;
    baseMap = BaseMap::load(DataPaths::baseMap(), &baseIssues);
    if (!baseMap) {
        for (const Issue &issue : baseIssues)
            err() << issue.toString() << '\n';
        return fail(kBadArguments, tr("cannot read the base map %1").arg(DataPaths::baseMap()));
    }
    qCDebug(lcExport) << "base map" << clock.elapsed() << "ms";
    QString error;
    if (!filters.read(parser, &filter, &baseMap, &error)) return fail(kBadArguments, error);

    const QStringList paths = dataPaths.isEmpty() ? QStringList{DataPaths::bundledEvents()} : dataPaths;
    // What needs only the base map runs beside the load (GDAL reads on one core; the loader
    // hashes the files beside it too).
    auto projecting =
        std::async(std::launch::async, [baseMap] { return std::make_shared<const ProjectedBaseMap>(baseMap); });
    const LoadResult result = DatasetLoader::load(paths, load);
    qCDebug(lcExport) << "dataset" << clock.elapsed() << "ms";
    for (const Issue &issue : result.issues)
        if (issue.severity == Issue::Severity::Fatal) err() << issue.toString() << '\n';
    if (result.hasFatal() || result.store->isEmpty())
        return fail(kBadArguments, tr("%1: no usable events").arg(paths.join(QStringLiteral(", "))));
    for (const QString &path : paths) {
        const auto skipped = std::count_if(result.issues.begin(), result.issues.end(), [&](const Issue &issue) {
            return issue.severity == Issue::Severity::Skipped && issue.file == path;
        });
        if (skipped > 0)
            err() << tr("chronomap: %1: %2 records skipped (chronomap --validate %1 lists them)").arg(path).arg(skipped)
                  << Qt::endl;
    }

    ViewSettings settings;
    settings.window = filter.window;
    settings.match = filter.match;
    if (filter.categories) {
        for (const QString &c : result.store->categories())
            if (!filter.categories->contains(c)) settings.hiddenCategories.insert(c);
        for (const QString &c : *filter.categories)
            if (!result.store->categories().contains(c))
                err() << tr("chronomap: --category: the dataset has no events of category '%1'").arg(c) << Qt::endl;
    }
    settings.region = filter.regionIndex;
    settings.searchText = filter.text;
    settings.language = lang == u"en" ? QString() : lang;
    if (parser.isSet(m_select)) {
        settings.selectedEvent = result.store->findId(parser.value(m_select));
        if (settings.selectedEvent < 0)
            return fail(kBadArguments,
                        tr("--select: the dataset has no event with id '%1'").arg(parser.value(m_select)));
    }
    SnapshotRequest request;
    request.dataset = PreparedDataset::make(paths, result.store, baseMap, result.sha256, projecting.get());
    request.settings = settings;
    request.content.title = parser.value(m_title);
    request.frameSubject = true; // the region when one is chosen, else the events shown
    request.path = out;
    request.size = *size;
    qCDebug(lcExport) << "prepared" << clock.elapsed() << "ms";
    SnapshotMetadata written;
    if (const QString error = request.write({}, &written); !error.isEmpty()) return fail(kWriteFailed, error);
    qCDebug(lcExport) << "written" << clock.elapsed() << "ms";

    if (parser.isSet(m_viewState) && !ViewStateJson::writeFile(written.viewState(), parser.value(m_viewState), &error))
        return fail(kWriteFailed, error);
    return kOk;
}

} // namespace chronomap::cli
