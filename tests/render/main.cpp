// SPDX-License-Identifier: GPL-3.0-or-later
// The render tests' runner: a QGuiApplication, no widgets. The offscreen platform is set before
// the application exists, because catch_discover_tests runs this binary at build time with no
// environment of ours.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>
#include "../test_paths.h"

#include "render/animation/video_encoder_module.h"

#include <QGuiApplication>

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    // The animation encoder module of this build tree.
    chronomap::VideoEncoderModule::setPath(chronomap::test::videoModule());
    return Catch::Session().run(argc, argv);
}
