// SPDX-License-Identifier: GPL-3.0-or-later
// The chronomap_video module: VideoEncoder on FFmpeg's libraries (render/animation/video_encoder.h).
// Loaded at run time by VideoEncoderModule, so that only an animation export maps FFmpeg.
#include "render/animation/video_encoder.h"

#include <QIODevice>
#include <QtGlobal>

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/dict.h>
#include <libavutil/imgutils.h>
#include <libavutil/opt.h>
#include <libswscale/swscale.h>
}

#include <algorithm>
#include <cstring>

namespace chronomap {

namespace {

constexpr int kAvioBufferBytes = 1 << 16;

const char *encoderName(AnimationFormat format)
{
    switch (format) {
    case AnimationFormat::Mp4:
        return "libx264";
    case AnimationFormat::WebM:
        return "libvpx-vp9";
    case AnimationFormat::Gif:
        return "gif";
    }
    return "";
}

const char *muxerName(AnimationFormat format)
{
    switch (format) {
    case AnimationFormat::Mp4:
        return "mp4";
    case AnimationFormat::WebM:
        return "webm";
    case AnimationFormat::Gif:
        return "gif";
    }
    return "";
}

/// FFmpeg writes through this into the caller's device (a QSaveFile: its atomicity, a temporary
/// file in the target folder renamed on commit, covers every muxer).
struct DeviceIo {
    QIODevice *device = nullptr;
    bool failed = false;
    bool discarding = false; ///< an abandoned write: the muxer's last words go nowhere

    static int write(void *opaque, uint8_t *data, int size)
    {
        auto *self = static_cast<DeviceIo *>(opaque);
        if (self->discarding) return size;
        if (self->device->write(reinterpret_cast<const char *>(data), size) != size) {
            self->failed = true;
            return AVERROR(EIO);
        }
        return size;
    }

    static int64_t seek(void *opaque, int64_t offset, int whence)
    {
        auto *self = static_cast<DeviceIo *>(opaque);
        if (self->discarding) return AVERROR(EIO);
        if (whence & AVSEEK_SIZE) return self->device->size();
        qint64 target = offset;
        switch (whence & ~AVSEEK_FORCE) {
        case SEEK_SET:
            break;
        case SEEK_CUR:
            target = self->device->pos() + offset;
            break;
        case SEEK_END:
            target = self->device->size() + offset;
            break;
        default:
            return AVERROR(EINVAL);
        }
        if (!self->device->seek(target)) return AVERROR(EIO);
        return target;
    }
};

/// A GIF comment extension (0x21 0xFE, sub-blocks of at most 255 bytes, 0 terminator).
QByteArray gifComment(const QByteArray &text)
{
    QByteArray block("\x21\xFE", 2);
    for (qsizetype at = 0; at < text.size(); at += 255) {
        const QByteArray part = text.mid(at, 255);
        block.append(char(part.size()));
        block.append(part);
    }
    block.append('\0');
    return block;
}

class FfmpegVideoEncoder final : public VideoEncoder {
public:
    ~FfmpegVideoEncoder() override
    {
        // A muxer stopped half-way (cancel, full disk) frees its queues and tables only in
        // av_write_trailer; what it writes then is dropped, the file is cancelled anyway.
        if (m_headerWritten && !m_trailerWritten && m_io) {
            m_sink.discarding = true;
            av_write_trailer(m_format);
        }
        sws_freeContext(m_scaler);
        av_packet_free(&m_packet);
        av_frame_free(&m_frame);
        avcodec_free_context(&m_codec);
        if (m_io) {
            av_freep(&m_io->buffer);
            avio_context_free(&m_io);
        }
        if (m_format) {
            m_format->pb = nullptr; // ours, freed above
            avformat_free_context(m_format);
        }
    }

