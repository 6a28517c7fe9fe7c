// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/io/event_loader.h"

#include <QByteArray>
#include <QString>

#include <cstddef>
#include <cstdint>
#include <cstdlib>

namespace chronomap::fuzz {

/// Limits low enough that the fuzzer explores the checks instead of running out of memory.
inline LoadOptions lowLimits()
{
    LoadOptions options;
    options.maxRecords = 2000;
    options.maxFileBytes = 1 << 20;
    options.maxTextBytes = 4096;
    options.maxVertices = 1000;
    options.maxJsonDepth = 16;
    return options;
}

/// Loads `data` as a file called `name` through EventLoader::loadBytes, with low limits.
inline int loadAs(const char *name, const uint8_t *data, size_t size)
{
    const LoadOptions options = lowLimits();
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const LoadResult result = EventLoader::loadBytes(bytes, QString::fromLatin1(name), options);
    // What the loader promises whatever the input: a store, and no events from a refused file.
    if (!result.store) std::abort();
    if (result.hasFatal() && !result.store->isEmpty()) std::abort();
    if (result.store->size() > result.recordsRead) std::abort();
    return 0;
}

} // namespace chronomap::fuzz
