// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "loader_fuzz.h"

#include <QRegularExpression>

#include <cstdio>

namespace chronomap::fuzz {

/// GDAL's messages name the private /vsimem/ file, numbered anew for every load.
inline QString withoutLoadNumber(QString message)
{
    static const QRegularExpression number(QStringLiteral("/vsimem/chronomap-load-[0-9]+/"));
    return message.replace(number, QStringLiteral("/vsimem/chronomap-load/"));
}

inline bool sameIssue(const Issue &a, const Issue &b)
{
    return a.severity == b.severity && a.file == b.file && a.record == b.record && a.recordId == b.recordId &&
           a.field == b.field && withoutLoadNumber(a.message) == withoutLoadNumber(b.message);
}

[[noreturn]] inline void differs(const char *what, const LoadResult &gdal, const LoadResult &fast)
{
    std::fprintf(stderr, "fast path and GDAL differ: %s\n", what);
    for (const auto *r : {&gdal, &fast}) {
        std::fprintf(stderr, "%s: %lld records, %lld events\n", r == &gdal ? "GDAL" : "fast path",
                     static_cast<long long>(r->recordsRead), static_cast<long long>(r->store->size()));
        for (const Issue &i : r->issues)
            std::fprintf(stderr, "  %s\n", qPrintable(i.toString()));
    }
    std::abort();
}

/// Loads `data` as a file called `name` with the fast path, and again with `readerVariable` set
/// to "gdal" (GDAL's own reader), low limits; aborts on any difference in the records read, the
/// issues or the events.
inline int loadBothWays(const char *name, const char *readerVariable, const uint8_t *data, size_t size)
{
    const LoadOptions options = lowLimits();
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const QString file = QString::fromLatin1(name);
    qputenv(readerVariable, "gdal");
    const LoadResult gdal = EventLoader::loadBytes(bytes, file, options);
    qunsetenv(readerVariable);
    const LoadResult fast = EventLoader::loadBytes(bytes, file, options);
    if (fast.recordsRead != gdal.recordsRead) differs("records read", gdal, fast);
    if (fast.issues.size() != gdal.issues.size()) differs("number of issues", gdal, fast);
    for (qsizetype i = 0; i < fast.issues.size(); ++i)
        if (!sameIssue(fast.issues[i], gdal.issues[i])) differs("an issue", gdal, fast);
    if (fast.store->size() != gdal.store->size()) differs("number of events", gdal, fast);
    for (EventStore::Index e = 0; e < fast.store->size(); ++e)
        if (!(fast.store->event(e) == gdal.store->event(e))) differs("an event", gdal, fast);
    return 0;
}

} // namespace chronomap::fuzz
