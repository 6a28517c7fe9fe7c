// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QFont>
#include <QPalette>

namespace chronomap {

/// Colours, sizes and the font of the timeline, in one place so screen and export agree.
/// Category colours are not here: they come from CategoryStyle, the same as on the map.
struct TimelineStyle {
    QColor background{0xff, 0xff, 0xff};
    QColor laneStripe{0xf7, 0xf6, 0xf3}; ///< every other lane, so rows read across
    QColor laneSeparator{0xe2, 0xdf, 0xda};
    QColor gridLine{0xea, 0xea, 0xea}; ///< major ticks continued over the lanes
    QColor axisBackground{0xf2, 0xf1, 0xee};
    QColor axisLine{0x9a, 0x9a, 0x9a};
    QColor tickLabel{0x33, 0x33, 0x33};
    QColor contextLabel{0x55, 0x55, 0x55};
    QColor laneLabel{0x33, 0x33, 0x33};
    QColor laneCount{0x80, 0x80, 0x80};
    QColor eventLabel{0x26, 0x26, 0x26};
    QColor windowFill{0x28, 0x6e, 0xc8, 0x1c};  ///< the time window over the lanes
    QColor windowBrush{0x28, 0x6e, 0xc8, 0x40}; ///< the time window over the axis strip
    QColor windowEdge{0x28, 0x6e, 0xc8};
    QColor selection{0x1a, 0x1a, 0x1a};
    QFont font{QStringLiteral("DejaVu Sans"), 8};
    /// Opacity of events outside the time window, relative to those inside (0–1).
    double fadedOpacity = 0.28;
    /// Opacity of the fill of an uncertain period (a month-precise date over its month, 0–1).
    double softOpacity = 0.30;
    /// Height of one stacked row at most (logical px); rows shrink to fit a crowded lane.
    double maxRowPx = 16;
    /// Below this row height a lane is aggregated per pixel column instead (logical px).
    double minRowPx = 3;

    static const TimelineStyle &standard();
    /// standard() on a light palette; on a dark one (the desktop's dark theme) the background,
    /// lanes, axis and text take the palette's colours. Exports keep standard().
    static TimelineStyle forPalette(const QPalette &palette);
};

/// `color` with its alpha set to `alpha` (clamped to 0–1).
QColor withAlpha(QColor color, double alpha);

} // namespace chronomap
