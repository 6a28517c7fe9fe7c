// SPDX-License-Identifier: GPL-3.0-or-later
#include "render/timeline/timeline_axis_painter.h"

#include "render/timeline/timeline_extent.h"
#include "render/timeline/timeline_style.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QPainter>
#include <QPolygonF>

#include <algorithm>
#include <cmath>

namespace chronomap {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("TimelineAxisPainter", text);
}

} // namespace

void TimelineAxisPainter::paint(QPainter &painter, const TimelineFrame &frame, const ViewState &state,
                                const TimelineStyle &style)
{
    const TimelineRenderer::Layout &l = frame.layout;
    const QRectF band = l.axisBand;
    if (band.height() < 1) return;
    const QFontMetricsF fm(frame.font);
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, false);
    painter.fillRect(QRectF(l.gutter.left(), band.top(), l.gutter.width() + band.width(), band.height()),
                     style.axisBackground);
    painter.setPen(QPen(style.axisLine, 1));
    painter.drawLine(QPointF(l.gutter.left(), std::round(band.top()) + 0.5),
                     QPointF(band.right(), std::round(band.top()) + 0.5));
    painter.setPen(style.contextLabel);
    painter.drawText(QRectF(l.gutter.left() + 4, band.top() + 2, l.gutter.width() - 10, fm.height()),
                     Qt::AlignRight | Qt::AlignVCenter, tr("UTC"));
    painter.setClipRect(band, Qt::IntersectClip);

    const TimeTicks ticks = frame.axis.ticks(frame.language, fm);
    const double top = std::round(band.top()) + 0.5;
    for (qsizetype k = 0; k < ticks.ticks.size(); ++k) {
        const TimeTick &t = ticks.ticks[k];
        const double x = std::round(band.left() + t.xPx) + 0.5;
        painter.setPen(QPen(style.axisLine, 1));
        painter.drawLine(QPointF(x, top), QPointF(x, top + (t.major ? 6 : 3)));
        if (!t.major || t.label.isEmpty() || x < band.left()) continue;
        painter.setPen(style.tickLabel);
        painter.drawText(QRectF(x + 3, band.top() + 3, fm.horizontalAdvance(t.label) + 2, fm.height()),
                         Qt::AlignLeft | Qt::AlignVCenter, t.label);
    }

    // Context: the year under month ticks, the month under day ticks; the label of the period
    // the view starts in sticks to the left edge until the next one pushes it out.
    const double contextTop = band.top() + 3 + fm.height() + 1;
    for (qsizetype k = 0; k < ticks.context.size(); ++k) {
        const TimeContext &c = ticks.context[k];
        const double x = band.left() + frame.axis.xOf(c.fromMs);
        const double nextX = band.left() + frame.axis.xOf(c.toMs);
        if (x >= band.left()) {
            painter.setPen(QPen(style.axisLine, 1));
            const double lineX = std::round(x) + 0.5;
            painter.drawLine(QPointF(lineX, top), QPointF(lineX, band.bottom()));
        }
        const double width = fm.horizontalAdvance(c.label) + 2;
        double left = std::max(x, band.left()) + 4;
        if (left + width > nextX - 4) left = std::max(x + 4, nextX - 4 - width);
        painter.setPen(style.contextLabel);
        painter.drawText(QRectF(left, contextTop, width, fm.height()), Qt::AlignLeft | Qt::AlignVCenter, c.label);
    }

    // The selected event's time, marked on the axis.
    if (frame.selectedLane >= 0) {
        const auto dataset = state.dataset();
        const TimelineExtent x = timelineExtent(dataset->events->when(state.selectedEvent()));
        const double x0 = band.left() + frame.axis.xOf(x.fromMs), x1 = band.left() + frame.axis.xOf(x.toMs);
        painter.setRenderHint(QPainter::Antialiasing, true);
        painter.setPen(Qt::NoPen);
        painter.setBrush(style.selection);
        const double mid = (x0 + x1) / 2;
        painter.drawPolygon(QPolygonF({QPointF(mid - 4, top), QPointF(mid + 4, top), QPointF(mid, top + 5)}));
        if (x1 - x0 > 3) painter.fillRect(QRectF(QPointF(x0, top), QPointF(x1, top + 2)), style.selection);
    }
    painter.restore();
}

} // namespace chronomap
