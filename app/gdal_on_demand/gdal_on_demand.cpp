// SPDX-License-Identifier: GPL-3.0-or-later
#include "gdal_on_demand/gdal_on_demand.h"

#include "core/io/gdal_session.h"
#include "on_demand/on_demand.h"

#include <cpl_error.h>

#include <dlfcn.h>
#include <execinfo.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>

namespace {

// Collectors leave the routing of GDAL's messages to the load below (see routeGdalMessages).
[[maybe_unused]] const bool g_markedOnDemand = (chronomap::setGdalLoadedOnDemand(), true);

void CPL_STDCALL routeMessage(CPLErr errorClass, CPLErrorNum errorNumber, const char *message)
{
    chronomap::routeGdalMessage(int(errorClass), errorNumber, message);
}

constexpr const char *kLibrary = "GDAL";

[[noreturn]] void giveUp(const char *what)
{
    chronomap::onDemand::giveUp(kLibrary, CHRONOMAP_GDAL_SONAME, what);
}

/// The process's address space in bytes (/proc/self/statm, read without allocating); 0 if unknown.
unsigned long long addressSpaceBytes()
{
    FILE *statm = std::fopen("/proc/self/statm", "r");
    if (!statm) return 0;
    unsigned long long pages = 0;
    if (std::fscanf(statm, "%llu", &pages) != 1) pages = 0;
    std::fclose(statm);
    return pages * static_cast<unsigned long long>(sysconf(_SC_PAGESIZE));
}

/// dlopen() of GDAL within an address-space limit set before it (the reader child's, which
/// leaves room above it in the hard limit): the limit grows by what the libraries map, so
/// the reader keeps the memory it was given.
void *openWithinAddressLimit()
{
    rlimit limit{};
    const bool limited = getrlimit(RLIMIT_AS, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY;
    if (!limited || limit.rlim_cur >= limit.rlim_max) return dlopen(CHRONOMAP_GDAL_SONAME, RTLD_LAZY | RTLD_GLOBAL);
    const rlim_t given = limit.rlim_cur;
    const unsigned long long before = addressSpaceBytes();
    limit.rlim_cur = limit.rlim_max;
    setrlimit(RLIMIT_AS, &limit);
    void *handle = dlopen(CHRONOMAP_GDAL_SONAME, RTLD_LAZY | RTLD_GLOBAL);
    const unsigned long long after = addressSpaceBytes();
    limit.rlim_cur = std::min<rlim_t>(limit.rlim_max, given + (after > before ? after - before : 0));
    setrlimit(RLIMIT_AS, &limit);
    return handle;
}

void *gdalLibrary()
{
    // As if linked: lazy binding, and GDAL in the global scope for its plugins.
    static void *const library = [] {
        void *handle = openWithinAddressLimit();
        if (!handle) giveUp("dlopen");
        // GDAL's messages go to the thread's collector from its first call on. Looked up here:
        // a call through the entries would re-enter this initialisation.
        using SetHandler = CPLErrorHandler(CPL_STDCALL *)(CPLErrorHandler);
        auto setHandler = reinterpret_cast<SetHandler>(dlsym(handle, "CPLSetErrorHandler"));
        if (!setHandler) giveUp("CPLSetErrorHandler");
        setHandler(routeMessage);
        return handle;
    }();
    return library;
}

} // namespace

extern "C" void *chronomapGdalResolve(unsigned index)
{
    if (index >= chronomapGdalCount) std::abort();
    // Which code needs GDAL: each function's first call, with the stack that made it.
    static const bool trace = std::getenv("CHRONOMAP_GDAL_TRACE") != nullptr;
    if (trace) {
        std::fprintf(stderr, "chronomap[%d]: GDAL function %s first called from\n", int(getpid()),
                     chronomapGdalNames[index]);
        void *frames[32];
        backtrace_symbols_fd(frames, backtrace(frames, 32), STDERR_FILENO);
    }
    return chronomap::onDemand::fillEntry(gdalLibrary(), chronomapGdalTable, chronomapGdalNames, index, kLibrary,
                                          CHRONOMAP_GDAL_SONAME);
}
