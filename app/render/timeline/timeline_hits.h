// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/store/event_store.h"

#include <QPointF>
#include <QRectF>
#include <QString>

#include <memory>
#include <optional>
#include <vector>

namespace chronomap {

/// What the last timeline frame drew where (painter coordinates, logical px), so a view can
/// answer "which event is at (x, y)" without drawing again.
struct TimelineHits {
    /// An event drawn on its own: its mark, or its bar over the whole uncertain extent.
    struct Box {
        QRectF rectPx;
        EventStore::Index event;
    };
    /// A lane aggregated per pixel column; a click asks the store what lies in the column.
    struct DenseLane {
        QRectF rectPx;
        quint16 categoryIndex = 0; ///< into EventStore::categories()
        qint64 fromMs = 0;         ///< time at rectPx.left() (UTC ms)
        double msPerPx = 1;
    };
    struct Lane {
        QString category;
        QRectF rectPx;        ///< the lane over the plot (not the label gutter)
        qsizetype events = 0; ///< events of the lane in the visible range
        bool dense = false;
    };

    std::shared_ptr<const EventStore> store; ///< the events drawn
    std::vector<Box> boxes;                  ///< bottom to top; the selected event, if drawn, is last
    std::vector<DenseLane> denseLanes;
    std::vector<Lane> lanes;
    QRectF plotPx;     ///< where time is drawn: lanes and axis strip, right of the label gutter
    QRectF axisBandPx; ///< the axis strip at the bottom of the plot (brushing happens here)

    /// The event drawn at `px` (the topmost box within `slopPx`, else a dense column), or -1.
    /// A dense column answers from the store: with `shown` (in time order, as
    /// TimelineRenderer::drawnSubset() gives it) only with one of those events, so a click
    /// never picks an event the filters hide.
    EventStore::Index eventAt(QPointF px, double slopPx = 2.0, const EventStore::IndexList *shown = nullptr) const;
    /// Where `event` was drawn on its own, if it was.
    std::optional<QRectF> rectOf(EventStore::Index event) const;
};

} // namespace chronomap
