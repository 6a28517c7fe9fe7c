// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer: the same bytes loaded as fuzz.geojson by the simdjson fast path and by GDAL (issue
// 20); any difference in the events, the issues or the records read aborts.
#include "differential_fuzz.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return chronomap::fuzz::loadBothWays("fuzz.geojson", "CHRONOMAP_GEOJSON_READER", data, size);
}
