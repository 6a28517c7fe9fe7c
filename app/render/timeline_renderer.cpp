// SPDX-License-Identifier: GPL-3.0-or-later
#include "timeline_renderer.h"

#include "category_style.h"
#include "marker_sprites.h"
#include "time_step.h"
#include "timeline_index.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QImage>
#include <QPainter>
#include <QPolygonF>

#include <algorithm>
#include <cmath>
#include <limits>

namespace chronomap {

namespace {

QString tr(const char *text, const char *disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("TimelineRenderer", text, disambiguation, n);
}

constexpr double kMarkPx = 10;         // width a mark takes in its row, for stacking
constexpr double kStackGapPx = 2;      // between neighbours in a row
constexpr double kLanePadPx = 2;       // above the first and below the last row
constexpr double kMaxLabelPx = 320;    // event titles longer than this are elided
constexpr qsizetype kLabelLimit = 400; // above this many events in a lane, no titles are drawn
constexpr double kClampPx = 4;         // bars running off the plot are cut this far outside it

/// Where an event lies in time, read once from the columns: its whole uncertain extent and its
/// certain core (latest possible start to earliest possible end; empty for an imprecise instant).
struct Extent {
    qint64 fromMs, toMs;
    qint64 coreFromMs, coreToMs;
    bool exactInstant;
};

Extent extentOf(const TimeSpan &when)
{
    const FuzzyDate s = when.start(), e = when.end();
    Extent x{s.startMs, periodEndMs(e), 0, 0, false};
    if (when.isInstant()) {
        x.exactInstant = s.precision == DatePrecision::Time;
        x.coreFromMs = x.coreToMs = s.startMs;
        return x;
    }
    x.coreFromMs = s.precision == DatePrecision::Time ? s.startMs : periodEndMs(s);
    x.coreToMs = e.startMs;
    return x;
}

/// TimeSpan::matches() without its QDateTime round trips (see periodEndMs()).
bool matchesWindow(const TimeSpan &when, const Extent &x, const std::optional<TimeWindow> &window, WindowMatch mode)
{
    if (!window) return true;
    if (mode == WindowMatch::Possibly) return x.fromMs < window->toMs && x.toMs > window->fromMs;
    return periodEndMs(when.start()) <= window->toMs && when.end().startMs >= window->fromMs;
}

QColor withAlpha(QColor c, double alpha)
{
    c.setAlphaF(float(std::clamp(alpha, 0.0, 1.0)));
    return c;
}

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

} // namespace

struct TimelineRenderer::Frame {
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

