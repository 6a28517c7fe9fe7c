// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer: the ISO 8601 reduced-precision parser (FuzzyDate::parse, TimeSpan::parse).
#include "core/time/time_span.h"

#include <QString>

#include <cstddef>
#include <cstdint>
#include <cstdlib>

using namespace chronomap;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    if (const auto date = FuzzyDate::parse(text)) {
        // A parsed date names a non-empty period, and writes back as a date that parses.
        if (date->endExclusiveMs() <= date->startMs) std::abort();
        if (!FuzzyDate::parse(date->toIso())) std::abort();
    }
    // The first newline splits a start from an end.
    const qsizetype split = text.indexOf(u'\n');
    const QStringView start = split < 0 ? QStringView(text) : QStringView(text).left(split);
    const QStringView end = split < 0 ? QStringView() : QStringView(text).mid(split + 1);
    QString error;
    if (const auto span = TimeSpan::parse(start, end, &error)) {
        if (span->latestEndMs() <= span->earliestMs()) std::abort();
    } else if (error.isEmpty()) {
        std::abort(); // a refusal always says why
    }
    return 0;
}
