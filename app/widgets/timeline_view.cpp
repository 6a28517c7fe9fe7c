// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/timeline_view.h"

#include "render/category_style.h"
#include "core/geo/region_index.h"
#include "render/timeline/time_step.h"

#include <QHelpEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPushButton>
#include <QToolTip>
#include <QWheelEvent>

#include <cmath>

namespace chronomap {

namespace {
constexpr double kClickSlopPx = 4.0;
constexpr double kZoomStep = 1.25;      // per wheel notch and per +/- key
constexpr double kKeyPanFraction = 0.1; // of the width, per arrow key
constexpr double kWheelPanPx = 60.0;    // per horizontal wheel notch
} // namespace

TimelineView::TimelineView(ViewState *state, QWidget *parent) : QWidget(parent), m_state(state)
{
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true); // for the cursor shape over the axis strip
    setAttribute(Qt::WA_OpaquePaintEvent);
    m_renderer = TimelineRenderer(TimelineStyle::forPalette(palette())); // light or dark desktop
    setAccessibleName(tr("Timeline"));
    setAccessibleDescription(
        tr("Events in time, one lane per category. Drag to pan, the wheel zooms, drag along the axis "
           "at the bottom to choose the time window, click the axis to clear it. Left and right arrows "
           "scroll, plus and minus zoom, Home shows everything, Escape clears the selection."));
    connect(m_state, &ViewState::datasetChanged, this, &TimelineView::onDatasetChanged);
    connect(m_state, &ViewState::selectedEventChanged, this, &TimelineView::onSelectedEventChanged);
    connect(m_state, &ViewState::timeWindowChanged, this, &TimelineView::onTimeWindowChanged);
    connect(m_state, &ViewState::selectedRegionChanged, this, &TimelineView::onSelectedRegionChanged);
    connect(m_state, &ViewState::languageChanged, this, [this] { onSelectedRegionChanged(m_state->selectedRegion()); });
    m_regionButton = new QPushButton(this);
    m_regionButton->setObjectName(QStringLiteral("regionFilterButton"));
    m_regionButton->setFocusPolicy(Qt::TabFocus);
    m_regionButton->setCursor(Qt::PointingHandCursor);
    m_regionButton->hide();
    connect(m_regionButton, &QPushButton::clicked, this, [this] { m_state->setSelectedRegion(-1); });
    connect(m_state, &ViewState::changed, this, [this] {
        invalidateHits();
        changeAxis(m_axis); // hiding a category can change the label gutter, so the plot's width
        update();
    });
    onDatasetChanged();
}

TimelineRenderer::Layout TimelineView::layout() const
{
    return m_renderer.layoutFor(timelineArea(), *m_state);
}

void TimelineView::changeAxis(const TimeAxis &axis)
{
    TimeAxis next = m_renderer.plotAxis(layout(), axis);
    if (next == m_axis) return;
    const bool rangeChanged = next.range() != m_axis.range();
    m_axis = next;
    invalidateHits();
    update();
    if (rangeChanged) emit visibleRangeChanged(m_axis.range());
}

void TimelineView::setPeriodCounts(std::shared_ptr<const TimelinePeriodCounts> counts)
{
    m_periodCounts = std::move(counts);
    m_renderer.setPeriodCounts(m_periodCounts);
    invalidateHits();
    update();
}

void TimelineView::setVisibleRange(TimeWindow range)
{
    TimeAxis a = m_axis;
    a.setRange(range);
    changeAxis(a);
}

double TimelineView::xOf(qint64 ms) const
{
    const auto l = layout();
    return l.plot.left() + m_renderer.plotAxis(l, m_axis).xOf(ms);
}

qint64 TimelineView::timeAt(double xPx) const
{
    const auto l = layout();
    return m_renderer.plotAxis(l, m_axis).timeAt(xPx - l.plot.left());
}

QRectF TimelineView::axisBand() const
{
    return layout().axisBand;
}

const TimelineHits &TimelineView::hits() const
{
    // Tests and tooltips may ask before the first paint: plan the frame without painting.
    if (!m_hitsValid) {
        m_hits = m_renderer.hitsFor(timelineArea(), m_axis, *m_state);
        m_hitsValid = true;
    }
    return m_hits;
}

