// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "time_axis.h"
#include "timeline_style.h"
#include "view/view_state.h"

#include <QRectF>
#include <QStringList>

#include <memory>
#include <optional>
#include <vector>

class QPainter;

namespace chronomap {

class TimelineIndex;

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
/// Keeps a TimelineIndex of the last store it drew (built on the first frame, tens of ms for a
/// million events), so overviews cost the same at any size. Not thread-safe: one renderer per
/// thread.
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
    struct Frame;
    Frame plan(const QRectF &area, const TimeAxis &axis, const ViewState &state) const;
    void paint(QPainter &painter, const Frame &frame, const ViewState &state) const;
    void paintLanes(QPainter &painter, const Frame &frame) const;
    void paintEvents(QPainter &painter, const Frame &frame, const ViewState &state) const;
    void paintDense(QPainter &painter, const Frame &frame, const ViewState &state) const;
    void paintAxis(QPainter &painter, const Frame &frame, const ViewState &state) const;
    void paintWindow(QPainter &painter, const Frame &frame, const ViewState &state, bool overAxis) const;
    static TimelineHits hitsOf(const Frame &frame);
    void gatherEvents(Frame &frame, const EventStore &store, const std::vector<int> &laneOf, int columns,
                      std::vector<EventStore::IndexList> &detail, const EventStore::IndexList *subset) const;
    const TimelineIndex &indexFor(const std::shared_ptr<const EventStore> &store) const;

    TimelineStyle m_style;
    mutable std::shared_ptr<const TimelineIndex> m_index; ///< of the last store drawn, built on first use
};

} // namespace chronomap
