// SPDX-License-Identifier: GPL-3.0-or-later
// A window over the bundled data with a three-step briefing made in its panel by clicks and
// typing, for the briefing widget tests.
#pragma once

#include "core/data_paths.h"
#include "core/geo/region_index.h"
#include "widgets/briefing_document.h"
#include "widgets/briefing_panel.h"
#include "widgets/main_window.h"
#include "widgets/map_view.h"
#include "window_loading.h"

#include <QDateTime>
#include <QDockWidget>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTest>

#include <catch2/catch.hpp>

namespace chronomap::test {

/// A window of a fixed size, shown, with the bundled dataset and the Briefing panel raised.
inline bool openBundled(MainWindow &window)
{
    window.resize(1400, 900);
    window.show();
    if (auto *dock = window.findChild<QDockWidget *>(QStringLiteral("briefingDock"))) dock->raise();
    return QTest::qWaitForWindowExposed(&window) && loadFiles(window, {DataPaths::bundledEvents()});
}

inline qint64 utcMs(int year, int month, int day)
{
    return QDateTime(QDate(year, month, day), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
}

/// The time window of each step buildBriefing() makes.
inline std::optional<TimeWindow> stepWindow(int step)
{
    switch (step) {
    case 0:
        return TimeWindow{utcMs(2024, 6, 1), utcMs(2024, 7, 1)};
    case 1:
        return TimeWindow{utcMs(2024, 10, 1), utcMs(2025, 1, 1)};
    default:
        return TimeWindow{utcMs(2025, 1, 1), utcMs(2025, 5, 1)};
    }
}

/// The region of each step: Kursk in the second.
inline int stepRegion(const MainWindow &window, int step)
{
    return step == 1 ? window.viewState()->dataset()->baseMap->regions->find(QStringLiteral("RU-KRS")) : -1;
}

/// Types a step's texts into the panel: English in its tab, Spanish in the other.
inline void typeTexts(BriefingPanel *panel, const QString &titleEn, const QString &titleEs, const QString &captionEn)
{
    panel->languageTabs()->setCurrentIndex(0);
    QTest::keyClicks(panel->titleEdit(QStringLiteral("en")), titleEn);
    QTest::keyClicks(panel->captionEdit(QStringLiteral("en")), captionEn);
    panel->languageTabs()->setCurrentIndex(1);
    QTest::keyClicks(panel->titleEdit(QStringLiteral("es")), titleEs);
}

/// Makes three steps in the window's Briefing panel by setting the view and clicking "Add
/// Current View": June 2024, Kursk in late 2024, and 2025 zoomed in on the map.
inline void buildBriefing(MainWindow &window)
{
    BriefingPanel *panel = window.briefingPanel();
    ViewState *state = window.viewState();
    state->setTimeWindow(stepWindow(0));
    QTest::mouseClick(panel->addButton(), Qt::LeftButton);
    typeTexts(panel, QStringLiteral("The treaty"), QStringLiteral("El tratado"),
              QStringLiteral("June 2024: signed in Pyongyang."));
    state->setTimeWindow(stepWindow(1));
    state->setSelectedRegion(stepRegion(window, 1));
    QTest::mouseClick(panel->addButton(), Qt::LeftButton);
    typeTexts(panel, QStringLiteral("Kursk"), QStringLiteral("Kursk"), QStringLiteral("Troops reach Kursk."));
    state->setTimeWindow(stepWindow(2));
    state->setSelectedRegion(-1);
    Viewport closer = window.mapView()->viewport();
    closer.zoomAbout(QPointF(closer.sizePx().width() / 2.0, closer.sizePx().height() / 2.0), 4.0);
    window.mapView()->setViewport(closer);
    QTest::mouseClick(panel->addButton(), Qt::LeftButton);
    typeTexts(panel, QStringLiteral("Counter-offensive"), QStringLiteral("Contraofensiva"), QString());
}

} // namespace chronomap::test
