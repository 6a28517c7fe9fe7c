// SPDX-License-Identifier: GPL-3.0-or-later
// What a new user tripped over (issue 18), on the command line of the real binary: a mistyped
// option with no display, messages in the user's language, nothing on stderr but our own words.
#include <QDir>
#include "../test_paths.h"
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>

#include <catch2/catch.hpp>

#include "../qt_string_maker.h"

namespace {

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

/// Runs the binary with no display, no platform, no XDG_RUNTIME_DIR (a service user's
/// environment), in `language` (LANGUAGE, with LANG=C.UTF-8), plus `extra` variables.
Run runChronomap(const QStringList &arguments, const QString &language = QStringLiteral("en"),
                 const QList<std::pair<QString, QString>> &extra = {})
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *name :
         {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "XDG_RUNTIME_DIR", "LC_ALL", "LC_MESSAGES", "LC_NUMERIC"})
        env.remove(QLatin1String(name));
    env.insert(QStringLiteral("LANGUAGE"), language);
    env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    for (const auto &[name, value] : extra)
        env.insert(name, value);
    process.setProcessEnvironment(env);
    process.start(chronomap::test::chronomapExe(), arguments);
    REQUIRE(process.waitForFinished(60'000));
    Run run;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    INFO("stderr: " << run.err.toStdString());
    REQUIRE(process.exitStatus() == QProcess::NormalExit); // no SIGABRT
    run.exitCode = process.exitCode();
    return run;
}

QStringList nonEmptyLines(const QString &text)
{
    return text.split(u'\n', Qt::SkipEmptyParts);
}

const QString kBundled = chronomap::test::sourceDir() + QLatin1String("/geodata/events/russia-north-korea.geojson");

} // namespace

TEST_CASE("A mistyped option with no display is an unknown option, exit 2, not an abort", "[cli]")
{
    QTemporaryDir dir;
    const Run run = runChronomap({QStringLiteral("--exprot"), dir.filePath(QStringLiteral("x.png"))});
    INFO(run.err.toStdString());
    CHECK(run.exitCode == 2);
    CHECK(run.err.contains(QStringLiteral("Unknown option 'exprot'")));
    CHECK_FALSE(run.err.contains(QStringLiteral("display")));
    CHECK(run.out.isEmpty());
    CHECK(QDir(dir.path()).isEmpty());
}

TEST_CASE("Opening the window with no display says so in one line and exits 2", "[cli]")
{
    SECTION("No DISPLAY or WAYLAND_DISPLAY at all")
    {
        const Run run = runChronomap({});
        INFO(run.err.toStdString());
        CHECK(run.exitCode == 2);
        CHECK(nonEmptyLines(run.err).size() == 1);
        CHECK(run.err.contains(QStringLiteral("no display")));
        CHECK(run.out.isEmpty());
    }
    SECTION("A DISPLAY no X server answers on: Qt's fatal error becomes the same one line")
    {
        const Run run = runChronomap({kBundled}, QStringLiteral("en"),
                                     {{QStringLiteral("DISPLAY"), QStringLiteral(":4917")},
                                      {QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("xcb")}});
        INFO(run.err.toStdString());
        CHECK(run.exitCode == 2);
        CHECK(nonEmptyLines(run.err).size() == 1);
        CHECK(run.err.startsWith(QStringLiteral("chronomap: cannot open the window: ")));
        CHECK(run.err.contains(QStringLiteral(":4917")));
    }
    SECTION("--help and --version still need no display")
    {
        const Run help = runChronomap({QStringLiteral("--help")});
        CHECK(help.exitCode == 0);
        CHECK(help.out.contains(QStringLiteral("--export")));
        const Run version = runChronomap({QStringLiteral("--version")});
        CHECK(version.exitCode == 0);
        CHECK(version.out.startsWith(QStringLiteral("chronomap ")));
    }
}

TEST_CASE("Headless commands print only their own output, even without XDG_RUNTIME_DIR", "[cli][export]")
{
    QTemporaryDir dir;
    const QString png = dir.filePath(QStringLiteral("quiet.png"));
    const Run exported =
        runChronomap({QStringLiteral("--export"), png, QStringLiteral("--size"), QStringLiteral("800x500")});
    INFO(exported.err.toStdString());
    CHECK(exported.exitCode == 0);
    CHECK(exported.err.isEmpty());
    CHECK(exported.out.isEmpty());
    CHECK(QFileInfo(png).size() > 0);

    const Run queried = runChronomap({QStringLiteral("--query"), QStringLiteral("--region"), QStringLiteral("Kursk")});
    CHECK(queried.exitCode == 0);
    CHECK(queried.err.isEmpty());
    CHECK(queried.out.startsWith(QStringLiteral("id,start,end")));

    const Run validated = runChronomap({QStringLiteral("--validate"), kBundled});
    CHECK(validated.exitCode == 0);
    CHECK(validated.err.isEmpty());
}

TEST_CASE("Command-line messages follow LANGUAGE like the window", "[cli]")
{
    const QStringList atlantis{QStringLiteral("--query"), QStringLiteral("--region"), QStringLiteral("Atlantis")};
    const Run english = runChronomap(atlantis, QStringLiteral("en"));
    CHECK(english.exitCode == 2);
    CHECK(english.err.contains(QStringLiteral("no admin-1 region has the code or name 'Atlantis'")));

    const Run spanish = runChronomap(atlantis, QStringLiteral("es"));
    INFO(spanish.err.toStdString());
    CHECK(spanish.exitCode == 2);
    CHECK(spanish.err.contains(QStringLiteral("ninguna región de primer nivel tiene el código o nombre 'Atlantis'")));

    const Run summary = runChronomap({QStringLiteral("--validate"), kBundled}, QStringLiteral("es"));
    CHECK(summary.out.contains(QStringLiteral("registros leídos")));

    // The snapshot's words follow --lang, the messages the system: an English snapshot from a
    // Spanish shell still reports in Spanish.
    QTemporaryDir dir;
    const Run typo =
        runChronomap({QStringLiteral("--export"), dir.filePath(QStringLiteral("a.png")), QStringLiteral("--lang"),
                      QStringLiteral("en"), QStringLiteral("--from"), QStringLiteral("2025-13")},
                     QStringLiteral("es"));
    CHECK(typo.exitCode == 2);
    CHECK(typo.err.contains(QStringLiteral("no es una fecha")));

    const Run unknown = runChronomap({QStringLiteral("--exprot")}, QStringLiteral("es"));
    CHECK(unknown.exitCode == 2);
    CHECK(unknown.err.contains(QStringLiteral("chronomap --help")));
    CHECK_FALSE(unknown.err.contains(QStringLiteral("Try 'chronomap --help'")));

    // Every command's own messages, not only the export's: the briefing and the import.
    const Run briefing = runChronomap(
        {QStringLiteral("--export-briefing"), kBundled, dir.filePath(QStringLiteral("b.txt"))}, QStringLiteral("es"));
    CHECK(briefing.exitCode == 2);
    CHECK(briefing.err.contains(QStringLiteral("no termina en .pdf")));
    const Run import = runChronomap({QStringLiteral("--import-pg"), kBundled, QStringLiteral("PG:dbname=none"),
                                     QStringLiteral("--table"), QStringLiteral("BAD")},
                                    QStringLiteral("es"));
    CHECK(import.exitCode == 2);
    CHECK(import.err.contains(QStringLiteral("no es un nombre de tabla simple")));
}
