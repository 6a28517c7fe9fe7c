// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QPointF>
#include <QRectF>

namespace chronomap {

/// What the map's names must leave visible, in logical pixels of the view: the markers with
/// their count badges and the selection ring. Names are drawn after the events and go to a free
/// side of their point, or are left out, rather than under a marker.
struct LabelObstacles {
    QList<QRectF> rects;
    /// Centres of the selection ring (one per world copy): the place there is named first, clear
    /// of the ring, so the selected place's name stays readable.
    QList<QPointF> selectedPx;
    double selectedRadiusPx = 0;
};

} // namespace chronomap
