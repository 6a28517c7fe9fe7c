// SPDX-License-Identifier: GPL-3.0-or-later
#include "render/snapshot/png_encoder.h"

#include <png.h>
#include <zlib.h>

#include <algorithm>
#include <csetjmp>
#include <functional>
#include <memory>
#include <new>
#include <optional>
#include <thread>
#include <vector>

namespace chronomap {

namespace {

constexpr int kBands = 2;         ///< rows deflated on this many threads: the machines have 2 cores or more
constexpr int kMinBandRows = 128; ///< smaller images in one band

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

/// One band of rows as zlib data without header or checksum: the rows as PNG stores them
/// unfiltered (a filter byte 0, then R, G, B per pixel), deflated on their own. All bands but the
/// last end on a byte boundary (Z_SYNC_FLUSH) so that the bands joined are one deflate stream.
struct Band {
    int firstRow = 0;
    int rows = 0;
    bool last = false;
    /// deflateBound()'s worth, left uninitialised: a 4K band's bound is 12 MB where its deflated
    /// rows take 1–2 MB, and zeroing the rest faulted in 25 MB of fresh pages per snapshot.
    std::unique_ptr<unsigned char[]> deflated;
    size_t deflatedBytes = 0;
    uLong adler = 1; ///< of the band's uncompressed bytes
    qsizetype rawBytes = 0;
    bool ok = false;
};

void deflateBand(const QImage &image, int zlibLevel, Band &band)
{
    z_stream z{};
    if (deflateInit2(&z, std::clamp(zlibLevel, 0, 9), Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) != Z_OK) return;
    const int width = image.width();
    const size_t rowBytes = 1 + 3 * size_t(width);
    band.rawBytes = qsizetype(rowBytes) * band.rows;
    const size_t capacity = deflateBound(&z, uLong(band.rawBytes)) + 64;
    band.deflated.reset(new (std::nothrow) unsigned char[capacity]); // not value-initialised
    if (!band.deflated) {
        deflateEnd(&z);
        return;
    }
    z.next_out = band.deflated.get();
    z.avail_out = uInt(capacity);
    constexpr int kStripRows = 16; // converted a few rows at a time into one small, reused buffer
    std::vector<unsigned char> strip(rowBytes * kStripRows);
    bool ok = true;
    for (int y = band.firstRow, end = band.firstRow + band.rows; ok && y < end; y += kStripRows) {
        const int rows = std::min(kStripRows, end - y);
        unsigned char *out = strip.data();
        for (int r = 0; r < rows; ++r) {
            // Format_RGB32 is 0xffRRGGBB per pixel, whatever the byte order.
            const auto *pixel = reinterpret_cast<const QRgb *>(image.constScanLine(y + r));
            *out++ = 0; // filter: none
            for (int x = 0; x < width; ++x) {
                *out++ = static_cast<unsigned char>(qRed(pixel[x]));
                *out++ = static_cast<unsigned char>(qGreen(pixel[x]));
                *out++ = static_cast<unsigned char>(qBlue(pixel[x]));
            }
        }
        const size_t bytes = rowBytes * size_t(rows);
        band.adler = adler32(band.adler, strip.data(), uInt(bytes));
        z.next_in = strip.data();
        z.avail_in = uInt(bytes);
        const bool final = y + rows >= end;
        const int flush = !final ? Z_NO_FLUSH : band.last ? Z_FINISH : Z_SYNC_FLUSH;
        const int rc = deflate(&z, flush);
        ok = z.avail_in == 0 && (rc == Z_OK || rc == Z_STREAM_END || rc == Z_BUF_ERROR) &&
             (!final || !band.last || rc == Z_STREAM_END);
    }
    band.deflatedBytes = capacity - z.avail_out;
    deflateEnd(&z);
    band.ok = ok;
}

/// The image's zlib stream (header, the bands' deflate data, the Adler-32 of it all): the bands
/// are deflated on threads of their own (a 4K snapshot's rows took 60 ms on one core).
std::optional<std::vector<unsigned char>> zlibStream(const QImage &image, int zlibLevel)
{
    const int bands = image.height() >= 2 * kMinBandRows ? kBands : 1;
    std::vector<Band> parts(static_cast<size_t>(bands));
    for (int b = 0; b < bands; ++b) {
        parts[size_t(b)].firstRow = int(qint64(image.height()) * b / bands);
        parts[size_t(b)].rows = int(qint64(image.height()) * (b + 1) / bands) - parts[size_t(b)].firstRow;
        parts[size_t(b)].last = b + 1 == bands;
    }
    std::vector<std::thread> threads;
    for (size_t b = 1; b < parts.size(); ++b)
        threads.emplace_back(deflateBand, std::cref(image), zlibLevel, std::ref(parts[b]));
    deflateBand(image, zlibLevel, parts.front());
    for (std::thread &thread : threads)
        thread.join();
    std::vector<unsigned char> stream = {0x78, 0x01}; // deflate, 32 KiB window; level hint unused by decoders
    size_t streamBytes = stream.size() + 4;
    for (const Band &band : parts)
        streamBytes += band.deflatedBytes;
    stream.reserve(streamBytes);
    uLong adler = 1;
    for (const Band &band : parts) {
        if (!band.ok) return std::nullopt;
        stream.insert(stream.end(), band.deflated.get(), band.deflated.get() + band.deflatedBytes);
        adler = adler32_combine(adler, band.adler, band.rawBytes);
    }
    for (int shift : {24, 16, 8, 0})
        stream.push_back(static_cast<unsigned char>(adler >> shift));
    return stream;
}

/// The part between setjmp and the end: no object with a destructor may live here, as libpng's
/// errors longjmp out of it. libpng writes the chunks; the pixel data comes deflated already
/// (`idat`), so IDAT and IEND are written as chunks. Returns false when libpng gave up.
bool encode(png_structp png, png_infop info, const QImage &image, std::vector<png_text> &chunks,
            const std::vector<unsigned char> &idat)
{
    if (setjmp(png_jmpbuf(png))) return false;
    png_set_IHDR(png, info, png_uint_32(image.width()), png_uint_32(image.height()), 8, PNG_COLOR_TYPE_RGB,
                 PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    if (image.dotsPerMeterX() > 0 && image.dotsPerMeterY() > 0)
        png_set_pHYs(png, info, png_uint_32(image.dotsPerMeterX()), png_uint_32(image.dotsPerMeterY()),
                     PNG_RESOLUTION_METER);
    if (!chunks.empty()) png_set_text(png, info, chunks.data(), int(chunks.size()));
    png_write_info(png, info);
    constexpr size_t kMaxChunk = size_t(1) << 30; // under PNG's 2^31 - 1
    for (size_t at = 0; at < idat.size(); at += kMaxChunk)
        png_write_chunk(png, reinterpret_cast<png_const_bytep>("IDAT"), idat.data() + at,
                        std::min(kMaxChunk, idat.size() - at));
    png_write_chunk(png, reinterpret_cast<png_const_bytep>("IEND"), nullptr, 0);
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
    const auto idat = zlibStream(image, zlibLevel);
    if (!idat) {
        if (error) *error = QStringLiteral("zlib could not compress the image");
        return {};
    }
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, &out, recordError, ignoreWarning);
    png_infop info = png ? png_create_info_struct(png) : nullptr;
    if (!info) {
        png_destroy_write_struct(&png, nullptr);
        if (error) *error = QStringLiteral("libpng could not start");
        return {};
    }
    png_set_write_fn(png, &out, appendBytes, noFlush);
    const bool written = encode(png, info, image, chunks, *idat);
    png_destroy_write_struct(&png, &info);
    if (!written) {
        if (error) *error = out.error;
        return {};
    }
    return out.bytes;
}

} // namespace chronomap
