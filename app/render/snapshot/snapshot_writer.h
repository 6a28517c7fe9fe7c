// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "render/snapshot/snapshot_composer.h"
#include "render/snapshot/snapshot_formats.h"
#include "render/snapshot/snapshot_metadata.h"

#include <QSize>
#include <QString>

#include <optional>

namespace chronomap {

/// Encodes a SnapshotComposer's painting as PNG or JPEG (through a QImage), SVG (QSvgGenerator)
/// or PDF (QPdfWriter), with the metadata that lets the snapshot be reproduced.
///
/// Every write goes through QSaveFile: a failure or a stop (disk full, unwritable folder,
/// cancelled) leaves no partial file and never touches an existing file of that name. The path
/// is opened before painting, so an unwritable one fails at once.
class SnapshotWriter {
public:
    struct Options {
        /// Output size in device pixels. SVG and PDF are vector: their page is this size at
        /// 96 × `scale` dpi (3508x2480 at scale 300/96 is an A4 landscape page).
        QSize pixelSize{1920, 1080};
        /// Device pixels per logical pixel: text, markers and lines grow with it, so a 4K
        /// snapshot at scale 2 looks like a 1080p one, only sharper. See SnapshotFormats::autoScale().
        double scale = 1.0;
        SnapshotMetadata metadata;
        int jpegQuality = 90; ///< 0–100
        /// zlib level 0–9. 1 is several times faster than Qt's default (6) for a map and costs
        /// a few per cent of file size.
        int pngCompression = 1;
    };

    /// Paints `composer` at `options.pixelSize` and writes it to `path`. `progress` receives
    /// 0–100 (painting up to 85, encoding the rest) and may return false to stop. On failure
    /// returns false with a readable `error` ("cancelled" when stopped).
    static bool write(const SnapshotComposer &composer, const QString &path, const Options &options,
                      const SnapshotComposer::Progress &progress = {}, QString *error = nullptr);
};

} // namespace chronomap
