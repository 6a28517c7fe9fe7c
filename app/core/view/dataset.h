// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/geo/base_map.h"
#include "core/store/region_membership.h"

#include <QString>

#include <memory>

namespace chronomap {

/// What the views show: the loaded events, the base map, and which events belong to which
/// region. Immutable; replaced as a whole when a new file loads. The views draw a
/// PreparedDataset (render/prepared_dataset.h), this with what they derive from it.
struct Dataset {
    virtual ~Dataset() = default;

    QString file; ///< the events file (the first when several), for titles and snapshot metadata
    /// Hex SHA-256 of the content loaded, taken while it was read (LoadResult::sha256, see
    /// DatasetLoader::combinedSha256): what a snapshot names, even if the file changed since.
    /// Empty when the events came from nowhere hashed.
    QString sha256;
    std::shared_ptr<const EventStore> events;
    std::shared_ptr<const BaseMap> baseMap;
    std::shared_ptr<const RegionMembership> membership;

    Dataset() = default;
    /// Also works out which events belong to which region when there are both.
    Dataset(QString file, std::shared_ptr<const EventStore> events, std::shared_ptr<const BaseMap> baseMap,
            QString sha256 = {})
        : file(std::move(file)), sha256(std::move(sha256)), events(std::move(events)), baseMap(std::move(baseMap))
    {
        if (this->events && this->baseMap)
            membership = std::make_shared<RegionMembership>(this->events, this->baseMap->regions);
    }

    static std::shared_ptr<const Dataset> make(QString file, std::shared_ptr<const EventStore> events,
                                               std::shared_ptr<const BaseMap> baseMap, QString sha256 = {})
    {
        return std::make_shared<Dataset>(std::move(file), std::move(events), std::move(baseMap), std::move(sha256));
    }
};

} // namespace chronomap
