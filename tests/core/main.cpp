// SPDX-License-Identifier: GPL-3.0-or-later
// The core tests' runner: a QCoreApplication, so the link line proves the core needs no Gui.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>
#include "../test_paths.h"

#include "core/io/reader_process.h"

#include <QCoreApplication>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    // User files load in a reader child: the chronomap binary, not this one.
    chronomap::ReaderProcess::setExecutable(chronomap::test::chronomapExe());
    return Catch::Session().run(argc, argv);
}
