// SPDX-License-Identifier: GPL-3.0-or-later
// `chronomap --export`: the real binary, run with no display, each error with its message and
// exit status, and failed writes that leave nothing behind.
#include "render/snapshot/snapshot_metadata.h"
#include "../test_paths.h"

#include "run_chronomap.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QImageReader>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QProcess>
#include <QTemporaryDir>

#include <catch2/catch.hpp>

#include "../qt_string_maker.h"

#include <csignal>
#include <sys/resource.h>

using namespace chronomap;
using test::Run;
using test::runChronomap;

namespace {

const QString kData = chronomap::test::testDataDir() + QLatin1String("/export/events.geojson");

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

TEST_CASE("chronomap --export writes a PNG and its view state with no display", "[export][cli]")
{
    QTemporaryDir dir;
    const QString png = dir.filePath(QStringLiteral("kursk.png")), json = dir.filePath(QStringLiteral("kursk.json"));
    const Run run = runChronomap({QStringLiteral("--export"),     png,
                                  QStringLiteral("--data"),       kData,
                                  QStringLiteral("--region"),     QStringLiteral("Kursk"),
                                  QStringLiteral("--from"),       QStringLiteral("2024-08"),
                                  QStringLiteral("--to"),         QStringLiteral("2025-08"),
                                  QStringLiteral("--category"),   QStringLiteral("deployment"),
                                  QStringLiteral("--category"),   QStringLiteral("combat"),
                                  QStringLiteral("--size"),       QStringLiteral("960x540"),
                                  QStringLiteral("--lang"),       QStringLiteral("es"),
                                  QStringLiteral("--title"),      QStringLiteral("Kursk, 2024–2025"),
                                  QStringLiteral("--select"),     QStringLiteral("a4-kursk"),
                                  QStringLiteral("--view-state"), json});
    INFO(run.err.toStdString());
    REQUIRE(run.exitCode == 0);

    QImageReader reader(png);
    CHECK(reader.size() == QSize(960, 540));
    CHECK(reader.text(SnapshotMetadata::kTitle) == QStringLiteral("Kursk, 2024–2025"));
    CHECK(reader.text(SnapshotMetadata::kDatasetSha256) ==
          QString::fromLatin1(QCryptographicHash::hash(readAll(kData), QCryptographicHash::Sha256).toHex()));
    CHECK(reader.text(SnapshotMetadata::kTimeWindow) ==
          QStringLiteral("2024-08-01T00:00:00.000Z/2025-09-01T00:00:00.000Z"));
    CHECK(reader.text(SnapshotMetadata::kRegion).startsWith(QStringLiteral("RU-KRS")));
    CHECK(reader.text(SnapshotMetadata::kLanguage) == QStringLiteral("es"));
    CHECK(reader.text(SnapshotMetadata::kHiddenCategories).split(u',').contains(QStringLiteral("treaty")));
    CHECK_FALSE(reader.read().isNull());

    const QJsonObject state = QJsonDocument::fromJson(readAll(json)).object();
    CHECK(state.value(QStringLiteral("format")).toString() == QStringLiteral("chronomap-view-state"));
    CHECK(state.value(QStringLiteral("dataset")).toString() == QFileInfo(kData).absoluteFilePath());
    CHECK(state.value(QStringLiteral("region")).toString() == QStringLiteral("RU-KRS"));
    CHECK(state.value(QStringLiteral("selected_event")).toString() == QStringLiteral("a4-kursk"));
    CHECK(state.value(QStringLiteral("language")).toString() == QStringLiteral("es"));
    CHECK(state.value(QStringLiteral("match")).toString() == QStringLiteral("possibly"));
    const QJsonObject window = state.value(QStringLiteral("window")).toObject();
    CHECK(window.value(QStringLiteral("from")).toString() == QStringLiteral("2024-08-01T00:00:00.000Z"));
    CHECK(window.value(QStringLiteral("to")).toString() == QStringLiteral("2025-09-01T00:00:00.000Z"));
    const QJsonObject map = state.value(QStringLiteral("map")).toObject();
    CHECK(map.value(QStringLiteral("centre_lon_deg")).toDouble() == Approx(36.3).margin(1.5)); // Kursk Oblast framed
    CHECK(map.value(QStringLiteral("centre_lat_deg")).toDouble() == Approx(51.7).margin(1.0));
    CHECK(map.value(QStringLiteral("metres_per_pixel")).toDouble() > 0);
}

TEST_CASE("chronomap --export --lang es writes the snapshot's own words in Spanish", "[export][cli]")
{
    QTemporaryDir dir;
    auto svgText = [&](const char *lang) {
        const QString path = dir.filePath(QStringLiteral("view-%1.svg").arg(QLatin1String(lang)));
        const Run run = runChronomap({QStringLiteral("--export"), path, QStringLiteral("--data"), kData,
                                      QStringLiteral("--lang"), QLatin1String(lang)});
        INFO(lang << ": " << run.err.toStdString());
        REQUIRE(run.exitCode == 0);
        return QString::fromUtf8(readAll(path));
    };
    const QString english = svgText("en"), spanish = svgText("es");
    CHECK(english.contains(QStringLiteral(">Categories<")));
    CHECK(english.contains(QStringLiteral(" events")));
    CHECK_FALSE(english.contains(QStringLiteral("event(s)"))); // English plural forms, not the source text
    CHECK(spanish.contains(QStringLiteral(">Categorías<")));
    CHECK(spanish.contains(QStringLiteral(" acontecimientos")));
    CHECK_FALSE(spanish.contains(QStringLiteral(">Categories<"))); // (the metadata key HiddenCategories stays)
}

TEST_CASE("chronomap --export --search records the search in the metadata and the view state", "[export][cli]")
{
    QTemporaryDir dir;
    const QString png = dir.filePath(QStringLiteral("search.png")), json = dir.filePath(QStringLiteral("search.json"));
    const Run run = runChronomap({QStringLiteral("--export"), png, QStringLiteral("--size"), QStringLiteral("800x500"),
                                  QStringLiteral("--search"), QStringLiteral("Kursk  despliegue"),
                                  QStringLiteral("--view-state"), json});
    INFO(run.err.toStdString());
    REQUIRE(run.exitCode == 0);
    QImageReader reader(png);
    CHECK(reader.text(SnapshotMetadata::kSearch) == QStringLiteral("Kursk despliegue"));
    const QJsonObject state = QJsonDocument::fromJson(readAll(json)).object();
    CHECK(state.value(QStringLiteral("search")).toString() == QStringLiteral("Kursk despliegue"));
    CHECK_FALSE(reader.read().isNull());

    // Without --search the entry is there and empty, and the view state has no search.
    const QString plain = dir.filePath(QStringLiteral("plain.png")),
                  plainJson = dir.filePath(QStringLiteral("plain.json"));
    REQUIRE(runChronomap({QStringLiteral("--export"), plain, QStringLiteral("--size"), QStringLiteral("800x500"),
                          QStringLiteral("--view-state"), plainJson})
                .exitCode == 0);
    QImageReader plainReader(plain);
    CHECK(plainReader.text(SnapshotMetadata::kSearch).isEmpty());
    CHECK_FALSE(QJsonDocument::fromJson(readAll(plainJson)).object().contains(QStringLiteral("search")));
}

TEST_CASE("chronomap --export writes JPEG, SVG and PDF", "[export][cli]")
{
    QTemporaryDir dir;
    for (const char *name : {"view.jpg", "view.svg", "view.pdf"}) {
        const QString path = dir.filePath(QLatin1String(name));
        const Run run =
            runChronomap({QStringLiteral("--export"), path, QStringLiteral("--data"), kData, QStringLiteral("--size"),
                          QStringLiteral("800x600"), QStringLiteral("--title"), QStringLiteral("Formats")});
        INFO(name << ": " << run.err.toStdString());
        CHECK(run.exitCode == 0);
        const QByteArray bytes = readAll(path);
        if (path.endsWith(u"jpg")) CHECK(QImage::fromData(bytes).size() == QSize(800, 600));
        if (path.endsWith(u"svg")) CHECK(bytes.contains("<title>Formats</title>"));
        if (path.endsWith(u"pdf")) CHECK(bytes.contains("/MediaBox [0 0 600.000000 450.000000]"));
    }
}

TEST_CASE("chronomap --export refuses bad arguments with a message and exit status 2", "[export][cli]")
{
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("out.png"));
    struct Case {
        QStringList arguments;
        const char *message;
    };
    const QList<Case> cases = {
        {{QStringLiteral("--region"), QStringLiteral("XX-NOPE")},
         "--region: no admin-1 region has the code or name 'XX-NOPE'"},
        {{QStringLiteral("--from"), QStringLiteral("2025-13")}, "--from: '2025-13' is not a date"},
        {{QStringLiteral("--to"), QStringLiteral("last week")}, "--to: 'last week' is not a date"},
        {{QStringLiteral("--from"), QStringLiteral("2025"), QStringLiteral("--to"), QStringLiteral("2024")},
         "--to 2024 is before --from 2025"},
        {{QStringLiteral("--size"), QStringLiteral("big")}, "--size: 'big' is not WxH"},
        {{QStringLiteral("--size"), QStringLiteral("99999x10")}, "--size: 99999x10 is not a size"},
        {{QStringLiteral("--lang"), QStringLiteral("fr")}, "--lang: 'fr' is not en or es"},
        {{QStringLiteral("--select"), QStringLiteral("no-such-event")},
         "--select: the dataset has no event with id 'no-such-event'"},
        {{QStringLiteral("--map-style"), QStringLiteral("dots")},
         "--map-style: 'dots' is not auto, markers, clusters, hexbins or heat"},
    };
    for (const Case &c : cases) {
        const Run run =
            runChronomap(QStringList{QStringLiteral("--export"), out, QStringLiteral("--data"), kData} + c.arguments);
        INFO(c.arguments.join(u' ').toStdString() << " → " << run.err.toStdString());
        CHECK(run.exitCode == 2);
        CHECK(run.err.contains(QLatin1String("chronomap: ")));
        CHECK(run.err.contains(QString::fromUtf8(c.message)));
        CHECK_FALSE(QFileInfo::exists(out));
    }

