// SPDX-License-Identifier: GPL-3.0-or-later
// The Briefing panel on a real window over the bundled data (issue 17): steps made from the view
// by clicks and typing, saved, reopened and compared step by step; undo and redo; a briefing
// over changed data; the question before unsaved steps are lost.
#include "core/data_paths.h"
#include "../test_paths.h"
#include "core/geo/region_index.h"
#include "render/map/viewport.h"
#include "widgets/briefing_document.h"
#include "widgets/briefing_files.h"
#include "widgets/briefing_panel.h"
#include "widgets/main_window.h"
#include "widgets/map_view.h"
#include "widgets/problems_panel.h"
#include "briefing_window.h"

#include <QAction>
#include <QApplication>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUndoStack>

#include <catch2/catch.hpp>

#include "../qt_string_maker.h"

using namespace chronomap;

namespace {

QAction *editAction(MainWindow &window, const QString &startsWith)
{
    for (QAction *menu : window.menuBar()->actions())
        if (menu->menu() && menu->text() == MainWindow::tr("&Edit"))
            for (QAction *a : menu->menu()->actions())
                if (a->text().startsWith(startsWith)) return a;
    return nullptr;
}

/// Answers the next message box with `button` once it shows.
void answerNextMessageBox(QMessageBox::StandardButton button, QString *text = nullptr)
{
    QTimer::singleShot(0, [=] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        REQUIRE(box);
        if (text) *text = box->text();
        box->button(button)->click();
    });
}

QStringList problemTexts(const MainWindow &window)
{
    QStringList texts;
    const ProblemsPanel *problems = window.problemsPanel();
    for (int i = 0; i < problems->topLevelItemCount(); ++i) {
        const QTreeWidgetItem *item = problems->topLevelItem(i);
        texts.append(item->text(1) + u'|' + item->text(3) + u'|' + item->text(4));
    }
    return texts;
}

} // namespace

TEST_CASE("A briefing built in the panel saves, reopens and shows each step's view", "[briefing][widgets]")
{
    MainWindow window;
    REQUIRE(test::openBundled(window));
    BriefingPanel *panel = window.briefingPanel();
    test::buildBriefing(window);
    const Briefing built = window.briefing()->briefing();
    REQUIRE(built.steps.size() == 3);
    CHECK(built.steps[0].title.en == u"The treaty");
    CHECK(built.steps[0].title.es == u"El tratado");
    CHECK(built.steps[0].caption.en == u"June 2024: signed in Pyongyang.");
    CHECK(built.steps[1].view.value(u"region").toString() == u"RU-KRS");
    CHECK_FALSE(built.steps[1].view.contains(u"language"));
    CHECK(built.datasetSha256 == window.viewState()->dataset()->sha256);
    CHECK(panel->stepList()->count() == 3);
    CHECK(panel->stepList()->item(1)->text() == u"2. Kursk");

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("story.chronomap-briefing.json"));
    QString error;
    REQUIRE(window.briefing()->save(path, &error));
    CHECK_FALSE(window.briefing()->isModified());

    MainWindow reopened;
    reopened.resize(window.size());
    REQUIRE(test::openBundled(reopened));
    REQUIRE(reopened.briefingFiles()->open(path));
    CHECK(problemTexts(reopened).isEmpty()); // same data: nothing to report
    const Briefing read = reopened.briefing()->briefing();
    REQUIRE(read.steps.size() == built.steps.size());
    for (int i = 0; i < built.steps.size(); ++i) {
        INFO("step " << i + 1);
        CHECK(read.steps[i].title == built.steps[i].title);
        CHECK(read.steps[i].caption == built.steps[i].caption);
        CHECK(read.steps[i].view == built.steps[i].view);
    }
    // Choosing a step in the reopened panel shows the view it was made from.
    for (int i = 0; i < 3; ++i) {
        INFO("step " << i + 1);
        QListWidget *list = reopened.briefingPanel()->stepList();
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualItemRect(list->item(i)).center());
        REQUIRE(reopened.briefingPanel()->currentStep() == i);
        CHECK(reopened.viewState()->settings().window == test::stepWindow(i));
        CHECK(reopened.viewState()->settings().region == test::stepRegion(reopened, i));
        CHECK(reopened.briefingPanel()->titleEdit(QStringLiteral("en"))->text() == built.steps[i].title.en);
    }
    CHECK(reopened.mapView()->viewport().metresPerPixel() ==
          Approx(built.steps[2].view.value(u"map").toObject().value(u"metres_per_pixel").toDouble()));
}

