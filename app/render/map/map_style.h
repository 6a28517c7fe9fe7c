// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QFont>
#include <QStringList>

namespace chronomap {

/// Colours, widths and fonts of the map, in one place so screen and export agree.
struct MapStyle {
    QColor sea{0xdd, 0xe7, 0xee};
    QColor land{0xf6, 0xf3, 0xec};
    QColor focusLand{0xfb, 0xf9, 0xf4}; ///< countries with admin-1 regions in the base map
    /// National (admin-0) borders: darker and heavier than admin-1 ones at every zoom.
    QColor countryBorder{0x5e, 0x5a, 0x56};
    double countryBorderWidthPx = 1.2; ///< one device pixel at scale 1: Qt's fast hairline stroker
    QColor regionBorder{0xb8, 0xb0, 0xa6};
    double regionBorderWidthPx = 0.6;
    QColor coastline{0x7f, 0x9c, 0xb0};
    QColor label{0x33, 0x33, 0x33};
    QColor regionLabel{0x80, 0x74, 0x68};
    QColor highlightFill{0xff, 0xd5, 0x4f, 150};
    QColor selection{0x1a, 0x1a, 0x1a};
    QFont font{QStringLiteral("DejaVu Sans"), 9};
    /// Countries whose admin-1 layer is complete in geodata/basemap: their borders are drawn
    /// from the 1:10m admin-1 layer, not the 1:50m country layer, so no double line shows.
    QStringList countriesWithRegions{"RUS", "UKR", "BLR", "PRK", "KOR", "JPN"};
    /// Five-class sequential ramp for the choropleth (light to dark, colour-blind safe).
    QList<QColor> choroplethRamp{QColor(0xfe, 0xeb, 0xe2), QColor(0xfb, 0xb4, 0xb9), QColor(0xf7, 0x68, 0xa1),
                                 QColor(0xc5, 0x1b, 0x8a), QColor(0x7a, 0x01, 0x77)};

    static const MapStyle &standard();
};

/// Registers the bundled fonts (DejaVu, Latin and Cyrillic) once, so every machine draws the
/// same glyphs on screen and in exports. Returns false when the font files are missing.
bool loadBundledFonts();

} // namespace chronomap