    const Run gif = runChronomap(
        {QStringLiteral("--export"), dir.filePath(QStringLiteral("out.gif")), QStringLiteral("--data"), kData});
    CHECK(gif.exitCode == 2);
    CHECK(gif.err.contains(QStringLiteral("--export: unknown format")));
    CHECK(QDir(dir.path()).isEmpty());
}

TEST_CASE("chronomap --export --map-style draws the map in that style and records it in the view state",
          "[export][cli]")
{
    QTemporaryDir dir;
    // Yellow: the top of the bins' ramp (viridis), which no category or base-map colour comes near.
    const auto yellowPixels = [](const QImage &image) {
        int n = 0;
        for (int y = 0; y < image.height(); ++y)
            for (int x = 0; x < image.width(); ++x) {
                const QColor c = image.pixelColor(x, y);
                n += c.red() > 220 && c.green() > 200 && c.blue() < 120;
            }
        return n;
    };
    QMap<QString, QImage> images;
    for (const QString &style : {QStringLiteral("markers"), QStringLiteral("hexbins")}) {
        const QString png = dir.filePath(style + QStringLiteral(".png")),
                      json = dir.filePath(style + QStringLiteral(".json"));
        const Run run = runChronomap({QStringLiteral("--export"), png, QStringLiteral("--data"), kData,
                                      QStringLiteral("--size"), QStringLiteral("960x540"),
                                      QStringLiteral("--map-style"), style, QStringLiteral("--view-state"), json});
        INFO(style.toStdString() << ": " << run.err.toStdString());
        REQUIRE(run.exitCode == 0);
        images[style] = QImage(png);
        REQUIRE_FALSE(images[style].isNull());
        const QJsonObject state = QJsonDocument::fromJson(readAll(json)).object();
        // Markers is not auto: written out, as hexbins is.
        CHECK(state.value(QStringLiteral("map_style")).toString() == style);
    }
    CHECK(images[QStringLiteral("markers")] != images[QStringLiteral("hexbins")]);
    const int binsYellow = yellowPixels(images[QStringLiteral("hexbins")]);
    CHECK(binsYellow > 100);
    CHECK(binsYellow > 4 * yellowPixels(images[QStringLiteral("markers")]));
}

