// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QImage>
#include <QList>

#include <array>
#include <vector>

namespace chronomap {

/// One palette of at most 255 opaque colours for a whole GIF clip, made by median cut over
/// the colours of sample frames, and the nearest entry of every 15-bit colour for mapping
/// frames onto it quickly. The same colour maps to the same entry in every frame, so nothing
/// flickers (no dithering, whose noise would change from frame to frame). Plain value.
class GifPalette {
public:
    static constexpr int kMaxColours = 255; ///< index 255 stays free for the encoder's transparency

    /// Samples: RGB32 images of the same size.
    explicit GifPalette(const QList<QImage> &samples);

    /// 0xAARRGGBB, opaque; `size()` entries.
    const std::vector<quint32> &colours() const { return m_colours; }
    int size() const { return int(m_colours.size()); }
    /// Maps an RGB32 image onto the palette: one index byte per pixel, `linesize` bytes a row.
    void map(const QImage &image, quint8 *indices, int linesize) const;

private:
    std::vector<quint32> m_colours;
    std::vector<quint8> m_nearest; ///< 32768 entries, by 5-5-5 colour
};

} // namespace chronomap
