// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QString>

namespace chronomap {

/// Marker shapes, a second channel beside colour for readers who cannot tell colours apart.
enum class MarkerShape : quint8 { Circle, Square, Diamond, TriangleUp, TriangleDown, Star, Hexagon, Cross };

/// Colour and shape of each event category, the same on the map, the timeline and exports.
/// Colours come from the Okabe–Ito palette, chosen to stay distinct under colour-blindness;
/// each bundled category has its own. Other categories take one by a hash of their name.
class CategoryStyle {
public:
    static QColor color(const QString &category);
    static MarkerShape shape(const QString &category);
    /// The category as the user reads it, in the user interface's language for the known ones:
    /// "diplomatic-contact" → "Diplomatic contact" ("Contacto diplomático" in Spanish); others
    /// with hyphens as spaces: "naval-patrol" → "Naval patrol".
    static QString label(const QString &category);
};

} // namespace chronomap
