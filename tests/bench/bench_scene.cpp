// SPDX-License-Identifier: GPL-3.0-or-later
#include "render/prepared_dataset.h"
#include "bench_scene.h"

#include "core/data_paths.h"
#include "core/io/event_loader.h"
#include "core/view/view_state.h"
#include "render/map/web_mercator.h"

#include <QDir>
#include <QFileInfo>
#include <QHash>

#include <cstdio>

namespace chronomap::bench {

std::shared_ptr<const BaseMap> benchBaseMap()
{
    static const std::shared_ptr<const BaseMap> map = [] {
        IssueList issues;
        auto loaded = BaseMap::load(DataPaths::baseMap(), &issues);
        if (!loaded) std::fprintf(stderr, "warning: cannot read the base map %s\n", qPrintable(DataPaths::baseMap()));
        return loaded;
    }();
    return map;
}

SyntheticFiles syntheticFilesOf(BenchContext &context, qint64 events)
{
    if (events == context.events()) return context.files();
    static QHash<qint64, SyntheticFiles> written;
    if (const auto it = written.constFind(events); it != written.constEnd()) return *it;
    const QString dir = QFileInfo(context.files().csvPath).dir().filePath(QStringLiteral("events-%1").arg(events));
    SyntheticFiles files;
    QString error;
    if (!QDir().mkpath(dir) || !writeSyntheticEvents(dir, events, &files, &error))
        std::fprintf(stderr, "warning: cannot write %lld synthetic events into %s: %s\n",
                     static_cast<long long>(events), qPrintable(dir), qPrintable(error));
    written.insert(events, files);
    return files;
}

std::shared_ptr<const EventStore> storeOf(BenchContext &context, qint64 events)
{
    if (events == context.events()) return context.store();
    static QHash<qint64, std::shared_ptr<const EventStore>> stores;
    if (const auto it = stores.constFind(events); it != stores.constEnd()) return *it;
    auto store = EventLoader::load(syntheticFilesOf(context, events).csvPath).store;
    stores.insert(events, store);
    return store;
}

Viewport focusViewport(QSize sizePx)
{
    Viewport viewport;
    viewport.setSizePx(sizePx);
    viewport.fit(WebMercator::toMercatorM(QRectF(20.0, 35.0, 120.0, 30.0)));
    return viewport;
}

void showStore(ViewState &state, std::shared_ptr<const EventStore> store, std::shared_ptr<const BaseMap> baseMap)
{
    state.setDataset(PreparedDataset::make({QStringLiteral("synthetic")}, std::move(store), std::move(baseMap)));
}

double elapsedMs(qint64 nsecs)
{
    return double(nsecs) / 1e6;
}

} // namespace chronomap::bench
