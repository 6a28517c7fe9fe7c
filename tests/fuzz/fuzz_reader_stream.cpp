// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer: the app's side of a reader child's stream (issue 19). The bytes stand for what a
// crashed, compromised or confused child writes on its pipe; ReaderStream must decode, refuse
// or convert them without undefined behaviour. They arrive in two pieces, as a pipe may cut them.
#include "core/io/reader_stream.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace chronomap;
    LoadOptions options;
    options.maxRecords = 2000;
    options.maxTextBytes = 4096;
    options.maxVertices = 1000;
    options.maxJsonDepth = 16;
    ReaderStream stream(QStringLiteral("fuzz.csv"), options);
    const char *bytes = reinterpret_cast<const char *>(data);
    const size_t cut = size > 0 ? size_t(bytes[0] & 0x7f) * size / 128 : 0;
    stream.feed(bytes, qsizetype(cut));
    stream.feed(bytes + cut, qsizetype(size - cut));
    const qsizetype converted = stream.eventsConverted();
    const LoadResult result =
        stream.ended() && !stream.malformed() ? stream.finish() : stream.fail(QStringLiteral("x"));
    // What the app relies on whatever the child sent: a store, and never more events than records.
    if (!result.store) std::abort();
    if (result.partial && !result.store->isEmpty()) std::abort();
    if (result.partial && result.partial->size() != converted) std::abort();
    return 0;
}
