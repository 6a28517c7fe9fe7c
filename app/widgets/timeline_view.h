// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "render/timeline/time_axis.h"
#include "render/timeline/timeline_renderer.h"
#include "core/view/view_state.h"

#include <QWidget>

class QPainter;
class QPushButton;

namespace chronomap {

/// The timeline: lanes of events under a time axis. Thin: turns mouse and keys into axis moves
/// (drag pans, the wheel zooms about the cursor, a horizontal wheel and the arrow keys scroll)
/// and view-state changes (dragging on the axis strip brushes the time window, a click there
/// clears it, a click on a mark selects its event, Escape clears the selection). Everything it
/// draws comes from TimelineRenderer and the ViewState. While a region is selected it shows only
/// that region's events, with a button to show all again; a click on a lane's label hides its
/// category.
class TimelineView : public QWidget {
    Q_OBJECT
public:
    explicit TimelineView(ViewState *state, QWidget *parent = nullptr);

    /// The time ↔ x mapping, its width that of the plot (x = 0 at the plot's left edge).
    const TimeAxis &axis() const { return m_axis; }
    /// The visible range (UTC ms).
    TimeWindow visibleRange() const { return m_axis.range(); }
    void setVisibleRange(TimeWindow range);
    /// Counts per period drawn in place of the dataset's events (a table browsed live,
    /// LiveSession); null returns to the dataset.
    void setPeriodCounts(std::shared_ptr<const TimelinePeriodCounts> counts);
    /// Widget x (logical px) of a time (UTC ms).
    double xOf(qint64 ms) const;
    /// Time (UTC ms) at widget x.
    qint64 timeAt(double xPx) const;
    /// Where `event` is drawn (its mark, or its bar over the whole uncertain extent), in widget
    /// px; empty when it is not drawn on its own (off screen, filtered out, or aggregated).
    QRectF eventRect(EventStore::Index event) const;
    /// The axis strip along the bottom, where dragging brushes the time window (widget px).
    QRectF axisBand() const;
    /// The event drawn at a widget position, or -1.
    EventStore::Index eventAt(QPointF px) const;

    /// The category whose lane label is at a widget position (a click there hides it), or "".
    QString laneLabelAt(QPointF px) const;
    /// "Region: Kursk — show all", shown while a region narrows the timeline. It sits in a strip
    /// above the lanes unless a host moves it into a layout of its own (the main window puts it
    /// in the playback bar, so the lanes keep their height). A click clears the region.
    QPushButton *regionButton() const { return m_regionButton; }

    /// Marks briefing steps' windows over the plot while presenting: `current` strongly, the
    /// `others` faintly. Only what to draw: the steps stay the briefing's. Empty clears the marks.
    void setStepMarks(const QList<TimeWindow> &others, std::optional<TimeWindow> current);
    const QList<TimeWindow> &stepMarks() const { return m_stepMarks; }
    std::optional<TimeWindow> currentStepMark() const { return m_currentStepMark; }

    QSize sizeHint() const override { return {900, 260}; }
    QSize minimumSizeHint() const override { return {240, 110}; }

public slots:
    /// Shows all events of the dataset.
    void fitAll();
    void zoomIn();
    void zoomOut();

signals:
    /// The visible range changed (pan, zoom, fit), e.g. for the snapshot export to follow.
    void visibleRangeChanged(chronomap::TimeWindow range);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    bool event(QEvent *event) override;

private:
    enum class Drag : quint8 { None, Pan, Brush };

    TimelineRenderer::Layout layout() const;
    void changeAxis(const TimeAxis &axis);
    void invalidateHits() { m_hitsValid = false; }
    const TimelineHits &hits() const;
    void brushTo(double xPx);
    void onDatasetChanged();
    void onSelectedEventChanged(EventStore::Index event);
    void onTimeWindowChanged();
    void onSelectedRegionChanged(int regionIndex);
    void placeRegionButton();
    bool regionStripShown() const;
    void paintStepMarks(QPainter &painter) const;
    /// Where the timeline is drawn: the widget less the region note's strip when it shows.
    QRectF timelineArea() const;

    ViewState *m_state;
    TimelineRenderer m_renderer;
    std::shared_ptr<const TimelinePeriodCounts> m_periodCounts;
    TimeAxis m_axis;
    mutable TimelineHits m_hits;
    mutable bool m_hitsValid = false;
    Drag m_drag = Drag::None;
    bool m_moved = false;
    QPointF m_pressPx;
    QPointF m_lastPx;
    qint64 m_brushAnchorMs = 0;
    QPushButton *m_regionButton = nullptr;
    QList<TimeWindow> m_stepMarks;
    std::optional<TimeWindow> m_currentStepMark;
};

} // namespace chronomap
