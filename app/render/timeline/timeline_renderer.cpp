// SPDX-License-Identifier: GPL-3.0-or-later
#include "render/timeline/timeline_renderer.h"

#include "render/prepared_dataset.h"

#include "render/category_style.h"
#include "render/map/marker_sprites.h"
#include "render/timeline/timeline_axis_painter.h"
#include "render/timeline/timeline_event_painter.h"
#include "render/timeline/timeline_event_scan.h"
#include "render/timeline/timeline_frame.h"
#include "render/timeline/timeline_index.h"
#include "render/timeline/timeline_lane_stacking.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace chronomap {

namespace {

QString tr(const char *text, const char *disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("TimelineRenderer", text, disambiguation, n);
}

/// Lane `k` of the frame's layout: its category, colour, shape and place.
TimelineFrame::Lane laneOfLayout(const TimelineFrame &f, qsizetype k, double laneH)
{
    TimelineFrame::Lane lane;
    lane.category = f.layout.categories[k];
    lane.color = CategoryStyle::color(lane.category);
    lane.shape = CategoryStyle::shape(lane.category);
    lane.rect = QRectF(f.layout.lanes.left(), f.layout.lanes.top() + k * laneH, f.layout.lanes.width(), laneH);
    return lane;
}

} // namespace

TimelineRenderer::TimelineRenderer(const TimelineStyle &style) : m_style(style) {}

TimelineRenderer::Layout TimelineRenderer::layoutFor(const QRectF &area, const ViewState &state) const
{
    Layout layout;
    const auto dataset = state.dataset();
    if (m_periodCounts) {
        QSet<QString> categories;
        for (const TimelinePeriodCount &p : *m_periodCounts)
            categories.insert(p.category);
        categories -= state.hiddenCategories();
        layout.categories = QStringList(categories.begin(), categories.end());
        std::sort(layout.categories.begin(), layout.categories.end());
    } else if (dataset && dataset->events) {
        const QSet<QString> hidden = state.hiddenCategories();
        for (const QString &c : dataset->events->categories())
            if (!hidden.contains(c)) layout.categories.append(c);
        // Alphabetical by category, as the map legend lists them.
        std::sort(layout.categories.begin(), layout.categories.end());
    }
    const QFontMetricsF fm(m_style.font);
    double labelPx = fm.horizontalAdvance(QStringLiteral("UTC")) + 12;
    for (const QString &c : layout.categories)
        labelPx = std::max(labelPx, fm.horizontalAdvance(CategoryStyle::label(c)) + 26);
    const double gutterPx =
        std::clamp(labelPx, std::min(56.0, area.width() * 0.3), std::max(40.0, std::min(170.0, area.width() * 0.3)));
    const double axisPx = std::min(2 * fm.height() + 10, area.height() * 0.5);
    layout.gutter = QRectF(area.left(), area.top(), gutterPx, std::max(0.0, area.height() - axisPx));
    layout.plot = QRectF(area.left() + gutterPx, area.top(), std::max(1.0, area.width() - gutterPx), area.height());
    layout.lanes = QRectF(layout.plot.left(), area.top(), layout.plot.width(), std::max(0.0, area.height() - axisPx));
    layout.axisBand = QRectF(layout.plot.left(), layout.lanes.bottom(), layout.plot.width(), axisPx);
    return layout;
}

TimeAxis TimelineRenderer::plotAxis(const Layout &layout, const TimeAxis &axis) const
{
    TimeAxis a = axis;
    a.setWidthPx(layout.plot.width());
    return a;
}

