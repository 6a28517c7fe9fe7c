// SPDX-License-Identifier: GPL-3.0-or-later
#include "render/snapshot/snapshot_formats.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QRegularExpression>

#include <algorithm>
#include <array>

namespace chronomap {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("SnapshotFormats", text);
}

constexpr std::array kFormats{
    SnapshotFormatInfo{SnapshotFormat::Png, "png", nullptr, QT_TRANSLATE_NOOP("SnapshotFormats", "PNG image")},
    SnapshotFormatInfo{SnapshotFormat::Jpeg, "jpg", "jpeg", QT_TRANSLATE_NOOP("SnapshotFormats", "JPEG image")},
    SnapshotFormatInfo{SnapshotFormat::Svg, "svg", nullptr, QT_TRANSLATE_NOOP("SnapshotFormats", "SVG drawing")},
    SnapshotFormatInfo{SnapshotFormat::Pdf, "pdf", nullptr, QT_TRANSLATE_NOOP("SnapshotFormats", "PDF document")},
};

// A4 landscape at 300 dpi: 297 x 210 mm is 3508 x 2480 dots, 300/96 device pixels per logical one.
constexpr std::array kSizePresets{
    SnapshotSizePreset{"1080p", QT_TRANSLATE_NOOP("SnapshotFormats", "1920 × 1080 (Full HD)"), {{1920, 1080}, 1.0}},
    SnapshotSizePreset{"4k", QT_TRANSLATE_NOOP("SnapshotFormats", "3840 × 2160 (4K)"), {{3840, 2160}, 2.0}},
    SnapshotSizePreset{"a4",
                       QT_TRANSLATE_NOOP("SnapshotFormats", "A4 landscape, 300 dpi (3508 × 2480)"),
                       {{3508, 2480}, 300.0 / 96.0}},
};

} // namespace

QString SnapshotFormatInfo::label() const
{
    return tr(untranslatedLabel);
}

QString SnapshotFormatInfo::fileDialogFilter() const
{
    QString patterns = QStringLiteral("*.") + QLatin1String(suffix);
    if (otherSuffix) patterns += QStringLiteral(" *.") + QLatin1String(otherSuffix);
    return QStringLiteral("%1 (%2)").arg(label(), patterns);
}

QString SnapshotSizePreset::label() const
{
    return tr(untranslatedLabel);
}

namespace SnapshotFormats {

std::span<const SnapshotFormatInfo> all()
{
    return kFormats;
}

const SnapshotFormatInfo &info(SnapshotFormat format)
{
    const auto *found = std::find_if(kFormats.begin(), kFormats.end(),
                                     [format](const SnapshotFormatInfo &f) { return f.format == format; });
    return found != kFormats.end() ? *found : kFormats.front();
}

std::optional<SnapshotFormat> forPath(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix();
    for (const SnapshotFormatInfo &f : kFormats)
        if (suffix.compare(QLatin1String(f.suffix), Qt::CaseInsensitive) == 0 ||
            (f.otherSuffix && suffix.compare(QLatin1String(f.otherSuffix), Qt::CaseInsensitive) == 0))
            return f.format;
    return std::nullopt;
}

QString withSuffix(const QString &path, SnapshotFormat format)
{
    QString base = path;
    if (const QString suffix = QFileInfo(path).suffix(); !suffix.isEmpty()) base.chop(suffix.size() + 1);
    return base + u'.' + QLatin1String(info(format).suffix);
}

QString fileDialogFilters()
{
    QStringList filters;
    for (const SnapshotFormatInfo &f : kFormats)
        filters.append(f.fileDialogFilter());
    return filters.join(QStringLiteral(";;"));
}

QString suffixList()
{
    QStringList suffixes;
    for (const SnapshotFormatInfo &f : kFormats)
        suffixes.append(u'.' + QLatin1String(f.suffix));
    const QString last = suffixes.takeLast();
    return tr("%1 or %2").arg(suffixes.join(QStringLiteral(", ")), last);
}

QString checkSize(QSize size)
{
    if (size.width() < kMinSidePx || size.height() < kMinSidePx || size.width() > kMaxSidePx ||
        size.height() > kMaxSidePx)
        return tr("%1x%2 is not a size between %3 and %4 pixels a side")
            .arg(size.width())
            .arg(size.height())
            .arg(kMinSidePx)
            .arg(kMaxSidePx);
    return {};
}

double autoScale(QSize pixelSize)
{
    return std::max(1.0, std::min(pixelSize.width() / 1920.0, pixelSize.height() / 1080.0));
}

std::span<const SnapshotSizePreset> sizePresets()
{
    return kSizePresets;
}

std::optional<SnapshotSize> parseSize(const QString &text)
{
    for (const SnapshotSizePreset &preset : kSizePresets)
        if (text.trimmed().compare(QLatin1String(preset.key), Qt::CaseInsensitive) == 0) return preset.size;
    static const QRegularExpression pattern(QStringLiteral("^\\s*(\\d{1,6})\\s*[xX×]\\s*(\\d{1,6})\\s*$"));
    const auto match = pattern.match(text);
    if (!match.hasMatch()) return std::nullopt;
    const QSize pixels(match.captured(1).toInt(), match.captured(2).toInt());
    return SnapshotSize{pixels, autoScale(pixels)};
}

QString sizeSyntax()
{
    QStringList keys;
    for (const SnapshotSizePreset &preset : kSizePresets)
        keys.append(QLatin1String(preset.key));
    return tr("WxH or %1").arg(keys.join(QStringLiteral(", ")));
}

} // namespace SnapshotFormats

} // namespace chronomap
