// SPDX-License-Identifier: GPL-3.0-or-later
// libpq on demand, for the chronomap executable only (chronomap_db and the tests link it as
// usual). libpq brings TLS, Kerberos and LDAP with it: some twenty libraries that every start
// loaded and relocated before main(), about 20 ms of a 60 ms start on the machines we measure
// on, for the PostGIS import and the live table alone. The executable defines each libpq
// function it calls as a jump through a table (app/on_demand); the first call of any of them
// loads libpq here.
#include <dlfcn.h>

#include <cstdio>
#include <cstdlib>

extern "C" {
extern void *chronomapPqTable[];
extern const char *const chronomapPqNames[];
extern const unsigned chronomapPqCount;

/// Loads libpq once (aborting the process with a message on stderr if it cannot), stores the
/// address of entry `index` of pq_symbols.txt in the table and returns it. Called by the
/// generated entries; thread safe.
void *chronomapPqResolve(unsigned index);
}

namespace {

[[noreturn]] void giveUp(const char *what)
{
    const char *why = dlerror();
    std::fprintf(stderr, "chronomap: cannot load libpq (%s): %s: %s\n", CHRONOMAP_PQ_SONAME, what,
                 why ? why : "unknown error");
    std::fflush(stderr);
    std::_Exit(127);
}

void *pqLibrary()
{
    static void *const library = [] {
        void *handle = dlopen(CHRONOMAP_PQ_SONAME, RTLD_LAZY | RTLD_GLOBAL); // as if linked
        if (!handle) giveUp("dlopen");
        return handle;
    }();
    return library;
}

} // namespace

extern "C" void *chronomapPqResolve(unsigned index)
{
    if (index >= chronomapPqCount) std::abort();
    void *address = dlsym(pqLibrary(), chronomapPqNames[index]);
    if (!address) giveUp(chronomapPqNames[index]);
    __atomic_store_n(&chronomapPqTable[index], address, __ATOMIC_RELEASE);
    return address;
}