TimelineFrame TimelineRenderer::plan(const QRectF &area, const TimeAxis &axis, const ViewState &state) const
{
    TimelineFrame f;
    f.layout = layoutFor(area, state);
    f.axis = plotAxis(f.layout, axis);
    f.font = m_style.font;
    f.language = state.language();
    if (m_periodCounts) {
        planPeriodCounts(f);
        return f;
    }
    // The index is the prepared dataset's: a frame never builds one.
    const auto dataset = PreparedDataset::of(state);
    if (!dataset || !dataset->events || f.layout.categories.isEmpty()) return f;
    f.store = dataset->events;
    const EventStore &store = *dataset->events;

    // Lanes, top to bottom, and the lane of each category index (-1 = hidden).
    const qsizetype laneCount = f.layout.categories.size();
    std::vector<int> laneOf(size_t(store.categories().size()), -1);
    const double laneH = f.layout.lanes.height() / double(laneCount);
    for (qsizetype k = 0; k < laneCount; ++k) {
        const TimelineFrame::Lane &lane = f.lanes.emplace_back(laneOfLayout(f, k, laneH));
        laneOf[size_t(store.categories().indexOf(lane.category))] = int(k);
    }

    const qint64 fromMs = f.axis.fromMs(), toMs = f.axis.toMs();
    const int columns = std::max(1, int(std::ceil(f.layout.plot.width())));
    std::vector<EventStore::IndexList> detail(f.lanes.size());
    const TimelineIndex &index = dataset->timelineIndex();
    std::vector<quint16> categoryOf(f.lanes.size());
    for (size_t k = 0; k < f.lanes.size(); ++k)
        categoryOf[k] = quint16(store.categories().indexOf(f.lanes[k].category));
    // A selected region or a content filter narrows the events to a list: walk it instead of the
    // index, which counts every event of a category.
    const EventStore::IndexList *subset = drawnSubset(state);
    if (!subset && index.resolves(f.axis.msPerPx())) {
        // Overview: counts per lane and per column come from the index's bins, so the cost does
        // not grow with the number of events; sparse lanes get their events exactly.
        for (size_t k = 0; k < f.lanes.size(); ++k) {
            TimelineFrame::Lane &lane = f.lanes[k];
            lane.count = index.countOverlapping(categoryOf[k], fromMs, toMs);
            lane.columnMass.resize(size_t(columns));
            index.massColumns(categoryOf[k], fromMs, f.axis.msPerPx(), columns, lane.columnMass.data());
            if (lane.count <= kDetailLimit) {
                detail[k] = index.eventsOf(categoryOf[k], f.axis.range());
                lane.count = qsizetype(detail[k].size()); // exact where it is small enough to read
            }
        }
    } else {
        scanVisibleEvents(f, store, laneOf, columns, detail, subset);
    }
    for (TimelineFrame::Lane &lane : f.lanes)
        lane.dense = lane.count > kDetailLimit;

    const QFontMetricsF fm(m_style.font);
    const auto window = state.timeWindow();
    const WindowMatch match = state.windowMatch();
    for (size_t k = 0; k < f.lanes.size(); ++k)
        if (!f.lanes[k].dense) stackLaneEvents(f, f.lanes[k], detail[k], fm, m_style, window, match);

    for (size_t k = 0; k < f.lanes.size(); ++k) {
        TimelineFrame::Lane &lane = f.lanes[k];
        if (!lane.dense) {
            lane.columnMass.clear();
            continue;
        }
        lane.categoryIndex = categoryOf[k];
        lane.peak = lane.columnMass.empty() ? 0 : *std::max_element(lane.columnMass.begin(), lane.columnMass.end());
    }

    // The selected event in a dense lane is drawn on its own, on top, in the lane's middle.
    const EventStore::Index sel = state.selectedEvent();
    if (sel >= 0 && sel < store.size()) {
        const int k = laneOf[store.categoryIndex(sel)];
        if (k >= 0) {
            f.selectedLane = k;
            TimelineFrame::Lane &lane = f.lanes[size_t(k)];
            if (lane.dense) {
                f.selected = f.itemFor(sel, window, match);
                const double h = std::min(m_style.maxRowPx, lane.rect.height() - 2 * TimelineFrame::kLanePadPx);
                f.selectedRow = QRectF(lane.rect.left(), lane.rect.center().y() - h / 2, lane.rect.width(), h);
            }
        }
    }
    return f;
}

