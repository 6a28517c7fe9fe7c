// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/uncaught_exception.h"

#include <cxxabi.h>
#include <execinfo.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <exception>
#include <typeinfo>

namespace chronomap::cli {

namespace {

[[noreturn]] void printAndAbort()
{
    // GCC calls terminate at the throw when no handler exists: the stack is still the thrower's.
    void *frames[64];
    const int depth = backtrace(frames, 64);
    const char *type = "unknown";
    char *demangled = nullptr;
    if (const std::type_info *thrown = abi::__cxa_current_exception_type()) {
        int status = 0;
        demangled = abi::__cxa_demangle(thrown->name(), nullptr, nullptr, &status);
        type = demangled ? demangled : thrown->name();
    }
    const char *what = "";
    try {
        if (std::current_exception()) std::rethrow_exception(std::current_exception());
    } catch (const std::exception &e) {
        what = e.what();
    } catch (...) {
    }
    std::fprintf(stderr, "chronomap: uncaught exception %s (%s), thrown at:\n", type, what);
    std::fflush(stderr);
    backtrace_symbols_fd(frames, depth, STDERR_FILENO);
    std::free(demangled);
    std::abort();
}

} // namespace

void reportUncaughtExceptions()
{
    std::set_terminate(printAndAbort);
}

} // namespace chronomap::cli