    Status open(QIODevice *out, const Settings &settings) override
    {
        static const bool quiet = [] {
            av_log_set_level(AV_LOG_ERROR); // not libx264's statistics on every export
            return true;
        }();
        Q_UNUSED(quiet);
        m_settings = settings;
        m_sink.device = out;
        const AnimationFormat format = settings.format;
        const AVCodec *encoder = avcodec_find_encoder_by_name(encoderName(format));
        if (!encoder) return Status::NoEncoder;
        const int width = settings.pixelSize.width(), height = settings.pixelSize.height();

        int ret = avformat_alloc_output_context2(&m_format, nullptr, muxerName(format), nullptr);
        if (ret < 0 || !m_format) return failed(ret);
        auto *buffer = static_cast<unsigned char *>(av_malloc(kAvioBufferBytes));
        m_io = avio_alloc_context(buffer, kAvioBufferBytes, 1, &m_sink, nullptr, &DeviceIo::write, &DeviceIo::seek);
        if (!m_io) {
            av_free(buffer);
            return Status::NoMemory;
        }
        m_format->pb = m_io;
        m_format->flags |= AVFMT_FLAG_CUSTOM_IO;

        m_codec = avcodec_alloc_context3(encoder);
        m_stream = avformat_new_stream(m_format, nullptr);
        m_frame = av_frame_alloc();
        m_packet = av_packet_alloc();
        if (!m_codec || !m_stream || !m_frame || !m_packet) return Status::NoMemory;
        m_codec->width = width;
        m_codec->height = height;
        m_codec->sample_aspect_ratio = AVRational{1, 1};
        AVDictionary *codecOptions = nullptr;
        if (format == AnimationFormat::Gif) {
            // GIF delays count hundredths of a second.
            m_codec->time_base = AVRational{1, 100};
            m_codec->pix_fmt = AV_PIX_FMT_PAL8;
        } else {
            m_codec->time_base = AVRational{1, settings.fps};
            m_codec->framerate = AVRational{settings.fps, 1};
            m_codec->pix_fmt = AV_PIX_FMT_YUV420P;
            m_codec->gop_size = std::max(1, settings.fps * 2);
            m_codec->thread_count = 0;
            m_codec->color_range = AVCOL_RANGE_MPEG;
            m_codec->colorspace = AVCOL_SPC_BT709;
            m_codec->color_primaries = AVCOL_PRI_BT709;
            m_codec->color_trc = AVCOL_TRC_BT709;
            if (format == AnimationFormat::Mp4) {
                // A map changes little between frames: veryfast is a fraction of medium's time
                // and barely larger.
                av_dict_set(&codecOptions, "preset", "veryfast", 0);
                av_dict_set(&codecOptions, "crf", "20", 0);
                av_dict_set(&codecOptions, "tune", "animation", 0);
            } else {
                // libvpx's good quality mode takes seconds a 1080p frame; realtime at speed 8
                // keeps WebM within a few times MP4's time.
                av_dict_set(&codecOptions, "deadline", "realtime", 0);
                av_dict_set(&codecOptions, "cpu-used", "8", 0);
                av_dict_set(&codecOptions, "row-mt", "1", 0);
                av_dict_set(&codecOptions, "crf", "32", 0);
                av_dict_set(&codecOptions, "b", "0", 0);
            }
        }
        if (m_format->oformat->flags & AVFMT_GLOBALHEADER) m_codec->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
        ret = avcodec_open2(m_codec, encoder, &codecOptions);
        av_dict_free(&codecOptions);
        if (ret < 0) return failed(ret);
        ret = avcodec_parameters_from_context(m_stream->codecpar, m_codec);
        if (ret < 0) return failed(ret);
        m_stream->time_base = m_codec->time_base;
        m_stream->avg_frame_rate = AVRational{settings.fps, 1};

        // The whole description as the comment (MP4 ©cmt, Matroska COMMENT; the GIF muxer
        // writes none, finish() adds a comment extension).
        if (!settings.title.isEmpty()) av_dict_set(&m_format->metadata, "title", settings.title.constData(), 0);
        av_dict_set(&m_format->metadata, "comment", settings.description.constData(), 0);
        av_dict_set(&m_format->metadata, "description", settings.description.constData(), 0);
        if (!settings.datasetSha256.isEmpty() && format == AnimationFormat::WebM)
            av_dict_set(&m_format->metadata, "DATASET_SHA256", settings.datasetSha256.constData(), 0);

        AVDictionary *muxerOptions = nullptr;
        if (format == AnimationFormat::Gif) av_dict_set(&muxerOptions, "loop", "0", 0);
        ret = avformat_write_header(m_format, &muxerOptions);
        av_dict_free(&muxerOptions);
        if (ret < 0) return failed(ret);
        m_headerWritten = true;

        m_frame->format = m_codec->pix_fmt;
        m_frame->width = width;
        m_frame->height = height;
        ret = av_frame_get_buffer(m_frame, 0);
        if (ret < 0) return failed(ret);
        if (format != AnimationFormat::Gif) {
            m_scaler = sws_getContext(width, height, AV_PIX_FMT_BGRA, width, height, AV_PIX_FMT_YUV420P,
                                      SWS_BILINEAR | SWS_ACCURATE_RND, nullptr, nullptr, nullptr);
            if (!m_scaler) return Status::NoMemory;
        }
        return Status::Ok;
    }

