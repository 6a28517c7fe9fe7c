// SPDX-License-Identifier: GPL-3.0-or-later
// The bundled base map and dataset, loaded once per test run (they are immutable). Core only:
// render and widget tests draw render/prepared_data.h's prepared copy.
#pragma once

#include "test_paths.h"
#include "core/geo/base_map.h"
#include "core/io/event_loader.h"
#include "core/view/dataset.h"

#include <QString>

#include <catch2/catch.hpp>

namespace chronomap::test {

inline QString sourcePath(const char *relative)
{
    return sourceDir() + u'/' + QLatin1String(relative);
}

inline std::shared_ptr<const BaseMap> bundledBaseMap()
{
    static const auto map = [] {
        IssueList issues;
        auto m = BaseMap::load(sourcePath("geodata/basemap/basemap.gpkg"), &issues);
        REQUIRE(m);
        return m;
    }();
    return map;
}

inline std::shared_ptr<const Dataset> bundledDataset()
{
    static const auto dataset = [] {
        const QString file = sourcePath("geodata/events/russia-north-korea.geojson");
        const LoadResult result = EventLoader::load(file);
        REQUIRE_FALSE(result.hasFatal());
        return Dataset::make({file}, result.store, bundledBaseMap(), result.sha256);
    }();
    return dataset;
}

/// The Kim–Putin call: the line event dated 2025-08-12.
inline EventStore::Index kimPutinCall(const EventStore &store)
{
    for (EventStore::Index i : store.lineEvents())
        if (store.when(i).start().toIso() == u"2025-08-12") return i;
    return -1;
}

} // namespace chronomap::test
