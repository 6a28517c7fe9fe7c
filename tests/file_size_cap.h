// SPDX-License-Identifier: GPL-3.0-or-later
// A disk that fills up, for the tests of atomic writes.
#pragma once

#include <catch2/catch.hpp>

#include <csignal>

#include <sys/resource.h>

namespace chronomap::test {

/// Caps the size of any file this process writes while alive; a write past the cap fails with
/// EFBIG instead of raising SIGXFSZ.
class FileSizeCap {
public:
    explicit FileSizeCap(rlim_t bytes)
    {
        REQUIRE(getrlimit(RLIMIT_FSIZE, &m_saved) == 0);
        m_handler = std::signal(SIGXFSZ, SIG_IGN);
        const rlimit cap{bytes, m_saved.rlim_max};
        REQUIRE(setrlimit(RLIMIT_FSIZE, &cap) == 0);
    }
    ~FileSizeCap()
    {
        setrlimit(RLIMIT_FSIZE, &m_saved);
        std::signal(SIGXFSZ, m_handler);
    }
    FileSizeCap(const FileSizeCap &) = delete;
    FileSizeCap &operator=(const FileSizeCap &) = delete;

private:
    rlimit m_saved{};
    void (*m_handler)(int) = nullptr;
};

} // namespace chronomap::test
