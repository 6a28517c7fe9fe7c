// SPDX-License-Identifier: GPL-3.0-or-later
// A crash in a file reader never takes Chronomap down (issue 19): the window keeps its data and
// offers what was read; Cancel ends a stuck reader at once; the command line reports a failed
// reader in one line and exits 2.
#include "core/io/reader_process.h"
#include "widgets/main_window.h"
#include "widgets/problems_panel.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTest>

#include "../qt_string_maker.h"
#include "../cli/run_chronomap.h"
#include "../reader_fault.h"
#include "../test_files.h"
#include "window_loading.h"

#include <catch2/catch.hpp>

#include <malloc.h>
#include <unistd.h>

using namespace chronomap;
using namespace chronomap::test;

TEST_CASE("A reader that crashes leaves the window as it was and offers the records read before", "[widgets][reader]")
{
    MainWindow window;
    window.resize(1000, 700);
    window.show();
    REQUIRE(loadFiles(window, {formatFile("events.geojson")}));
    const auto before = window.store();
    const int rowsBefore = window.problemsPanel()->topLevelItemCount();

    QTemporaryDir dir;
    const QString path = writeEventsCsv(dir, 3000, QStringLiteral("crashing.csv"));
    {
        const ReaderFault fault("abort@2001");
        CHECK_FALSE(loadFiles(window, {path}));
    }
    CHECK(childProcesses() == 0);
    CHECK(window.store() == before); // the same data, not a copy
    CHECK(window.currentFiles() == QStringList{formatFile("events.geojson")});
    CHECK(window.viewState()->dataset()->events == before);

    ProblemsPanel *problems = window.problemsPanel();
    REQUIRE(problems->topLevelItemCount() == rowsBefore + 2);
    const QTreeWidgetItem *report = problems->topLevelItem(rowsBefore);
    CHECK(report->text(0) == u"Error");
    CHECK(report->text(1) == u"crashing.csv");
    CHECK(report->text(2) == u"2000 (ev-2000)");
    CHECK(report->text(4).startsWith(u"the reader (CSV) crashed with signal 6"));
    CHECK(report->text(4).contains(u"(2000 event"));
    CHECK(window.statusBar()->currentMessage().contains(u"crashing.csv"));

    auto *keep = qobject_cast<QPushButton *>(problems->itemWidget(problems->topLevelItem(rowsBefore + 1), 4));
    REQUIRE(keep);
    CHECK(keep->text().startsWith(u"Keep 2000 event"));
    CHECK(keep->toolTip().startsWith(u"Keep the 2000 event"));
    problems->scrollToItem(problems->topLevelItem(rowsBefore + 1));
    QTest::mouseClick(keep, Qt::LeftButton);
    REQUIRE(window.store());
    CHECK(window.store()->size() == 2000);
    CHECK(window.currentFiles() == QStringList{path});
    CHECK_FALSE(keep->isEnabled());
}

namespace {

/// Resident memory of this process, after handing freed heap back to the system.
qint64 residentBytes()
{
    malloc_trim(0);
    QFile statm(QStringLiteral("/proc/self/statm"));
    if (!statm.open(QIODevice::ReadOnly)) return -1;
    return statm.readAll().split(' ').value(1).toLongLong() * sysconf(_SC_PAGESIZE);
}

/// Bytes allocated on the heap (every arena) and not freed: what the process still holds,
/// whatever the allocator keeps resident of what was freed.
qint64 heapInUseBytes()
{
    const struct mallinfo2 info = mallinfo2();
    return qint64(info.uordblks + info.hblkhd);
}

} // namespace

