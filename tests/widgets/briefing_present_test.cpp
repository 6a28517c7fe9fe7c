// SPDX-License-Identifier: GPL-3.0-or-later
// Present mode on a real window (issue 17): F5 goes full screen with the caption band, the keys
// and clicks step through, each step sets the view to its settings and the timeline marks its
// window; the transition eases the map between steps; Escape puts the window back.
#include "widgets/briefing_caption_band.h"
#include "widgets/briefing_presenter.h"
#include "widgets/timeline_view.h"
#include "briefing_window.h"

#include <QDockWidget>
#include <QElapsedTimer>
#include <QMenuBar>
#include <QSignalSpy>
#include <QStatusBar>
#include <QToolButton>

#include <catch2/catch.hpp>

#include <algorithm>

#include "../qt_string_maker.h"

using namespace chronomap;

namespace {

/// The map scale each step was saved with (metres per pixel).
double stepScale(const MainWindow &window, int step)
{
    return window.briefing()
        ->briefing()
        .steps[step]
        .view.value(u"map")
        .toObject()
        .value(u"metres_per_pixel")
        .toDouble();
}

void checkShowsStep(MainWindow &window, int step)
{
    INFO("step " << step + 1);
    BriefingPresenter *presenter = window.briefingPresenter();
    REQUIRE(presenter->currentStep() == step);
    CHECK(window.viewState()->timeWindow() == test::stepWindow(step));
    CHECK(window.viewState()->selectedRegion() == test::stepRegion(window, step));
    CHECK(window.mapView()->viewport().metresPerPixel() == Approx(stepScale(window, step)));
    CHECK(presenter->band()->titleText() == window.briefing()->briefing().steps[step].title.en);
    CHECK(presenter->band()->positionText() == QStringLiteral("Step %1 of 3").arg(step + 1));
    // The timeline marks this step's window, the two others faintly.
    CHECK(window.timelineView()->currentStepMark() == test::stepWindow(step));
    CHECK(window.timelineView()->stepMarks().size() == 2);
    CHECK_FALSE(window.timelineView()->stepMarks().contains(*test::stepWindow(step)));
}

} // namespace

TEST_CASE("Present mode steps through the briefing with keys and clicks, and Escape restores the window",
          "[briefing][widgets]")
{
    MainWindow window;
    REQUIRE(test::openBundled(window));
    test::buildBriefing(window);
    BriefingPresenter *presenter = window.briefingPresenter();
    presenter->setAnimated(false); // reduced motion: each step lands at once
    window.briefingPanel()->setCurrentStep(0);
    const bool briefingDockShown = window.findChild<QDockWidget *>(QStringLiteral("briefingDock"))->isVisible();

    auto *present = window.findChild<QAction *>(QStringLiteral("presentBriefing"));
    REQUIRE(present);
    CHECK(present->shortcut() == QKeySequence(Qt::Key_F5));
    present->trigger();
    REQUIRE(presenter->isPresenting());
    CHECK(window.windowState().testFlag(Qt::WindowFullScreen));
    CHECK_FALSE(window.menuBar()->isVisible());
    CHECK_FALSE(window.findChild<QDockWidget *>(QStringLiteral("eventsDock"))->isVisible());
    CHECK(window.timelineView()->isVisible());
    CHECK(presenter->band()->isVisible());
    checkShowsStep(window, 0);

    QTest::keyClick(window.mapView(), Qt::Key_Right);
    checkShowsStep(window, 1);
    QTest::mouseClick(presenter->band()->nextButton(), Qt::LeftButton);
    checkShowsStep(window, 2);
    QTest::keyClick(window.mapView(), Qt::Key_Right); // past the last step: stays
    checkShowsStep(window, 2);
    QTest::keyClick(window.timelineView(), Qt::Key_PageUp);
    checkShowsStep(window, 1);
    QTest::keyClick(window.mapView(), Qt::Key_Left);
    checkShowsStep(window, 0);
    QTest::keyClick(window.mapView(), Qt::Key_PageDown);
    checkShowsStep(window, 1);
    QTest::mouseClick(presenter->band(), Qt::LeftButton, {}, QPoint(20, 20)); // a click on the band steps on
    checkShowsStep(window, 2);

    QTest::keyClick(window.mapView(), Qt::Key_Escape);
    CHECK_FALSE(presenter->isPresenting());
    CHECK_FALSE(window.windowState().testFlag(Qt::WindowFullScreen));
    CHECK(window.menuBar()->isVisible());
    CHECK(window.statusBar()->isVisible());
    CHECK_FALSE(presenter->band()->isVisible());
    CHECK(window.findChild<QDockWidget *>(QStringLiteral("briefingDock"))->isVisible() == briefingDockShown);
    CHECK(window.timelineView()->stepMarks().isEmpty());
    CHECK_FALSE(window.timelineView()->currentStepMark());
    CHECK(window.briefingPanel()->currentStep() == 2); // the panel followed the presentation
    // The view stays on the last step shown; the keys are the window's again.
    CHECK(window.viewState()->timeWindow() == test::stepWindow(2));
}

TEST_CASE("Between steps the map glides along an eased path unless motion is reduced", "[briefing][widgets]")
{
    MainWindow window;
    REQUIRE(test::openBundled(window));
    test::buildBriefing(window);
    BriefingPresenter *presenter = window.briefingPresenter();
    REQUIRE(presenter->isAnimated()); // on unless View → Reduce Motion
    presenter->start(1);
    QTRY_VERIFY_WITH_TIMEOUT(!presenter->isMoving(), 5000);
    const double from = window.mapView()->viewport().metresPerPixel();
    const double to = stepScale(window, 2);
    REQUIRE(to < from * 0.5); // step 3 is zoomed in

    QTest::keyClick(window.mapView(), Qt::Key_Right);
    CHECK(presenter->currentStep() == 2);
    CHECK(presenter->isMoving());
    CHECK(window.viewState()->selectedRegion() == -1); // the other settings apply at once
    // On the way the scale passes between the two steps' (polled; a loaded machine shows fewer
    // frames, but the animation's clock is wall time, so some land in between).
    QList<double> scales;
    QElapsedTimer clock;
    clock.start();
    do {
        QTest::qWait(10);
        scales.append(window.mapView()->viewport().metresPerPixel());
    } while (presenter->isMoving() && clock.elapsed() < 5000);
    CHECK_FALSE(presenter->isMoving());
    INFO("from " << from << " to " << to << ", on the way "
                 << QStringList([&] {
                        QStringList t;
                        for (double s : scales)
                            t.append(QString::number(s, 'f', 1));
                        return t;
                    }())
                        .join(u' ')
                        .toStdString());
    CHECK(std::any_of(scales.cbegin(), scales.cend(), [&](double s) { return s < from * 0.99 && s > to * 1.01; }));
    CHECK(std::is_sorted(scales.crbegin(), scales.crend())); // only ever closer in
    CHECK(window.mapView()->viewport().metresPerPixel() == Approx(to));
    CHECK(window.viewState()->timeWindow() == test::stepWindow(2));

    presenter->setAnimated(false);
    QTest::keyClick(window.mapView(), Qt::Key_Left);
    CHECK_FALSE(presenter->isMoving());
    CHECK(window.mapView()->viewport().metresPerPixel() == Approx(stepScale(window, 1)));
    presenter->stop();
}
