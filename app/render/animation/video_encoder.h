// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QImage>
#include <QSize>
#include <QString>

class QIODevice;

namespace chronomap {

enum class AnimationFormat : quint8 { Mp4, WebM, Gif };

/// The FFmpeg half of an animation export: frames in, a muxed file out. It lives in the
/// chronomap_video module (app/video/), which links libavcodec, libavformat and libswscale and is
/// loaded by VideoEncoderModule on the first animation export, so that FFmpeg and the ~80
/// libraries it pulls in cost nothing at start-up. Header only: the module sees nothing else of
/// the render layer, and the app nothing of FFmpeg.
///
/// One object writes one file: open(), addFrame() per frame, finish(). The device belongs to
/// the caller (a QSaveFile, which it commits or cancels). Errors say what failed and FFmpeg's
/// words for it; the caller turns them into a translated message.
class VideoEncoder {
public:
    /// Raised when the interface below changes: a module of another version is refused.
    static constexpr int kInterfaceVersion = 1;

    struct Settings {
        AnimationFormat format = AnimationFormat::Mp4;
        QSize pixelSize;          ///< even sides for the videos
        int fps = 4;              ///< frames per second
        QByteArray title;         ///< UTF-8, may be empty
        QByteArray description;   ///< UTF-8; the container's comment and a GIF comment extension
        QByteArray datasetSha256; ///< hex; also a tag of its own in WebM
    };

    enum class Status : quint8 {
        Ok,
        NoEncoder, ///< this FFmpeg lacks the format's encoder
        NoMemory,
        WriteFailed, ///< the device refused bytes (disk full, file size limit)
        EncodeFailed ///< FFmpeg's own error, in `detail()`
    };

    virtual ~VideoEncoder() = default;

    /// Opens the encoder and writes the container's header into `out` (open, writable, seekable).
    virtual Status open(QIODevice *out, const Settings &settings) = 0;
    /// Encodes one frame of the settings' size: RGB32 for MP4 and WebM, Indexed8 with at most
    /// 255 colours (the clip's one palette) for GIF.
    virtual Status addFrame(const QImage &frame) = 0;
    /// Flushes the encoder and writes the trailer (and the GIF comment).
    virtual Status finish() = 0;
    /// FFmpeg's message for the last EncodeFailed.
    virtual QString detail() const = 0;
};

} // namespace chronomap
