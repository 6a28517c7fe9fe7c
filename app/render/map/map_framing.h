// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "render/prepared_dataset.h"
#include "render/map/viewport.h"

#include <QList>
#include <QPointF>
#include <QRectF>

namespace chronomap {

/// Chooses what part of the world a map shows when nobody has panned it yet: the events (the
/// shorter way round the globe) or a region. Used where no widget decides, e.g. headless export.
class MapFraming {
public:
    /// Mercator rectangle (metres) holding every lon/lat point (degrees), taking the shorter way
    /// across the antimeridian; past half the globe, the whole world centred on the points' mean
    /// longitude. Null for no points.
    static QRectF mercatorBoundsOf(const QList<QPointF> &lonLatPoints);
    /// A viewport of `sizePx` framing the given events of the dataset (all when `events` is
    /// null): their points, their lines along the great circles they are drawn on, and the whole
    /// region of region-level records (drawn as fills). At least 200 km across, with a margin of
    /// 7 % of the longer side (48 px at least); the base map's focus when there is nothing to frame.
    static Viewport frameEvents(const PreparedDataset &dataset, const EventStore::IndexList *events, QSize sizePx);
    /// frameEvents() in two steps: the events' Mercator bounds (the costly part, any thread, no
    /// size needed), then the viewport of `sizePx` fitted to them.
    static QRectF eventBounds(const PreparedDataset &dataset, const EventStore::IndexList *events);
    static Viewport fitEventBounds(QRectF bounds, QSize sizePx);
    /// The events of the dataset's area of most events: point and line events binned by their
    /// place in cells of `cellDeg` degrees, and those in the 3 × 3 cells round the fullest
    /// block (the deployments in Kursk and Belgorod for the bundled data, not Moscow to Alaska).
    /// Region-level and placeless events are left out; empty when no event has a place.
    static EventStore::IndexList eventsOfBusiestArea(const PreparedDataset &dataset, double cellDeg = 5.0);
    /// A viewport of `sizePx` framing an admin-1 region of the dataset's base map with a 60 px
    /// margin (as double-clicking it in the window does).
    static Viewport frameRegion(const PreparedDataset &dataset, int regionIndex, QSize sizePx);
};

} // namespace chronomap
