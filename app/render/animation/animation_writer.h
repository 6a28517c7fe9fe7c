// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "render/animation/animation_plan.h"
#include "render/animation/video_encoder.h"
#include "render/snapshot/snapshot_composer.h"
#include "render/snapshot/snapshot_metadata.h"

#include <QImage>
#include <QSize>
#include <QString>

#include <functional>
#include <optional>

namespace chronomap {

/// Writes the playback as a video (MP4/H.264 through libx264, WebM/VP9 through libvpx) or an
/// animated GIF (libavcodec's GIF encoder, one palette for the whole clip so colours do not
/// flicker). Each frame is the snapshot composition (SnapshotComposer::paint, the window's map
/// scene and timeline) of the state with the frame's time window, plus the window's dates in
/// large type over the map.
///
/// The encoding is the chronomap_video module's (VideoEncoder, loaded on the first write, so FFmpeg
/// costs nothing at start-up); when the module is missing the write fails saying so. The file goes
/// through QSaveFile: a failure or a cancel (disk full, encoder error) leaves no partial file and
/// never touches an existing one.
class AnimationWriter {
public:
    struct Options {
        QSize pixelSize{1920, 1080};        ///< device pixels; even sides for the videos
        double scale = 1.0;                 ///< device pixels per logical pixel (SnapshotWriter::autoScale)
        int fps = 4;                        ///< frames per second (1–60)
        QList<TimeWindow> frames;           ///< one time window per frame (AnimationPlan::frames)
        SnapshotMetadata metadata;          ///< written into the container (and a GIF comment)
        TimeStep step{TimeUnit::Week, 1};   ///< the plan's step, recorded in the metadata
        TimeStep window{TimeUnit::Week, 1}; ///< the plan's window length, recorded in the metadata
    };

    /// Called after each frame with the frames written and their total; false stops the write.
    using Progress = std::function<bool(int framesDone, int framesTotal)>;

    static constexpr int kMinFps = 1;
    static constexpr int kMaxFps = 60;
    /// GIF frames are at most this wide: wider ones are slow to make and heavy to share.
    static constexpr int kMaxGifWidthPx = 1280;

    /// The format a file name asks for (.mp4, .webm, .gif; case-insensitive).
    static std::optional<AnimationFormat> formatForPath(const QString &path);
    /// Why `options` cannot be written as `format`, or empty when they can.
    static QString checkOptions(AnimationFormat format, const Options &options);
    /// Why `format` cannot be written here (the video module is missing, or its FFmpeg lacks the
    /// encoder), or empty when it can. Loads the module.
    static QString encoderProblem(AnimationFormat format);

    /// The options' metadata with how the clip plays: AnimationStep and AnimationWindow (`1 week`,
    /// `3 months`, as --step and --window take them), AnimationFps, AnimationFrames.
    static SnapshotMetadata describeClip(const Options &options);

    /// Paints one frame: `state` gets `window` as its time window, then `composer` (built on
    /// `state`) paints at the options' size and the window's dates go over the map. The state
    /// keeps the window.
    static QImage paintFrame(ViewState &state, const SnapshotComposer &composer, const TimeWindow &window,
                             const Options &options);

    /// Writes the animation of `state` (its time window moved frame by frame; restored at the
    /// end) composed by `composer` to `path`. On failure returns false with a readable `error`
    /// ("cancelled" when `progress` stopped it).
    static bool write(ViewState &state, const SnapshotComposer &composer, const QString &path, const Options &options,
                      const Progress &progress = {}, QString *error = nullptr);
};

} // namespace chronomap
