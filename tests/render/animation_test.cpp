// SPDX-License-Identifier: GPL-3.0-or-later
// The playback exported as MP4, WebM and GIF, read back with FFmpeg's demuxers and decoders.
#include "render/animation/animation_plan.h"
#include "render/animation/animation_writer.h"
#include "render/map/map_framing.h"
#include "render/map/map_style.h"
#include "render/snapshot/snapshot_composer.h"
#include "render/snapshot/snapshot_metadata.h"
#include "render/snapshot/snapshot_writer.h"
#include "core/io/dataset_loader.h"
#include "core/time/time_span.h"

#include "../animation_readback.h"
#include "../file_size_cap.h"
#include "../qt_string_maker.h"
#include "prepared_data.h"

#include <QDir>
#include <QFile>
#include <QPainter>
#include <QTemporaryDir>

#include <catch2/catch.hpp>

using namespace chronomap;

namespace {

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

qint64 dayMs(const char *iso)
{
    return FuzzyDate::parse(QString::fromLatin1(iso))->startMs;
}

/// The bundled dataset with its file's SHA-256, as the window and the command line load it.
std::shared_ptr<const PreparedDataset> hashedDataset()
{
    static const auto dataset = [] {
        const auto plain = test::preparedBundledDataset();
        return PreparedDataset::make(plain->files, plain->events, plain->baseMap,
                                     DatasetLoader::sha256OfFile(plain->file()));
    }();
    return dataset;
}

/// Summer 2024 by week at 640x360: four frames, the Kursk incursion moving through them.
struct Clip {
    ViewState state;
    std::unique_ptr<SnapshotComposer> composer;
    AnimationPlan plan;
    AnimationWriter::Options options;

    explicit Clip(QSize size = QSize(640, 360))
    {
        loadBundledFonts();
        state.setDataset(hashedDataset());
        REQUIRE(hashedDataset()->sha256.size() == 64);
        plan.range = TimeWindow{dayMs("2024-07-15"), dayMs("2024-08-19")};
        plan.step = TimeStep{TimeUnit::Week, 1};
        plan.window = TimeStep{TimeUnit::Week, 2};
        options.pixelSize = size;
        options.fps = 5;
        options.frames = plan.frames();
        options.step = plan.step;
        options.window = plan.window;
        SnapshotComposer::Content content;
        content.title = QStringLiteral("Summer 2024");
        content.timelineRange = TimeWindow{dayMs("2024-07-01"), dayMs("2024-09-01")};
        content.mapViewport = MapFraming::frameEvents(*test::preparedBundledDataset(), nullptr, QSize(800, 400));
        composer = std::make_unique<SnapshotComposer>(state, content);
        composer->setCachesBaseMap(true); // as the command line and the dialog: the stills below are drawn whole
        state.setTimeWindow(TimeWindow{options.frames.front().fromMs, options.frames.back().toMs});
        options.metadata = SnapshotMetadata::describe(state, content.mapViewport, content.title, content.exportedAt,
                                                      state.dataset()->sha256);
        state.setTimeWindow(std::nullopt);
    }

    /// The still snapshot (PNG, as File → Export Snapshot writes it) of one window.
    QImage still(const TimeWindow &window, const QString &folder)
    {
        state.setTimeWindow(window);
        SnapshotWriter::Options o;
        o.pixelSize = options.pixelSize;
        const QString path = folder + QStringLiteral("/still.png");
        QString error;
        REQUIRE(SnapshotWriter::write(*composer, path, o, {}, &error));
        state.setTimeWindow(std::nullopt);
        return QImage(path);
    }
};

} // namespace

TEST_CASE("Animation frames follow playback: calendar steps, the window's length, the last reaching the end",
          "[export]")
{
    AnimationPlan plan;
    plan.range = TimeWindow{dayMs("2024-07-17"), dayMs("2024-08-19")};
    plan.step = TimeStep{TimeUnit::Week, 1};
    plan.window = TimeStep{TimeUnit::Week, 2};
    const auto frames = plan.frames();
    REQUIRE(frames.size() == 4);
    CHECK(frames.front() == TimeWindow{dayMs("2024-07-15"), dayMs("2024-07-29")}); // Monday before the 17th
    CHECK(frames.back() == TimeWindow{dayMs("2024-08-05"), dayMs("2024-08-19")});
    plan.step = plan.window = TimeStep{TimeUnit::Month, 1};
    plan.range = TimeWindow{dayMs("2024-01-10"), dayMs("2024-04-01")};
    const auto months = plan.frames();
    REQUIRE(months.size() == 3);
    CHECK(months[1] == TimeWindow{dayMs("2024-02-01"), dayMs("2024-03-01")}); // 29 days, then 31
    CHECK(months[2] == TimeWindow{dayMs("2024-03-01"), dayMs("2024-04-01")});

    CHECK(AnimationPlan::parseStep(QStringLiteral("week")) == TimeStep{TimeUnit::Week, 1});
    CHECK(AnimationPlan::parseDuration(QStringLiteral("2w")) == TimeStep{TimeUnit::Week, 2});
    CHECK(AnimationPlan::parseDuration(QStringLiteral("3 months")) == TimeStep{TimeUnit::Month, 3});
    CHECK(AnimationPlan::parseDuration(QStringLiteral("10d")) == TimeStep{TimeUnit::Day, 10});
    CHECK_FALSE(AnimationPlan::parseStep(QStringLiteral("fortnight")));
    CHECK_FALSE(AnimationPlan::parseDuration(QStringLiteral("0d")));
}