    Layout layout;
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
};

TimelineRenderer::TimelineRenderer(const TimelineStyle &style) : m_style(style) {}

TimelineRenderer::Layout TimelineRenderer::layoutFor(const QRectF &area, const ViewState &state) const
{
    Layout layout;
    const auto dataset = state.dataset();
    if (dataset && dataset->events) {
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

TimelineRenderer::Frame TimelineRenderer::plan(const QRectF &area, const TimeAxis &axis, const ViewState &state) const
{
    Frame f;
    f.layout = layoutFor(area, state);
    f.axis = plotAxis(f.layout, axis);
    f.font = m_style.font;
    f.language = state.language();
    const auto dataset = state.dataset();
    if (!dataset || !dataset->events) m_index.reset(); // let go of a store no longer shown
    if (!dataset || !dataset->events || f.layout.categories.isEmpty()) return f;
    f.store = dataset->events;
    const EventStore &store = *dataset->events;

    // Lanes, top to bottom, and the lane of each category index (-1 = hidden).
    const qsizetype laneCount = f.layout.categories.size();
    std::vector<int> laneOf(size_t(store.categories().size()), -1);
    const double laneH = f.layout.lanes.height() / double(laneCount);
    for (qsizetype k = 0; k < laneCount; ++k) {
        Frame::Lane lane;
        lane.category = f.layout.categories[k];
        lane.color = CategoryStyle::color(lane.category);
        lane.shape = CategoryStyle::shape(lane.category);
        lane.rect = QRectF(f.layout.lanes.left(), f.layout.lanes.top() + k * laneH, f.layout.lanes.width(), laneH);
        f.lanes.push_back(lane);
        laneOf[size_t(store.categories().indexOf(lane.category))] = int(k);
    }

    const qint64 fromMs = f.axis.fromMs(), toMs = f.axis.toMs();
    const int columns = std::max(1, int(std::ceil(f.layout.plot.width())));
    std::vector<EventStore::IndexList> detail(f.lanes.size());
    const TimelineIndex &index = indexFor(dataset->events);
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
            Frame::Lane &lane = f.lanes[k];
            lane.count = index.countOverlapping(categoryOf[k], fromMs, toMs);
            lane.columnMass.resize(size_t(columns));
            index.massColumns(categoryOf[k], fromMs, f.axis.msPerPx(), columns, lane.columnMass.data());
            if (lane.count <= kDetailLimit) {
                detail[k] = index.eventsOf(categoryOf[k], f.axis.range());
                lane.count = qsizetype(detail[k].size()); // exact where it is small enough to read
            }
        }
    } else {
        gatherEvents(f, store, laneOf, columns, detail, subset);
    }
    for (Frame::Lane &lane : f.lanes)
        lane.dense = lane.count > kDetailLimit;

    const QFontMetricsF fm(m_style.font);
    const auto window = state.timeWindow();
    const WindowMatch match = state.windowMatch();
    auto makeItem = [&](EventStore::Index i) {
        const TimeSpan when = store.when(i);
        const Extent x = extentOf(when);
        Frame::Item item;
        item.event = i;
        item.x0 = f.axis.xOf(x.fromMs);
        item.x1 = f.axis.xOf(x.toMs);
        item.core0 = f.axis.xOf(x.coreFromMs);
        item.core1 = f.axis.xOf(x.coreToMs);
        // An exact instant, or any extent too narrow to show as a bar, is a mark at its middle.
        item.mark = x.exactInstant || item.x1 - item.x0 < kMarkPx * 0.8;
        item.markX = x.exactInstant ? item.x0 : (item.x0 + item.x1) / 2;
        item.inWindow = matchesWindow(when, x, window, match);
        return item;
    };
    // First fit into rows, in time order; returns the rows used.
    auto stack = [&](std::vector<Frame::Item> &items, bool withLabels) {
        std::vector<double> rowEnd;
        for (Frame::Item &item : items) {
            double right = item.right();
            if (withLabels && !item.label.isEmpty() && !item.labelInside)
                right += std::min(kMaxLabelPx, fm.horizontalAdvance(item.label)) + 6;
            const double left = item.left();
            size_t row = 0;
            while (row < rowEnd.size() && rowEnd[row] + kStackGapPx > left)
                ++row;
            if (row == rowEnd.size())
                rowEnd.push_back(right);
            else
                rowEnd[row] = right;
            item.row = int(row);
        }
        return int(rowEnd.size());
    };

    for (size_t k = 0; k < f.lanes.size(); ++k) {
        Frame::Lane &lane = f.lanes[k];
        if (lane.dense) continue;
        lane.items.reserve(detail[k].size());
        for (EventStore::Index i : detail[k])
            lane.items.push_back(makeItem(i));
        const double usable = lane.rect.height() - 2 * kLanePadPx;
        const double labelRowPx = fm.height() + 2;
        bool labels = qsizetype(lane.items.size()) <= kLabelLimit && usable >= labelRowPx;
        if (labels) {
            for (Frame::Item &item : lane.items) {
                item.label = store.title(item.event, f.language);
                // Inside a bar wide enough for the title, or for a good part of it (elided).
                item.labelInside =
                    !item.mark && item.x1 - item.x0 >= std::min(fm.horizontalAdvance(item.label) + 8, 90.0);
            }
        }
        // Room for every title if the rows still fit; otherwise pack tighter and let titles
        // run only into the gaps their row leaves.
        int rows = stack(lane.items, labels);
        if (labels && rows * labelRowPx > usable) rows = stack(lane.items, false);
        rows = std::max(rows, 1);
        lane.rowPx = std::min(m_style.maxRowPx, usable / rows);
        if (lane.rowPx < labelRowPx - 1) {
            for (Frame::Item &item : lane.items)
                item.label.clear();
        } else {
            std::vector<Frame::Item *> lastInRow(size_t(rows), nullptr);
            for (Frame::Item &item : lane.items) {
                Frame::Item *&previous = lastInRow[size_t(item.row)];
                if (previous) previous->labelRoomPx = item.left() - previous->right() - 6;
                previous = &item;
            }
        }
        if (lane.rowPx < m_style.minRowPx) {
            // Too crowded to stack: aggregate like a lane over the detail limit.
            lane.dense = true; // its columns were counted with the others
            lane.items.clear();
        }
    }

    for (size_t k = 0; k < f.lanes.size(); ++k) {
        Frame::Lane &lane = f.lanes[k];
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
            Frame::Lane &lane = f.lanes[size_t(k)];
            if (lane.dense) {
                f.selected = makeItem(sel);
                const double h = std::min(m_style.maxRowPx, lane.rect.height() - 2 * kLanePadPx);
                f.selectedRow = QRectF(lane.rect.left(), lane.rect.center().y() - h / 2, lane.rect.width(), h);
            }
        }
    }
    return f;
}

