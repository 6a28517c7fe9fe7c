// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/briefing_presenter.h"

#include "core/ui_language.h"
#include "core/view/view_state.h"
#include "core/view/view_state_json.h"
#include "widgets/briefing_caption_band.h"
#include "widgets/briefing_document.h"
#include "widgets/briefing_step_view.h"
#include "widgets/map_view.h"
#include "widgets/timeline_view.h"

#include <QApplication>
#include <QDockWidget>
#include <QKeyEvent>
#include <QMainWindow>
#include <QMenuBar>
#include <QStatusBar>
#include <QToolBar>
#include <QVariantAnimation>

#include <cmath>

namespace chronomap {

namespace {

double lerp(double a, double b, double t)
{
    return a + (b - a) * t;
}

/// Between two views: the centre along a straight line in Mercator metres, the scale
/// geometrically (a zoom from 8 to 4 passes 6 halfway, not 5.3).
Viewport between(const Viewport &a, const Viewport &b, double t)
{
    const QPointF centre(lerp(a.centreMercatorM().x(), b.centreMercatorM().x(), t),
                         lerp(a.centreMercatorM().y(), b.centreMercatorM().y(), t));
    const double scale = std::exp(lerp(std::log(a.metresPerPixel()), std::log(b.metresPerPixel()), t));
    return Viewport(centre, scale, b.sizePx());
}

} // namespace

BriefingPresenter::BriefingPresenter(QMainWindow *window, BriefingDocument *document, ViewState *state, MapView *map,
                                     TimelineView *timeline, QObject *parent)
    : QObject(parent), m_window(window), m_document(document), m_state(state), m_map(map), m_timeline(timeline),
      m_bar(new QToolBar(window)), m_band(new BriefingCaptionBand(m_bar)), m_motion(new QVariantAnimation(this))
{
    m_bar->setObjectName(QStringLiteral("briefingCaptionBar"));
    m_bar->setMovable(false);
    m_bar->setFloatable(false);
    m_bar->toggleViewAction()->setVisible(false); // only present mode shows it
    m_band->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    m_bar->addWidget(m_band);
    window->addToolBar(Qt::TopToolBarArea, m_bar);
    m_bar->hide();
    connect(m_band, &BriefingCaptionBand::nextRequested, this, &BriefingPresenter::next);
    connect(m_band, &BriefingCaptionBand::previousRequested, this, &BriefingPresenter::previous);
    connect(m_document, &BriefingDocument::changed, this, [this] {
        if (!m_presenting) return;
        if (m_document->briefing().steps.isEmpty()) return stop();
        m_step = std::min(m_step, int(m_document->briefing().steps.size()) - 1);
        markTimeline();
    });
    m_motion->setDuration(kTransitionMs);
    m_motion->setEasingCurve(QEasingCurve::InOutCubic);
    m_motion->setStartValue(0.0);
    m_motion->setEndValue(1.0);
}

BriefingPresenter::~BriefingPresenter()
{
    qApp->removeEventFilter(this);
}

bool BriefingPresenter::isMoving() const
{
    return m_motion->state() == QAbstractAnimation::Running;
}

void BriefingPresenter::start(int step)
{
    if (m_presenting || m_document->briefing().steps.isEmpty()) return;
    m_savedLayout = m_window->saveState();
    m_savedWindowState = m_window->windowState();
    m_menuWasVisible = m_window->menuBar()->isVisible();
    m_statusWasVisible = m_window->statusBar()->isVisible();
    // The map, the timeline and the caption: every other panel and bar goes while presenting.
    for (QDockWidget *dock : m_window->findChildren<QDockWidget *>(Qt::FindDirectChildrenOnly))
        dock->setVisible(dock->isAncestorOf(m_timeline));
    for (QToolBar *bar : m_window->findChildren<QToolBar *>(Qt::FindDirectChildrenOnly))
        bar->setVisible(bar == m_bar);
    m_window->menuBar()->hide();
    m_window->statusBar()->hide();
    m_window->showFullScreen();
    m_presenting = true;
    qApp->installEventFilter(this);
    emit presentingChanged(true);
    m_step = std::clamp(step, 0, int(m_document->briefing().steps.size()) - 1);
    showStep(m_step);
}

void BriefingPresenter::stop()
{
    if (!m_presenting) return;
    qApp->removeEventFilter(this);
    m_motion->stop();
    m_presenting = false;
    m_timeline->setStepMarks({}, std::nullopt);
    m_window->setWindowState(m_savedWindowState);
    m_window->restoreState(m_savedLayout);
    m_bar->hide();
    m_window->menuBar()->setVisible(m_menuWasVisible);
    m_window->statusBar()->setVisible(m_statusWasVisible);
    emit presentingChanged(false);
}

void BriefingPresenter::next()
{
    goTo(m_step + 1);
}

void BriefingPresenter::previous()
{
    goTo(m_step - 1);
}

void BriefingPresenter::goTo(int step)
{
    if (!m_presenting || step < 0 || step >= m_document->briefing().steps.size() || step == m_step) return;
    m_step = step;
    showStep(step);
}

void BriefingPresenter::showStep(int step)
{
    const BriefingStep &s = m_document->briefing().steps[step];
    const Viewport fromViewport = m_map->viewport();
    const std::optional<TimeWindow> fromWindow = m_state->timeWindow();
    m_motion->stop();
    IssueList issues;
    BriefingStepView::apply(s.view, *m_state, *m_map, &issues);
    for (Issue &issue : issues)
        issue.field = BriefingJson::stepLabel(step, s);
    const QString language = UiLanguage::current();
    m_band->showStep(s.title.in(language), s.caption.in(language), step, int(m_document->briefing().steps.size()));
    markTimeline();
    if (m_animated) moveTo(fromViewport, fromWindow);
    if (!issues.isEmpty()) emit issuesFound(issues);
    emit stepShown(step);
}

void BriefingPresenter::markTimeline()
{
    QList<TimeWindow> others;
    std::optional<TimeWindow> current;
    IssueList ignored;
    const QList<BriefingStep> &steps = m_document->briefing().steps;
    for (int i = 0; i < steps.size(); ++i) {
        std::optional<TimeWindow> window; // read as ViewStateJson reads it: one reading of the file
        ViewStateJson::windowFromJson(steps[i].view.value(QStringLiteral("window")), &window);
        if (i == m_step)
            current = window;
        else if (window)
            others.append(*window);
    }
    m_timeline->setStepMarks(others, current);
}

void BriefingPresenter::moveTo(const Viewport &fromViewport, std::optional<TimeWindow> fromWindow)
{
    const Viewport toViewport = m_map->viewport();
    const std::optional<TimeWindow> toWindow = m_state->timeWindow();
    // An open window (all time) has no ends to move: it is reached at once, the map still moves.
    const bool moveWindow = fromWindow && toWindow && *fromWindow != *toWindow;
    if (fromViewport == toViewport && !moveWindow) return;
    m_motion->disconnect(this);
    connect(m_motion, &QVariantAnimation::valueChanged, this, [=, this](const QVariant &value) {
        const double t = value.toDouble();
        m_map->setViewport(between(fromViewport, toViewport, t));
        if (moveWindow)
            m_state->setTimeWindow(TimeWindow{qint64(std::llround(lerp(fromWindow->fromMs, toWindow->fromMs, t))),
                                              qint64(std::llround(lerp(fromWindow->toMs, toWindow->toMs, t)))});
    });
    connect(m_motion, &QVariantAnimation::finished, this, [=, this] {
        m_map->setViewport(toViewport); // exactly the step's, not a rounding of it
        m_state->setTimeWindow(toWindow);
    });
    m_map->setViewport(fromViewport);
    if (moveWindow) m_state->setTimeWindow(fromWindow);
    m_motion->start();
}

bool BriefingPresenter::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() != QEvent::KeyPress || !m_presenting) return QObject::eventFilter(watched, event);
    const auto *key = static_cast<QKeyEvent *>(event);
    if (key->modifiers() & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier)) return false;
    switch (key->key()) {
    case Qt::Key_Right:
    case Qt::Key_PageDown:
    case Qt::Key_Space:
        next();
        return true;
    case Qt::Key_Left:
    case Qt::Key_PageUp:
    case Qt::Key_Backspace:
        previous();
        return true;
    case Qt::Key_Home:
        goTo(0);
        return true;
    case Qt::Key_End:
        goTo(int(m_document->briefing().steps.size()) - 1);
        return true;
    case Qt::Key_Escape:
        stop();
        return true;
    default:
        return false;
    }
}

} // namespace chronomap
