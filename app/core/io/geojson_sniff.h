// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// No GDAL here: the point is to answer before GDAL is registered (issue 20's export start-up).

#include <QStringView>

#include <cstddef>
#include <string_view>

namespace chronomap {

/// How many of a file's first bytes gdalSurelyPicksGeoJson() looks at: more than GDAL 3.6's
/// identify reads for such a file (1024 bytes for every driver, 6000 for GeoJSON's).
inline constexpr std::size_t kGeoJsonSniffBytes = 8192;

/// True only when GDAL 3.6's GDALIdentifyDriverEx over EventLoader::allowedDrivers() would
/// certainly answer "GeoJSON" for a regular file whose name ends in `.suffix` and whose content
/// starts with `head` (the whole file, or at least its first kGeoJsonSniffBytes). False means
/// unsure, never "not GeoJSON": the caller then asks GDAL.
///
/// Sure only of a FeatureCollection that says so in its first member (after an optional UTF-8
/// BOM and JSON whitespace), named .json or .geojson, with none of what makes another driver
/// claim the file or GeoJSON's identify refuse it in the bytes GDAL reads: '<' (GPX's and KML's
/// tags), "Topology" (any "type": "Topology" makes it TopoJSON's), "stac_extensions" (STACTA's).
bool gdalSurelyPicksGeoJson(QStringView suffix, std::string_view head);

} // namespace chronomap
