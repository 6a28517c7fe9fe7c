// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/geojson_sniff.h"

#include <algorithm>

namespace chronomap {

namespace {

/// JSON's own whitespace; GDAL skips C's isspace() set, a superset.
bool isJsonSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/// Consumes JSON whitespace, then `token` if it comes next.
bool skipThen(std::string_view &text, std::string_view token)
{
    while (!text.empty() && isJsonSpace(text.front()))
        text.remove_prefix(1);
    if (!text.starts_with(token)) return false;
    text.remove_prefix(token.size());
    return true;
}

} // namespace

bool gdalSurelyPicksGeoJson(QStringView suffix, std::string_view head)
{
    // By name the Shapefile, CSV and LIBKML drivers (tried before GeoJSON) claim other suffixes.
    if (suffix.compare(u"geojson", Qt::CaseInsensitive) != 0 && suffix.compare(u"json", Qt::CaseInsensitive) != 0)
        return false;
    const std::string_view window = head.substr(0, kGeoJsonSniffBytes);
    // GPX, LIBKML and KML come before GeoJSON and claim a file with "<gpx" or "<kml" in its first
    // kilobyte; GeoJSON's identify refuses any "type": "Topology" in its 6000 bytes (3.6 looks for
    // it anywhere, not only at the top) and what the STACTA driver reads.
    for (std::string_view veto : {"<", "Topology", "stac_extensions"})
        if (window.find(veto) != std::string_view::npos) return false;
    std::string_view text = window;
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
    // GDAL's identify looks for the first "type" key anywhere; here it must be the first member,
    // so that no earlier "type" (a key or a value) can be the one it finds.
    if (!skipThen(text, "{") || !skipThen(text, "\"type\"") || !skipThen(text, ":") ||
        !skipThen(text, "\"FeatureCollection\""))
        return false;
    return skipThen(text, ",") || skipThen(text, "}");
}

} // namespace chronomap
