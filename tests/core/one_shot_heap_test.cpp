// SPDX-License-Identifier: GPL-3.0-or-later
// readyHeapForOneShotRun changes this process's malloc for good, so its test is hidden from the
// suite's discovery and runs alone (tests/CMakeLists.txt).
#include "core/one_shot_heap.h"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <cstring>

#if defined(__GLIBC__) && !defined(__SANITIZE_ADDRESS__) && !defined(__SANITIZE_THREAD__)
#include <malloc.h>

TEST_CASE("After readyHeapForOneShotRun, large blocks come from the kept heap, not from fresh mappings",
          "[.one_shot_heap]")
{
    const std::size_t block = std::size_t(20) << 20; // far over glibc's usual 128 KiB mmap threshold
    REQUIRE(chronomap::readyHeapForOneShotRun(std::size_t(64) << 20));
    const struct mallinfo2 before = mallinfo2();
    CHECK(before.arena >= (std::size_t(64) << 20)); // the heap was grown by what was asked
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
