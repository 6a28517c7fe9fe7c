// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer: the same bytes loaded as fuzz.csv with its rows read by GDAL's CSV tokenizer
// (CsvRowReader) and through GDAL's CSV layer (issue 20); any difference in the events, the
// issues or the records read aborts.
#include "differential_fuzz.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return chronomap::fuzz::loadBothWays("fuzz.csv", "CHRONOMAP_CSV_READER", data, size);
}
