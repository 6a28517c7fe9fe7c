// SPDX-License-Identifier: GPL-3.0-or-later
// Reordering a briefing's steps by dragging them in the Briefing panel's list with the mouse
// (issue 17): a press on a step, moves past the drag distance, a release over another step.
// On X11 under Xvfb (the CTest entry "xcb: …" runs the [.xcb] tests): the `offscreen` platform
// ends QDrag::exec at once without a drop, and a QDropEvent made by hand has no drag source,
// which an InternalMove list refuses, so only a real platform can drive this drag.
#include "widgets/briefing_document.h"
#include "widgets/briefing_panel.h"
#include "widgets/main_window.h"
#include "briefing_window.h"

#include <QApplication>
#include <QGuiApplication>
#include <QListWidget>
#include <QTest>
#include <QTimer>
#include <QUndoStack>

#include <catch2/catch.hpp>

#include "../qt_string_maker.h"

using namespace chronomap;

namespace {

QStringList stepTitles(const BriefingDocument *doc)
{
    QStringList titles;
    for (const BriefingStep &step : doc->briefing().steps)
        titles.append(step.title.en);
    return titles;
}

/// Drags row `from` of `list` with the mouse and releases it over the upper part of row `onto`
/// (so it lands before it). Once the drag starts, QDrag::exec runs its own event loop until the
/// release: the moves over the target and the release are sent from a timer inside that loop.
void dragRow(QListWidget *list, int from, int onto)
{
    QWidget *viewport = list->viewport();
    const QPoint start = list->visualItemRect(list->item(from)).center();
    const QRect target = list->visualItemRect(list->item(onto));
    const QPoint over(target.center().x(), target.top() + 3);
    const int step = QApplication::startDragDistance() + 4;
    const int towards = over.y() < start.y() ? -step : step;
    QTimer::singleShot(100, viewport, [=] {
        QTest::mouseMove(viewport, over + QPoint(0, 1));
        QTest::mouseMove(viewport, over);
        QTest::mouseRelease(viewport, Qt::LeftButton, {}, over);
    });
    QTest::mousePress(viewport, Qt::LeftButton, {}, start);
    QTest::mouseMove(viewport, start + QPoint(0, towards / 2)); // the view enters its dragging state
    QTest::mouseMove(viewport, start + QPoint(0, towards));     // past the drag distance: the drag starts
    QTest::qWait(300);                                          // the timer's release, when the drag returned at once
}

} // namespace

TEST_CASE("On X11 a step dragged with the mouse to the top of the list moves there as one undo step", "[.xcb]")
{
    REQUIRE(QGuiApplication::platformName() == QStringLiteral("xcb"));
    MainWindow window;
    REQUIRE(test::openBundled(window));
    test::buildBriefing(window);
    BriefingPanel *panel = window.briefingPanel();
    BriefingDocument *doc = window.briefing();
    const Briefing built = doc->briefing();
    REQUIRE(stepTitles(doc) ==
            QStringList{QStringLiteral("The treaty"), QStringLiteral("Kursk"), QStringLiteral("Counter-offensive")});
    const int edits = doc->undoStack()->count();

    dragRow(panel->stepList(), 2, 0);
    CHECK(stepTitles(doc) ==
          QStringList{QStringLiteral("Counter-offensive"), QStringLiteral("The treaty"), QStringLiteral("Kursk")});
    CHECK(panel->stepList()->item(0)->text() == u"1. Counter-offensive");
    CHECK(panel->stepList()->count() == 3);
    CHECK(panel->currentStep() == 0);                  // the step dragged stays chosen
    CHECK(doc->briefing().steps[0] == built.steps[2]); // moved whole: view, title and caption
    CHECK(doc->undoStack()->count() == edits + 1);
    doc->undoStack()->undo();
    CHECK(doc->briefing() == built);
}
