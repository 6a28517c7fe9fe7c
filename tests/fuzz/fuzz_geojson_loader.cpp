// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer: EventLoader on arbitrary bytes read as fuzz.geojson through GDAL's /vsimem/.
#include "loader_fuzz.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return chronomap::fuzz::loadAs("fuzz.geojson", data, size);
}