void TimelineRenderer::gatherEvents(Frame &f, const EventStore &store, const std::vector<int> &laneOf, int columns,
                                    std::vector<EventStore::IndexList> &detail,
                                    const EventStore::IndexList *subset) const
{
    // One pass over the events overlapping the visible range spreads each event's mass over the
    // columns of its extent (a difference array of slopes: +1/length where it begins, -1/length
    // where it ends) and keeps the indices of lanes still under the detail limit. Used when
    // zoomed in closer than the index's bins, where the visible range holds a small part of the data.
    const qint64 fromMs = f.axis.fromMs(), toMs = f.axis.toMs();
    const double pxPerMs = 1.0 / f.axis.msPerPx();
    std::vector<std::vector<double>> slopes(f.lanes.size(), std::vector<double>(size_t(columns) + 1, 0.0));
    std::vector<qsizetype> counts(f.lanes.size(), 0);
    auto visit = [&](EventStore::Index i, qint64 extentFromMs, qint64 extentToMs) {
        const int k = laneOf[store.categoryIndex(i)];
        if (k < 0) return;
        double *slope = slopes[size_t(k)].data();
        const double x0 = std::round(double(extentFromMs - fromMs) * pxPerMs);
        const double x1 = std::round(double(extentToMs - fromMs) * pxPerMs);
        if (x1 <= x0) {
            // Shorter than a column: all of it in the column it starts in.
            const double c = std::floor(double(extentFromMs - fromMs) * pxPerMs);
            if (c >= 0 && c < columns) {
                slope[size_t(c)] += 1;
                slope[size_t(c) + 1] -= 1;
            }
        } else {
            const double w = 1.0 / (x1 - x0);
            slope[size_t(std::clamp(x0, 0.0, double(columns)))] += w;
            slope[size_t(std::clamp(x1, 0.0, double(columns)))] -= w;
        }
        if (++counts[size_t(k)] <= kDetailLimit) detail[size_t(k)].push_back(i);
    };
    // The end of an event's last period: day and time precision (most records) by addition;
    // months and years by calendar, remembering the last one since neighbours share months.
    FuzzyDate lastPeriod{std::numeric_limits<qint64>::min(), DatePrecision::Time};
    qint64 lastPeriodEnd = 0;
    auto extentEnd = [&](const FuzzyDate &end) {
        switch (end.precision) {
        case DatePrecision::Day:
            return end.startMs + 86'400'000;
        case DatePrecision::Time:
            return end.startMs + 1;
        default:
            if (!(end == lastPeriod)) {
                lastPeriod = end;
                lastPeriodEnd = periodEndMs(end);
            }
            return lastPeriodEnd;
        }
    };
    // Index order is start order: nothing from `upper` on starts before the range ends.
    auto firstStartingAt = [&](qint64 ms) {
        EventStore::Index lo = 0, hi = EventStore::Index(store.size());
        while (lo < hi) {
            const EventStore::Index mid = lo + (hi - lo) / 2;
            if (store.when(mid).earliestMs() < ms)
                lo = mid + 1;
            else
                hi = mid;
        }
        return lo;
    };
    if (subset) {
        // In time order like the store: stop at the first that starts after the range.
        for (EventStore::Index i : *subset) {
            const TimeSpan when = store.when(i);
            if (when.earliestMs() >= toMs) break;
            const qint64 end = extentEnd(when.end());
            if (end > fromMs) visit(i, when.earliestMs(), end);
        }
    } else if (const EventStore::Index upper = firstStartingAt(toMs); 2 * (upper - firstStartingAt(fromMs)) >= upper) {
        // Most of what starts before the range's end starts inside it: a plain scan beats
        // collecting the indices from the interval tree.
        for (EventStore::Index i = 0; i < upper; ++i) {
            const TimeSpan when = store.when(i);
            const qint64 end = extentEnd(when.end());
            if (end > fromMs) visit(i, when.earliestMs(), end);
        }
    } else {
        // O(log n + k) in the store's interval tree.
        for (EventStore::Index i : store.inWindow(f.axis.range())) {
            const TimeSpan when = store.when(i);
            visit(i, when.earliestMs(), extentEnd(when.end()));
        }
    }
    for (size_t k = 0; k < f.lanes.size(); ++k) {
        Frame::Lane &lane = f.lanes[k];
        lane.count = counts[k];
        lane.columnMass.resize(size_t(columns));
        double slope = 0;
        for (size_t c = 0; c < size_t(columns); ++c) {
            slope += slopes[k][c];
            lane.columnMass[c] = float(slope); // columns are one pixel: mass = slope
        }
    }
}

