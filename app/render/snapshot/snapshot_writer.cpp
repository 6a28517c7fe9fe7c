// SPDX-License-Identifier: GPL-3.0-or-later
#include "render/snapshot/snapshot_writer.h"
#include "render/snapshot/png_encoder.h"

#include "render/vector_unit_state.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QImage>
#include <QBuffer>
#include <QImageWriter>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QSvgGenerator>

#include <cmath>
#include <cstring>
#include <thread>

namespace chronomap {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("SnapshotWriter", text);
}

// Logical pixels are 1/96 inch, as on a desktop screen at 100 %.
constexpr double kLogicalDpi = 96.0;
constexpr double kDotsPerMeterPerDpi = 100.0 / 2.54;

bool fail(QString *error, const QString &message)
{
    if (error) *error = message;
    return false;
}

constexpr qsizetype kFillInTwoBytes = qsizetype(4) << 20; // smaller images are filled on one thread

/// Fills a fresh image with white, the lower half on a second thread when it is large. Its
/// first write faults the memory in (33 MB for a 4K image; on the virtual machines we measure
/// on, the kernel clears fresh pages at about 1 GB/s), and the load's threads are done by now.
void fillWhite(QImage &image)
{
    if (image.format() != QImage::Format_RGB32 || image.sizeInBytes() < kFillInTwoBytes) {
        image.fill(Qt::white);
        return;
    }
    uchar *bits = image.bits(); // detaches here, before the threads
    const size_t rowBytes = size_t(image.bytesPerLine());
    const int half = image.height() / 2;
    std::thread lower([&] { std::memset(bits + half * rowBytes, 0xff, (image.height() - half) * rowBytes); });
    std::memset(bits, 0xff, half * rowBytes); // RGB32 white is 0xffffffff
    lower.join();
}

bool paintImage(const SnapshotComposer &composer, QImage &image, const SnapshotWriter::Options &options,
                const SnapshotComposer::Progress &progress)
{
    // Fonts are sized from the device's dots per inch: fix them at 96 while painting, so text
    // is the same size on every machine whatever its screen says.
    image.setDotsPerMeterX(qRound(kLogicalDpi * kDotsPerMeterPerDpi));
    image.setDotsPerMeterY(qRound(kLogicalDpi * kDotsPerMeterPerDpi));
    image.setDevicePixelRatio(options.scale);
    fillWhite(image);
    QPainter painter(&image);
    if (!painter.isActive()) return false;
    const bool painted = composer.paint(painter, image.deviceIndependentSize(), progress).has_value();
    painter.end();
    // Then record the physical resolution the size stands for (A4 at 300 dpi prints as A4).
    image.setDotsPerMeterX(qRound(kLogicalDpi * options.scale * kDotsPerMeterPerDpi));
    image.setDotsPerMeterY(qRound(kLogicalDpi * options.scale * kDotsPerMeterPerDpi));
    return painted;
}

} // namespace

