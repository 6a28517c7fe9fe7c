// SPDX-License-Identifier: GPL-3.0-or-later
#include "render/timeline/timeline_event_painter.h"

#include "render/map/marker_sprites.h"
#include "render/timeline/timeline_dense_painter.h"
#include "render/timeline/timeline_style.h"

#include <QFontMetricsF>
#include <QPainter>

#include <algorithm>
#include <optional>

namespace chronomap {

namespace {

constexpr double kClampPx = 4; // bars running off the plot are cut this far outside it

/// Black or white, whichever reads better on `fill`.
QColor textOn(const QColor &fill)
{
    const double luminance = 0.2126 * fill.redF() + 0.7152 * fill.greenF() + 0.0722 * fill.blueF();
    return luminance > 0.45 ? QColor(0x1a, 0x1a, 0x1a) : QColor(Qt::white);
}

double clampX(double x, const QRectF &plot)
{
    return std::clamp(x, plot.left() - kClampPx, plot.right() + kClampPx);
}

/// Where `event` is drawn in `frame` (the centre of its mark or bar, painter px), if it is.
std::optional<QPointF> drawnCentre(const TimelineFrame &frame, EventStore::Index event)
{
    const double left = frame.layout.plot.left();
    if (frame.selected && frame.selected->event == event)
        return QPointF(
            left + (frame.selected->mark ? frame.selected->markX : (frame.selected->x0 + frame.selected->x1) / 2),
            frame.selectedRow.center().y());
    for (const TimelineFrame::Lane &lane : frame.lanes) {
        if (lane.dense) { // no rows: the lane's middle at the event's time
            if (frame.store->categoryIndex(event) != lane.categoryIndex) continue;
            const TimelineFrame::Item item = frame.itemFor(event, std::nullopt, WindowMatch::Possibly);
            return QPointF(left + (item.mark ? item.markX : (item.x0 + item.x1) / 2), lane.rect.center().y());
        }
        for (const TimelineFrame::Item &item : lane.items)
            if (item.event == event)
                return QPointF(left + (item.mark ? item.markX : (item.x0 + item.x1) / 2),
                               frame.rowTop(lane, item.row) + frame.rowHeight(lane) / 2);
    }
    return std::nullopt;
}

/// A thin line from the selected event to each record it names in `related`, under the marks.
void paintRelatedConnectors(QPainter &painter, const TimelineFrame &frame, EventStore::Index selected,
                            const TimelineStyle &style)
{
    if (!frame.store || selected < 0 || selected >= frame.store->size()) return;
    const QList<Related> related = frame.store->event(selected).related;
    if (related.isEmpty()) return;
    const std::optional<QPointF> from = drawnCentre(frame, selected);
    if (!from) return;
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setPen(QPen(withAlpha(style.selection, 0.55), 1.2, Qt::DashLine));
    for (const Related &r : related) {
        const EventStore::Index target = frame.store->findId(r.id);
        if (target < 0 || target == selected) continue;
        if (const std::optional<QPointF> to = drawnCentre(frame, target)) painter.drawLine(*from, *to);
    }
    painter.restore();
}

} // namespace

void paintLaneEvents(QPainter &painter, const TimelineFrame &frame, const ViewState &state, const TimelineStyle &style)
{
    const TimelineRenderer::Layout &l = frame.layout;
    const QRectF plot = l.plot;
    const QFontMetricsF fm(frame.font);
    painter.save();
    painter.setClipRect(l.lanes, Qt::IntersectClip);

    auto paintItem = [&](const TimelineFrame::Lane &lane, const TimelineFrame::Item &item, double top, double height,
                         bool selected) {
        painter.setOpacity(item.inWindow ? 1.0 : style.fadedOpacity);
        const QColor c = lane.color;
        const double y = top, h = height;
        if (item.mark) {
            const double r = std::clamp(h / 2, 1.5, 5.5);
            const QPointF centre(plot.left() + item.markX, y + h / 2);
            painter.setPen(QPen(c.darker(150), 1.0));
            painter.setBrush(c);
            drawMarkerShape(painter, lane.shape, centre, selected ? r + 1 : r);
            if (selected) {
                // Full strength even when the event is outside the window and faded.
                painter.setOpacity(1.0);
                painter.setPen(QPen(style.selection, 2.0));
                painter.setBrush(Qt::NoBrush);
                drawMarkerShape(painter, lane.shape, centre, r + 1);
            }
        } else {
            const double x0 = clampX(plot.left() + item.x0, plot), x1 = clampX(plot.left() + item.x1, plot);
            const QRectF soft(QPointF(x0, y), QPointF(x1, y + h));
            // The uncertain extent: a pale fill under a hatch, so it reads as "somewhere in here".
            painter.setPen(Qt::NoPen);
            painter.setBrush(withAlpha(c, style.softOpacity));
            painter.drawRect(soft);
            painter.setBrush(QBrush(withAlpha(c.darker(115), 0.75), Qt::BDiagPattern));
            painter.drawRect(soft);
            if (item.core1 > item.core0) {
                const double c0 = clampX(plot.left() + item.core0, plot), c1 = clampX(plot.left() + item.core1, plot);
                painter.setBrush(c);
                painter.drawRect(QRectF(QPointF(c0, y), QPointF(std::max(c1, c0 + 1), y + h)));
            }
            painter.setBrush(Qt::NoBrush);
            painter.setPen(QPen(withAlpha(c.darker(140), 0.8), 1.0));
            painter.drawRect(soft.adjusted(0.5, 0.5, -0.5, -0.5));
            if (selected) {
                painter.setOpacity(1.0);
                painter.setPen(QPen(style.selection, 2.0));
                painter.drawRect(soft.adjusted(-1, -1, 1, 1));
            }
        }
        if (!item.label.isEmpty()) {
            double left, right;
            QColor pen = style.eventLabel;
            if (item.labelInside) {
                // Stays readable while the bar's start is scrolled off to the left.
                left = std::max(plot.left() + item.x0, plot.left()) + 4;
                right = plot.left() + item.x1 - 3;
                const bool onCore =
                    item.core1 > item.core0 && left >= plot.left() + item.core0 && left < plot.left() + item.core1;
                if (onCore) pen = textOn(c);
            } else {
                left = plot.left() + item.right() + 3;
                right = left + std::min(TimelineFrame::kMaxLabelPx, item.labelRoomPx);
            }
            // The plot's right edge ends every label with an ellipsis, never mid-word (a snapshot's
            // timeline ends there, and so does the window's).
            right = std::min(right, plot.right() - 2);
            if (right - left > 24) {
                painter.setPen(pen);
                painter.drawText(QRectF(left, y, right - left, h), Qt::AlignLeft | Qt::AlignVCenter,
                                 fm.elidedText(item.label, Qt::ElideRight, right - left));
            }
        }
        painter.setOpacity(1.0);
    };

    paintDenseLanes(painter, frame, state.timeWindow(), style);
    for (size_t k = 0; k < frame.lanes.size(); ++k) {
        const TimelineFrame::Lane &lane = frame.lanes[k];
        if (lane.dense) continue;
        painter.setRenderHint(QPainter::Antialiasing, true);
        const double h = frame.rowHeight(lane);
        // Faded events first, so those in the window are never hidden under them.
        for (int pass = 0; pass < 2; ++pass) {
            for (const TimelineFrame::Item &item : lane.items) {
                if (item.inWindow != (pass == 1)) continue;
                if (plot.left() + item.right() < plot.left() - TimelineFrame::kMaxLabelPx ||
                    plot.left() + item.left() > plot.right())
                    continue;
                paintItem(lane, item, frame.rowTop(lane, item.row), h, false);
            }
        }
    }

    // The selection on top, outlined, with connectors to its related records under it.
    paintRelatedConnectors(painter, frame, state.selectedEvent(), style);
    painter.setRenderHint(QPainter::Antialiasing, true);
    if (frame.selectedLane >= 0) {
        const TimelineFrame::Lane &lane = frame.lanes[size_t(frame.selectedLane)];
        const EventStore::Index sel = state.selectedEvent();
        if (frame.selected) {
            paintItem(lane, *frame.selected, frame.selectedRow.top(), frame.selectedRow.height(), true);
        } else {
            for (const TimelineFrame::Item &item : lane.items)
                if (item.event == sel) paintItem(lane, item, frame.rowTop(lane, item.row), frame.rowHeight(lane), true);
        }
    }
    painter.restore();
}

} // namespace chronomap