TEST_CASE("Every briefing edit undoes and redoes from the Edit menu", "[briefing][widgets]")
{
    MainWindow window;
    REQUIRE(test::openBundled(window));
    test::buildBriefing(window);
    BriefingPanel *panel = window.briefingPanel();
    BriefingDocument *doc = window.briefing();
    QAction *undo = editAction(window, QStringLiteral("&Undo"));
    QAction *redo = editAction(window, QStringLiteral("&Redo"));
    REQUIRE(undo);
    REQUIRE(redo);
    const Briefing built = doc->briefing();
    const auto titles = [doc] {
        QStringList t;
        for (const BriefingStep &s : doc->briefing().steps)
            t.append(s.title.en);
        return t;
    };

    panel->setCurrentStep(0);
    QTest::mouseClick(panel->duplicateButton(), Qt::LeftButton);
    CHECK(titles() == QStringList{QStringLiteral("The treaty"), QStringLiteral("The treaty"), QStringLiteral("Kursk"),
                                  QStringLiteral("Counter-offensive")});
    panel->setCurrentStep(3);
    QTest::mouseClick(panel->deleteButton(), Qt::LeftButton);
    CHECK(titles() == QStringList{QStringLiteral("The treaty"), QStringLiteral("The treaty"), QStringLiteral("Kursk")});
    // A drop in the list moves the step (the model's move is what an internal drag does).
    REQUIRE(panel->stepList()->model()->moveRow({}, 2, {}, 0));
    CHECK(titles() == QStringList{QStringLiteral("Kursk"), QStringLiteral("The treaty"), QStringLiteral("The treaty")});
    CHECK(panel->stepList()->item(0)->text() == u"1. Kursk");
    panel->setCurrentStep(0);
    window.viewState()->setSelectedRegion(-1); // choosing the step selected Kursk again
    QTest::mouseClick(panel->updateButton(), Qt::LeftButton);
    CHECK(doc->briefing().steps[0].view.value(u"region").isNull());

    for (const QStringList &expected :
         {QStringList{QStringLiteral("Kursk"), QStringLiteral("The treaty"), QStringLiteral("The treaty")},
          QStringList{QStringLiteral("The treaty"), QStringLiteral("The treaty"), QStringLiteral("Kursk")},
          QStringList{QStringLiteral("The treaty"), QStringLiteral("The treaty"), QStringLiteral("Kursk"),
                      QStringLiteral("Counter-offensive")}}) {
        undo->trigger();
        CHECK(titles() == expected);
    }
    CHECK(doc->briefing().steps[2].view.value(u"region").toString() == u"RU-KRS");
    undo->trigger();
    CHECK(doc->briefing() == built);
    CHECK(panel->stepList()->count() == 3);
    // Typing a title is one undo step, whatever its length.
    panel->setCurrentStep(1);
    QTest::keyClicks(panel->titleEdit(QStringLiteral("en")), QStringLiteral(" region"));
    CHECK(doc->briefing().steps[1].title.en == u"Kursk region");
    undo->trigger();
    CHECK(doc->briefing().steps[1].title.en == u"Kursk");
    CHECK(panel->titleEdit(QStringLiteral("en"))->text() == u"Kursk");
    redo->trigger();
    CHECK(doc->briefing().steps[1].title.en == u"Kursk region");
}

TEST_CASE("Opening a briefing made over other data says so and names the steps' missing records", "[briefing][widgets]")
{
    MainWindow window;
    REQUIRE(test::openBundled(window));
    test::buildBriefing(window);
    Briefing changed = window.briefing()->briefing();
    changed.datasetSha256 = QString(64, QLatin1Char('a'));
    changed.steps[1].view.insert(QStringLiteral("selected_event"), QStringLiteral("no-such-record"));
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("old.chronomap-briefing.json"));
    REQUIRE(BriefingJson::writeFile(changed, path, nullptr));

    MainWindow other;
    REQUIRE(test::openBundled(other));
    REQUIRE(other.briefingFiles()->open(path));
    const QStringList problems = problemTexts(other);
    INFO(problems.join(u'\n').toStdString());
    REQUIRE(problems.size() == 2);
    CHECK(problems[0].startsWith(u"old.chronomap-briefing.json|dataset|the data changed since the briefing was made"));
    CHECK(problems[1].startsWith(u"old.chronomap-briefing.json|step 2 “Kursk”|"));
    CHECK(problems[1].contains(u"no-such-record"));
    CHECK(other.briefing()->briefing().steps.size() == 3); // the steps still load
}

TEST_CASE("Closing the window with unsaved steps asks, and Cancel keeps it open", "[briefing][widgets]")
{
    MainWindow window;
    REQUIRE(test::openBundled(window));
    window.show();
    QTest::mouseClick(window.briefingPanel()->addButton(), Qt::LeftButton);
    REQUIRE(window.briefing()->isModified());
    QString question;
    answerNextMessageBox(QMessageBox::Cancel, &question);
    CHECK_FALSE(window.close());
    CHECK(question.contains(u"unsaved"));
    CHECK(window.isVisible());
    answerNextMessageBox(QMessageBox::Discard);
    CHECK(window.close());
}