    Status addFrame(const QImage &image) override
    {
        if (!m_headerWritten || image.size() != m_settings.pixelSize) return failed(AVERROR(EINVAL));
        int ret = av_frame_make_writable(m_frame);
        if (ret < 0) return failed(ret);
        const int height = m_settings.pixelSize.height();
        if (m_settings.format == AnimationFormat::Gif) {
            if (image.format() != QImage::Format_Indexed8 || image.colorCount() > 255) return failed(AVERROR(EINVAL));
            const qsizetype rowBytes = image.width();
            for (int y = 0; y < height; ++y)
                std::memcpy(m_frame->data[0] + qsizetype(y) * m_frame->linesize[0], image.constScanLine(y),
                            size_t(rowBytes));
            auto *entries = reinterpret_cast<quint32 *>(m_frame->data[1]);
            const QList<QRgb> table = image.colorTable();
            for (int i = 0; i < 256; ++i)
                entries[i] = i < table.size() ? table[i] : 0u; // 255: transparent
            m_frame->pts = av_rescale_q(m_frameCount, AVRational{1, m_settings.fps}, m_codec->time_base);
        } else {
            if (image.format() != QImage::Format_RGB32 && image.format() != QImage::Format_ARGB32)
                return failed(AVERROR(EINVAL));
            const uint8_t *source[1] = {image.constBits()};
            const int sourceStride[1] = {int(image.bytesPerLine())};
            sws_scale(m_scaler, source, sourceStride, 0, height, m_frame->data, m_frame->linesize);
            m_frame->pts = m_frameCount;
        }
        ++m_frameCount;
        return encodeAndWrite(m_frame);
    }

    Status finish() override
    {
        if (!m_headerWritten) return failed(AVERROR(EINVAL));
        if (const Status flushed = encodeAndWrite(nullptr); flushed != Status::Ok) return flushed;
        const int ret = av_write_trailer(m_format);
        m_trailerWritten = true; // called once, whatever it returned
        if (ret < 0) return failed(ret);
        avio_flush(m_io);
        if (m_sink.failed) return Status::WriteFailed;
        if (m_io->error < 0) return failed(m_io->error);
        if (m_settings.format == AnimationFormat::Gif) {
            // libavformat's GIF muxer writes no comment: put one before the trailer byte (0x3B),
            // where GIF allows an extension block.
            QIODevice *device = m_sink.device;
            const qint64 end = device->size();
            if (end < 1 || !device->seek(end - 1)) return Status::WriteFailed;
            const QByteArray tail = gifComment(m_settings.description) + QByteArray(1, '\x3B');
            if (device->write(tail) != tail.size()) return Status::WriteFailed;
        }
        return Status::Ok;
    }

    QString detail() const override { return m_detail; }

private:
    Status failed(int code)
    {
        if (m_sink.failed) return Status::WriteFailed;
        char text[AV_ERROR_MAX_STRING_SIZE] = {};
        av_strerror(code, text, sizeof text);
        m_detail = QString::fromUtf8(text);
        return Status::EncodeFailed;
    }

    /// Sends `frame` (nullptr: flush) and writes every packet the encoder has ready.
    Status encodeAndWrite(AVFrame *frame)
    {
        int ret = avcodec_send_frame(m_codec, frame);
        if (ret < 0) return failed(ret);
        while (true) {
            ret = avcodec_receive_packet(m_codec, m_packet);
            if (ret == AVERROR(EAGAIN) || ret == AVERROR_EOF) return Status::Ok;
            if (ret < 0) return failed(ret);
            av_packet_rescale_ts(m_packet, m_codec->time_base, m_stream->time_base);
            m_packet->stream_index = m_stream->index;
            ret = av_interleaved_write_frame(m_format, m_packet);
            if (ret < 0) return failed(ret);
        }
    }

    Settings m_settings;
    DeviceIo m_sink;
    AVFormatContext *m_format = nullptr;
    AVCodecContext *m_codec = nullptr;
    AVStream *m_stream = nullptr;
    AVIOContext *m_io = nullptr;
    AVFrame *m_frame = nullptr;
    AVPacket *m_packet = nullptr;
    SwsContext *m_scaler = nullptr;
    qint64 m_frameCount = 0;
    bool m_headerWritten = false, m_trailerWritten = false;
    QString m_detail;
};

} // namespace

} // namespace chronomap

// The module's two entry points (VideoEncoderModule resolves them by name). Each refuses a
// caller built against another version of the interface.
extern "C" Q_DECL_EXPORT chronomap::VideoEncoder *chronomap_video_create_encoder(int interfaceVersion)
{
    if (interfaceVersion != chronomap::VideoEncoder::kInterfaceVersion) return nullptr;
    return new chronomap::FfmpegVideoEncoder;
}

extern "C" Q_DECL_EXPORT bool chronomap_video_has_encoder(int interfaceVersion, int format)
{
    if (interfaceVersion != chronomap::VideoEncoder::kInterfaceVersion) return false;
    return avcodec_find_encoder_by_name(chronomap::encoderName(chronomap::AnimationFormat(format))) != nullptr;
}
