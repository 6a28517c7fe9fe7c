// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/prefault_pages.h"

#include <QByteArray>

#include <catch2/catch.hpp>

#include <sys/resource.h>

#include <vector>

namespace {

long minorFaults()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_minflt;
}

} // namespace

TEST_CASE("A big buffer prefaulted before it is filled keeps its contents and faults in almost no pages")
{
    const std::size_t count = std::size_t(64) << 17; // 64 MiB of qint64
    std::vector<qint64> column;
    column.reserve(count);
    const bool populated = chronomap::prefaultCapacity(column);
    const long before = minorFaults();
    for (std::size_t i = 0; i < count; ++i)
        column.push_back(qint64(i) * 3);
    const long faults = minorFaults() - before;
    bool same = true;
    for (std::size_t i = 0; i < count; ++i)
        same = same && column[i] == qint64(i) * 3;
    CHECK(same);
    const long smallPages = long(count * sizeof(qint64) / 4096);
    INFO(faults << " faults while filling " << smallPages << " pages");
#if defined(__linux__) && !defined(__SANITIZE_ADDRESS__) && !defined(__SANITIZE_THREAD__)
    REQUIRE(populated); // Linux 5.14 or later: every Debian 12 kernel
    CHECK(faults < smallPages / 100);
#else
    CHECK_FALSE(populated);
    CHECK(faults > 0);
#endif
}

TEST_CASE("Prefaulting keeps what a buffer already holds, and skips small buffers and none")
{
    QByteArray text(qsizetype(1) << 20, 'x');
    text[12345] = 'y';
    chronomap::prefaultCapacity(text);
    CHECK(text.count('x') == text.size() - 1);
    CHECK(text.at(12345) == 'y');
    QByteArray small(1000, 'x');
    CHECK_FALSE(chronomap::prefaultCapacity(small));
    CHECK(small == QByteArray(1000, 'x'));
    CHECK_FALSE(chronomap::prefaultPages(nullptr, std::size_t(64) << 20));
}