TEST_CASE("File → Open Example Briefing opens the bundled example from the data folder", "[briefing][widgets]")
{
    MainWindow window;
    REQUIRE(test::openBundled(window));
    // Until the example is bundled, one written here stands in, found the same way through
    // CHRONOMAP_DATA_DIR (beside a link to the real base map).
    QTemporaryDir dir;
    const bool bundled = QFileInfo::exists(DataPaths::exampleBriefing());
    if (!bundled) {
        QDir(dir.path()).mkpath(QStringLiteral("geodata/briefings"));
        REQUIRE(QFile::link(chronomap::test::sourceDir() + QLatin1String("/geodata/basemap"),
                            dir.filePath(QStringLiteral("geodata/basemap"))));
        Briefing example;
        example.title = {QStringLiteral("Example"), QStringLiteral("Ejemplo")};
        example.steps.append({{QStringLiteral("One"), {}}, {}, QJsonObject{}});
        REQUIRE(BriefingJson::writeFile(example,
                                        dir.filePath(QStringLiteral("geodata/briefings/"
                                                                    "treaty-to-kursk.chronomap-briefing.json")),
                                        nullptr));
        qputenv("CHRONOMAP_DATA_DIR", dir.path().toUtf8());
    }
    auto *action = window.menuBar()->findChild<QAction *>(QStringLiteral("openExampleBriefing"));
    REQUIRE(action);
    action->trigger();
    if (!bundled) qunsetenv("CHRONOMAP_DATA_DIR");
    CHECK(window.briefing()->path().endsWith(u"geodata/briefings/treaty-to-kursk.chronomap-briefing.json"));
    CHECK_FALSE(window.briefing()->briefing().steps.isEmpty());
    CHECK(window.briefingPanel()->stepList()->count() == window.briefing()->briefing().steps.size());
}

TEST_CASE("The briefing's own title and author are typed above the steps, undone, saved and reopened",
          "[briefing][widgets]")
{
    MainWindow window;
    REQUIRE(test::openBundled(window));
    test::buildBriefing(window);
    BriefingPanel *panel = window.briefingPanel();
    BriefingDocument *doc = window.briefing();
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("titled.chronomap-briefing.json"));
    QString error;
    REQUIRE(doc->save(path, &error));
    REQUIRE_FALSE(doc->isModified());

    QTest::keyClicks(panel->briefingTitleEdit(QStringLiteral("en")), QStringLiteral("From the treaty to Kursk"));
    CHECK(doc->isModified()); // unsaved, so closing would ask
    QTest::keyClicks(panel->briefingTitleEdit(QStringLiteral("es")), QStringLiteral("Del tratado a Kursk"));
    QTest::keyClicks(panel->authorEdit(), QStringLiteral("A. Analyst"));
    CHECK(doc->briefing().title ==
          BriefingText{QStringLiteral("From the treaty to Kursk"), QStringLiteral("Del tratado a Kursk")});
    CHECK(doc->briefing().author == u"A. Analyst");

    // Each field typed is one undo step, through the same stack as the steps' edits.
    QAction *undo = editAction(window, QStringLiteral("&Undo"));
    QAction *redo = editAction(window, QStringLiteral("&Redo"));
    REQUIRE(undo);
    REQUIRE(redo);
    undo->trigger();
    CHECK(doc->briefing().author.isEmpty());
    CHECK(panel->authorEdit()->text().isEmpty());
    CHECK(doc->briefing().title.es == u"Del tratado a Kursk");
    undo->trigger();
    CHECK(panel->briefingTitleEdit(QStringLiteral("es"))->text().isEmpty());
    undo->trigger();
    CHECK(doc->briefing().title == BriefingText{});
    CHECK_FALSE(doc->isModified()); // back where it was saved
    for (int i = 0; i < 3; ++i)
        redo->trigger();
    CHECK(panel->authorEdit()->text() == u"A. Analyst");
    CHECK(panel->briefingTitleEdit(QStringLiteral("en"))->text() == u"From the treaty to Kursk");
    REQUIRE(doc->save(path, &error));
    const Briefing saved = doc->briefing();

    MainWindow reopened;
    REQUIRE(test::openBundled(reopened));
    REQUIRE(reopened.briefingFiles()->open(path));
    CHECK(reopened.briefing()->briefing() == saved);
    CHECK(reopened.briefingPanel()->briefingTitleEdit(QStringLiteral("en"))->text() == u"From the treaty to Kursk");
    CHECK(reopened.briefingPanel()->briefingTitleEdit(QStringLiteral("es"))->text() == u"Del tratado a Kursk");
    CHECK(reopened.briefingPanel()->authorEdit()->text() == u"A. Analyst");
    CHECK_FALSE(reopened.briefing()->isModified());
}
