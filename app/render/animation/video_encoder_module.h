// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "render/animation/video_encoder.h"

#include <QString>
#include <QStringList>

#include <memory>

namespace chronomap {

/// Loads the chronomap_video module (FFmpeg behind VideoEncoder) on first use and makes encoders
/// from it. Nothing of FFmpeg is mapped before an animation export asks for it: `chronomap
/// --version`, snapshots and the window start without it.
///
/// The module is looked for beside the executable (the build tree puts it next to
/// app/chronomap), then in the installed library folder relative to the executable
/// (bin/../lib/chronomap, as `cmake --install` and the .deb lay it out), never in the source tree.
/// Thread-safe; the module, once loaded, stays for the process's life.
class VideoEncoderModule {
public:
    /// The module's file name (libchronomap_video.so).
    static QString fileName();
    /// Where it is looked for, in order.
    static QStringList candidates();
    /// Uses `path` instead of the candidates (test binaries, which live away from the app's).
    /// Call before the first use.
    static void setPath(const QString &path);

    /// Loads the module (once); false with `error` saying why it cannot.
    static bool load(QString *error = nullptr);
    /// A new encoder, or nullptr with `error` saying why (the module is missing, does not load,
    /// or is of another version).
    static std::unique_ptr<VideoEncoder> create(QString *error = nullptr);
    /// Whether the module loads and its FFmpeg has the encoder `format` needs.
    static bool hasEncoder(AnimationFormat format);
    /// Whether the module is mapped into this process (false until an animation export).
    static bool isLoaded();
};

} // namespace chronomap
