// SPDX-License-Identifier: GPL-3.0-or-later
#include "render/animation/gif_palette.h"

#include <algorithm>
#include <limits>

namespace chronomap {

namespace {

constexpr int kBuckets = 1 << 15;

int bucketOf(QRgb rgb)
{
    return ((qRed(rgb) >> 3) << 10) | ((qGreen(rgb) >> 3) << 5) | (qBlue(rgb) >> 3);
}

struct Entry {
    int bucket;
    quint64 count;
    quint64 r, g, b; ///< sums of the exact colours
};

/// A box of the median cut: a run of entries.
struct Box {
    size_t begin, end;
    quint64 weight;
};

int channelOf(const Entry &e, int channel)
{
    return (e.bucket >> (10 - 5 * channel)) & 31;
}

} // namespace

GifPalette::GifPalette(const QList<QImage> &samples)
{
    std::vector<Entry> histogram(kBuckets);
    for (int k = 0; k < kBuckets; ++k)
        histogram[k] = Entry{k, 0, 0, 0, 0};
    for (const QImage &sample : samples) {
        const QImage image = sample.convertToFormat(QImage::Format_RGB32);
        for (int y = 0; y < image.height(); ++y) {
            const auto *line = reinterpret_cast<const QRgb *>(image.constScanLine(y));
            for (int x = 0; x < image.width(); ++x) {
                Entry &e = histogram[bucketOf(line[x])];
                ++e.count;
                e.r += qRed(line[x]);
                e.g += qGreen(line[x]);
                e.b += qBlue(line[x]);
            }
        }
    }
    std::vector<Entry> used;
    for (const Entry &e : histogram)
        if (e.count > 0) used.push_back(e);
    if (used.empty()) used.push_back(Entry{bucketOf(qRgb(255, 255, 255)), 1, 255, 255, 255});

    // Median cut: split the box with the most pixels (and more than one colour) along its
    // widest channel at the weighted median, until there are enough boxes.
    std::vector<Box> boxes{{0, used.size(), 0}};
    for (const Entry &e : used)
        boxes[0].weight += e.count;
    while (int(boxes.size()) < kMaxColours) {
        auto candidate = boxes.end();
        for (auto it = boxes.begin(); it != boxes.end(); ++it)
            if (it->end - it->begin > 1 && (candidate == boxes.end() || it->weight > candidate->weight)) candidate = it;
        if (candidate == boxes.end()) break;
        Box box = *candidate;
        int widest = 0, widestSpan = -1;
        for (int channel = 0; channel < 3; ++channel) {
            int lo = 31, hi = 0;
            for (size_t k = box.begin; k < box.end; ++k) {
                lo = std::min(lo, channelOf(used[k], channel));
                hi = std::max(hi, channelOf(used[k], channel));
            }
            if (hi - lo > widestSpan) {
                widestSpan = hi - lo;
                widest = channel;
            }
        }
        std::sort(used.begin() + qsizetype(box.begin), used.begin() + qsizetype(box.end),
                  [widest](const Entry &a, const Entry &b) { return channelOf(a, widest) < channelOf(b, widest); });
        quint64 running = 0;
        size_t split = box.begin + 1;
        for (size_t k = box.begin; k + 1 < box.end; ++k) {
            running += used[k].count;
            split = k + 1;
            if (running * 2 >= box.weight) break;
        }
        const Box low{box.begin, split, running};
        const Box high{split, box.end, box.weight - running};
        *candidate = low;
        boxes.push_back(high);
    }
    for (const Box &box : boxes) {
        quint64 n = 0, r = 0, g = 0, b = 0;
        for (size_t k = box.begin; k < box.end; ++k) {
            n += used[k].count;
            r += used[k].r;
            g += used[k].g;
            b += used[k].b;
        }
        n = std::max<quint64>(n, 1);
        m_colours.push_back(qRgb(int((r + n / 2) / n), int((g + n / 2) / n), int((b + n / 2) / n)));
    }

    // The nearest entry of every 15-bit colour (at its bucket's centre).
    m_nearest.resize(kBuckets);
    for (int bucket = 0; bucket < kBuckets; ++bucket) {
        const int r = ((bucket >> 10) & 31) * 8 + 4, g = ((bucket >> 5) & 31) * 8 + 4, b = (bucket & 31) * 8 + 4;
        int best = 0, bestDistance = std::numeric_limits<int>::max();
        for (int k = 0; k < int(m_colours.size()); ++k) {
            const int dr = qRed(m_colours[k]) - r, dg = qGreen(m_colours[k]) - g, db = qBlue(m_colours[k]) - b;
            // Weighted like the eye: green counts most, blue least.
            const int distance = 3 * dr * dr + 4 * dg * dg + 2 * db * db;
            if (distance < bestDistance) {
                bestDistance = distance;
                best = k;
            }
        }
        m_nearest[bucket] = quint8(best);
    }
}

void GifPalette::map(const QImage &image, quint8 *indices, int linesize) const
{
    for (int y = 0; y < image.height(); ++y) {
        const auto *line = reinterpret_cast<const QRgb *>(image.constScanLine(y));
        quint8 *out = indices + qsizetype(y) * linesize;
        for (int x = 0; x < image.width(); ++x)
            out[x] = m_nearest[bucketOf(line[x])];
    }
}

} // namespace chronomap