const TimelineIndex &TimelineRenderer::indexFor(const std::shared_ptr<const EventStore> &store) const
{
    if (!m_index || m_index->store() != store) m_index = std::make_shared<TimelineIndex>(store);
    return *m_index;
}

void TimelineRenderer::render(QPainter &painter, const QRectF &area, const TimeAxis &axis, const ViewState &state,
                              TimelineHits *hits) const
{
    const Frame frame = plan(area, axis, state);
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

void TimelineRenderer::paint(QPainter &painter, const Frame &frame, const ViewState &state) const
{
    painter.setFont(frame.font);
    paintLanes(painter, frame);
    paintWindow(painter, frame, state, false);
    paintEvents(painter, frame, state);
    paintAxis(painter, frame, state);
    paintWindow(painter, frame, state, true);
}

void TimelineRenderer::paintLanes(QPainter &painter, const Frame &frame) const
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

void TimelineRenderer::paintEvents(QPainter &painter, const Frame &frame, const ViewState &state) const
{
    const Layout &l = frame.layout;
    const QRectF plot = l.plot;
    const QFontMetricsF fm(frame.font);
    painter.save();
    painter.setClipRect(l.lanes, Qt::IntersectClip);

    auto paintItem = [&](const Frame::Lane &lane, const Frame::Item &item, double top, double height, bool selected) {
        painter.setOpacity(item.inWindow ? 1.0 : m_style.fadedOpacity);
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
                painter.setPen(QPen(m_style.selection, 2.0));
                painter.setBrush(Qt::NoBrush);
                drawMarkerShape(painter, lane.shape, centre, r + 1);
            }
        } else {
            const double x0 = clampX(plot.left() + item.x0, plot), x1 = clampX(plot.left() + item.x1, plot);
            const QRectF soft(QPointF(x0, y), QPointF(x1, y + h));
            // The uncertain extent: a pale fill under a hatch, so it reads as "somewhere in here".
            painter.setPen(Qt::NoPen);
            painter.setBrush(withAlpha(c, m_style.softOpacity));
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
                painter.setPen(QPen(m_style.selection, 2.0));
                painter.drawRect(soft.adjusted(-1, -1, 1, 1));
            }
        }
        if (!item.label.isEmpty()) {
            double left, right;
            QColor pen = m_style.eventLabel;
            if (item.labelInside) {
                // Stays readable while the bar's start is scrolled off to the left.
                left = std::max(plot.left() + item.x0, plot.left()) + 4;
                right = plot.left() + item.x1 - 3;
                const bool onCore =
                    item.core1 > item.core0 && left >= plot.left() + item.core0 && left < plot.left() + item.core1;
                if (onCore) pen = textOn(c);
            } else {
                left = plot.left() + item.right() + 3;
                right = left + std::min(kMaxLabelPx, item.labelRoomPx);
            }
            if (right - left > 24) {
                painter.setPen(pen);
                painter.drawText(QRectF(left, y, right - left, h), Qt::AlignLeft | Qt::AlignVCenter,
                                 fm.elidedText(item.label, Qt::ElideRight, right - left));
            }
        }
        painter.setOpacity(1.0);
    };

    paintDense(painter, frame, state);
    for (size_t k = 0; k < frame.lanes.size(); ++k) {
        const Frame::Lane &lane = frame.lanes[k];
        if (lane.dense) continue;
        painter.setRenderHint(QPainter::Antialiasing, true);
        const double h = frame.rowHeight(lane);
        // Faded events first, so those in the window are never hidden under them.
        for (int pass = 0; pass < 2; ++pass) {
            for (const Frame::Item &item : lane.items) {
                if (item.inWindow != (pass == 1)) continue;
                if (plot.left() + item.right() < plot.left() - kMaxLabelPx || plot.left() + item.left() > plot.right())
                    continue;
                paintItem(lane, item, frame.rowTop(lane, item.row), h, false);
            }
        }
    }

    // The selection on top, outlined.
    painter.setRenderHint(QPainter::Antialiasing, true);
    if (frame.selectedLane >= 0) {
        const Frame::Lane &lane = frame.lanes[size_t(frame.selectedLane)];
        const EventStore::Index sel = state.selectedEvent();
        if (frame.selected) {
            paintItem(lane, *frame.selected, frame.selectedRow.top(), frame.selectedRow.height(), true);
        } else {
            for (const Frame::Item &item : lane.items)
                if (item.event == sel) paintItem(lane, item, frame.rowTop(lane, item.row), frame.rowHeight(lane), true);
        }
    }
    painter.restore();
}

