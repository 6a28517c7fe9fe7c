// SPDX-License-Identifier: GPL-3.0-or-later
// `chronomap --export-animation`: the real binary, run with no display; the clip read back with
// FFmpeg; each error with its message and exit status; failed writes leave nothing behind.
#include "render/animation/animation_plan.h"
#include "../test_paths.h"
#include "core/time/time_span.h"

#include "run_chronomap.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>

#include <catch2/catch.hpp>

#include "../animation_readback.h"
#include "../qt_string_maker.h"

using namespace chronomap;
using test::Run;
using test::runChronomap;

namespace {

const QString kBundled = chronomap::test::sourceDir() + QLatin1String("/geodata/events/russia-north-korea.geojson");

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

TEST_CASE("chronomap --export-animation writes a GIF of the playback with its provenance", "[export][cli]")
{
    QTemporaryDir dir;
    const QString gif = dir.filePath(QStringLiteral("kursk.gif"));
    const Run run = runChronomap({QStringLiteral("--export-animation"), gif, QStringLiteral("--from"),
                                  QStringLiteral("2024-08"), QStringLiteral("--to"), QStringLiteral("2024-10"),
                                  QStringLiteral("--step"), QStringLiteral("week"), QStringLiteral("--window"),
                                  QStringLiteral("2w"), QStringLiteral("--fps"), QStringLiteral("8"),
                                  QStringLiteral("--size"), QStringLiteral("480x270"), QStringLiteral("--category"),
                                  QStringLiteral("combat"), QStringLiteral("--title"), QStringLiteral("Kursk")});
    INFO(run.err.toStdString());
    REQUIRE(run.exitCode == 0);
    CHECK(run.err.isEmpty());

    // The frames are playback's: week steps from the Monday before 1 August to 1 November.
    AnimationPlan plan;
    plan.range = TimeWindow{FuzzyDate::parse(u"2024-08")->startMs, FuzzyDate::parse(u"2024-10")->endExclusiveMs()};
    plan.step = TimeStep{TimeUnit::Week, 1};
    plan.window = TimeStep{TimeUnit::Week, 2};
    const test::ReadBack back = test::readAnimation(gif);
    REQUIRE(back.opened);
    CHECK(back.codec == QStringLiteral("gif"));
    CHECK(back.width == 480);
    CHECK(back.height == 270);
    CHECK(back.frames == plan.frames().size());
    CHECK(back.durationSec == Approx(plan.frames().size() / 8.0).epsilon(0.02));
    const QString sha =
        QString::fromLatin1(QCryptographicHash::hash(readAll(kBundled), QCryptographicHash::Sha256).toHex());
    CHECK(back.comment.contains(QStringLiteral("DatasetSHA256: ") + sha));
    CHECK(back.comment.contains(QStringLiteral("HiddenCategories: ")));
    CHECK(back.comment.contains(QStringLiteral("Title: Kursk")));
    // How it plays, to make it again: step, window, fps and frames.
    CHECK(back.comment.contains(QStringLiteral("AnimationStep: 1 week\n")));
    CHECK(back.comment.contains(QStringLiteral("AnimationWindow: 2 weeks\n")));
    CHECK(back.comment.contains(QStringLiteral("AnimationFps: 8\n")));
    CHECK(back.comment.contains(QStringLiteral("AnimationFrames: %1").arg(plan.frames().size())));
}

TEST_CASE("chronomap --export-animation warns of skipped records and unknown categories as --export does",
          "[export][cli]")
{
    QTemporaryDir dir;
    const QString data = dir.filePath(QStringLiteral("mixed.geojson"));
    {
        QFile f(data);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write(R"({"type": "FeatureCollection", "features": [
  {"type": "Feature", "geometry": {"type": "Point", "coordinates": [36.19, 51.73]},
   "properties": {"id": "a", "title": "Kursk", "start": "2024-08-06", "category": "combat"}},
  {"type": "Feature", "geometry": {"type": "Point", "coordinates": [37.62, 55.75]},
   "properties": {"id": "b", "title": "Moscow", "start": "2024-08-20", "category": "diplomacy"}},
  {"type": "Feature", "geometry": {"type": "Point", "coordinates": [36.19, 51.73]},
   "properties": {"id": "c", "title": "Vague", "start": "yesterday"}},
  {"type": "Feature", "geometry": {"type": "Point", "coordinates": [236.19, 51.73]},
   "properties": {"id": "d", "title": "Off the globe", "start": "2024-08-10"}}
]})");
    }
    const QStringList common{QStringLiteral("--data"),     data,
                             QStringLiteral("--category"), QStringLiteral("combat"),
                             QStringLiteral("--category"), QStringLiteral("sieges"),
                             QStringLiteral("--size"),     QStringLiteral("320x180")};
    const Run still =
        runChronomap(QStringList{QStringLiteral("--export"), dir.filePath(QStringLiteral("x.png"))} + common);
    const Run clip =
        runChronomap(QStringList{QStringLiteral("--export-animation"), dir.filePath(QStringLiteral("x.gif"))} + common);
    INFO("--export: " << still.err.toStdString() << "\n--export-animation: " << clip.err.toStdString());
    CHECK(still.exitCode == 0);
    CHECK(clip.exitCode == 0);
    const QString skipped =
        QStringLiteral("chronomap: %1: 2 records skipped (chronomap --validate %1 lists them)\n").arg(data);
    const QString unknown = QStringLiteral("chronomap: --category: the dataset has no events of category 'sieges'\n");
    CHECK(still.err.contains(skipped));
    CHECK(still.err.contains(unknown));
    CHECK(clip.err == still.err);
}

