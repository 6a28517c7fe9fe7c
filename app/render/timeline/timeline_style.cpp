// SPDX-License-Identifier: GPL-3.0-or-later
#include "render/timeline/timeline_style.h"

#include <algorithm>

namespace chronomap {

QColor withAlpha(QColor color, double alpha)
{
    color.setAlphaF(float(std::clamp(alpha, 0.0, 1.0)));
    return color;
}

TimelineStyle TimelineStyle::forPalette(const QPalette &palette)
{
    TimelineStyle style = standard();
    const QColor base = palette.color(QPalette::Base);
    if (base.lightness() >= 128) return style;
    const QColor text = palette.color(QPalette::Text);
    const auto mix = [](const QColor &a, const QColor &b, double t) {
        return QColor::fromRgbF(float(a.redF() * (1 - t) + b.redF() * t), float(a.greenF() * (1 - t) + b.greenF() * t),
                                float(a.blueF() * (1 - t) + b.blueF() * t));
    };
    style.background = base;
    style.laneStripe = palette.color(QPalette::AlternateBase);
    style.laneSeparator = mix(base, text, 0.22);
    style.gridLine = mix(base, text, 0.14);
    style.axisBackground = palette.color(QPalette::Window);
    style.axisLine = mix(base, text, 0.5);
    style.tickLabel = text;
    style.contextLabel = mix(base, text, 0.75);
    style.laneLabel = text;
    style.laneCount = mix(base, text, 0.55);
    style.eventLabel = text;
    style.selection = text;
    return style;
}

const TimelineStyle &TimelineStyle::standard()
{
    static const TimelineStyle style;
    return style;
}

} // namespace chronomap
