// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/store/event_store.h"

#include <memory>

namespace chronomap::bench {

/// `events` point events spread uniformly over longitudes -180..180° and latitudes -60..70°,
/// in six categories over 2024 (fixed seed), built in memory.
std::shared_ptr<const EventStore> uniformWorldStore(qint64 events);
/// `events` point events piled up along a synthetic front line in eastern Ukraine (from
/// Kherson by Zaporizhzhia and Donetsk to Kharkiv), most within a few kilometres of the line and
/// a third on a dozen hot spots, as ACLED's events of a war are; fixed seed, built in memory.
std::shared_ptr<const EventStore> frontLineStore(qint64 events);

} // namespace chronomap::bench
