// SPDX-License-Identifier: GPL-3.0-or-later
// `chronomap --export-animation`: the real binary, run with no display; the clip read back with
// FFmpeg; each error with its message and exit status; failed writes leave nothing behind.
#include "render/animation/animation_plan.h"
#include "core/time/time_span.h"

#include "run_chronomap.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <catch2/catch.hpp>

#include "../animation_readback.h"
#include "../qt_string_maker.h"

using namespace chronomap;
using test::Run;
using test::runChronomap;

namespace {

const QString kBundled = QStringLiteral(CHRONOMAP_SOURCE_DIR "/geodata/events/russia-north-korea.geojson");

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
