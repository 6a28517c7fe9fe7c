// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "bench_context.h"

#include "core/geo/base_map.h"
#include "render/map/viewport.h"

#include <QSize>

#include <memory>

namespace chronomap {
class ViewState;
}

namespace chronomap::bench {

/// Events of the map figures that are not the run's size (100,000 for the frame and export figures).
constexpr qint64 kMapEvents = 100'000;

/// The bundled base map (DataPaths::baseMap()), loaded once for every group that draws; null
/// (with a warning) when it cannot be read.
std::shared_ptr<const BaseMap> benchBaseMap();

/// Synthetic files of `events` events: the run's own when the sizes agree, else written once
/// into a subfolder of the run's data folder.
SyntheticFiles syntheticFilesOf(BenchContext &context, qint64 events);
/// The CSV file of syntheticFilesOf() loaded into a store (the run's own store when the sizes agree).
std::shared_ptr<const EventStore> storeOf(BenchContext &context, qint64 events);

/// The focus area of the synthetic data (lon 20–140°, lat 35–65°) framed in `sizePx`.
Viewport focusViewport(QSize sizePx);

/// Points `state` at a dataset of `store` over the bundled base map.
void showStore(ViewState &state, std::shared_ptr<const EventStore> store, std::shared_ptr<const BaseMap> baseMap);

/// Milliseconds on a QElapsedTimer.
double elapsedMs(qint64 nsecs);

} // namespace chronomap::bench