TEST_CASE("chronomap --export-animation refuses bad arguments with exit status 2 before writing", "[export][cli]")
{
    QTemporaryDir dir;
    const QString mp4 = dir.filePath(QStringLiteral("clip.mp4"));
    const QList<std::pair<QStringList, QString>> cases{
        {{QStringLiteral("--export-animation"), dir.filePath(QStringLiteral("clip.avi"))},
         QStringLiteral("unknown format")},
        {{QStringLiteral("--export-animation"), mp4, QStringLiteral("--step"), QStringLiteral("fortnight")},
         QStringLiteral("--step")},
        {{QStringLiteral("--export-animation"), mp4, QStringLiteral("--window"), QStringLiteral("soon")},
         QStringLiteral("--window")},
        {{QStringLiteral("--export-animation"), mp4, QStringLiteral("--fps"), QStringLiteral("0")},
         QStringLiteral("frames per second")},
        {{QStringLiteral("--export-animation"), mp4, QStringLiteral("--size"), QStringLiteral("641x360")},
         QStringLiteral("even")},
        {{QStringLiteral("--export-animation"), dir.filePath(QStringLiteral("clip.gif")), QStringLiteral("--size"),
          QStringLiteral("1920x1080")},
         QStringLiteral("1280")},
        {{QStringLiteral("--export-animation"), mp4, QStringLiteral("--region"), QStringLiteral("Atlantis")},
         QStringLiteral("--region")},
    };
    for (const auto &[arguments, message] : cases) {
        INFO(arguments.join(u' ').toStdString());
        const Run run = runChronomap(arguments);
        INFO(run.err.toStdString());
        CHECK(run.exitCode == 2);
        CHECK(run.err.contains(message));
    }
    CHECK(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).isEmpty());
}