TEST_CASE("MP4, WebM and GIF read back with their codec, size, frame count, duration, metadata and frames", "[export]")
{
    const auto [suffix, codec] = GENERATE(table<const char *, const char *>({
        {"mp4", "h264"},
        {"webm", "vp9"},
        {"gif", "gif"},
    }));
    INFO(suffix);
    Clip clip;
    REQUIRE(AnimationWriter::encoderProblem(*AnimationWriter::formatForPath(QStringLiteral("x.") + suffix)).isEmpty());
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("clip.") + QLatin1String(suffix));
    QString error;
    QList<int> reported;
    REQUIRE(AnimationWriter::write(
        clip.state, *clip.composer, path, clip.options,
        [&](int done, int total) {
            CHECK(total == clip.options.frames.size());
            reported.append(done);
            return true;
        },
        &error));
    CHECK(error.isEmpty());
    CHECK(reported.back() == clip.options.frames.size());
    CHECK_FALSE(clip.state.timeWindow()); // the state's own window is back

    const test::ReadBack back = test::readAnimation(path);
    REQUIRE(back.opened);
    CHECK(back.codec == QLatin1String(codec));
    CHECK(back.width == 640);
    CHECK(back.height == 360);
    CHECK(back.frames == clip.options.frames.size());
    CHECK(back.durationSec == Approx(double(clip.options.frames.size()) / clip.options.fps).epsilon(0.02));
    CHECK(back.comment.contains(QStringLiteral("DatasetSHA256: ") + clip.state.dataset()->sha256));
    CHECK(back.comment.contains(QStringLiteral("Software: Chronomap ")));
    CHECK(back.comment.contains(QStringLiteral("TimeWindow: 2024-07-15T00:00:00.000Z/2024-08-19T00:00:00.000Z")));
    // How it plays: step, window, fps and frames, as the command line takes them back.
    CHECK(back.comment.contains(QStringLiteral("AnimationStep: 1 week\n")));
    CHECK(back.comment.contains(QStringLiteral("AnimationWindow: 2 weeks\n")));
    CHECK(back.comment.contains(QStringLiteral("AnimationFps: 5\n")));
    CHECK(back.comment.contains(QStringLiteral("AnimationFrames: 4")));

    // The first and last frames are the stills of their windows (but for the large dates over
    // the map's top right corner), within the encoder's loss; and not each other.
    const QImage firstStill = clip.still(clip.options.frames.front(), dir.path());
    const QImage lastStill = clip.still(clip.options.frames.back(), dir.path());
    const QRectF map = clip.composer->mapAreaFor(QSizeF(clip.options.pixelSize));
    const QRect dates = QRectF(map.left(), map.top(), map.width(), 0.1 * clip.options.pixelSize.height()).toRect();
    const double firstLoss = test::meanDifference(back.first, firstStill, dates);
    const double lastLoss = test::meanDifference(back.last, lastStill, dates);
    INFO("loss " << firstLoss << " " << lastLoss);
    if (firstLoss >= 6 || lastLoss >= 6) { // for a look: the decoded frames and the stills
        const QString stem = QDir::currentPath() + QStringLiteral("/animation_") + QLatin1String(suffix);
        back.first.save(stem + QStringLiteral("_first.png"));
        firstStill.save(stem + QStringLiteral("_first_still.png"));
        back.last.save(stem + QStringLiteral("_last.png"));
        lastStill.save(stem + QStringLiteral("_last_still.png"));
    }
    CHECK(firstLoss < 6);
    CHECK(lastLoss < 6);
    const double apart = test::meanDifference(firstStill, lastStill, dates);
    CHECK(test::meanDifference(back.first, lastStill, dates) > firstLoss + apart / 3);
    CHECK(test::meanDifference(back.last, firstStill, dates) > lastLoss + apart / 3);
}