void TimelineRenderer::paintDense(QPainter &painter, const Frame &frame, const ViewState &state) const
{
    // Mass per pixel column, scaled to each lane's peak, written straight into one image for
    // all dense lanes and drawn once: a few hundred thousand pixel stores instead of thousands
    // of rectangles through the paint engine. Columns outside the time window are faded.
    const auto dense =
        std::find_if(frame.lanes.begin(), frame.lanes.end(), [](const Frame::Lane &l) { return l.dense; });
    if (dense == frame.lanes.end()) return;
    const QRectF lanes = frame.layout.lanes;
    const int columns = int(dense->columnMass.size());
    const int rows = std::max(1, int(std::ceil(lanes.height())));
    QImage layer(columns, rows, QImage::Format_ARGB32_Premultiplied);
    layer.fill(Qt::transparent);

    const auto window = state.timeWindow();
    const double plotLeft = frame.layout.plot.left();
    int windowC0 = 0, windowC1 = columns;
    if (window) {
        windowC0 = int(std::clamp(std::ceil(frame.axis.xOf(window->fromMs) - 0.5), 0.0, double(columns)));
        windowC1 = int(std::clamp(std::ceil(frame.axis.xOf(window->toMs) - 0.5), double(windowC0), double(columns)));
    }
    std::vector<int> heightPx(static_cast<size_t>(columns));
    for (const Frame::Lane &lane : frame.lanes) {
        if (!lane.dense) continue;
        const int bottom = std::clamp(int(std::lround(lane.rect.bottom() - kLanePadPx - lanes.top())), 0, rows);
        const int top = std::clamp(int(std::lround(lane.rect.top() + kLanePadPx - lanes.top())), 0, bottom);
        const double scale = double(bottom - top) / std::max(1e-9, double(lane.peak));
        int tallest = 0;
        for (int c = 0; c < columns; ++c) {
            const double mass = lane.columnMass[size_t(c)];
            // Anything at all still shows, at least two pixels (a year-long span spread thin);
            // below 1e-4 is rounding left over from the running sums, not an event.
            heightPx[size_t(c)] =
                mass < 1e-4 ? 0 : std::clamp(int(std::lround(mass * scale)), 2, std::max(2, bottom - top));
            tallest = std::max(tallest, heightPx[size_t(c)]);
        }
        const QRgb in = lane.color.rgba();
        const QRgb out = qPremultiply(withAlpha(lane.color, m_style.fadedOpacity).rgba());
        for (int level = 1; level <= tallest; ++level) {
            auto *line = reinterpret_cast<QRgb *>(layer.scanLine(bottom - level));
            for (int c = 0; c < columns; ++c)
                if (heightPx[size_t(c)] >= level) line[c] = (c >= windowC0 && c < windowC1) ? in : out;
        }
    }
    painter.save();
    painter.setRenderHint(QPainter::SmoothPixmapTransform, false);
    painter.drawImage(QRectF(plotLeft, lanes.top(), columns, rows), layer);
    painter.restore();
}

