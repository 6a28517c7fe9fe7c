// SPDX-License-Identifier: GPL-3.0-or-later
// `chronomap --export-briefing`: the real binary with no display on the bundled example briefing,
// its dataset found from the briefing, its errors with their messages and exit statuses, and a
// failed write that keeps the older file.
#include "run_chronomap.h"
#include "../test_paths.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <catch2/catch.hpp>

#include "../qt_string_maker.h"

using namespace chronomap;
using test::Run;
using test::runChronomap;

namespace {

const QString kExample =
    chronomap::test::sourceDir() + QLatin1String("/geodata/briefings/treaty-to-kursk.chronomap-briefing.json");
const QString kExportData = chronomap::test::testDataDir() + QLatin1String("/export/events.geojson");

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void writeAll(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly));
    REQUIRE(f.write(bytes) == bytes.size());
}

/// The example briefing as JSON, to alter and save elsewhere.
QJsonObject example()
{
    return QJsonDocument::fromJson(readAll(kExample)).object();
}

/// pdfinfo's page count (poppler-utils, in the README's quick-start packages).
int pageCount(const QString &pdf)
{
    const QString pdfinfo = QStandardPaths::findExecutable(QStringLiteral("pdfinfo"));
    INFO("pdfinfo is needed to read the PDF back (apt-get install poppler-utils)");
    REQUIRE_FALSE(pdfinfo.isEmpty());
    const Run run = test::runProgram(pdfinfo, {pdf});
    REQUIRE(run.exitCode == 0);
    for (const QString &line : run.out.split(u'\n'))
        if (line.startsWith(QStringLiteral("Pages:"))) return line.mid(6).trimmed().toInt();
    return -1;
}

} // namespace

TEST_CASE("chronomap --export-briefing writes the bundled example as a PDF with no display", "[briefing][cli]")
{
    QTemporaryDir dir;
    const QString pdf = dir.filePath(QStringLiteral("briefing.pdf"));
    const int steps = int(example().value(QStringLiteral("steps")).toArray().size());
    const Run run = runChronomap({QStringLiteral("--export-briefing"), kExample, pdf, QStringLiteral("--lang"),
                                  QStringLiteral("es"), QStringLiteral("--page"), QStringLiteral("slides")});
    INFO(run.err.toStdString());
    REQUIRE(run.exitCode == 0);
    CHECK(run.err.isEmpty()); // the dataset it names is the bundled one, unchanged: nothing to say
    CHECK(readAll(pdf).startsWith("%PDF-"));
    CHECK(pageCount(pdf) == steps + 2);
}

TEST_CASE("chronomap --export-briefing finds the dataset beside the briefing, or takes --data", "[briefing][cli]")
{
    QTemporaryDir dir;
    const QString pdf = dir.filePath(QStringLiteral("out.pdf"));
    QJsonObject json = example();
    QJsonObject dataset = json.value(QStringLiteral("dataset")).toObject();
    dataset.insert(QStringLiteral("file"), QStringLiteral("events.geojson"));
    json.insert(QStringLiteral("dataset"), dataset);
    const QString briefing = dir.filePath(QStringLiteral("moved.chronomap-briefing.json"));
    writeAll(briefing, QJsonDocument(json).toJson());

    SECTION("named but nowhere: exit 2, saying which file and how to give it")
    {
        const Run run = runChronomap({QStringLiteral("--export-briefing"), briefing, pdf});
        CHECK(run.exitCode == 2);
        CHECK(run.err.contains(briefing));
        CHECK(run.err.contains(QStringLiteral("'events.geojson'")));
        CHECK(run.err.contains(QStringLiteral("--data")));
        CHECK_FALSE(QFileInfo::exists(pdf));
    }
    SECTION("beside the briefing: found there; other data says the steps' events are missing, step by step")
    {
        REQUIRE(QFile::copy(kExportData, dir.filePath(QStringLiteral("events.geojson"))));
        const Run run = runChronomap({QStringLiteral("--export-briefing"), briefing, pdf});
        INFO(run.err.toStdString());
        REQUIRE(run.exitCode == 0);
        CHECK(QFileInfo(pdf).size() > 0);
        // The example's selected events are not in the test data: each step is named.
        CHECK(run.err.contains(briefing));
        CHECK(run.err.contains(QStringLiteral("step 1 “The Vostochny summit”")));
        CHECK(run.err.contains(QStringLiteral("2023-09-13-kim-putin-vostochny-summit")));
    }
    SECTION("--data overrides what the briefing names")
    {
        const Run run =
            runChronomap({QStringLiteral("--export-briefing"), briefing, pdf, QStringLiteral("--data"),
                          chronomap::test::sourceDir() + QLatin1String("/geodata/events/russia-north-korea.geojson")});
        INFO(run.err.toStdString());
        REQUIRE(run.exitCode == 0);
        CHECK(pageCount(pdf) == int(json.value(QStringLiteral("steps")).toArray().size()) + 2);
    }
}

TEST_CASE("chronomap --export-briefing: bad arguments and bad briefings exit 2 with the reason", "[briefing][cli]")
{
    QTemporaryDir dir;
    const QString pdf = dir.filePath(QStringLiteral("out.pdf"));
    const QString notJson = dir.filePath(QStringLiteral("broken.chronomap-briefing.json"));
    writeAll(notJson, "{ \"format\": \"chronomap-briefing\", ");
    struct Case {
        QStringList arguments;
        QString message;
    };
    const QList<Case> cases{
        {{QStringLiteral("--export-briefing"), kExample}, QStringLiteral("OUT.pdf")},
        {{QStringLiteral("--export-briefing"), kExample, dir.filePath(QStringLiteral("out.png"))},
         QStringLiteral("does not end in .pdf")},
        {{QStringLiteral("--export-briefing"), kExample, pdf, QStringLiteral("--page"), QStringLiteral("letter")},
         QStringLiteral("--page: 'letter' is not a4 or slides")},
        {{QStringLiteral("--export-briefing"), kExample, pdf, QStringLiteral("--lang"), QStringLiteral("fr")},
         QStringLiteral("--lang: 'fr' is not en or es")},
        {{QStringLiteral("--export-briefing"), notJson, pdf}, notJson},
        {{QStringLiteral("--export-briefing"), dir.filePath(QStringLiteral("missing.json")), pdf},
         dir.filePath(QStringLiteral("missing.json"))},
    };
    for (const Case &c : cases) {
        INFO(c.arguments.join(u' ').toStdString());
        const Run run = runChronomap(c.arguments);
        INFO(run.err.toStdString());
        CHECK(run.exitCode == 2);
        CHECK(run.err.contains(c.message));
        CHECK_FALSE(QFileInfo::exists(pdf));
    }
}

TEST_CASE("chronomap --export-briefing on a full disk exits 3 and keeps the older file", "[briefing][cli]")
{
    QTemporaryDir dir;
    const QString pdf = dir.filePath(QStringLiteral("briefing.pdf"));
    const QByteArray old("an older briefing, kept");
    writeAll(pdf, old);
    // Files larger than 200 kB cannot be written (the PDF is megabytes): as a full disk would.
    const Run run = runChronomap({QStringLiteral("--export-briefing"), kExample, pdf}, 200'000);
    INFO(run.err.toStdString());
    CHECK(run.exitCode == 3);
    CHECK(run.err.contains(pdf));
    CHECK(readAll(pdf) == old);
    CHECK(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot) ==
          QStringList{QStringLiteral("briefing.pdf")});
}
