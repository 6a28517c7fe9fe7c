// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer: the same bytes loaded as fuzz.geojson by the simdjson fast path and by GDAL (issue
// 20); any difference in the events, the issues or the records read aborts. And the columns the
// preview takes from the first features must begin the columns of the whole file's first pass.
#include "differential_fuzz.h"

#include "core/io/geojson_fast_reader.h"

#include <cpl_vsi.h>

#include <cstdio>
#include <cstdlib>

namespace {

void checkLeadingColumns(const uint8_t *data, size_t size)
{
    const char *path = "/vsimem/fuzz-leading.geojson";
    VSIFCloseL(VSIFileFromMemBuffer(path, const_cast<GByte *>(data), vsi_l_offset(size), FALSE));
    const auto leading = chronomap::GeoJsonFastReader::leadingColumns(path, QStringLiteral("geojson"));
    const auto whole = chronomap::GeoJsonFastReader::open(path, QStringLiteral("geojson"));
    VSIUnlink(path);
    if (!leading || !whole) return;
    const auto &fields = whole->schema().fields;
    bool prefix = size_t(leading->size()) <= fields.size();
    for (qsizetype i = 0; prefix && i < leading->size(); ++i)
        prefix = leading->at(i) == QString::fromUtf8(fields[size_t(i)].name);
    if (!prefix) {
        std::fprintf(stderr, "the first features' columns (%s) do not begin the file's\n",
                     qPrintable(leading->join(u',')));
        std::abort();
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    checkLeadingColumns(data, size);
    return chronomap::fuzz::loadBothWays("fuzz.geojson", "CHRONOMAP_GEOJSON_READER", data, size);
}