QRectF TimelineView::eventRect(EventStore::Index event) const
{
    return hits().rectOf(event).value_or(QRectF());
}

EventStore::Index TimelineView::eventAt(QPointF px) const
{
    return hits().eventAt(px, 2.0, TimelineRenderer::drawnSubset(*m_state));
}

void TimelineView::fitAll()
{
    const auto dataset = m_state->dataset();
    if (!dataset || !dataset->events || dataset->events->isEmpty()) return;
    TimeAxis a = m_axis;
    a.fit(dataset->events->extent());
    // Labels sit right of their marks: leave the latest records room to show theirs.
    const TimeWindow fitted = a.range();
    a.setRange({fitted.fromMs, fitted.toMs + (fitted.toMs - fitted.fromMs) / 8});
    changeAxis(a);
}

void TimelineView::zoomIn()
{
    TimeAxis a = m_axis;
    a.zoomAbout(a.widthPx() / 2, kZoomStep);
    changeAxis(a);
}

void TimelineView::zoomOut()
{
    TimeAxis a = m_axis;
    a.zoomAbout(a.widthPx() / 2, 1 / kZoomStep);
    changeAxis(a);
}

void TimelineView::onDatasetChanged()
{
    invalidateHits();
    fitAll();
    update();
}

void TimelineView::onSelectedEventChanged(EventStore::Index event)
{
    const auto dataset = m_state->dataset();
    if (event < 0 || !dataset || !dataset->events || event >= dataset->events->size()) return;
    const TimeSpan when = dataset->events->when(event);
    const TimeWindow extent{when.earliestMs(), when.latestEndMs()};
    const TimeWindow visible = m_axis.range();
    if (extent.fromMs >= visible.fromMs && extent.toMs <= visible.toMs) return;
    // Selected elsewhere (the map, a panel) and off screen: bring it into view at this scale,
    // or zoom out just enough when it is longer than the view.
    TimeAxis a = m_axis;
    if (extent.toMs - extent.fromMs > (visible.toMs - visible.fromMs) * 8 / 10)
        a.fit(extent, 0.1);
    else
        a.centreOn(extent.fromMs + (extent.toMs - extent.fromMs) / 2);
    changeAxis(a);
}

void TimelineView::onTimeWindowChanged()
{
    // Playback moves the window along: keep it in view. Brushing happens in view already.
    const auto window = m_state->timeWindow();
    if (!window || m_drag == Drag::Brush) return;
    const TimeWindow visible = m_axis.range();
    const qint64 span = visible.toMs - visible.fromMs;
    if (window->toMs - window->fromMs > span || (window->fromMs >= visible.fromMs && window->toMs <= visible.toMs))
        return;
    const qint64 margin = span / 20;
    const qint64 shift =
        window->toMs > visible.toMs ? window->toMs + margin - visible.toMs : window->fromMs - margin - visible.fromMs;
    setVisibleRange({visible.fromMs + shift, visible.toMs + shift});
}

void TimelineView::onSelectedRegionChanged(int regionIndex)
{
    const auto dataset = m_state->dataset();
    const bool valid = regionIndex >= 0 && dataset && dataset->baseMap && dataset->baseMap->regions &&
                       regionIndex < dataset->baseMap->regions->regions().size();
    if (!valid) {
        if (!m_regionButton->isHidden()) {
            m_regionButton->hide();
            changeAxis(m_axis); // the lanes take the strip back
            invalidateHits();
        }
        return;
    }
    const QString name = localized(dataset->baseMap->regions->regions()[regionIndex].name, m_state->language());
    m_regionButton->setText(tr("Region: %1 — show all").arg(name));
    m_regionButton->setToolTip(tr("The timeline shows only the events of %1. Click to show every region's.").arg(name));
    m_regionButton->adjustSize();
    placeRegionButton();
    m_regionButton->show();
    m_regionButton->raise();
    changeAxis(m_axis);
    invalidateHits();
    update();
}

