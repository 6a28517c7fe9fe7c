// SPDX-License-Identifier: GPL-3.0-or-later
// File → Briefing → Export as PDF… (issue 17) on a real window over the bundled data: the briefing
// made in the panel is written off the GUI thread, read back with poppler (pages, captions in the
// language chosen, page size), and a cancelled export leaves no file and an older one as it was.
#include "widgets/briefing_document.h"
#include "widgets/briefing_export_dialog.h"
#include "widgets/briefing_export_job.h"
#include "widgets/export_footer.h"
#include "widgets/briefing_panel.h"
#include "widgets/main_window.h"
#include "briefing_window.h"

#include "../pdf_readback.h"

#include <QAction>
#include <QApplication>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSemaphore>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <catch2/catch.hpp>

#include "../qt_string_maker.h"

#include <atomic>

using namespace chronomap;
using chronomap::test::onPage;
using chronomap::test::pageTexts;

namespace {

/// Triggers File → Briefing → Export as PDF… and returns the dialog it shows.
BriefingExportDialog *openExportDialog(MainWindow &window)
{
    auto *action = window.findChild<QAction *>(QStringLiteral("exportBriefingPdf"));
    REQUIRE(action);
    REQUIRE(action->isEnabled());
    action->trigger();
    auto *dialog = window.findChild<BriefingExportDialog *>();
    REQUIRE(dialog);
    REQUIRE(dialog->isVisible());
    return dialog;
}

QPushButton *exportButton(BriefingExportDialog *dialog)
{
    for (QPushButton *button : dialog->findChildren<QPushButton *>())
        if (button->text() == ExportFooter::tr("Export")) return button;
    FAIL("the dialog has no Export button");
    return nullptr;
}

/// Clicks Export and waits for the export to end; returns exportFinished's arguments.
QList<QVariant> clickExport(BriefingExportDialog *dialog)
{
    QSignalSpy finished(dialog, &BriefingExportDialog::exportFinished);
    QTest::mouseClick(exportButton(dialog), Qt::LeftButton);
    REQUIRE(finished.wait(120'000));
    return finished.takeFirst();
}

} // namespace

TEST_CASE("File → Briefing → Export as PDF writes the window's briefing, a page per step in the language chosen",
          "[briefing][widgets][export]")
{
    MainWindow window;
    REQUIRE(test::openBundled(window));
    auto *action = window.findChild<QAction *>(QStringLiteral("exportBriefingPdf"));
    REQUIRE(action);
    CHECK_FALSE(action->isEnabled()); // no steps, nothing to print
    test::buildBriefing(window);
    BriefingPanel *panel = window.briefingPanel();
    QTest::keyClicks(panel->briefingTitleEdit(QStringLiteral("en")), QStringLiteral("From the treaty to Kursk"));
    QTest::keyClicks(panel->briefingTitleEdit(QStringLiteral("es")), QStringLiteral("Del tratado a Kursk"));
    QTest::keyClicks(panel->authorEdit(), QStringLiteral("A. Analyst"));

    BriefingExportDialog *dialog = openExportDialog(window);
    CHECK(dialog->language() == u"en"); // the UI language
    CHECK(dialog->pageFormat() == BriefingPageFormat::A4Landscape);
    // For looking at: the dialog as shown.
    dialog->grab().save(QStringLiteral(QT_TESTCASE_BUILDDIR "/briefing-export-dialog.png"));
    QTemporaryDir dir;
    const QString english = dir.filePath(QStringLiteral("story.pdf"));
    dialog->setPath(english);
    const QList<QVariant> done = clickExport(dialog);
    dialog->grab().save(QStringLiteral(QT_TESTCASE_BUILDDIR "/briefing-export-dialog-done.png"));
    QFile::copy(english, QStringLiteral(QT_TESTCASE_BUILDDIR "/briefing-export-window.pdf"));
    INFO(done.value(2).toString().toStdString());
    REQUIRE(done.value(0).toBool());
    CHECK(done.value(1).toString() == english);

    // A title page, one page per step, the sources cited.
    const QStringList pages = pageTexts(english);
    CHECK(test::pdfPageCount(english) == 5);
    REQUIRE(pages.size() == 5);
    CHECK(onPage(pages[0], QStringLiteral("From the treaty to Kursk")));
    CHECK(onPage(pages[0], QStringLiteral("By A. Analyst")));
    CHECK(onPage(pages[1], QStringLiteral("June 2024: signed in Pyongyang.")));
    CHECK(onPage(pages[1], QStringLiteral("The treaty")));
    CHECK(onPage(pages[2], QStringLiteral("Troops reach Kursk.")));
    CHECK(onPage(pages[3], QStringLiteral("Counter-offensive")));
    CHECK_FALSE(onPage(pages[3], QStringLiteral("Contraofensiva")));
    CHECK(pages[4].startsWith(QStringLiteral("Sources cited")));
    CHECK(test::poppler("pdfinfo", {english}).contains(QRegularExpression(QStringLiteral("Page size:\\s+842 x 595"))));

    // Spanish on 16:9 slides: the Spanish titles, the English caption where no Spanish one was typed.
    dialog->setLanguage(QStringLiteral("es"));
    dialog->setPageFormat(BriefingPageFormat::Slides);
    const QString spanish = dir.filePath(QStringLiteral("historia.pdf"));
    dialog->setPath(spanish);
    REQUIRE(clickExport(dialog).value(0).toBool());
    const QStringList paginas = pageTexts(spanish);
    REQUIRE(paginas.size() == 5);
    CHECK(onPage(paginas[0], QStringLiteral("Del tratado a Kursk")));
    CHECK(onPage(paginas[1], QStringLiteral("El tratado")));
    CHECK(onPage(paginas[1], QStringLiteral("June 2024: signed in Pyongyang.")));
    CHECK(onPage(paginas[3], QStringLiteral("Contraofensiva")));
    CHECK(test::poppler("pdfinfo", {spanish}).contains(QRegularExpression(QStringLiteral("Page size:\\s+960 x 540"))));
    // The window's own briefing is what was printed: nothing was saved or changed by exporting.
    CHECK(window.briefing()->isModified());
    CHECK(window.briefing()->path().isEmpty());
}

TEST_CASE("Cancelling the briefing's export leaves no file, and an older file of that name as it was",
          "[briefing][widgets][export]")
{
    MainWindow window;
    REQUIRE(test::openBundled(window));
    test::buildBriefing(window);
    BriefingExportDialog *dialog = openExportDialog(window);
    QTemporaryDir dir;
    const QString older = dir.filePath(QStringLiteral("older.pdf"));
    const QByteArray olderBytes = "an export made before, not to be clobbered";
    {
        QFile file(older);
        REQUIRE(file.open(QIODevice::WriteOnly));
        REQUIRE(file.write(olderBytes) == olderBytes.size());
    }
    // The worker waits at its second step (the first page painted) until the cancel has been
    // pressed: the cancel always lands mid-write, never after the file is done.
    BriefingExportJob *job = dialog->job();
    QSemaphore cancelPressed, workerWaiting;
    std::atomic<int> steps = 0;
    job->setWorkerStepHook([&](int) {
        if (steps++ == 1) {
            workerWaiting.release();
            cancelPressed.acquire();
        }
    });
    QSignalSpy finished(dialog, &BriefingExportDialog::exportFinished);

    SECTION("over an older file")
    {
        dialog->setPath(older);
        // "older.pdf exists. Replace it?" — yes: it is replaced only by a complete new file.
        QString question;
        QTimer::singleShot(0, [&] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            REQUIRE(box);
            question = box->text();
            box->button(QMessageBox::Yes)->click();
        });
        dialog->startExport();
        CHECK(question.contains(u"older.pdf"));
    }
    SECTION("to a new file")
    {
        dialog->setPath(dir.filePath(QStringLiteral("new.pdf")));
        dialog->startExport();
    }
    REQUIRE(workerWaiting.tryAcquire(1, 60'000));
    CHECK(dialog->isExporting());
    QTest::keyClick(dialog, Qt::Key_Escape); // the Close button reads Cancel while exporting
    cancelPressed.release();
    REQUIRE(finished.wait(60'000));
    const QList<QVariant> cancelled = finished.takeFirst();
    CHECK_FALSE(cancelled.value(0).toBool());
    CHECK(cancelled.value(2).toString() == BriefingExportJob::tr("cancelled"));
    CHECK(dialog->isVisible()); // Escape while exporting cancels; it does not close the dialog
    CHECK(test::readAll(older) == olderBytes);
    CHECK(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden) == QStringList{QStringLiteral("older.pdf")});
    job->setWorkerStepHook({});
}