TEST_CASE("chronomap --export to an unwritable path says so, exits 3 and leaves no file", "[export][cli]")
{
    QTemporaryDir dir;
    // A path whose parent is a regular file cannot be created by anyone, root included (the
    // tests may run as root, for whom a read-only folder is no obstacle); /proc takes no files.
    const QString plain = dir.filePath(QStringLiteral("plain"));
    {
        QFile f(plain);
        REQUIRE(f.open(QIODevice::WriteOnly));
    }
    for (const QString &path : {plain + QStringLiteral("/out.png"), QStringLiteral("/proc/chronomap-out.png")}) {
        const Run run = runChronomap({QStringLiteral("--export"), path, QStringLiteral("--data"), kData});
        INFO(run.err.toStdString());
        CHECK(run.exitCode == 3);
        CHECK(run.err.contains(QStringLiteral("chronomap: cannot write ") + path));
        CHECK_FALSE(QFileInfo::exists(path));
    }
}

TEST_CASE("An export that fails half-way (disk full) leaves the existing file byte for byte", "[export][cli]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("report.png"));
    const QByteArray original("yesterday's snapshot, which must survive\n");
    {
        QFile f(path);
        REQUIRE(f.open(QIODevice::WriteOnly));
        REQUIRE(f.write(original) == original.size());
    }
    // Files may grow to 64 KiB: the temporary file fills up mid-PNG, as on a full disk.
    const Run run = runChronomap({QStringLiteral("--export"), path, QStringLiteral("--data"), kData}, 64 * 1024);
    INFO(run.err.toStdString());
    CHECK(run.exitCode == 3);
    CHECK(run.err.contains(QStringLiteral("chronomap: cannot write ") + path));
    CHECK(readAll(path) == original);
    CHECK(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden) == QStringList{QStringLiteral("report.png")});
}

