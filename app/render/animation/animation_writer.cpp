// SPDX-License-Identifier: GPL-3.0-or-later
#include "render/animation/animation_writer.h"

#include "render/animation/gif_palette.h"
#include "render/animation/video_encoder_module.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QFontMetricsF>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>
#include <QSaveFile>
#include <QTimeZone>

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
constexpr int kDayMs = 24 * 3600 * 1000;

bool fail(QString *error, const QString &message)
{
    if (error) *error = message;
    return false;
}

/// `1 week`, `3 months`: what --step and --window take back.
QString stepText(const TimeStep &step)
{
    const char *unit = "day";
    switch (step.unit) {
    case TimeUnit::Minute:
        unit = "minute";
        break;
    case TimeUnit::Hour:
        unit = "hour";
        break;
    case TimeUnit::Day:
        unit = "day";
        break;
    case TimeUnit::Week:
        unit = "week";
        break;
    case TimeUnit::Month:
        unit = "month";
        break;
    case TimeUnit::Year:
        unit = "year";
        break;
    }
    return QStringLiteral("%1 %2%3").arg(step.count).arg(QLatin1String(unit), step.count == 1 ? "" : "s");
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

QString AnimationWriter::encoderProblem(AnimationFormat format)
{
    QString error;
    if (!VideoEncoderModule::load(&error)) return error;
    if (!VideoEncoderModule::hasEncoder(format))
        return tr("this installation's FFmpeg has no encoder for %1")
            .arg(format == AnimationFormat::Mp4    ? QStringLiteral("MP4 (libx264)")
                 : format == AnimationFormat::WebM ? QStringLiteral("WebM (libvpx-vp9)")
                                                   : QStringLiteral("GIF"));
    return {};
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

SnapshotMetadata AnimationWriter::describeClip(const Options &options)
{
    SnapshotMetadata meta = options.metadata;
    meta.add(SnapshotMetadata::kAnimationStep, stepText(options.step));
    meta.add(SnapshotMetadata::kAnimationWindow, stepText(options.window));
    meta.add(SnapshotMetadata::kAnimationFps, QString::number(options.fps));
    meta.add(SnapshotMetadata::kAnimationFrames, QString::number(options.frames.size()));
    return meta;
}

bool AnimationWriter::write(ViewState &state, const SnapshotComposer &composer, const QString &path,
                            const Options &options, const Progress &progress, QString *error)
{
    const auto format = formatForPath(path);
    if (!format)
        return fail(error, tr("%1: unknown format '%2' (use .mp4, .webm or .gif)").arg(path, QFileInfo(path).suffix()));
    if (const QString problem = checkOptions(*format, options); !problem.isEmpty()) return fail(error, problem);
    // FFmpeg is mapped now, not at start-up (the chronomap_video module).
    QString moduleError;
    const std::unique_ptr<VideoEncoder> encoder = VideoEncoderModule::create(&moduleError);
    if (!encoder) return fail(error, moduleError);

    const auto restoreWindow = state.timeWindow();
    struct Restore {
        ViewState &state;
        std::optional<TimeWindow> window;
        ~Restore() { state.setTimeWindow(window); }
    } restore{state, restoreWindow};

    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) return fail(error, tr("cannot write %1: %2").arg(path, file.errorString()));
    auto abandon = [&](const QString &message) {
        file.cancelWriting();
        return fail(error, message);
    };
    const int total = int(options.frames.size());
    const int width = options.pixelSize.width(), height = options.pixelSize.height();
    auto encoderError = [&](VideoEncoder::Status status) {
        switch (status) {
        case VideoEncoder::Status::Ok:
            break;
        case VideoEncoder::Status::NoEncoder:
            return abandon(encoderProblem(*format));
        case VideoEncoder::Status::NoMemory:
            return abandon(tr("not enough memory to encode %1").arg(path));
        case VideoEncoder::Status::WriteFailed:
            return abandon(tr("cannot write %1: %2").arg(path, file.errorString()));
        case VideoEncoder::Status::EncodeFailed:
            if (file.error() != QFileDevice::NoError)
                return abandon(tr("cannot write %1: %2").arg(path, file.errorString()));
            return abandon(tr("cannot encode %1: %2").arg(path, encoder->detail()));
        }
        return abandon(tr("cannot encode %1").arg(path));
    };
    const QString cancelled = tr("cancelled");

    // What the snapshot records, so the clip can be reproduced, and how it plays: the whole
    // description as the container's comment (and a GIF comment extension).
    const SnapshotMetadata meta = describeClip(options);
    VideoEncoder::Settings settings;
    settings.format = *format;
    settings.pixelSize = options.pixelSize;
    settings.fps = options.fps;
    settings.title = meta.value(SnapshotMetadata::kTitle).toUtf8();
    settings.description = meta.toText().toUtf8();
    settings.datasetSha256 = meta.value(SnapshotMetadata::kDatasetSha256).toUtf8();
    if (const auto status = encoder->open(&file, settings); status != VideoEncoder::Status::Ok)
        return encoderError(status);

    std::unique_ptr<GifPalette> palette;
    QList<QRgb> colourTable;
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
        colourTable = QList<QRgb>(palette->colours().begin(), palette->colours().end());
    }

    QImage indexed;
    for (int k = 0; k < total; ++k) {
        const QImage image = paintFrame(state, composer, options.frames[k], options);
        if (image.isNull()) return abandon(tr("not enough memory for a %1x%2 image").arg(width).arg(height));
        VideoEncoder::Status status;
        if (palette) {
            if (indexed.isNull()) {
                indexed = QImage(options.pixelSize, QImage::Format_Indexed8);
                if (indexed.isNull()) return abandon(tr("not enough memory for a %1x%2 image").arg(width).arg(height));
                indexed.setColorTable(colourTable);
            }
            palette->map(image, indexed.bits(), int(indexed.bytesPerLine()));
            status = encoder->addFrame(indexed);
        } else {
            status = encoder->addFrame(image);
        }
        if (status != VideoEncoder::Status::Ok) return encoderError(status);
        if (progress && !progress(k + 1, total)) return abandon(cancelled);
    }
    if (const auto status = encoder->finish(); status != VideoEncoder::Status::Ok) return encoderError(status);
    if (file.error() != QFileDevice::NoError) return abandon(tr("cannot write %1: %2").arg(path, file.errorString()));
    if (!file.commit()) return fail(error, tr("cannot write %1: %2").arg(path, file.errorString()));
    return true;
}

} // namespace chronomap