TEST_CASE("chronomap --export-animation on a full disk exits 3 and leaves the older file", "[export][cli]")
{
    QTemporaryDir dir;
    const QString mp4 = dir.filePath(QStringLiteral("clip.mp4"));
    const QByteArray original(2000, 'o');
    {
        QFile f(mp4);
        REQUIRE(f.open(QIODevice::WriteOnly));
        REQUIRE(f.write(original) == original.size());
    }
    const Run run = runChronomap({QStringLiteral("--export-animation"), mp4, QStringLiteral("--from"),
                                  QStringLiteral("2024-08"), QStringLiteral("--to"), QStringLiteral("2024-09"),
                                  QStringLiteral("--size"), QStringLiteral("320x180")},
                                 16 * 1024);
    INFO(run.err.toStdString());
    CHECK(run.exitCode == 3);
    CHECK(run.err.contains(QStringLiteral("cannot write")));
    CHECK(readAll(mp4) == original);
    CHECK(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden) == QStringList{QStringLiteral("clip.mp4")});
}

namespace {

/// Runs `program` as runChronomap runs the build's binary, with `dataDir` as CHRONOMAP_DATA_DIR.
Run runCopy(const QString &program, const QStringList &arguments, const QString &dataDir)
{
    QProcessEnvironment env;
    env.insert(QStringLiteral("CHRONOMAP_DATA_DIR"), dataDir);
    return test::runProgram(program, arguments, 0, env);
}

QString lddOf(const QString &path)
{
    QProcess ldd;
    ldd.start(QStringLiteral("ldd"), {path});
    REQUIRE(ldd.waitForFinished(30'000));
    return QString::fromUtf8(ldd.readAllStandardOutput());
}

} // namespace

TEST_CASE("chronomap starts without FFmpeg: only its video module, loaded by an animation export, links it",
          "[export][cli]")
{
    // FFmpeg and what it pulls in (x264, x265, vpx, aom, dav1d…) are ~80 libraries: linked into
    // the executable they cost every start tens of milliseconds.
    const QString exe = chronomap::test::chronomapExe();
    const QString app = lddOf(exe);
    REQUIRE(app.contains(QStringLiteral("libQt6Gui")));
    CHECK_FALSE(app.contains(QStringLiteral("libavcodec")));
    CHECK_FALSE(app.contains(QStringLiteral("libavformat")));
    CHECK_FALSE(app.contains(QStringLiteral("libswscale")));
    const QString module = QFileInfo(exe).dir().filePath(QStringLiteral("libchronomap_video.so"));
    REQUIRE(QFileInfo::exists(module));
    CHECK(lddOf(module).contains(QStringLiteral("libavcodec")));
}

TEST_CASE("without its video module chronomap exports snapshots and says why it cannot export an animation",
          "[export][cli]")
{
    // A copy of the binary alone in a folder: no module beside it, none in ../lib/chronomap.
    QTemporaryDir dir;
    REQUIRE(QDir(dir.path()).mkpath(QStringLiteral("bin")));
    const QString copy = dir.filePath(QStringLiteral("bin/chronomap"));
    REQUIRE(QFile::copy(chronomap::test::chronomapExe(), copy));
    const QString png = dir.filePath(QStringLiteral("still.png")), gif = dir.filePath(QStringLiteral("clip.gif"));
    const Run still =
        runCopy(copy, {QStringLiteral("--export"), png, QStringLiteral("--size"), QStringLiteral("320x180")},
                chronomap::test::sourceDir());
    INFO(still.err.toStdString());
    CHECK(still.exitCode == 0);
    CHECK(QFileInfo(png).size() > 0);
    const Run clip = runCopy(copy,
                             {QStringLiteral("--export-animation"), gif, QStringLiteral("--from"),
                              QStringLiteral("2024-08"), QStringLiteral("--to"), QStringLiteral("2024-09")},
                             chronomap::test::sourceDir());
    INFO(clip.err.toStdString());
    CHECK(clip.exitCode == 3);
    CHECK(clip.err.contains(QStringLiteral("needs the video module libchronomap_video.so")));
    CHECK(clip.err.contains(QDir::toNativeSeparators(QFileInfo(copy).absolutePath())));
    CHECK_FALSE(QFileInfo::exists(gif));
    CHECK(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden) == QStringList{QStringLiteral("still.png")});
}
