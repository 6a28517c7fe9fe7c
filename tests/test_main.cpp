// SPDX-License-Identifier: GPL-3.0-or-later
// The widget and command-line tests' runner (core/ and render/ have their own). The offscreen
// platform is set before the application exists, because catch_discover_tests runs this binary at
// build time with no environment of ours.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>
#include "test_paths.h"

#include "render/animation/video_encoder_module.h"

#include "core/io/reader_process.h"

#include <QApplication>

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    // User files load in a reader child: the chronomap binary, not this one.
    chronomap::ReaderProcess::setExecutable(chronomap::test::chronomapExe());
    // The animation encoder module of this build tree.
    chronomap::VideoEncoderModule::setPath(chronomap::test::videoModule());
    return Catch::Session().run(argc, argv);
}
