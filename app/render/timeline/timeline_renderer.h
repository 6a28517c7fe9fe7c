// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "render/timeline/time_axis.h"
#include "render/timeline/timeline_period_counts.h"
#include "render/timeline/timeline_hits.h"
#include "render/timeline/timeline_style.h"
#include "core/view/view_state.h"

#include <QRectF>
#include <QStringList>

#include <memory>
#include <optional>
#include <vector>

class QPainter;

namespace chronomap {

class TimelineIndex;
struct TimelineFrame;

/// Paints the timeline on any QPainter: one lane per shown category of the dataset (colours
/// from CategoryStyle, as on the map), events stacked in rows so that none covers another,
/// instants as marks, spans as bars, and uncertain periods as soft hatched bars over all they
/// may cover (a record dated `2025-08` spans the whole of August). The ViewState's time window
/// is a shaded range; events outside it fade; the selected event is outlined. A lane with too
/// many events to draw one by one becomes a histogram of events per pixel column (each event
/// spread over its uncertain extent), so a frame of a million events costs about as much as
/// one of ten thousand. While a region is selected only its events are drawn, and the search,
/// confidence and provenance filters narrow the lanes as they narrow the map.
///
/// The axis' visible range is spread over the plot (the area minus the label gutter); its
/// width in pixels is taken from the plot, so callers may pass an axis of any width.
///
/// Reads the PreparedDataset's TimelineIndex, so overviews cost the same at any size; draws
/// nothing for a dataset that was not prepared. Stateless.
class TimelineRenderer {
public:
    /// Where the parts of a timeline go inside `area` (painter coordinates, logical px).
    struct Layout {
        QRectF gutter;          ///< lane labels, left
        QRectF plot;            ///< time runs here, left to right
        QRectF lanes;           ///< the lanes' part of the plot
        QRectF axisBand;        ///< the axis strip at the bottom of the plot
        QStringList categories; ///< one lane each, top to bottom
    };

    explicit TimelineRenderer(const TimelineStyle &style = TimelineStyle::standard());

    /// Counts per period to draw in place of the dataset's events (a table browsed live): one
    /// dense lane per category; null draws the dataset.
    void setPeriodCounts(std::shared_ptr<const TimelinePeriodCounts> counts) { m_periodCounts = std::move(counts); }

    /// The layout render() uses for `area` and the state's dataset and filters.
    Layout layoutFor(const QRectF &area, const ViewState &state) const;
    /// `axis` with its width set to the plot's: the mapping render() draws with.
    TimeAxis plotAxis(const Layout &layout, const TimeAxis &axis) const;

    /// Paints into `area`. Fills `hits` (when given) with what was drawn where. Safe to call
    /// headless with a QImage painter.
    void render(QPainter &painter, const QRectF &area, const TimeAxis &axis, const ViewState &state,
                TimelineHits *hits = nullptr) const;
    /// What render() would record, without painting.
    TimelineHits hitsFor(const QRectF &area, const TimeAxis &axis, const ViewState &state) const;

    /// The events the lanes are narrowed to (the selected region's, else those passing a
    /// search, confidence or provenance filter), or null when the lanes show every event of
    /// their category. Owned by `state`, valid until it changes.
    static const EventStore::IndexList *drawnSubset(const ViewState &state);

    /// Above this many events in the visible range, a lane is aggregated per pixel column.
    static constexpr qsizetype kDetailLimit = 2'500;

private:
    TimelineFrame plan(const QRectF &area, const TimeAxis &axis, const ViewState &state) const;
    void paint(QPainter &painter, const TimelineFrame &frame, const ViewState &state) const;
    void paintLanes(QPainter &painter, const TimelineFrame &frame) const;
    void paintWindow(QPainter &painter, const TimelineFrame &frame, const ViewState &state, bool overAxis) const;
    static TimelineHits hitsOf(const TimelineFrame &frame);
    /// The lanes of m_periodCounts: each period's count spread evenly over its columns.
    void planPeriodCounts(TimelineFrame &frame) const;

    TimelineStyle m_style;
    std::shared_ptr<const TimelinePeriodCounts> m_periodCounts;
};

} // namespace chronomap
