// SPDX-License-Identifier: GPL-3.0-or-later
#include "render/animation/animation_writer.h"

#include "render/animation/gif_palette.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QFontMetricsF>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>
#include <QSaveFile>
#include <QTimeZone>

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/dict.h>
#include <libavutil/imgutils.h>
#include <libavutil/opt.h>
#include <libswscale/swscale.h>
}

#include <cmath>
#include <memory>

namespace chronomap {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("chronomap::AnimationWriter", text); // the context lupdate files it under
}

constexpr double kLogicalDpi = 96.0;
constexpr double kDotsPerMeterPerDpi = 100.0 / 2.54;
constexpr int kAvioBufferBytes = 1 << 16;
constexpr int kDayMs = 24 * 3600 * 1000;

bool fail(QString *error, const QString &message)
{
    if (error) *error = message;
    return false;
}

QString avError(int code)
{
    char text[AV_ERROR_MAX_STRING_SIZE] = {};
    av_strerror(code, text, sizeof text);
    return QString::fromUtf8(text);
}

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

/// FFmpeg writes through this into a QSaveFile: the save file's atomicity (temporary file in the
/// target folder, renamed on commit, removed on cancel) covers every muxer.
struct SaveFileIo {
    QSaveFile *file = nullptr;
    bool failed = false;
    bool discarding = false; ///< an abandoned write: the muxer's last words go nowhere

    static int write(void *opaque, uint8_t *data, int size)
    {
        auto *self = static_cast<SaveFileIo *>(opaque);
        if (self->discarding) return size;
        if (self->file->write(reinterpret_cast<const char *>(data), size) != size) {
            self->failed = true;
            return AVERROR(EIO);
        }
        return size;
    }

    static int64_t seek(void *opaque, int64_t offset, int whence)
    {
        auto *self = static_cast<SaveFileIo *>(opaque);
        if (self->discarding) return AVERROR(EIO);
        if (whence & AVSEEK_SIZE) return self->file->size();
        qint64 target = offset;
        switch (whence & ~AVSEEK_FORCE) {
        case SEEK_SET:
            break;
        case SEEK_CUR:
            target = self->file->pos() + offset;
            break;
        case SEEK_END:
            target = self->file->size() + offset;
            break;
        default:
            return AVERROR(EINVAL);
        }
        if (!self->file->seek(target)) return AVERROR(EIO);
        return target;
    }
};

/// Everything FFmpeg allocates for one write, freed in any case.
struct Encoding {
    AVFormatContext *format = nullptr;
    AVCodecContext *codec = nullptr;
    AVStream *stream = nullptr;
    AVIOContext *io = nullptr;
    AVFrame *frame = nullptr;
    AVPacket *packet = nullptr;
    SwsContext *scaler = nullptr;
    bool headerWritten = false, trailerWritten = false;

    ~Encoding()
    {
        // A muxer stopped half-way (cancel, full disk) frees its queues and tables only in
        // av_write_trailer; what it writes then is dropped, the file is cancelled anyway.
        if (headerWritten && !trailerWritten && io) {
            static_cast<SaveFileIo *>(io->opaque)->discarding = true;
            av_write_trailer(format);
        }
        sws_freeContext(scaler);
        av_packet_free(&packet);
        av_frame_free(&frame);
        avcodec_free_context(&codec);
        if (io) {
            av_freep(&io->buffer);
            avio_context_free(&io);
        }
        if (format) {
            format->pb = nullptr; // ours, freed above
            avformat_free_context(format);
        }
    }
};

/// Sends `frame` (nullptr: flush) and writes every packet the encoder has ready.
int encodeAndWrite(Encoding &e, AVFrame *frame)
{
    int ret = avcodec_send_frame(e.codec, frame);
    if (ret < 0) return ret;
    while (true) {
        ret = avcodec_receive_packet(e.codec, e.packet);
        if (ret == AVERROR(EAGAIN) || ret == AVERROR_EOF) return 0;
        if (ret < 0) return ret;
        av_packet_rescale_ts(e.packet, e.codec->time_base, e.stream->time_base);
        e.packet->stream_index = e.stream->index;
        ret = av_interleaved_write_frame(e.format, e.packet);
        if (ret < 0) return ret;
    }
}

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

QString windowDates(const TimeWindow &window, const QString &language)
{
    const QLocale locale(language == u"es" ? QLocale::Spanish : QLocale::English);
    const bool wholeDays = window.fromMs % kDayMs == 0 && window.toMs % kDayMs == 0;
    auto format = [&](qint64 ms) {
        const QDateTime dt = QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc());
        return wholeDays ? locale.toString(dt.date(), QStringLiteral("d MMM yyyy"))
                         : locale.toString(dt, QStringLiteral("d MMM yyyy HH:mm"));
    };
    // Half-open window: its last whole day is the day before `to`.
    const QString from = format(window.fromMs), to = format(wholeDays ? window.toMs - kDayMs : window.toMs);
    return from == to ? from : from + QStringLiteral(" – ") + to;
}

} // namespace