TEST_CASE("The records of a failed load are let go when another file is opened, and memory returns",
          "[widgets][reader]")
{
    MainWindow window;
    window.resize(1000, 700);
    window.show();
    REQUIRE(loadFiles(window, {formatFile("events.geojson")}));
    QTemporaryDir dir;
    const QString path = writeEventsCsv(dir, 320'000, QStringLiteral("crashing.csv"));
    // Once first, so what a load leaves for good (thread pools, caches) is in the baseline.
    {
        const ReaderFault fault("abort@300001");
        CHECK_FALSE(loadFiles(window, {path}));
    }
    REQUIRE(loadFiles(window, {formatFile("events.geojson")}));
    const qint64 before = residentBytes(), inUseBefore = heapInUseBytes();
    {
        const ReaderFault fault("abort@300001");
        CHECK_FALSE(loadFiles(window, {path}));
    }
    ProblemsPanel *problems = window.problemsPanel();
    CHECK(problems->hasOffer()); // 300,000 events held for "Keep 300000 events"
    const qint64 held = residentBytes(), inUseHeld = heapInUseBytes();

    REQUIRE(loadFiles(window, {formatFile("events.geojson")}));
    CHECK_FALSE(problems->hasOffer());
    for (auto *keep : problems->findChildren<QPushButton *>(QStringLiteral("keepPartialButton")))
        CHECK_FALSE(keep->isEnabled());
    // The partial's last owner may let go of it a moment later (a queued deletion, a worker
    // thread's reference): it must be freed within a second or two, not at once. Waited for up
    // to 10 s: on a loaded machine (a parallel ctest beside other builds) the worker that drops
    // the last reference may not run for a while; a leak still fails, after 10 s. What the heap
    // holds is the measure: resident memory also counts freed blocks an arena keeps under a live
    // one, which under load (threads landing in other arenas) was 8 MiB of the 31 held.
    qint64 after = residentBytes(), inUseAfter = heapInUseBytes();
#if !defined(__SANITIZE_ADDRESS__) // ASan's allocator and quarantine answer otherwise
    (void)QTest::qWaitFor(
        [&] {
            inUseAfter = heapInUseBytes();
            return inUseAfter - inUseBefore < 2 << 20;
        },
        10'000);
    after = residentBytes();
#endif
    INFO("heap in use before " << inUseBefore / 1024 << " KiB, holding the partial " << inUseHeld / 1024
                               << " KiB, after " << inUseAfter / 1024 << " KiB; resident " << before / 1024 << ", "
                               << held / 1024 << ", " << after / 1024 << " KiB");
#if !defined(__SANITIZE_ADDRESS__)
    CHECK(inUseHeld - inUseBefore > 10 << 20); // about 17 MiB here (the columns of 300,000 events)
    CHECK(inUseAfter - inUseBefore < 2 << 20);
    CHECK(held - before > 10 << 20);
    CHECK(after - before < (held - before) / 2); // and most of it leaves the process
#endif
}

TEST_CASE("Cancel in the status bar ends a stuck reader at once", "[widgets][reader]")
{
    MainWindow window;
    window.resize(1000, 700);
    window.show();
    REQUIRE(loadFiles(window, {formatFile("events.geojson")}));
    const auto before = window.store();

    const ReaderFault fault("loop");
    QSignalSpy finished(&window, &MainWindow::loadFinished);
    window.openFiles({formatFile("events_latlon.csv")});
    // The status bar says the reader is silent (the watchdog's default 30 s is far off).
    CHECK(QTest::qWaitFor(
        [&] { return window.statusBar()->currentMessage().startsWith(u"Waiting for the file reader: no record for"); },
        5000));
    QPushButton *cancel = nullptr;
    for (QPushButton *b : window.statusBar()->findChildren<QPushButton *>())
        if (b->text() == u"Cancel" && b->isVisible()) cancel = b;
    REQUIRE(cancel);
    REQUIRE(childProcesses() == 1); // the reader, stuck
    QElapsedTimer clock;
    clock.start();
    QTest::mouseClick(cancel, Qt::LeftButton);
    REQUIRE(finished.wait(5000));
    CHECK(clock.elapsed() < 1000);
    CHECK_FALSE(finished.first().value(0).toBool());
    CHECK(childProcesses() == 0);
    CHECK(window.store() == before);
}

namespace {

QStringList lines(const QString &text)
{
    return text.split(u'\n', Qt::SkipEmptyParts);
}

} // namespace

TEST_CASE("The command line reports a failed reader in one line and exits 2, never by a signal", "[cli][reader]")
{
    const QString file = formatFile("events_latlon.csv");
    {
        const ReaderFault fault("abort@2");
        // exitCode is -1 when chronomap itself died of a signal: exit status 2 says it did not.
        const Run validate = runChronomap({QStringLiteral("--validate"), file});
        CHECK(validate.exitCode == 2);
        REQUIRE(lines(validate.out).size() == 1);
        CHECK(lines(validate.out).first().startsWith(file + QStringLiteral(": record 1")));
        CHECK(lines(validate.out).first().contains(u"the reader (CSV) crashed with signal 6"));

        const Run query = runChronomap({QStringLiteral("--query"), QStringLiteral("--data"), file});
        CHECK(query.exitCode == 2);
        CHECK(query.out.isEmpty());
        REQUIRE(lines(query.err).size() == 1);
        CHECK(lines(query.err).first().contains(u"the reader (CSV) crashed with signal 6"));
    }
    {
        const ReaderFault fault("loop");
        QElapsedTimer clock;
        clock.start();
        const Run validate = runChronomap(
            {QStringLiteral("--reader-timeout"), QStringLiteral("0.5"), QStringLiteral("--validate"), file});
        CHECK(clock.elapsed() < 15'000);
        CHECK(validate.exitCode == 2);
        REQUIRE(lines(validate.out).size() == 1);
        CHECK(lines(validate.out).first().contains(u"made no progress for 0.5 s before the first record"));
    }
    // Without a fault the same file validates through the child as before.
    const Run clean = runChronomap({QStringLiteral("--validate"), file});
    CHECK(clean.exitCode == 0);
}
