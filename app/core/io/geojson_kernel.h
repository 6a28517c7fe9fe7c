// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace chronomap {

/// The simdjson kernel this machine reads GeoJSON with ("haswell", "fallback"): a CPU with AVX2
/// runs haswell; CHRONOMAP_SIMDJSON_KERNEL=fallback forces the generic one.
QString geojsonKernel();

} // namespace chronomap