std::optional<AnimationFormat> AnimationWriter::formatForPath(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == u"mp4") return AnimationFormat::Mp4;
    if (suffix == u"webm") return AnimationFormat::WebM;
    if (suffix == u"gif") return AnimationFormat::Gif;
    return std::nullopt;
}

bool AnimationWriter::encoderAvailable(AnimationFormat format)
{
    return avcodec_find_encoder_by_name(encoderName(format)) != nullptr;
}

QString AnimationWriter::checkOptions(AnimationFormat format, const Options &options)
{
    const QSize size = options.pixelSize;
    if (size.width() < 64 || size.height() < 64 || size.width() > 7680 || size.height() > 4320)
        return tr("%1x%2 is not a size between 64x64 and 7680x4320 pixels").arg(size.width()).arg(size.height());
    if (format != AnimationFormat::Gif && (size.width() % 2 != 0 || size.height() % 2 != 0))
        return tr("%1x%2: a video's sides must be even numbers of pixels").arg(size.width()).arg(size.height());
    if (format == AnimationFormat::Gif && size.width() > kMaxGifWidthPx)
        return tr("%1x%2: a GIF is at most %3 pixels wide (use MP4 or WebM for larger sizes)")
            .arg(size.width())
            .arg(size.height())
            .arg(kMaxGifWidthPx);
    if (options.fps < kMinFps || options.fps > kMaxFps)
        return tr("%1 frames per second is not between %2 and %3").arg(options.fps).arg(kMinFps).arg(kMaxFps);
    if (options.frames.isEmpty()) return tr("no frames: the time range is empty");
    if (!(options.scale > 0) || !std::isfinite(options.scale)) return tr("the scale must be a positive number");
    return {};
}

QImage AnimationWriter::paintFrame(ViewState &state, const SnapshotComposer &composer, const TimeWindow &window,
                                   const Options &options)
{
    state.setTimeWindow(window);
    QImage image(options.pixelSize, QImage::Format_RGB32);
    if (image.isNull()) return image;
    // As SnapshotWriter: fonts sized at 96 dpi whatever the screen says.
    image.setDotsPerMeterX(qRound(kLogicalDpi * kDotsPerMeterPerDpi));
    image.setDotsPerMeterY(qRound(kLogicalDpi * kDotsPerMeterPerDpi));
    image.setDevicePixelRatio(options.scale);
    image.fill(Qt::white);
    QPainter painter(&image);
    const QSizeF logical = image.deviceIndependentSize();
    const auto layout = composer.paint(painter, logical);
    if (layout && layout->map.width() > 0) {
        // The window's dates over the map's corner, large enough to read on a phone:
        // a 1080p frame shown 6 cm high still has them 2 mm tall.
        QFont font = MapStyle::standard().font;
        font.setPixelSize(std::max(14, qRound(logical.height() * 0.045)));
        font.setBold(true);
        const QString text = windowDates(window, state.language());
        const QFontMetricsF fm(font);
        const double pad = font.pixelSize() * 0.35;
        // Top right: the legend holds the top left, the attribution the bottom right.
        const QSizeF boxSize(std::min(fm.horizontalAdvance(text) + 2 * pad, layout->map.width() - 2 * pad),
                             fm.height() + pad);
        const QRectF box(layout->map.topRight() + QPointF(-pad - boxSize.width(), pad), boxSize);
        painter.setClipRect(layout->map); // never over the timeline of a short frame
        painter.setRenderHint(QPainter::Antialiasing, true);
        painter.setPen(Qt::NoPen);
        painter.setBrush(QColor(255, 255, 255, 225));
        painter.drawRoundedRect(box, pad * 0.6, pad * 0.6);
        painter.setFont(font);
        painter.setPen(QColor(0x22, 0x22, 0x22));
        painter.drawText(box, Qt::AlignCenter, fm.elidedText(text, Qt::ElideRight, box.width() - pad));
    }
    painter.end();
    return image;
}

