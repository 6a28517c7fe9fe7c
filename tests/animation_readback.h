// SPDX-License-Identifier: GPL-3.0-or-later
// Reads an exported animation back with FFmpeg's own demuxers and decoders: what a player sees.
#pragma once

#include <QImage>
#include <QString>

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/dict.h>
#include <libswscale/swscale.h>
}

#include <algorithm>

namespace chronomap::test {

struct ReadBack {
    bool opened = false;
    QString formatName; ///< the demuxer's (e.g. "mov,mp4,m4a,3gp,3g2,mj2", "matroska,webm", "gif")
    QString codec;      ///< the codec's short name: "h264", "vp9", "gif"
    int width = 0;
    int height = 0;
    int frames = 0;         ///< decoded frames
    double durationSec = 0; ///< last frame's end (pts + duration), in seconds
    QString comment;        ///< the container's "comment" tag
    QString title;          ///< the container's "title" tag
    QImage first, last;     ///< the first and last decoded frames, RGB32
};

inline QImage toImage(const AVFrame *frame)
{
    QImage image(frame->width, frame->height, QImage::Format_RGB32);
    SwsContext *sws =
        sws_getContext(frame->width, frame->height, AVPixelFormat(frame->format), frame->width, frame->height,
                       AV_PIX_FMT_BGRA, SWS_BILINEAR | SWS_ACCURATE_RND, nullptr, nullptr, nullptr);
    if (!sws) return {};
    uint8_t *dst[1] = {image.bits()};
    const int stride[1] = {int(image.bytesPerLine())};
    sws_scale(sws, frame->data, frame->linesize, 0, frame->height, dst, stride);
    sws_freeContext(sws);
    return image;
}

inline ReadBack readAnimation(const QString &path)
{
    ReadBack r;
    AVFormatContext *format = nullptr;
    if (avformat_open_input(&format, path.toUtf8().constData(), nullptr, nullptr) < 0) return r;
    if (avformat_find_stream_info(format, nullptr) < 0 || format->nb_streams != 1) {
        avformat_close_input(&format);
        return r;
    }
    r.opened = true;
    r.formatName = QString::fromUtf8(format->iformat->name);
    auto tag = [](AVDictionary *dict, const char *key) {
        const AVDictionaryEntry *entry = av_dict_get(dict, key, nullptr, AV_DICT_IGNORE_SUFFIX);
        return entry ? QString::fromUtf8(entry->value) : QString();
    };
    r.comment = tag(format->metadata, "comment");
    r.title = tag(format->metadata, "title");
    AVStream *stream = format->streams[0];
    const AVCodec *decoder = avcodec_find_decoder(stream->codecpar->codec_id);
    r.codec = decoder ? QString::fromUtf8(decoder->name) : QString();
    r.width = stream->codecpar->width;
    r.height = stream->codecpar->height;
    AVCodecContext *codec = avcodec_alloc_context3(decoder);
    avcodec_parameters_to_context(codec, stream->codecpar);
    if (avcodec_open2(codec, decoder, nullptr) < 0) {
        avcodec_free_context(&codec);
        avformat_close_input(&format);
        r.opened = false;
        return r;
    }
    AVPacket *packet = av_packet_alloc();
    AVFrame *frame = av_frame_alloc();
    int64_t endTs = 0;
    auto drain = [&] {
        while (avcodec_receive_frame(codec, frame) == 0) {
            if (r.frames == 0) r.first = toImage(frame);
            ++r.frames;
            r.last = toImage(frame);
            av_frame_unref(frame);
        }
    };
    while (av_read_frame(format, packet) >= 0) {
        if (packet->pts != AV_NOPTS_VALUE) endTs = std::max(endTs, packet->pts + packet->duration);
        avcodec_send_packet(codec, packet);
        av_packet_unref(packet);
        drain();
    }
    avcodec_send_packet(codec, nullptr);
    drain();
    r.durationSec =
        double(endTs - (stream->start_time == AV_NOPTS_VALUE ? 0 : stream->start_time)) * av_q2d(stream->time_base);
    av_frame_free(&frame);
    av_packet_free(&packet);
    avcodec_free_context(&codec);
    avformat_close_input(&format);
    return r;
}

/// Mean absolute difference per channel (0–255) of two RGB32 images of one size, leaving out
/// `skip` (e.g. where only one of them has a label).
inline double meanDifference(const QImage &a, const QImage &b, const QRect &skip = {})
{
    const QImage x = a.convertToFormat(QImage::Format_RGB32), y = b.convertToFormat(QImage::Format_RGB32);
    if (x.size() != y.size()) return 255;
    double sum = 0;
    qint64 n = 0;
    for (int row = 0; row < x.height(); ++row) {
        const auto *p = reinterpret_cast<const QRgb *>(x.constScanLine(row));
        const auto *q = reinterpret_cast<const QRgb *>(y.constScanLine(row));
        for (int col = 0; col < x.width(); ++col) {
            if (skip.contains(col, row)) continue;
            sum += std::abs(qRed(p[col]) - qRed(q[col])) + std::abs(qGreen(p[col]) - qGreen(q[col])) +
                   std::abs(qBlue(p[col]) - qBlue(q[col]));
            n += 3;
        }
    }
    return n ? sum / double(n) : 0;
}

} // namespace chronomap::test
