// SPDX-License-Identifier: GPL-3.0-or-later
#include "render/timeline/timeline_lane_stacking.h"

#include "render/timeline/timeline_style.h"

#include <QFontMetricsF>

#include <algorithm>
#include <vector>

namespace chronomap {

namespace {

constexpr double kStackGapPx = 2;      // between neighbours in a row
constexpr qsizetype kLabelLimit = 400; // above this many events in a lane, no titles are drawn

/// First fit into rows, in time order; returns the rows used.
int stackRows(std::vector<TimelineFrame::Item> &items, bool withLabels, const QFontMetricsF &fm)
{
    std::vector<double> rowEnd;
    for (TimelineFrame::Item &item : items) {
        double right = item.right();
        if (withLabels && !item.label.isEmpty() && !item.labelInside)
            right += std::min(TimelineFrame::kMaxLabelPx, fm.horizontalAdvance(item.label)) + 6;
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
}

} // namespace

void stackLaneEvents(const TimelineFrame &frame, TimelineFrame::Lane &lane, const EventStore::IndexList &events,
                     const QFontMetricsF &fm, const TimelineStyle &style, const std::optional<TimeWindow> &window,
                     WindowMatch match)
{
    lane.items.reserve(events.size());
    for (EventStore::Index i : events)
        lane.items.push_back(frame.itemFor(i, window, match));
    const double usable = lane.rect.height() - 2 * TimelineFrame::kLanePadPx;
    const double labelRowPx = fm.height() + 2;
    bool labels = qsizetype(lane.items.size()) <= kLabelLimit && usable >= labelRowPx;
    if (labels) {
        for (TimelineFrame::Item &item : lane.items) {
            item.label = frame.store->title(item.event, frame.language);
            // Inside a bar wide enough for the title, or for a good part of it (elided).
            item.labelInside = !item.mark && item.x1 - item.x0 >= std::min(fm.horizontalAdvance(item.label) + 8, 90.0);
        }
    }
    // Room for every title if the rows still fit; otherwise pack tighter and let titles
    // run only into the gaps their row leaves.
    int rows = stackRows(lane.items, labels, fm);
    if (labels && rows * labelRowPx > usable) rows = stackRows(lane.items, false, fm);
    rows = std::max(rows, 1);
    lane.rowPx = std::min(style.maxRowPx, usable / rows);
    if (lane.rowPx < labelRowPx - 1) {
        for (TimelineFrame::Item &item : lane.items)
            item.label.clear();
    } else {
        std::vector<TimelineFrame::Item *> lastInRow(size_t(rows), nullptr);
        for (TimelineFrame::Item &item : lane.items) {
            TimelineFrame::Item *&previous = lastInRow[size_t(item.row)];
            if (previous) previous->labelRoomPx = item.left() - previous->right() - 6;
            previous = &item;
        }
    }
    if (lane.rowPx < style.minRowPx) {
        // Too crowded to stack: aggregate like a lane over the detail limit.
        lane.dense = true; // its columns were counted with the others
        lane.items.clear();
    }
}

} // namespace chronomap
