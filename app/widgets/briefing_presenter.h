// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/issue.h"
#include "core/store/event_store.h"
#include "render/map/viewport.h"

#include <QObject>

#include <optional>

class QMainWindow;
class QToolBar;
class QVariantAnimation;

namespace chronomap {

class BriefingCaptionBand;
class BriefingDocument;
class MapView;
class TimelineView;
class ViewState;

/// Present mode: the window full screen with the map, the timeline and a caption band; Right,
/// Page Down and a click on the band step on, Left and Page Up step back, Escape leaves and puts
/// the window back as it was. Between steps the map and the time window move along an eased
/// curve for kTransitionMs, unless motion is reduced (setAnimated(false)); every other setting
/// of the step applies at once. The timeline marks the step's window and, faintly, the others'.
class BriefingPresenter : public QObject {
    Q_OBJECT
public:
    static constexpr int kTransitionMs = 450;

    BriefingPresenter(QMainWindow *window, BriefingDocument *document, ViewState *state, MapView *map,
                      TimelineView *timeline, QObject *parent = nullptr);
    ~BriefingPresenter() override;

    bool isPresenting() const { return m_presenting; }
    /// The step shown, or -1 when not presenting.
    int currentStep() const { return m_presenting ? m_step : -1; }
    BriefingCaptionBand *band() const { return m_band; }
    /// Whether steps move smoothly; false for reduced motion (View → Reduce Motion).
    bool isAnimated() const { return m_animated; }
    void setAnimated(bool animated) { m_animated = animated; }
    /// A transition is under way.
    bool isMoving() const;

public slots:
    /// Enters present mode at `step` (nothing when the briefing has no steps).
    void start(int step = 0);
    /// Leaves present mode; the window gets its layout and state back.
    void stop();
    void next();
    void previous();
    void goTo(int step);

signals:
    void presentingChanged(bool presenting);
    /// A step was reached (its settings applied; the transition may still run).
    void stepShown(int step);
    /// Problems applying a step (a region or record the data no longer has).
    void issuesFound(const chronomap::IssueList &issues);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void showStep(int step);
    void markTimeline();
    void moveTo(const Viewport &fromViewport, std::optional<TimeWindow> fromWindow);

    QMainWindow *m_window;
    BriefingDocument *m_document;
    ViewState *m_state;
    MapView *m_map;
    TimelineView *m_timeline;
    QToolBar *m_bar;
    BriefingCaptionBand *m_band;
    QVariantAnimation *m_motion;
    bool m_presenting = false;
    bool m_animated = true;
    int m_step = 0;
    QByteArray m_savedLayout;
    Qt::WindowStates m_savedWindowState;
    bool m_menuWasVisible = true;
    bool m_statusWasVisible = true;
};

} // namespace chronomap
