// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/export_command.h"

#include "cli/cli_text.h"
#include "core/data_paths.h"
#include "core/geo/region_index.h"
#include "core/io/dataset_loader.h"
#include "render/map/map_framing.h"
#include "render/map/map_style.h"
#include "render/map/projected_base_map.h"
#include "render/snapshot/snapshot_composer.h"
#include "render/snapshot/snapshot_metadata.h"
#include "render/snapshot/snapshot_writer.h"
#include "core/ui_language.h"
#include "core/view/view_state.h"
#include "core/view/view_state_json.h"
#include "render/map/viewport_json.h"

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

struct SizeChoice {
    QSize pixels;
    double scale = 1.0;
};

/// `WxH` (device pixels) or `a4` (A4 landscape at 300 dpi).
std::optional<SizeChoice> parseSize(const QString &text)
{
    if (text.compare(QLatin1String("a4"), Qt::CaseInsensitive) == 0) return SizeChoice{QSize(3508, 2480), 300.0 / 96.0};
    static const QRegularExpression pattern(QStringLiteral("^\\s*(\\d{1,6})\\s*[xX×]\\s*(\\d{1,6})\\s*$"));
    const auto match = pattern.match(text);
    if (!match.hasMatch()) return std::nullopt;
    const QSize size(match.captured(1).toInt(), match.captured(2).toInt());
    return SizeChoice{size, SnapshotWriter::autoScale(size)};
}

} // namespace

ExportCommand::ExportCommand()
    : m_export("export", tr("Write a snapshot of the view to OUT (.png, .jpg, .svg or .pdf) without a window."),
               tr("OUT")),
      m_size("size", tr("Snapshot size in pixels, WxH (default 1920x1080), or a4 for A4 landscape at 300 dpi."),
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
    if (!SnapshotWriter::formatForPath(out))
        return fail(kBadArguments, tr("--export: unknown format '%1' (use .png, .jpg, .svg or .pdf)").arg(out));
    const auto size = parseSize(parser.value(m_size));
    if (!size)
        return fail(kBadArguments, tr("--size: '%1' is not WxH (e.g. 1920x1080) or a4").arg(parser.value(m_size)));
    if (const QString sizeError = SnapshotWriter::checkSize(size->pixels); !sizeError.isEmpty())
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

    ViewState state;
    state.setDataset(PreparedDataset::make(paths.front(), result.store, baseMap, result.sha256, projecting.get()));
    const PreparedDataset &prepared = *PreparedDataset::of(state);
    state.setTimeWindow(filter.window);
    state.setWindowMatch(filter.match);
    if (!filter.categories.isEmpty()) {
        QSet<QString> hidden;
        for (const QString &c : result.store->categories())
            if (!filter.categories.contains(c)) hidden.insert(c);
        for (const QString &c : filter.categories)
            if (!result.store->categories().contains(c))
                err() << tr("chronomap: --category: the dataset has no events of category '%1'").arg(c) << Qt::endl;
        state.setHiddenCategories(hidden);
    }
    state.setSelectedRegion(filter.regionIndex);
    state.setSearchText(filter.text);
    state.setLanguage(lang == u"en" ? QString() : lang);
    if (parser.isSet(m_select)) {
        const EventStore::Index event = result.store->findId(parser.value(m_select));
        if (event < 0)
            return fail(kBadArguments,
                        tr("--select: the dataset has no event with id '%1'").arg(parser.value(m_select)));
        state.setSelectedEvent(event);
    }

    SnapshotComposer::Content content;
    content.title = parser.value(m_title);
    SnapshotComposer composer(state, content, size->scale);
    qCDebug(lcExport) << "composer" << clock.elapsed() << "ms";
    // Frame what the snapshot is about: the region when one is chosen, else the events shown.
    const QSizeF mapArea = composer.mapAreaFor(QSizeF(size->pixels) / size->scale).size();
    const QSize mapPx(qRound(mapArea.width()), qRound(mapArea.height()));
    if (filter.regionIndex >= 0) {
        composer.setMapViewport(MapFraming::frameRegion(prepared, filter.regionIndex, mapPx));
    } else {
        const auto &visible = state.visibleEvents();
        composer.setMapViewport(MapFraming::frameEvents(prepared, visible.empty() ? nullptr : &visible, mapPx));
    }
    const Viewport shown = composer.mapViewportFor(mapArea);

    SnapshotWriter::Options options;
    options.pixelSize = size->pixels;
    options.scale = size->scale;
    options.metadata = SnapshotMetadata::describe(state, shown, composer.title(), composer.content().exportedAt,
                                                  state.dataset()->sha256);
    qCDebug(lcExport) << "prepared" << clock.elapsed() << "ms";
    if (!SnapshotWriter::write(composer, out, options, {}, &error)) return fail(kWriteFailed, error);
    qCDebug(lcExport) << "written" << clock.elapsed() << "ms";

    if (parser.isSet(m_viewState) &&
        !ViewStateJson::writeFile(options.metadata.viewState(), parser.value(m_viewState), &error))
        return fail(kWriteFailed, error);
    return kOk;
}

} // namespace chronomap::cli
