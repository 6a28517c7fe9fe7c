// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Where this build's trees and binaries are. Defined in test_paths.cpp alone, the one file compiled
// with their paths: defined on every test file, they made each file's compile line differ between
// two checkouts, so ccache served none of a second worktree's tests.

#include <QString>

namespace chronomap::test {

QString sourceDir();    ///< the source tree
QString testDataDir();  ///< tests/data in the source tree
QString chronomapExe(); ///< the chronomap binary of this build
QString videoModule();  ///< the FFmpeg video module of this build

} // namespace chronomap::test
