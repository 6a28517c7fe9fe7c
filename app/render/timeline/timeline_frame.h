// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "render/category_style.h"
#include "render/timeline/time_axis.h"
#include "render/timeline/timeline_renderer.h"

#include <QColor>
#include <QFont>
#include <QRectF>
#include <QString>

#include <algorithm>
#include <memory>
#include <optional>
#include <vector>

namespace chronomap {

/// Everything one timeline frame draws, planned before any painting: the lanes, where each
/// event of a sparse lane goes, and each dense lane's events per pixel column. Built by
/// TimelineRenderer; read by its painters and by the hit record. Internal to the renderer.
struct TimelineFrame {
    static constexpr double kMarkPx = 10;      ///< width a mark takes in its row, for stacking
    static constexpr double kLanePadPx = 2;    ///< above the first and below the last row
    static constexpr double kMaxLabelPx = 320; ///< event titles longer than this are elided

    struct Item {
        EventStore::Index event = -1;
        double x0 = 0, x1 = 0;       ///< the uncertain extent (plot px, not clamped)
        double core0 = 0, core1 = 0; ///< the certain core; core0 >= core1 = none
        double markX = 0;            ///< centre of the mark when `mark`
        bool mark = false;
        int row = 0;
        bool inWindow = true;
        QString label;
        bool labelInside = false;
        double labelRoomPx = 1e9; ///< free space right of the item in its row (px)
        /// Left and right end of what the item takes in its row, title included (plot px).
        double left() const { return mark ? markX - kMarkPx / 2 : x0; }
        double right() const { return mark ? markX + kMarkPx / 2 : std::max(x1, x0 + 1); }
    };
    struct Lane {
        QString category;
        QColor color;
        MarkerShape shape = MarkerShape::Circle;
        QRectF rect; ///< over the plot
        qsizetype count = 0;
        bool dense = false;
        std::vector<Item> items;
        double rowPx = 0;
        /// Expected events per pixel column (dense lanes): each event counts 1 spread over its
        /// uncertain extent, see TimelineIndex.
        std::vector<float> columnMass;
        quint16 categoryIndex = 0; ///< into EventStore::categories()
        float peak = 0;
    };

    TimelineRenderer::Layout layout;
    std::shared_ptr<const EventStore> store;
    TimeAxis axis; ///< x = 0 at layout.plot.left()
    QFont font;
    std::vector<Lane> lanes;
    int selectedLane = -1;
    std::optional<Item> selected; ///< the selected event when its lane is dense (drawn on top)
    QRectF selectedRow;           ///< where that event's row is (painter px)
    QString language;

    double rowTop(const Lane &lane, int row) const { return lane.rect.top() + kLanePadPx + row * lane.rowPx; }
    double rowHeight(const Lane &lane) const { return std::max(1.0, lane.rowPx - (lane.rowPx >= 6 ? 2 : 1)); }
    QRectF itemRect(const Lane &lane, const Item &item) const
    {
        const double left = layout.plot.left();
        return QRectF(QPointF(left + item.left(), rowTop(lane, item.row)),
                      QPointF(left + item.right(), rowTop(lane, item.row) + rowHeight(lane)));
    }

    /// `event` placed on the frame's axis, not yet stacked; faded when outside `window`.
    Item itemFor(EventStore::Index event, const std::optional<TimeWindow> &window, WindowMatch match) const;
};

} // namespace chronomap
