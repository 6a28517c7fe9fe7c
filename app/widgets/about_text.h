// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace chronomap {

class EventStore;

/// Help → About: what Chronomap is, its version and licence, and whose data it shows.
class AboutText {
public:
    /// Rich text naming the version, the licence (GPL-3.0-or-later), Qt, the base map's
    /// attribution (Made with Natural Earth) and the sources cited by `events` (may be null).
    static QString html(const EventStore *events);
};

} // namespace chronomap