bool SnapshotWriter::write(const SnapshotComposer &composer, const QString &path, const Options &options,
                           const SnapshotComposer::Progress &progress, QString *error)
{
    const auto format = SnapshotFormats::forPath(path);
    if (!format)
        return fail(
            error,
            tr("%1: unknown format '%2' (use %3)").arg(path, QFileInfo(path).suffix(), SnapshotFormats::suffixList()));
    if (const QString sizeError = SnapshotFormats::checkSize(options.pixelSize); !sizeError.isEmpty())
        return fail(error, sizeError);
    if (!(options.scale > 0) || !std::isfinite(options.scale))
        return fail(error, tr("the scale must be a positive number"));

    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) return fail(error, tr("cannot write %1: %2").arg(path, file.errorString()));
    auto abandon = [&](const QString &message) {
        file.cancelWriting();
        return fail(error, message);
    };
    const QString cancelled = tr("cancelled");
    // Every format is encoded in memory, then written in one piece: a full disk is then our
    // write's error with its reason, never an encoder or the PDF engine ending half-way unnoticed.
    QByteArray encoded;
    QBuffer memory(&encoded);
    memory.open(QIODevice::WriteOnly);
    const QSizeF logical = QSizeF(options.pixelSize) / options.scale;
    const SnapshotMetadata &meta = options.metadata;

    switch (*format) {
    case SnapshotFormat::Png:
    case SnapshotFormat::Jpeg: {
        QImage image(options.pixelSize, QImage::Format_RGB32);
        if (image.isNull())
            return abandon(tr("not enough memory for a %1x%2 image")
                               .arg(options.pixelSize.width())
                               .arg(options.pixelSize.height()));
        if (!paintImage(composer, image, options, progress)) return abandon(cancelled);
        if (*format == SnapshotFormat::Png) {
            clearUpperVectorState(); // after the painting's string hashing: zlib runs SSE code
            QString why;
            encoded = encodePng(image, meta.entries(), options.pngCompression, &why);
            if (encoded.isEmpty()) return abandon(tr("cannot encode %1: %2").arg(path, why));
        } else {
            for (const auto &[key, value] : meta.entries())
                image.setText(key, value);
            clearUpperVectorState(); // setText hashes strings; the JPEG encoder runs SSE code
            QImageWriter writer(&memory, "jpeg");
            writer.setQuality(std::clamp(options.jpegQuality, 0, 100));
            writer.setOptimizedWrite(true);
            if (!writer.write(image)) return abandon(tr("cannot encode %1: %2").arg(path, writer.errorString()));
        }
        break;
    }
    case SnapshotFormat::Svg: {
        QSvgGenerator svg;
        svg.setOutputDevice(&memory);
        svg.setSize(options.pixelSize);
        svg.setViewBox(QRectF(QPointF(0, 0), logical));
        svg.setResolution(int(kLogicalDpi)); // fonts: 9 pt = 12 logical px, as on screen
        svg.setTitle(meta.value(SnapshotMetadata::kTitle).isEmpty() ? composer.title()
                                                                    : meta.value(SnapshotMetadata::kTitle));
        svg.setDescription(meta.toText());
        QPainter painter;
        if (!painter.begin(&svg)) return abandon(tr("cannot write %1: %2").arg(path, memory.errorString()));
        const bool painted = composer.paint(painter, logical, progress).has_value();
        if (!painter.end() && painted) return abandon(tr("cannot write %1: %2").arg(path, memory.errorString()));
        if (!painted) return abandon(cancelled);
        break;
    }
    case SnapshotFormat::Pdf: {
        QPdfWriter pdf(&memory);
        // One logical pixel per PDF device unit; the page is the logical size at 96 dpi.
        pdf.setResolution(int(kLogicalDpi));
        const QSizeF pagePt = logical * (72.0 / kLogicalDpi);
        // QPageLayout turns a portrait page for landscape: give it the portrait form. A size that
        // matches a standard one (A4 at 300 dpi) gets that name.
        const bool landscape = pagePt.width() > pagePt.height();
        const QPageSize pageSize(landscape ? pagePt.transposed() : pagePt, QPageSize::Point, QString(),
                                 QPageSize::FuzzyOrientationMatch);
        if (!pdf.setPageLayout(
                QPageLayout(pageSize, landscape ? QPageLayout::Landscape : QPageLayout::Portrait, QMarginsF())))
            return abandon(tr("cannot set up a %1x%2 pt PDF page").arg(pagePt.width()).arg(pagePt.height()));
        pdf.setTitle(meta.value(SnapshotMetadata::kTitle).isEmpty() ? composer.title()
                                                                    : meta.value(SnapshotMetadata::kTitle));
        pdf.setCreator(meta.value(SnapshotMetadata::kSoftware).isEmpty()
                           ? QStringLiteral("Chronomap " CHRONOMAP_VERSION)
                           : meta.value(SnapshotMetadata::kSoftware));
        if (!meta.entries().isEmpty()) pdf.setDocumentXmpMetadata(meta.toXmp());
        QPainter painter;
        if (!painter.begin(&pdf)) return abandon(tr("cannot write %1: %2").arg(path, memory.errorString()));
        const bool painted = composer.paint(painter, logical, progress).has_value();
        if (!painter.end() && painted) return abandon(tr("cannot write %1: %2").arg(path, memory.errorString()));
        if (!painted) return abandon(cancelled);
        break;
    }
    }

    memory.close();
    if (file.write(encoded) != encoded.size() || file.error() != QFileDevice::NoError)
        return abandon(tr("cannot write %1: %2").arg(path, file.errorString()));
    if (progress && !progress(95)) return abandon(cancelled);
    if (!file.commit()) return fail(error, tr("cannot write %1: %2").arg(path, file.errorString()));
    if (progress) progress(100);
    return true;
}

} // namespace chronomap
