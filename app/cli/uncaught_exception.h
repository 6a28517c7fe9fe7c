// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace chronomap::cli {

/// Makes an exception nothing caught print, before the process aborts, its type, its what()
/// and the stack where it was thrown (module and offset per frame: `addr2line -e chronomap
/// -f -C 0x…` on the same build names them). The default handler prints the type alone, which
/// told us nothing when a CI run's import died once of a std::bad_alloc.
/// Call first in main(); it covers every mode, the reader child and its zygote included.
void reportUncaughtExceptions();

} // namespace chronomap::cli
