// SPDX-License-Identifier: GPL-3.0-or-later
// readyHeapForOneShotRun changes this process's malloc for good, so its test is hidden from the
// suite's discovery and runs alone (tests/CMakeLists.txt).
#include "core/one_shot_heap.h"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <cstring>

#if defined(__GLIBC__) && !defined(__SANITIZE_ADDRESS__) && !defined(__SANITIZE_THREAD__)
#include <malloc.h>
#include <sys/resource.h>

TEST_CASE("After readyHeapForOneShotRun, large blocks come from the kept heap, not from fresh mappings",
          "[.one_shot_heap]")
{
    const std::size_t block = std::size_t(20) << 20; // far over glibc's usual 128 KiB mmap threshold
    REQUIRE(chronomap::readyHeapForOneShotRun());
    const struct mallinfo2 before = mallinfo2();
    void *first = std::malloc(block);
    REQUIRE(first);
    std::memset(first, 1, block);
    const struct mallinfo2 during = mallinfo2();
    CHECK(during.hblkhd == before.hblkhd);           // no mapping of its own
    CHECK(during.arena >= before.arena + block / 2); // but in the heap
    std::free(first);
    CHECK(mallinfo2().arena == during.arena); // kept once freed (no trim)
    // The next block of that size takes the same memory: no fresh pages to fault in.
    const auto faultsBefore = [] {
        rusage usage{};
        getrusage(RUSAGE_SELF, &usage);
        return usage.ru_minflt;
    }();
    void *second = std::malloc(block);
    REQUIRE(second);
    std::memset(second, 2, block);
    rusage after{};
    getrusage(RUSAGE_SELF, &after);
    CHECK(after.ru_minflt - faultsBefore < long(block / 4096 / 8));
    CHECK(mallinfo2().arena == during.arena);
    std::free(second);
}
#else
TEST_CASE("Under the sanitizers readyHeapForOneShotRun changes nothing", "[.one_shot_heap]")
{
    CHECK_FALSE(chronomap::readyHeapForOneShotRun());
}
#endif