void TimelineRenderer::paintAxis(QPainter &painter, const Frame &frame, const ViewState &state) const
{
    const Layout &l = frame.layout;
    const QRectF band = l.axisBand;
    if (band.height() < 1) return;
    const QFontMetricsF fm(frame.font);
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, false);
    painter.fillRect(QRectF(l.gutter.left(), band.top(), l.gutter.width() + band.width(), band.height()),
                     m_style.axisBackground);
    painter.setPen(QPen(m_style.axisLine, 1));
    painter.drawLine(QPointF(l.gutter.left(), std::round(band.top()) + 0.5),
                     QPointF(band.right(), std::round(band.top()) + 0.5));
    painter.setPen(m_style.contextLabel);
    painter.drawText(QRectF(l.gutter.left() + 4, band.top() + 2, l.gutter.width() - 10, fm.height()),
                     Qt::AlignRight | Qt::AlignVCenter, tr("UTC"));
    painter.setClipRect(band, Qt::IntersectClip);

    const TimeTicks ticks = frame.axis.ticks(frame.language, fm);
    const double top = std::round(band.top()) + 0.5;
    for (qsizetype k = 0; k < ticks.ticks.size(); ++k) {
        const TimeTick &t = ticks.ticks[k];
        const double x = std::round(band.left() + t.xPx) + 0.5;
        painter.setPen(QPen(m_style.axisLine, 1));
        painter.drawLine(QPointF(x, top), QPointF(x, top + (t.major ? 6 : 3)));
        if (!t.major || t.label.isEmpty() || x < band.left()) continue;
        painter.setPen(m_style.tickLabel);
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
            painter.setPen(QPen(m_style.axisLine, 1));
            const double lineX = std::round(x) + 0.5;
            painter.drawLine(QPointF(lineX, top), QPointF(lineX, band.bottom()));
        }
        const double width = fm.horizontalAdvance(c.label) + 2;
        double left = std::max(x, band.left()) + 4;
        if (left + width > nextX - 4) left = std::max(x + 4, nextX - 4 - width);
        painter.setPen(m_style.contextLabel);
        painter.drawText(QRectF(left, contextTop, width, fm.height()), Qt::AlignLeft | Qt::AlignVCenter, c.label);
    }

    // The selected event's time, marked on the axis.
    if (frame.selectedLane >= 0) {
        const auto dataset = state.dataset();
        const Extent x = extentOf(dataset->events->when(state.selectedEvent()));
        const double x0 = band.left() + frame.axis.xOf(x.fromMs), x1 = band.left() + frame.axis.xOf(x.toMs);
        painter.setRenderHint(QPainter::Antialiasing, true);
        painter.setPen(Qt::NoPen);
        painter.setBrush(m_style.selection);
        const double mid = (x0 + x1) / 2;
        painter.drawPolygon(QPolygonF({QPointF(mid - 4, top), QPointF(mid + 4, top), QPointF(mid, top + 5)}));
        if (x1 - x0 > 3) painter.fillRect(QRectF(QPointF(x0, top), QPointF(x1, top + 2)), m_style.selection);
    }
    painter.restore();
}

