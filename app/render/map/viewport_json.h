// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "render/map/viewport.h"

#include <QJsonObject>

#include <optional>

namespace chronomap {

/// The map part of a `--view-state` file (key "map", beside ViewStateJson's keys): the centre
/// in WGS 84 degrees and the scale in Web Mercator metres per logical pixel. The pixel size is
/// informational; a reader keeps its own window size.
///
/// `{ "centre_lon_deg": 36.2, "centre_lat_deg": 51.7, "metres_per_pixel": 610.0,
///    "zoom": 8.0, "width_px": 1920, "height_px": 1080 }`
class ViewportJson {
public:
    static QJsonObject toJson(const Viewport &viewport);
    /// The viewport the object describes, sized `sizePx`; nullopt when a field is missing or out
    /// of range (latitude beyond ±85.05°, scale not positive).
    static std::optional<Viewport> fromJson(const QJsonObject &json, QSize sizePx);
};

} // namespace chronomap