QString TimelineView::laneLabelAt(QPointF px) const
{
    const auto l = layout();
    if (!l.gutter.contains(px)) return {};
    for (const TimelineHits::Lane &lane : hits().lanes)
        if (px.y() >= lane.rectPx.top() && px.y() < lane.rectPx.bottom()) return lane.category;
    return {};
}

QRectF TimelineView::timelineArea() const
{
    QRectF area(rect());
    if (regionStripShown()) area.setTop(m_regionButton->geometry().bottom() + 4);
    return area;
}

bool TimelineView::regionStripShown() const
{
    return m_regionButton->parentWidget() == this && !m_regionButton->isHidden();
}

void TimelineView::placeRegionButton()
{
    if (m_regionButton->parentWidget() != this) return; // a host placed it in its own layout
    m_regionButton->move(std::max(0, width() - m_regionButton->width() - 6), 2);
}

void TimelineView::resizeEvent(QResizeEvent *)
{
    placeRegionButton();
    changeAxis(m_axis);
    invalidateHits();
}

void TimelineView::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::TextAntialiasing, true);
    if (regionStripShown()) {
        // The region note gets a strip of its own above the lanes, so it covers no event.
        painter.fillRect(QRectF(0, 0, width(), timelineArea().top()), palette().window());
        painter.setPen(palette().color(QPalette::Mid));
        painter.drawLine(QPointF(0, timelineArea().top() - 0.5), QPointF(width(), timelineArea().top() - 0.5));
    }
    m_renderer.render(painter, timelineArea(), m_axis, *m_state, &m_hits);
    m_hitsValid = true;
    paintStepMarks(painter);
    if (hasFocus()) {
        painter.setPen(QPen(palette().highlight(), 2));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(QRectF(rect()).adjusted(1, 1, -1, -1));
    }
}

void TimelineView::setStepMarks(const QList<TimeWindow> &others, std::optional<TimeWindow> current)
{
    m_stepMarks = others;
    m_currentStepMark = current;
    update();
}

void TimelineView::paintStepMarks(QPainter &painter) const
{
    const QRectF plot = layout().plot;
    const auto band = [&](const TimeWindow &w) {
        const double left = std::clamp(xOf(w.fromMs), plot.left(), plot.right());
        const double right = std::clamp(xOf(w.toMs), plot.left(), plot.right());
        return QRectF(left, plot.top(), std::max(right - left, 2.0), plot.height());
    };
    QColor faint = palette().color(QPalette::Highlight);
    faint.setAlpha(28);
    for (const TimeWindow &w : m_stepMarks)
        painter.fillRect(band(w), faint);
    if (!m_currentStepMark) return;
    const QRectF current = band(*m_currentStepMark);
    QColor strong = palette().color(QPalette::Highlight);
    strong.setAlpha(70);
    painter.fillRect(current, strong);
    painter.setPen(QPen(palette().color(QPalette::Highlight), 2));
    painter.drawLine(current.topLeft(), current.bottomLeft());
    painter.drawLine(current.topRight(), current.bottomRight());
}

void TimelineView::brushTo(double xPx)
{
    const auto l = layout();
    const double x = std::clamp(xPx, l.plot.left(), l.plot.right());
    const qint64 ms = timeAt(x);
    // Edges snap to days, months or years as the scale allows, so a window reads "March–May",
    // not "3 March 14:27".
    const TimeStep step = m_axis.snapStep();
    qint64 from = TimeAxis::snap(std::min(ms, m_brushAnchorMs), step);
    qint64 to = TimeAxis::snap(std::max(ms, m_brushAnchorMs), step);
    if (to <= from) to = step.add(from);
    m_state->setTimeWindow(TimeWindow{from, to});
}

void TimelineView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton) return;
    m_pressPx = m_lastPx = event->position();
    m_moved = false;
    const auto l = layout();
    if (l.axisBand.contains(event->position())) {
        m_drag = Drag::Brush;
        m_brushAnchorMs = timeAt(event->position().x());
    } else {
        m_drag = Drag::Pan;
    }
}

