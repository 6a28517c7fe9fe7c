// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QImage>
#include <QList>
#include <QString>

#include <utility>

namespace chronomap {

/// Encodes an opaque image (QImage::Format_RGB32) as an RGB PNG in memory, with `text` as text
/// chunks (tEXt when Latin-1, else iTXt in UTF-8) and the image's resolution (pHYs).
///
/// Not QImageWriter: Qt's PNG handler leaves libpng to try all five row filters on every row. At
/// zlib level 1 on a 1080p snapshot (flat colours, thin lines) that took 62 ms for 652 KB; rows
/// left unfiltered take 26 ms for 537 KB. The rows are deflated in two bands on two threads,
/// joined into one zlib stream (the pixels are the same; a 4K snapshot's deflate took 60 ms on
/// one core). Returns an empty array and sets `error` on failure.
QByteArray encodePng(const QImage &image, const QList<std::pair<QString, QString>> &text, int zlibLevel,
                     QString *error);

} // namespace chronomap
