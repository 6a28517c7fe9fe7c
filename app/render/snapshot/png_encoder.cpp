// SPDX-License-Identifier: GPL-3.0-or-later
#include "render/snapshot/png_encoder.h"

#include <png.h>

#include <algorithm>
#include <csetjmp>
#include <new>
#include <vector>

namespace chronomap {

namespace {

struct Output {
    QByteArray bytes;
    QString error;
};

void appendBytes(png_structp png, png_bytep data, size_t size)
{
    auto *out = static_cast<Output *>(png_get_io_ptr(png));
    bool full = false;
    try {
        out->bytes.append(reinterpret_cast<const char *>(data), qsizetype(size));
    } catch (const std::bad_alloc &) {
        full = true;
    }
    if (full) png_error(png, "not enough memory for the encoded image"); // longjmps to encode()
}

void noFlush(png_structp) {}

void recordError(png_structp png, png_const_charp message)
{
    static_cast<Output *>(png_get_error_ptr(png))->error = QString::fromUtf8(message);
    png_longjmp(png, 1);
}

void ignoreWarning(png_structp, png_const_charp) {}

/// The part between setjmp and the end: no object with a destructor may live here, as libpng's
/// errors longjmp out of it. Returns false when libpng gave up.
bool encode(png_structp png, png_infop info, const QImage &image, std::vector<png_text> &chunks, int zlibLevel)
{
    if (setjmp(png_jmpbuf(png))) return false;
    png_set_IHDR(png, info, png_uint_32(image.width()), png_uint_32(image.height()), 8, PNG_COLOR_TYPE_RGB,
                 PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    if (image.dotsPerMeterX() > 0 && image.dotsPerMeterY() > 0)
        png_set_pHYs(png, info, png_uint_32(image.dotsPerMeterX()), png_uint_32(image.dotsPerMeterY()),
                     PNG_RESOLUTION_METER);
    if (!chunks.empty()) png_set_text(png, info, chunks.data(), int(chunks.size()));
    png_set_compression_level(png, std::clamp(zlibLevel, 0, 9));
    png_set_filter(png, PNG_FILTER_TYPE_BASE, PNG_FILTER_NONE);
    png_write_info(png, info);
    // Format_RGB32 is 0xffRRGGBB per pixel: B, G, R, X in memory on little-endian machines.
#if Q_BYTE_ORDER == Q_LITTLE_ENDIAN
    png_set_bgr(png);
    png_set_filler(png, 0, PNG_FILLER_AFTER);
#else
    png_set_filler(png, 0, PNG_FILLER_BEFORE);
#endif
    for (int y = 0; y < image.height(); ++y)
        png_write_row(png, image.constScanLine(y));
    png_write_end(png, info);
    return true;
}

} // namespace

QByteArray encodePng(const QImage &image, const QList<std::pair<QString, QString>> &text, int zlibLevel, QString *error)
{
    Q_ASSERT(image.format() == QImage::Format_RGB32);
    Output out;
    // The chunks' bytes, alive until the image is written.
    std::vector<QByteArray> keys, values;
    std::vector<png_text> chunks;
    keys.reserve(size_t(text.size()));
    values.reserve(size_t(text.size()));
    for (const auto &[key, value] : text) {
        keys.push_back(key.toLatin1().left(79)); // PNG keywords: Latin-1, 1 to 79 bytes
        const bool latin1 = std::all_of(value.cbegin(), value.cend(), [](QChar c) { return c.unicode() < 256; });
        values.push_back(latin1 ? value.toLatin1() : value.toUtf8());
        png_text chunk{};
        chunk.compression = latin1 ? PNG_TEXT_COMPRESSION_NONE : PNG_ITXT_COMPRESSION_NONE;
        chunk.key = keys.back().data();
        chunk.text = values.back().data();
        chunk.text_length = latin1 ? size_t(values.back().size()) : 0;
        chunk.itxt_length = latin1 ? 0 : size_t(values.back().size());
        chunk.lang = nullptr;
        chunk.lang_key = nullptr;
        chunks.push_back(chunk);
    }
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, &out, recordError, ignoreWarning);
    png_infop info = png ? png_create_info_struct(png) : nullptr;
    if (!info) {
        png_destroy_write_struct(&png, nullptr);
        if (error) *error = QStringLiteral("libpng could not start");
        return {};
    }
    png_set_write_fn(png, &out, appendBytes, noFlush);
    const bool written = encode(png, info, image, chunks, zlibLevel);
    png_destroy_write_struct(&png, &info);
    if (!written) {
        if (error) *error = out.error;
        return {};
    }
    return out.bytes;
}

} // namespace chronomap
