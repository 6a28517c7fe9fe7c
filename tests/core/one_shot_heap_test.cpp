// SPDX-License-Identifier: GPL-3.0-or-later
// readyHeapForOneShotRun changes this process's malloc for good, so its test is hidden from the
// suite's discovery and runs alone (tests/CMakeLists.txt).
#include "core/one_shot_heap.h"

#include <catch2/catch.hpp>

#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <vector>

#if defined(__GLIBC__) && !defined(__SANITIZE_ADDRESS__) && !defined(__SANITIZE_THREAD__)
#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>

namespace {

/// Pages of [begin, end) in memory (faulted in), by mincore.
std::size_t residentPages(std::uintptr_t begin, std::uintptr_t end)
{
    const auto page = std::uintptr_t(sysconf(_SC_PAGESIZE));
    begin = (begin + page - 1) & ~(page - 1);
    end &= ~(page - 1);
    if (end <= begin) return 0;
    std::vector<unsigned char> in((end - begin) / page);
    if (mincore(reinterpret_cast<void *>(begin), end - begin, in.data()) != 0) return std::size_t(-1);
    std::size_t resident = 0;
    for (unsigned char flags : in)
        resident += flags & 1;
    return resident;
}

/// Bytes of [begin, end) in mappings that /proc/self/smaps marks advised for huge pages ("hg").
std::size_t hugePageAdvisedBytes(std::uintptr_t begin, std::uintptr_t end)
{
    QFile smaps(QStringLiteral("/proc/self/smaps"));
    if (!smaps.open(QIODevice::ReadOnly)) return 0;
    static const QRegularExpression range(QStringLiteral("^([0-9a-f]+)-([0-9a-f]+) "));
    std::uintptr_t from = 0, to = 0;
    std::size_t advised = 0;
    for (const QByteArray &line : smaps.readAll().split('\n')) {
        if (const auto m = range.match(QString::fromLatin1(line)); m.hasMatch()) {
            from = m.captured(1).toULongLong(nullptr, 16);
            to = m.captured(2).toULongLong(nullptr, 16);
        } else if (line.startsWith("VmFlags:") && line.split(' ').contains("hg")) {
            const std::uintptr_t a = std::max(from, begin), b = std::min(to, end);
            if (b > a) advised += b - a;
        }
    }
    return advised;
}

} // namespace

TEST_CASE("After readyHeapForOneShotRun, large blocks come from the kept heap, not from fresh mappings",
          "[.one_shot_heap]")
{
    const std::size_t block = std::size_t(20) << 20; // far over glibc's usual 128 KiB mmap threshold
    const auto heapEndBefore = reinterpret_cast<std::uintptr_t>(sbrk(0));
    REQUIRE(chronomap::readyHeapForOneShotRun(std::size_t(64) << 20));
    const struct mallinfo2 before = mallinfo2();
    CHECK(before.arena >= (std::size_t(64) << 20)); // the heap was grown by what was asked
    // The space added is in the heap's free top chunk, untouched (a 2 MiB range with a page
    // already in memory is never given a huge page) and advised as one piece.
    const auto heapEnd = reinterpret_cast<std::uintptr_t>(sbrk(0));
    const auto page = std::uintptr_t(sysconf(_SC_PAGESIZE));
    CHECK(before.keepcost >= (std::size_t(64) << 20));
    CHECK(heapEnd - heapEndBefore >= (std::size_t(64) << 20));
    CHECK(residentPages(heapEndBefore + page, heapEnd) == 0);
    if (QFileInfo::exists(QStringLiteral("/sys/kernel/mm/transparent_hugepage/enabled")))
        CHECK(hugePageAdvisedBytes(heapEndBefore + page, heapEnd) == heapEnd - heapEndBefore - page);
    void *p = std::malloc(block);
    REQUIRE(p);
    std::memset(p, 1, block);
    const struct mallinfo2 during = mallinfo2();
    CHECK(during.hblkhd == before.hblkhd); // no new mapping for it
    CHECK(during.arena == before.arena);   // the heap already had the room
    std::free(p);
    CHECK(mallinfo2().arena == before.arena); // and keeps it once freed (no trim)
}
#else
TEST_CASE("Under the sanitizers readyHeapForOneShotRun changes nothing", "[.one_shot_heap]")
{
    CHECK_FALSE(chronomap::readyHeapForOneShotRun(std::size_t(64) << 20));
}
#endif
