// SPDX-License-Identifier: GPL-3.0-or-later
// File → Export Animation…: the clip is written off the GUI thread with a frame count, and a
// cancel halfway leaves the older file.
#include "widgets/animation_dialog.h"
#include "render/map/map_style.h"
#include "widgets/map_view.h"
#include "widgets/playback_controller.h"

#include "../animation_readback.h"
#include "../render/prepared_data.h"

#include <QDir>
#include <QFile>
#include <QMessageBox>
#include <QPushButton>
#include <QApplication>
#include <QTimer>
#include <QProgressBar>
#include <QSemaphore>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>

#include <catch2/catch.hpp>

#include "../qt_string_maker.h"

using namespace chronomap;

TEST_CASE("The animation dialog writes the playback in the background, counting frames, and cancels",
          "[export][widgets]")
{
    loadBundledFonts();
    ViewState state;
    MapView map(&state);
    map.resize(900, 600);
    state.setDataset(test::preparedBundledDataset());
    map.zoomToData();
    PlaybackController playback(&state, PlaybackController::Clock::Manual);
    playback.setStep(TimeStep{TimeUnit::Month, 1});
    playback.setStepsPerSecond(3);

    AnimationDialog dialog(&state, &map, &playback);
    // The defaults are the playback bar's and the data's.
    const AnimationPlan defaults = dialog.plan();
    CHECK(defaults.step == TimeStep{TimeUnit::Month, 1});
    CHECK(defaults.window == TimeStep{TimeUnit::Month, 1});
    CHECK(dialog.request().options.fps == 3);
    CHECK(defaults.range.fromMs <= state.dataset()->events->extent().fromMs);
    CHECK(defaults.range.toMs >= state.dataset()->events->extent().toMs);

    QTemporaryDir dir;
    dialog.setPath(dir.filePath(QStringLiteral("clip.mp4")));
    dialog.setSize(QSize(480, 270));
    dialog.setRange(QDate(2024, 6, 1), QDate(2024, 11, 30));
    dialog.setTitle(QStringLiteral("From the dialog"));
    const auto request = dialog.request();
    CHECK(request.options.frames.size() == 6);
    CHECK(request.content.mapViewport == map.viewport());

    QSignalSpy finished(&dialog, &AnimationDialog::exportFinished);
    auto *progress = dialog.findChild<QProgressBar *>();
    REQUIRE(progress);
    int lastShown = 0;
    QObject::connect(dialog.job(), &AnimationExportJob::progress, [&](int done, int total) {
        CHECK(total == 6);
        lastShown = done;
    });
    dialog.startExport();
    CHECK(dialog.isExporting());
    REQUIRE(finished.wait(60'000));
    QList<QVariant> args = finished.takeFirst();
    INFO(args.value(2).toString().toStdString());
    CHECK(args.value(0).toBool());
    CHECK(lastShown == 6);
    const test::ReadBack back = test::readAnimation(dialog.path());
    CHECK(back.codec == QStringLiteral("h264"));
    CHECK(back.frames == 6);
    CHECK(back.title == QStringLiteral("From the dialog"));

    SECTION("A cancel halfway keeps the older file")
    {
        QFile older(dialog.path());
        REQUIRE(older.open(QIODevice::ReadOnly));
        const QByteArray bytes = older.readAll();
        older.close();
        const QString gif = dir.filePath(QStringLiteral("clip.gif"));
        QFile::copy(dialog.path(), gif); // an "older" file by the name the export will take
        dialog.setPath(gif);
        // The worker waits after its third frame until the cancel has been pressed.
        QSemaphore cancelPressed, workerWaiting;
        dialog.job()->setWorkerFrameHook([&](int done) {
            if (done == 3) {
                workerWaiting.release();
                cancelPressed.acquire();
            }
        });
        // Replacing asks first: answered by pressing Yes on the question box.
        QTimer::singleShot(0, [&] {
            for (QWidget *w : QApplication::topLevelWidgets())
                if (auto *box = qobject_cast<QMessageBox *>(w)) box->button(QMessageBox::Yes)->click();
        });
        dialog.startExport();
        REQUIRE(workerWaiting.tryAcquire(1, 30'000));
        QTest::keyClick(&dialog, Qt::Key_Escape);
        cancelPressed.release();
        REQUIRE(finished.wait(30'000));
        args = finished.takeFirst();
        CHECK_FALSE(args.value(0).toBool());
        QFile kept(gif);
        REQUIRE(kept.open(QIODevice::ReadOnly));
        CHECK(kept.readAll() == bytes);
        CHECK(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden) ==
              QStringList{QStringLiteral("clip.gif"), QStringLiteral("clip.mp4")});
        dialog.job()->setWorkerFrameHook({});
    }
}