void TimelineRenderer::planPeriodCounts(TimelineFrame &f) const
{
    const qsizetype laneCount = f.layout.categories.size();
    if (!laneCount) return;
    const int columns = std::max(1, int(std::ceil(f.layout.plot.width())));
    const double laneH = f.layout.lanes.height() / double(laneCount);
    for (qsizetype k = 0; k < laneCount; ++k) {
        TimelineFrame::Lane lane = laneOfLayout(f, k, laneH);
        lane.dense = true;
        lane.columnMass.assign(size_t(columns), 0.f);
        f.lanes.push_back(lane);
    }
    for (const TimelinePeriodCount &p : *m_periodCounts) {
        const qsizetype k = f.layout.categories.indexOf(p.category);
        if (k < 0 || p.toMs <= f.axis.fromMs() || p.fromMs >= f.axis.toMs()) continue;
        TimelineFrame::Lane &lane = f.lanes[size_t(k)];
        lane.count += p.count;
        // The count spread evenly over the period's columns, as TimelineIndex spreads an event.
        const double x0 = f.axis.xOf(p.fromMs), x1 = std::max(f.axis.xOf(p.toMs), x0 + 1e-9);
        const double perPx = double(p.count) / (x1 - x0);
        for (int c = std::max(0, int(std::floor(x0))); c < std::min(columns, int(std::ceil(x1))); ++c)
            lane.columnMass[size_t(c)] += float(perPx * (std::min(x1, c + 1.0) - std::max(x0, double(c))));
    }
    for (TimelineFrame::Lane &lane : f.lanes)
        lane.peak = *std::max_element(lane.columnMass.begin(), lane.columnMass.end());
}

void TimelineRenderer::render(QPainter &painter, const QRectF &area, const TimeAxis &axis, const ViewState &state,
                              TimelineHits *hits) const
{
    const TimelineFrame frame = plan(area, axis, state);
    painter.save();
    painter.setClipRect(area, Qt::IntersectClip);
    painter.fillRect(area, m_style.background);
    paint(painter, frame, state);
    painter.restore();
    if (hits) *hits = hitsOf(frame);
}

TimelineHits TimelineRenderer::hitsFor(const QRectF &area, const TimeAxis &axis, const ViewState &state) const
{
    return hitsOf(plan(area, axis, state));
}

void TimelineRenderer::paint(QPainter &painter, const TimelineFrame &frame, const ViewState &state) const
{
    painter.setFont(frame.font);
    paintLanes(painter, frame);
    paintWindow(painter, frame, state, false);
    paintLaneEvents(painter, frame, state, m_style);
    TimelineAxisPainter::paint(painter, frame, state, m_style);
    paintWindow(painter, frame, state, true);
}

void TimelineRenderer::paintLanes(QPainter &painter, const TimelineFrame &frame) const
{
    const Layout &l = frame.layout;
    const QFontMetricsF fm(frame.font);
    const QLocale locale = TimeAxis::localeFor(frame.language);
    painter.setRenderHint(QPainter::Antialiasing, false);
    for (size_t k = 0; k < frame.lanes.size(); ++k) {
        const auto &lane = frame.lanes[k];
        const QRectF full(l.gutter.left(), lane.rect.top(), l.gutter.width() + lane.rect.width(), lane.rect.height());
        if (k % 2 == 1) painter.fillRect(full, m_style.laneStripe);
    }
    // Major ticks continue over the lanes as faint grid lines.
    const TimeTicks ticks = frame.axis.ticks(frame.language, fm);
    painter.setPen(QPen(m_style.gridLine, 1));
    for (const TimeTick &t : ticks.ticks) {
        if (!t.major) continue;
        const double x = std::round(l.plot.left() + t.xPx) + 0.5;
        if (x >= l.plot.left() && x <= l.plot.right())
            painter.drawLine(QPointF(x, l.lanes.top()), QPointF(x, l.lanes.bottom()));
    }
    painter.setPen(QPen(m_style.laneSeparator, 1));
    for (size_t k = 1; k < frame.lanes.size(); ++k) {
        const double y = std::round(frame.lanes[k].rect.top()) + 0.5;
        painter.drawLine(QPointF(l.gutter.left(), y), QPointF(l.plot.right(), y));
    }
    painter.drawLine(QPointF(l.plot.left() - 0.5, l.lanes.top()), QPointF(l.plot.left() - 0.5, l.lanes.bottom()));

    // Labels in the gutter: the category's shape and colour, its name, how many events it has here.
    painter.setRenderHint(QPainter::Antialiasing, true);
    for (const auto &lane : frame.lanes) {
        const double top = lane.rect.top() + 2;
        const double textLeft = l.gutter.left() + 20;
        const double textWidth = std::max(0.0, l.gutter.width() - 24);
        painter.setPen(QPen(lane.color.darker(150), 1));
        painter.setBrush(lane.color);
        drawMarkerShape(painter, lane.shape, QPointF(l.gutter.left() + 10, top + fm.height() / 2), 4.5);
        painter.setPen(m_style.laneLabel);
        painter.drawText(QRectF(textLeft, top, textWidth, fm.height()), Qt::AlignLeft | Qt::AlignVCenter,
                         fm.elidedText(CategoryStyle::label(lane.category), Qt::ElideRight, textWidth));
        painter.setPen(m_style.laneCount);
        if (lane.rect.height() >= 2 * fm.height() + 4) {
            const QString count =
                lane.count == 1 ? tr("1 event") : tr("%1 events").arg(locale.toString(qlonglong(lane.count)));
            painter.drawText(QRectF(textLeft, top + fm.height(), textWidth, fm.height()),
                             Qt::AlignLeft | Qt::AlignVCenter, fm.elidedText(count, Qt::ElideRight, textWidth));
        }
        // Columns of a dense lane are scaled to its own peak: say what a full column means.
        if (lane.dense && lane.peak > 0 && lane.rect.height() >= 3 * fm.height() + 4) {
            const QString peak = locale.toString(double(lane.peak), 'f', lane.peak < 10 ? 1 : 0);
            painter.drawText(QRectF(textLeft, top + 2 * fm.height(), textWidth, fm.height()),
                             Qt::AlignLeft | Qt::AlignVCenter,
                             fm.elidedText(tr("top: %1 per px").arg(peak), Qt::ElideRight, textWidth));
        }
    }
    if (frame.lanes.empty()) {
        painter.setPen(m_style.laneCount);
        painter.drawText(l.lanes, Qt::AlignCenter, tr("No events"));
    }
}

