// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSize>
#include <QString>
#include <QStringList>

#include <optional>
#include <span>

namespace chronomap {

enum class SnapshotFormat : quint8 { Png, Jpeg, Svg, Pdf };

/// The one table of snapshot formats: what the writer encodes, the export dialog offers and
/// `--export` accepts. A new format is a row here and a case in SnapshotWriter::write.
struct SnapshotFormatInfo {
    SnapshotFormat format;
    const char *suffix;            ///< the one a new file gets, lower case, no dot
    const char *otherSuffix;       ///< also read as this format, or nullptr
    const char *untranslatedLabel; ///< see label()

    QString label() const; ///< translated
    /// "PNG image (*.png)", for a file dialog.
    QString fileDialogFilter() const;
};

/// A size a snapshot can be written at: device pixels, and device pixels per logical pixel
/// (text, markers and lines grow with it).
struct SnapshotSize {
    QSize pixels{1920, 1080};
    double scale = 1.0;

    bool operator==(const SnapshotSize &) const = default;
};

/// A named size the dialog lists and `--size` takes by its key.
struct SnapshotSizePreset {
    const char *key;               ///< for the command line: "1080p", "4k", "a4"
    const char *untranslatedLabel; ///< see label()
    SnapshotSize size;

    QString label() const;
};

namespace SnapshotFormats {

std::span<const SnapshotFormatInfo> all();
const SnapshotFormatInfo &info(SnapshotFormat format);
/// The format a file name asks for by its suffix (case-insensitive).
std::optional<SnapshotFormat> forPath(const QString &path);
/// `path` with its suffix replaced by the format's.
QString withSuffix(const QString &path, SnapshotFormat format);
/// Every format's filter, ";;"-separated, in the table's order.
QString fileDialogFilters();
/// ".png, .jpg, .svg or .pdf", for messages.
QString suffixList();

/// Smallest and largest accepted side, in device pixels.
constexpr int kMinSidePx = 64;
constexpr int kMaxSidePx = 16384;
/// Why a size cannot be written, or empty when it can.
QString checkSize(QSize pixelSize);
/// The scale that keeps the layout of a 1920x1080 window: 1 up to that size, then growing with
/// the smaller ratio (2 for 3840x2160).
double autoScale(QSize pixelSize);

std::span<const SnapshotSizePreset> sizePresets();
/// A preset's key ("a4", any case) or `WxH` in device pixels (scale from autoScale()); nullopt
/// when it is neither. The size is not checked against the limits.
std::optional<SnapshotSize> parseSize(const QString &text);
/// "WxH or 1080p, 4k, a4", for messages and help.
QString sizeSyntax();

} // namespace SnapshotFormats

} // namespace chronomap