void TimelineView::mouseMoveEvent(QMouseEvent *event)
{
    if (m_drag == Drag::None) {
        setCursor(axisBand().contains(event->position()) ? Qt::SizeHorCursor : Qt::ArrowCursor);
        return;
    }
    if (!m_moved && (event->position() - m_pressPx).manhattanLength() < kClickSlopPx) return;
    m_moved = true;
    if (m_drag == Drag::Brush) {
        brushTo(event->position().x());
    } else {
        setCursor(Qt::ClosedHandCursor);
        TimeAxis a = m_axis;
        a.panByPx(event->position().x() - m_lastPx.x());
        changeAxis(a);
    }
    m_lastPx = event->position();
}

void TimelineView::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || m_drag == Drag::None) return;
    const Drag drag = m_drag;
    m_drag = Drag::None;
    unsetCursor();
    if (m_moved) {
        if (drag == Drag::Brush) brushTo(event->position().x());
        return;
    }
    if (drag == Drag::Brush) {
        m_state->setTimeWindow(std::nullopt); // a click on the axis clears the window
    } else if (const QString category = laneLabelAt(event->position()); !category.isEmpty()) {
        // A click on a lane's label hides that category (the map legend shows it again).
        QSet<QString> hidden = m_state->hiddenCategories();
        hidden.insert(category);
        m_state->setHiddenCategories(hidden);
    } else {
        m_state->setSelectedEvent(eventAt(event->position()));
    }
}

void TimelineView::wheelEvent(QWheelEvent *event)
{
    const QPoint delta = event->angleDelta();
    TimeAxis a = m_axis;
    const bool horizontal = std::abs(delta.x()) > std::abs(delta.y());
    if (horizontal || event->modifiers() & Qt::ShiftModifier) {
        // Scrolling sideways (a tilt wheel, a touchpad, or Shift with a plain wheel) pans.
        const int d = horizontal ? delta.x() : delta.y();
        a.panByPx(d / 120.0 * kWheelPanPx);
    } else if (delta.y() != 0) {
        // The plain wheel and Ctrl+wheel both zoom about the cursor.
        a.zoomAbout(event->position().x() - layout().plot.left(), std::pow(kZoomStep, delta.y() / 120.0));
    } else {
        event->ignore();
        return;
    }
    changeAxis(a);
    event->accept();
}

void TimelineView::keyPressEvent(QKeyEvent *event)
{
    TimeAxis a = m_axis;
    switch (event->key()) {
    case Qt::Key_Left:
        a.panByPx(a.widthPx() * kKeyPanFraction);
        break;
    case Qt::Key_Right:
        a.panByPx(-a.widthPx() * kKeyPanFraction);
        break;
    case Qt::Key_PageUp:
        a.panByPx(a.widthPx() * 0.9);
        break;
    case Qt::Key_PageDown:
        a.panByPx(-a.widthPx() * 0.9);
        break;
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        a.zoomAbout(a.widthPx() / 2, kZoomStep);
        break;
    case Qt::Key_Minus:
        a.zoomAbout(a.widthPx() / 2, 1 / kZoomStep);
        break;
    case Qt::Key_Home:
        fitAll();
        return;
    case Qt::Key_Escape:
        m_state->clearSelection();
        return;
    default:
        QWidget::keyPressEvent(event);
        return;
    }
    changeAxis(a);
}

bool TimelineView::event(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange) {
        m_renderer = TimelineRenderer(TimelineStyle::forPalette(palette()));
        m_renderer.setPeriodCounts(m_periodCounts);
        update();
    }
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const auto dataset = m_state->dataset();
        const EventStore::Index i = eventAt(help->pos());
        if (!dataset || !dataset->events || i < 0) {
            QToolTip::hideText();
            return true;
        }
        const EventStore &store = *dataset->events;
        const TimeSpan when = store.when(i);
        QString date = when.start().toIso();
        if (!when.isInstant()) date += QStringLiteral(" – ") + when.end().toIso();
        const QString text = date + QStringLiteral("  ") + store.title(i, m_state->language()) + u'\n' +
                             CategoryStyle::label(store.category(i));
        // Text from data is plain text: escape it so markup shows literally.
        QToolTip::showText(help->globalPos(),
                           QStringLiteral("<p style='white-space:pre'>%1</p>").arg(text.toHtmlEscaped()), this);
        return true;
    }
    return QWidget::event(event);
}

} // namespace chronomap