bool AnimationWriter::write(ViewState &state, const SnapshotComposer &composer, const QString &path,
                            const Options &options, const Progress &progress, QString *error)
{
    static const bool quiet = [] {
        av_log_set_level(AV_LOG_ERROR); // not libx264's statistics on every export
        return true;
    }();
    Q_UNUSED(quiet);
    const auto format = formatForPath(path);
    if (!format)
        return fail(error, tr("%1: unknown format '%2' (use .mp4, .webm or .gif)").arg(path, QFileInfo(path).suffix()));
    if (const QString problem = checkOptions(*format, options); !problem.isEmpty()) return fail(error, problem);
    const AVCodec *encoder = avcodec_find_encoder_by_name(encoderName(*format));
    if (!encoder)
        return fail(error, tr("this FFmpeg has no %1 encoder").arg(QString::fromLatin1(encoderName(*format))));

    const auto restoreWindow = state.timeWindow();
    struct Restore {
        ViewState &state;
        std::optional<TimeWindow> window;
        ~Restore() { state.setTimeWindow(window); }
    } restore{state, restoreWindow};

    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) return fail(error, tr("cannot write %1: %2").arg(path, file.errorString()));
    SaveFileIo sink{&file};
    auto abandon = [&](const QString &message) {
        file.cancelWriting();
        return fail(error, message);
    };
    auto writeError = [&](int code) {
        if (sink.failed || file.error() != QFileDevice::NoError)
            return abandon(tr("cannot write %1: %2").arg(path, file.errorString()));
        return abandon(tr("cannot encode %1: %2").arg(path, avError(code)));
    };
    const QString cancelled = tr("cancelled");
    const int total = int(options.frames.size());
    const int width = options.pixelSize.width(), height = options.pixelSize.height();

    Encoding e;
    int ret = avformat_alloc_output_context2(&e.format, nullptr, muxerName(*format), nullptr);
    if (ret < 0 || !e.format) return writeError(ret);
    auto *buffer = static_cast<unsigned char *>(av_malloc(kAvioBufferBytes));
    e.io = avio_alloc_context(buffer, kAvioBufferBytes, 1, &sink, nullptr, &SaveFileIo::write, &SaveFileIo::seek);
    if (!e.io) {
        av_free(buffer);
        return abandon(tr("not enough memory to encode %1").arg(path));
    }
    e.format->pb = e.io;
    e.format->flags |= AVFMT_FLAG_CUSTOM_IO;

    e.codec = avcodec_alloc_context3(encoder);
    e.stream = avformat_new_stream(e.format, nullptr);
    e.frame = av_frame_alloc();
    e.packet = av_packet_alloc();
    if (!e.codec || !e.stream || !e.frame || !e.packet) return abandon(tr("not enough memory to encode %1").arg(path));
    e.codec->width = width;
    e.codec->height = height;
    e.codec->sample_aspect_ratio = AVRational{1, 1};
    AVDictionary *codecOptions = nullptr;
    if (*format == AnimationFormat::Gif) {
        // GIF delays count hundredths of a second.
        e.codec->time_base = AVRational{1, 100};
        e.codec->pix_fmt = AV_PIX_FMT_PAL8;
    } else {
        e.codec->time_base = AVRational{1, options.fps};
        e.codec->framerate = AVRational{options.fps, 1};
        e.codec->pix_fmt = AV_PIX_FMT_YUV420P;
        e.codec->gop_size = std::max(1, options.fps * 2);
        e.codec->thread_count = 0;
        e.codec->color_range = AVCOL_RANGE_MPEG;
        e.codec->colorspace = AVCOL_SPC_BT709;
        e.codec->color_primaries = AVCOL_PRI_BT709;
        e.codec->color_trc = AVCOL_TRC_BT709;
        if (*format == AnimationFormat::Mp4) {
            // A map changes little between frames: veryfast is a fraction of medium's time and
            // barely larger.
            av_dict_set(&codecOptions, "preset", "veryfast", 0);
            av_dict_set(&codecOptions, "crf", "20", 0);
            av_dict_set(&codecOptions, "tune", "animation", 0);
        } else {
            // libvpx's good quality mode takes seconds a 1080p frame; realtime at speed 8 keeps
            // WebM within a few times MP4's time.
            av_dict_set(&codecOptions, "deadline", "realtime", 0);
            av_dict_set(&codecOptions, "cpu-used", "8", 0);
            av_dict_set(&codecOptions, "row-mt", "1", 0);
            av_dict_set(&codecOptions, "crf", "32", 0);
            av_dict_set(&codecOptions, "b", "0", 0);
        }
    }
    if (e.format->oformat->flags & AVFMT_GLOBALHEADER) e.codec->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
    ret = avcodec_open2(e.codec, encoder, &codecOptions);
    av_dict_free(&codecOptions);
    if (ret < 0) return writeError(ret);
    ret = avcodec_parameters_from_context(e.stream->codecpar, e.codec);
    if (ret < 0) return writeError(ret);
    e.stream->time_base = e.codec->time_base;
    e.stream->avg_frame_rate = AVRational{options.fps, 1};

    // What the snapshot records, so the clip can be reproduced: the whole description as the
    // comment (MP4 ©cmt, Matroska COMMENT, and a GIF comment extension below).
    const SnapshotMetadata &meta = options.metadata;
    const QByteArray description = meta.toText().toUtf8();
    const QString title = meta.value(SnapshotMetadata::kTitle);
    if (!title.isEmpty()) av_dict_set(&e.format->metadata, "title", title.toUtf8().constData(), 0);
    av_dict_set(&e.format->metadata, "comment", description.constData(), 0);
    av_dict_set(&e.format->metadata, "description", description.constData(), 0);
    if (const QString sha = meta.value(SnapshotMetadata::kDatasetSha256);
        !sha.isEmpty() && *format == AnimationFormat::WebM)
        av_dict_set(&e.format->metadata, "DATASET_SHA256", sha.toUtf8().constData(), 0);

    AVDictionary *muxerOptions = nullptr;
    if (*format == AnimationFormat::Gif) av_dict_set(&muxerOptions, "loop", "0", 0);
    ret = avformat_write_header(e.format, &muxerOptions);
    av_dict_free(&muxerOptions);
    if (ret < 0) return writeError(ret);
    e.headerWritten = true;

    e.frame->format = e.codec->pix_fmt;
    e.frame->width = width;
    e.frame->height = height;
    ret = av_frame_get_buffer(e.frame, 0);
    if (ret < 0) return writeError(ret);

    std::unique_ptr<GifPalette> palette;
    if (*format == AnimationFormat::Gif) {
        // One palette for the clip, from its first, middle and last frames.
        QList<QImage> samples;
        for (int k : {0, total / 2, total - 1}) {
            samples.append(paintFrame(state, composer, options.frames[k], options));
            if (samples.last().isNull())
                return abandon(tr("not enough memory for a %1x%2 image").arg(width).arg(height));
            if (progress && !progress(0, total)) return abandon(cancelled);
        }
        palette = std::make_unique<GifPalette>(samples);
    } else {
        e.scaler = sws_getContext(width, height, AV_PIX_FMT_BGRA, width, height, AV_PIX_FMT_YUV420P,
                                  SWS_BILINEAR | SWS_ACCURATE_RND, nullptr, nullptr, nullptr);
        if (!e.scaler) return abandon(tr("cannot convert frames to %1x%2 video").arg(width).arg(height));
    }

    for (int k = 0; k < total; ++k) {
        const QImage image = paintFrame(state, composer, options.frames[k], options);
        if (image.isNull()) return abandon(tr("not enough memory for a %1x%2 image").arg(width).arg(height));
        ret = av_frame_make_writable(e.frame);
        if (ret < 0) return writeError(ret);
        if (palette) {
            palette->map(image, e.frame->data[0], e.frame->linesize[0]);
            auto *entries = reinterpret_cast<quint32 *>(e.frame->data[1]);
            for (int i = 0; i < 256; ++i)
                entries[i] = i < palette->size() ? palette->colours()[size_t(i)] : 0u; // 255: transparent
            e.frame->pts = av_rescale_q(k, AVRational{1, options.fps}, e.codec->time_base);
        } else {
            const uint8_t *source[1] = {image.constBits()};
            const int sourceStride[1] = {int(image.bytesPerLine())};
            sws_scale(e.scaler, source, sourceStride, 0, height, e.frame->data, e.frame->linesize);
            e.frame->pts = k;
        }
        ret = encodeAndWrite(e, e.frame);
        if (ret < 0) return writeError(ret);
        if (progress && !progress(k + 1, total)) return abandon(cancelled);
    }
    ret = encodeAndWrite(e, nullptr);
    if (ret < 0) return writeError(ret);
    ret = av_write_trailer(e.format);
    e.trailerWritten = true; // called once, whatever it returned
    if (ret < 0) return writeError(ret);
    avio_flush(e.io);
    if (sink.failed || e.io->error < 0) return writeError(e.io->error);

    if (*format == AnimationFormat::Gif) {
        // libavformat's GIF muxer writes no comment: put one before the trailer byte (0x3B),
        // where GIF allows an extension block.
        const qint64 end = file.size();
        if (end < 1 || !file.seek(end - 1)) return abandon(tr("cannot write %1: %2").arg(path, file.errorString()));
        const QByteArray tail = gifComment(description) + QByteArray(1, '\x3B');
        if (file.write(tail) != tail.size()) return abandon(tr("cannot write %1: %2").arg(path, file.errorString()));
    }
    if (file.error() != QFileDevice::NoError) return abandon(tr("cannot write %1: %2").arg(path, file.errorString()));
    if (!file.commit()) return fail(error, tr("cannot write %1: %2").arg(path, file.errorString()));
    return true;
}

} // namespace chronomap
