// SPDX-License-Identifier: GPL-3.0-or-later
// libpq on demand, for the chronomap executable only (chronomap_db and the tests link it as
// usual). libpq brings TLS, Kerberos and LDAP with it: some twenty libraries that every start
// loaded and relocated before main(), about 20 ms of a 60 ms start on the machines we measure
// on, for the PostGIS import and the live table alone. The executable defines each libpq
// function it calls as a jump through a table (app/on_demand); the first call of any of them
// loads libpq here.
#include "on_demand/on_demand.h"

#include <dlfcn.h>

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

constexpr const char *kLibrary = "libpq";

void *pqLibrary()
{
    static void *const library = [] {
        void *handle = dlopen(CHRONOMAP_PQ_SONAME, RTLD_LAZY | RTLD_GLOBAL); // as if linked
        if (!handle) chronomap::onDemand::giveUp(kLibrary, CHRONOMAP_PQ_SONAME, "dlopen");
        return handle;
    }();
    return library;
}

} // namespace

extern "C" void *chronomapPqResolve(unsigned index)
{
    if (index >= chronomapPqCount) std::abort();
    return chronomap::onDemand::fillEntry(pqLibrary(), chronomapPqTable, chronomapPqNames, index, kLibrary,
                                          CHRONOMAP_PQ_SONAME);
}