TEST_CASE("An animation's footer names the sources of the events shown so far, not only the frame's window", "[export]")
{
    Clip clip;
    // A clip from July 2023: by August 2024 it has shown a year of events.
    const qint64 clipStart = dayMs("2023-07-03");
    const TimeWindow last = clip.options.frames.back();
    SnapshotComposer::Content content = clip.composer->content();
    content.sourcesSinceMs = clipStart;
    const SnapshotComposer soFar(clip.state, content);

    clip.state.setTimeWindow(last);
    const auto lastWindowOnly = clip.composer->sourcesShown();
    const auto cumulative = soFar.sourcesShown();
    // Exactly the sources of every event from the clip's start to the end of this frame's window.
    clip.state.setTimeWindow(TimeWindow{clipStart, last.toMs});
    const auto wholeSpan = clip.composer->sourcesShown();
    REQUIRE_FALSE(lastWindowOnly.isEmpty());
    CHECK(cumulative == wholeSpan);
    CHECK(cumulative.size() > lastWindowOnly.size());
    // The first frame's footer is its own window's: nothing was shown before it.
    const TimeWindow first{clipStart, dayMs("2023-07-31")};
    clip.state.setTimeWindow(first);
    CHECK(soFar.sourcesShown() == clip.composer->sourcesShown());
    // The footer has room for its longest from the first frame on: the map does not move.
    QImage image(clip.options.pixelSize, QImage::Format_RGB32);
    QPainter painter(&image);
    const auto firstLayout = soFar.paint(painter, QSizeF(image.size()));
    clip.state.setTimeWindow(last);
    const auto lastLayout = soFar.paint(painter, QSizeF(image.size()));
    painter.end();
    REQUIRE(firstLayout);
    REQUIRE(lastLayout);
    CHECK(firstLayout->map == lastLayout->map);
    CHECK(firstLayout->footer == lastLayout->footer);
    clip.state.setTimeWindow(std::nullopt);
}

TEST_CASE("A GIF's palette is one for the whole clip and its comment names the dataset", "[export]")
{
    Clip clip;
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("clip.gif"));
    REQUIRE(AnimationWriter::write(clip.state, *clip.composer, path, clip.options));
    const QByteArray bytes = readAll(path);
    REQUIRE(bytes.startsWith("GIF89a"));
    CHECK(bytes.endsWith('\x3B'));
    // Global colour table flag set: the frames share the clip's palette.
    CHECK((quint8(bytes[10]) & 0x80) != 0);
    const qsizetype comment = bytes.indexOf(QByteArray("\x21\xFE", 2));
    REQUIRE(comment > 0);
    CHECK(bytes.indexOf(clip.state.dataset()->sha256.toLatin1(), comment) > comment);
    const test::ReadBack back = test::readAnimation(path);
    CHECK(back.frames == clip.options.frames.size());
}

TEST_CASE("A cancelled animation leaves an existing file byte for byte and no temporary file", "[export]")
{
    const char *suffix = GENERATE("mp4", "gif");
    INFO(suffix);
    Clip clip;
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("clip.") + QLatin1String(suffix));
    const QByteArray original("an earlier clip the user wants to keep\n");
    {
        QFile f(path);
        REQUIRE(f.open(QIODevice::WriteOnly));
        REQUIRE(f.write(original) == original.size());
    }
    QString error;
    const int half = int(clip.options.frames.size() / 2);
    int painted = 0;
    CHECK_FALSE(AnimationWriter::write(
        clip.state, *clip.composer, path, clip.options,
        [&](int done, int) {
            painted = done;
            return done < half;
        },
        &error));
    CHECK(painted == half);
    CHECK(error == QStringLiteral("cancelled"));
    CHECK(readAll(path) == original);
    CHECK(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden) == QStringList{QFileInfo(path).fileName()});
}

TEST_CASE("An animation that fills the disk fails with the reason and leaves the older file", "[export]")
{
    const char *suffix = GENERATE("mp4", "webm", "gif");
    INFO(suffix);
    Clip clip;
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("clip.") + QLatin1String(suffix));
    const QByteArray original(3000, 'x');
    {
        QFile f(path);
        REQUIRE(f.open(QIODevice::WriteOnly));
        REQUIRE(f.write(original) == original.size());
    }
    QString error;
    {
        const test::FileSizeCap cap(4096); // the clip is tens of kilobytes
        CHECK_FALSE(AnimationWriter::write(clip.state, *clip.composer, path, clip.options, {}, &error));
    }
    INFO(error.toStdString());
    CHECK(error.startsWith(QStringLiteral("cannot write ") + path));
    CHECK(readAll(path) == original);
    CHECK(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden) == QStringList{QFileInfo(path).fileName()});
}

TEST_CASE("Animation options that cannot be written are refused with a reason", "[export]")
{
    Clip clip;
    QTemporaryDir dir;
    QString error;
    CHECK_FALSE(AnimationWriter::write(clip.state, *clip.composer, dir.filePath(QStringLiteral("clip.avi")),
                                       clip.options, {}, &error));
    CHECK(error.contains(QStringLiteral("unknown format 'avi'")));
    AnimationWriter::Options odd = clip.options;
    odd.pixelSize = QSize(321, 180);
    CHECK(AnimationWriter::checkOptions(AnimationFormat::Mp4, odd).contains(QStringLiteral("even")));
    CHECK(AnimationWriter::checkOptions(AnimationFormat::Gif, odd).isEmpty());
    AnimationWriter::Options wide = clip.options;
    wide.pixelSize = QSize(1920, 1080);
    CHECK(AnimationWriter::checkOptions(AnimationFormat::Gif, wide).contains(QStringLiteral("1280")));
    AnimationWriter::Options slow = clip.options;
    slow.fps = 0;
    CHECK_FALSE(AnimationWriter::checkOptions(AnimationFormat::WebM, slow).isEmpty());
    CHECK(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).isEmpty());
}