void TimelineRenderer::paintWindow(QPainter &painter, const TimelineFrame &frame, const ViewState &state,
                                   bool overAxis) const
{
    const auto window = state.timeWindow();
    if (!window) return;
    const Layout &l = frame.layout;
    const QRectF target = overAxis ? l.axisBand : l.lanes;
    const double x0 = l.plot.left() + frame.axis.xOf(window->fromMs), x1 = l.plot.left() + frame.axis.xOf(window->toMs);
    const QRectF shade = QRectF(QPointF(std::max(x0, target.left()), target.top()),
                                QPointF(std::min(x1, target.right()), target.bottom()));
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, false);
    if (shade.width() > 0) painter.fillRect(shade, overAxis ? m_style.windowBrush : m_style.windowFill);
    painter.setPen(QPen(m_style.windowEdge, overAxis ? 2 : 1));
    for (const double x : {x0, x1})
        if (x >= target.left() - 1 && x <= target.right() + 1)
            painter.drawLine(QPointF(std::round(x) + 0.5, target.top()), QPointF(std::round(x) + 0.5, target.bottom()));
    painter.restore();
}

TimelineHits TimelineRenderer::hitsOf(const TimelineFrame &frame)
{
    TimelineHits hits;
    hits.store = frame.store;
    hits.plotPx = frame.layout.plot;
    hits.axisBandPx = frame.layout.axisBand;
    for (const TimelineFrame::Lane &lane : frame.lanes) {
        hits.lanes.push_back({lane.category, lane.rect, lane.count, lane.dense});
        if (lane.dense) {
            hits.denseLanes.push_back({lane.rect, lane.categoryIndex, frame.axis.fromMs(), frame.axis.msPerPx()});
            continue;
        }
        for (const TimelineFrame::Item &item : lane.items) {
            QRectF r = frame.itemRect(lane, item);
            if (!item.mark)
                r = QRectF(QPointF(frame.layout.plot.left() + item.x0, r.top()),
                           QPointF(frame.layout.plot.left() + item.x1, r.bottom()));
            hits.boxes.push_back({r, item.event});
        }
    }
    if (frame.selected) {
        const TimelineFrame::Item &item = *frame.selected;
        const QRectF row = frame.selectedRow;
        const double left = frame.layout.plot.left();
        hits.boxes.push_back({item.mark
                                  ? QRectF(left + item.markX - TimelineFrame::kMarkPx / 2, row.top(),
                                           TimelineFrame::kMarkPx, row.height())
                                  : QRectF(QPointF(left + item.x0, row.top()), QPointF(left + item.x1, row.bottom())),
                              item.event});
    }
    return hits;
}

const EventStore::IndexList *TimelineRenderer::drawnSubset(const ViewState &state)
{
    return state.selectedRegion() >= 0 ? &state.selectedRegionEvents()
           : state.hasContentFilter()  ? &state.eventsIgnoringWindow()
                                       : nullptr;
}

} // namespace chronomap
