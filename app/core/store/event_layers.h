// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/issue.h"
#include "core/store/event_store.h"

#include <QList>
#include <QString>

#include <memory>

namespace chronomap {

/// The events of one opened file, before they are combined with others.
struct EventLayer {
    QString file; ///< where the events came from; names the layer in ids and issues
    std::shared_ptr<const EventStore> store;
};

/// Combines several files' events into one dataset, one layer per file.
class EventLayers {
public:
    /// All events of `layers` in one store. Ids stay unique: an event whose id an earlier layer
    /// already holds is renamed `<file base name>:<id>` (counted up if that is taken too) and
    /// reported in `issues` as a Warning naming the file, record id and new id.
    static std::shared_ptr<const EventStore> merge(const QList<EventLayer> &layers, IssueList *issues);
};

} // namespace chronomap
