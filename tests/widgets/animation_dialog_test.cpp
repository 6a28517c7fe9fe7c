// SPDX-License-Identifier: GPL-3.0-or-later
// File → Export Animation…: the clip is written off the GUI thread with a frame count, and a
// cancel halfway leaves the older file.
#include "widgets/animation_dialog.h"
#include "render/snapshot/snapshot_composer.h"
#include "render/snapshot/snapshot_formats.h"
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
#include <QComboBox>
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

namespace {

/// The bundled dataset in a map view of 900x600 framed on its events, as the window shows it.
struct BundledView {
    ViewState state;
    MapView map{&state};
    BundledView()
    {
        loadBundledFonts();
        map.resize(900, 600);
        state.setDataset(test::preparedBundledDataset());
        map.zoomToData();
    }
};

} // namespace

TEST_CASE("The animation dialog writes the playback in the background, counting frames, and cancels",
          "[export][widgets]")
{
    BundledView view;
    ViewState &state = view.state;
    MapView &map = view.map;
    PlaybackController playback(&state, PlaybackController::Clock::Manual);
    playback.setStep(TimeStep{TimeUnit::Month, 1});
    playback.setStepsPerSecond(3);

    AnimationDialog dialog(&state, &map, &playback, QSize(1000, 700), 1.0);
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

namespace {

/// Pixels that differ between two images of the same size by more than `tolerance` in a channel.
qsizetype differingPixels(const QImage &a, const QImage &b, int tolerance = 24)
{
    REQUIRE(a.size() == b.size());
    const QImage x = a.convertToFormat(QImage::Format_RGB32), y = b.convertToFormat(QImage::Format_RGB32);
    qsizetype count = 0;
    for (int row = 0; row < x.height(); ++row) {
        const auto *p = reinterpret_cast<const QRgb *>(x.constScanLine(row));
        const auto *q = reinterpret_cast<const QRgb *>(y.constScanLine(row));
        for (int col = 0; col < x.width(); ++col)
            if (std::abs(qRed(p[col]) - qRed(q[col])) > tolerance ||
                std::abs(qGreen(p[col]) - qGreen(q[col])) > tolerance ||
                std::abs(qBlue(p[col]) - qBlue(q[col])) > tolerance)
                ++count;
    }
    return count;
}

} // namespace

TEST_CASE("The animation dialog offers the snapshot's sizes and previews the clip's first frame", "[export][widgets]")
{
    BundledView view;
    ViewState &state = view.state;
    MapView &map = view.map;
    // A window of odd width: a video of "the current window" rounds it down to even sides.
    AnimationDialog dialog(&state, &map, nullptr, QSize(1001, 701), 1.0);
    QTemporaryDir dir;
    dialog.setPath(dir.filePath(QStringLiteral("clip.mp4")));
    dialog.setRange(QDate(2024, 6, 1), QDate(2024, 11, 30));

    // The sizes are the snapshot dialog's: the current window, every preset, custom.
    auto *sizes = dialog.findChild<ExportSizeField *>();
    REQUIRE(sizes);
    QStringList keys;
    for (int i = 0; i < sizes->presetBox()->count(); ++i)
        keys.append(sizes->presetBox()->itemData(i).toString());
    QStringList expected{ExportSizeField::kCurrentWindow};
    for (const SnapshotSizePreset &preset : SnapshotFormats::sizePresets())
        expected.append(QString::fromLatin1(preset.key));
    expected.append(ExportSizeField::kCustomSize);
    CHECK(keys == expected);
    CHECK(keys.contains(QStringLiteral("a4")));

    dialog.setSizePreset(ExportSizeField::kCurrentWindow);
    CHECK(dialog.request().options.pixelSize == QSize(1000, 700));
    dialog.setPath(dir.filePath(QStringLiteral("clip.gif")));
    CHECK(dialog.request().options.pixelSize == QSize(1001, 701)); // a GIF takes odd sides
    dialog.setPath(dir.filePath(QStringLiteral("clip.mp4")));
    dialog.setSizePreset(QStringLiteral("a4"));
    const SnapshotSize a4 = *SnapshotFormats::parseSize(QStringLiteral("a4"));
    CHECK(dialog.request().options.pixelSize == a4.pixels);
    CHECK(dialog.request().options.scale == a4.scale);

    // The preview follows the chosen size (A4's proportions) and is the first frame, painted as
    // the export paints it; not the second.
    const double a4Aspect = double(a4.pixels.width()) / a4.pixels.height();
    REQUIRE(QTest::qWaitFor(
        [&] {
            const QImage p = dialog.preview();
            return !p.isNull() && std::abs(double(p.width()) / p.height() - a4Aspect) < 0.02;
        },
        5000));
    const QImage preview = dialog.preview();
    CHECK(preview.width() == qRound(AnimationDialog::kPreviewWidthPx * preview.devicePixelRatio()));
    // The whole first frame at the file's logical size, shrunk (not a corner of it).
    const auto r = dialog.request();
    REQUIRE(r.options.frames.size() > 2);
    AnimationWriter::Options logical = r.options;
    logical.pixelSize = (QSizeF(r.options.pixelSize) / r.options.scale).toSize();
    logical.scale = 1.0;
    ViewState copy;
    copy.setDataset(state.dataset());
    copy.setSettings(state.settings());
    const SnapshotComposer composer(copy, r.content, 1.0);
    auto frame = [&](int k) {
        return AnimationWriter::paintFrame(copy, composer, r.options.frames[k], logical)
            .scaled(preview.size(), Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    };
    const QImage first = frame(0), second = frame(1);
    const qsizetype fromFirst = differingPixels(preview, first), fromSecond = differingPixels(preview, second);
    INFO("pixels apart from the first frame " << fromFirst << ", from the second " << fromSecond);
    CHECK(fromSecond > 100);
    CHECK(fromFirst * 10 < fromSecond);
}