void TimelineRenderer::paintWindow(QPainter &painter, const Frame &frame, const ViewState &state, bool overAxis) const
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

TimelineHits TimelineRenderer::hitsOf(const Frame &frame)
{
    TimelineHits hits;
    hits.store = frame.store;
    hits.plotPx = frame.layout.plot;
    hits.axisBandPx = frame.layout.axisBand;
    for (const Frame::Lane &lane : frame.lanes) {
        hits.lanes.push_back({lane.category, lane.rect, lane.count, lane.dense});
        if (lane.dense) {
            hits.denseLanes.push_back({lane.rect, lane.categoryIndex, frame.axis.fromMs(), frame.axis.msPerPx()});
            continue;
        }
        for (const Frame::Item &item : lane.items) {
            QRectF r = frame.itemRect(lane, item);
            if (!item.mark)
                r = QRectF(QPointF(frame.layout.plot.left() + item.x0, r.top()),
                           QPointF(frame.layout.plot.left() + item.x1, r.bottom()));
            hits.boxes.push_back({r, item.event});
        }
    }
    if (frame.selected) {
        const Frame::Item &item = *frame.selected;
        const QRectF row = frame.selectedRow;
        const double left = frame.layout.plot.left();
        hits.boxes.push_back({item.mark
                                  ? QRectF(left + item.markX - kMarkPx / 2, row.top(), kMarkPx, row.height())
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

EventStore::Index TimelineHits::eventAt(QPointF px, double slopPx, const EventStore::IndexList *shown) const
{
    if (!plotPx.contains(px) || axisBandPx.contains(px)) return -1;
    for (auto it = boxes.rbegin(); it != boxes.rend(); ++it)
        if (it->rectPx.adjusted(-slopPx, -slopPx, slopPx, slopPx).contains(px)) return it->event;
    for (const DenseLane &lane : denseLanes) {
        if (!store || !lane.rectPx.contains(px)) continue;
        // The first event of the lane's category in the pixel column under the point.
        const double column = std::floor(px.x() - lane.rectPx.left());
        const qint64 from = lane.fromMs + qint64(column * lane.msPerPx);
        const qint64 to = lane.fromMs + qint64((column + 1) * lane.msPerPx);
        for (EventStore::Index i : store->inWindow({from, std::max(to, from + 1)}))
            if (store->categoryIndex(i) == lane.categoryIndex &&
                (!shown || std::binary_search(shown->begin(), shown->end(), i)))
                return i;
        return -1;
    }
    return -1;
}

std::optional<QRectF> TimelineHits::rectOf(EventStore::Index event) const
{
    for (auto it = boxes.rbegin(); it != boxes.rend(); ++it)
        if (it->event == event) return it->rectPx;
    return std::nullopt;
}

} // namespace chronomap
