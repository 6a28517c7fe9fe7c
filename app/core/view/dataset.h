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

    QString file; ///< the events file, for titles and snapshot metadata
    std::shared_ptr<const EventStore> events;
    std::shared_ptr<const BaseMap> baseMap;
    std::shared_ptr<const RegionMembership> membership;

    static std::shared_ptr<const Dataset> make(QString file, std::shared_ptr<const EventStore> events,
                                               std::shared_ptr<const BaseMap> baseMap)
    {
        auto d = std::make_shared<Dataset>();
        d->file = std::move(file);
        d->events = std::move(events);
        d->baseMap = std::move(baseMap);
        if (d->events && d->baseMap) d->membership = std::make_shared<RegionMembership>(d->events, d->baseMap->regions);
        return d;
    }
};

} // namespace chronomap