TEST_CASE("chronomap --export reads its data in a reader child forked at its start, crashes included", "[export][cli]")
{
    // The export's first file goes to the child forked before the application started
    // (ReaderZygote): it loads the file as a spawned child would, and its crash is reported as
    // a reader's crash, the export refused and no file written.
    QTemporaryDir dir;
    const QString png = dir.filePath(QStringLiteral("out.png")), view = dir.filePath(QStringLiteral("view.json"));
    const Run ok = runChronomap(
        {QStringLiteral("--export"), png, QStringLiteral("--data"), kData, QStringLiteral("--view-state"), view});
    INFO(ok.err.toStdString());
    REQUIRE(ok.exitCode == 0);
    CHECK(QImage(png).size() == QSize(1920, 1080));
    CHECK(readAll(view).contains("events.geojson"));

    QProcessEnvironment fault;
    fault.insert(QStringLiteral("CHRONOMAP_READER_FAULT"), QStringLiteral("abort"));
    const QString crashed = dir.filePath(QStringLiteral("crashed.png"));
    const Run run = test::runProgram(chronomap::test::chronomapExe(),
                                     {QStringLiteral("--export"), crashed, QStringLiteral("--data"), kData}, 0, fault);
    INFO(run.err.toStdString());
    CHECK(run.exitCode == 2);
    CHECK(run.err.contains(QStringLiteral("crashed with signal")));
    CHECK(run.err.contains(kData));
    CHECK_FALSE(QFileInfo::exists(crashed));
}

TEST_CASE("chronomap --export draws the same image of a view in every run", "[export][cli]")
{
    // Qt seeds its hashes at random in each process: a layer drawn in a hash's order (the
    // regions' fills, which overlap at their shared borders) made exports of one view differ.
    QTemporaryDir dir;
    QImage first;
    for (int run = 0; run < 6; ++run) {
        const QString png = dir.filePath(QStringLiteral("run%1.png").arg(run));
        const Run exported =
            runChronomap({QStringLiteral("--export"), png, QStringLiteral("--size"), QStringLiteral("960x540")});
        INFO(exported.err.toStdString());
        REQUIRE(exported.exitCode == 0);
        QImage image(png);
        REQUIRE_FALSE(image.isNull());
        // The footer says when the image was made: everything above it is compared.
        image = image.copy(0, 0, image.width(), image.height() * 9 / 10);
        if (run == 0)
            first = image;
        else
            CHECK(image == first);
    }
}
