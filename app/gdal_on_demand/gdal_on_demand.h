// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// GDAL on demand, for the chronomap executable only (the libraries and the tests link GDAL as
// usual). Linking libgdal makes every start load and relocate its ~120 dependencies (PDF,
// HEIF, Kerberos, PROJ, …) before main(): 100-200 ms of dynamic linking at this machine's load,
// against 20-50 ms for a program linking Qt alone. Most runs of the executable need none of it
// before their reader child reads a file (an export's base map comes from BaseMapCache), so the
// executable defines each GDAL function it calls as a jump through a table; the first call of
// any of them loads libgdal (dlopen) and fills that entry, later calls jump straight to GDAL.
// The reader zygote, forked at the start, loads GDAL itself, beside the app's own start.

extern "C" {

/// Loads libgdal once (aborting the process with a message on stderr if it cannot), stores
/// the address of entry `index` of gdal_symbols.txt in the table and returns it. Called by the
/// generated entries; thread safe.
void *chronomapGdalResolve(unsigned index);

/// One address per function of gdal_symbols.txt, null until resolved (gdal_entries.cpp).
extern void *chronomapGdalTable[];
extern const char *const chronomapGdalNames[];
extern const unsigned chronomapGdalCount;
}
