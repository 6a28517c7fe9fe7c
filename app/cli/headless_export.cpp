// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/headless_export.h"

#include "cli/cli_text.h"
#include "core/data_paths.h"
#include "core/io/dataset_loader.h"
#include "render/map/base_map_cache.h"
#include "render/map/map_style.h"

#include <QElapsedTimer>
#include <QScopeGuard>

#include <algorithm>
#include <atomic>
#include <future>

Q_LOGGING_CATEGORY(lcExport, "chronomap.export", QtWarningMsg)

namespace chronomap::cli {

namespace {

std::optional<HeadlessExport> failed(const QString &message)
{
    err() << "chronomap: " << message << Qt::endl;
    return std::nullopt;
}

} // namespace

std::optional<HeadlessExport> loadForExport(const QCommandLineParser &parser, const FilterOptions &filters,
                                            const QStringList &dataPaths, const LoadOptions &load, const QString &lang)
{
    QElapsedTimer clock;
    clock.start();
    HeadlessExport out;
    // Arguments before loading: a typo costs no loading.
    const QString mapStyle = parser.value(QStringLiteral("map-style")).trimmed().toLower();
    const std::optional<MarkStyle> markStyle =
        markStyleFromName(mapStyle.isEmpty() ? QStringLiteral("auto") : mapStyle);
    if (!markStyle)
        return failed(tr("--map-style: '%1' is not auto, markers, clusters, hexbins or heat")
                          .arg(parser.value(QStringLiteral("map-style"))));
    out.settings.markStyle = *markStyle;
    // The dataset loads on a second thread from here: its reader child starts (loading its
    // libraries takes a tenth of a second) and reads while this thread loads the fonts and
    // reads the base map.
    const QStringList paths = dataPaths.isEmpty() ? QStringList{DataPaths::bundledEvents()} : dataPaths;
    std::atomic<bool> abandoned = false;
    DatasetLoader::Callbacks callbacks;
    callbacks.progress = [&abandoned](int) { return !abandoned.load(); };
    std::future<LoadResult> loading =
        std::async(std::launch::async, [&] { return DatasetLoader::load(paths, load, callbacks); });
    const auto abandon = qScopeGuard([&] { // on an early return: the child is ended, not waited for
        abandoned = true;
        if (loading.valid()) loading.wait();
    });
    // Fonts and the base map on this thread meanwhile: neither needs the data.
    if (!loadBundledFonts())
        err() << tr("chronomap: the bundled fonts are missing; text may differ from machine to machine") << Qt::endl;
    IssueList baseIssues;
    const LoadedBaseMap loadedBaseMap = BaseMapCache::load(DataPaths::baseMap(), &baseIssues);
    std::shared_ptr<const BaseMap> baseMap = loadedBaseMap.baseMap;
    if (!baseMap) {
        for (const Issue &issue : baseIssues)
            err() << issue.toString() << '\n';
        return failed(tr("cannot read the base map %1").arg(DataPaths::baseMap()));
    }
    qCDebug(lcExport) << "base map" << clock.elapsed() << "ms" << (loadedBaseMap.fromCache ? "(cached)" : "");
    QString error;
    if (!filters.read(parser, &out.filter, &baseMap, &error)) return failed(error);

    const LoadResult result = loading.get();
    qCDebug(lcExport) << "dataset" << clock.elapsed() << "ms";
    for (const Issue &issue : result.issues)
        if (issue.severity == Issue::Severity::Fatal) err() << issue.toString() << '\n';
    if (result.hasFatal() || result.store->isEmpty())
        return failed(tr("%1: no usable events").arg(paths.join(QStringLiteral(", "))));
    for (const QString &path : paths) {
        const auto skipped = std::count_if(result.issues.begin(), result.issues.end(), [&](const Issue &issue) {
            return issue.severity == Issue::Severity::Skipped && issue.file == path;
        });
        if (skipped > 0)
            err() << tr("chronomap: %1: %2 records skipped (chronomap --validate %1 lists them)").arg(path).arg(skipped)
                  << Qt::endl;
    }

    const EventFilter &filter = out.filter;
    ViewSettings &settings = out.settings;
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
    if (const QString select = parser.value(QStringLiteral("select")); parser.isSet(QStringLiteral("select"))) {
        settings.selectedEvent = result.store->findId(select);
        if (settings.selectedEvent < 0)
            return failed(tr("--select: the dataset has no event with id '%1'").arg(select));
    }
    out.dataset = PreparedDataset::make(paths, result.store, baseMap, result.sha256, loadedBaseMap.projected);
    qCDebug(lcExport) << "prepared" << clock.elapsed() << "ms";
    return out;
}

} // namespace chronomap::cli
