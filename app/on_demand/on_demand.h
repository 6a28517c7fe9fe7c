// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What the resolvers of the libraries loaded on demand share (gdal_on_demand.cpp,
// pq_on_demand.cpp): the message when a library cannot be loaded, and filling a table entry.

#include <dlfcn.h>

#include <cstdio>
#include <cstdlib>

namespace chronomap::onDemand {

/// Says on stderr that `library` (`soname`) cannot be loaded, with dlerror()'s reason, and ends
/// the process with 127. In English: the first call can come from any thread, before any
/// translator is loaded.
[[noreturn]] inline void giveUp(const char *library, const char *soname, const char *what)
{
    const char *why = dlerror();
    std::fprintf(stderr, "chronomap: cannot load %s (%s): %s: %s\n", library, soname, what,
                 why ? why : "unknown error");
    std::fflush(stderr);
    std::_Exit(127);
}

/// The address of `names[index]` in the loaded library `handle`, stored in `table[index]` for the
/// entries' later calls (they read it without a lock); gives up when it is not there.
inline void *fillEntry(void *handle, void **table, const char *const *names, unsigned index, const char *library,
                       const char *soname)
{
    void *address = dlsym(handle, names[index]);
    if (!address) giveUp(library, soname, names[index]);
    __atomic_store_n(&table[index], address, __ATOMIC_RELEASE);
    return address;
}

} // namespace chronomap::onDemand
