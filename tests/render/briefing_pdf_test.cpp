// SPDX-License-Identifier: GPL-3.0-or-later
// A briefing as one PDF (issue 17): the bundled example over the bundled data, written and read
// back with poppler's pdftotext and pdfinfo (poppler-utils, in the README's quick-start packages):
// its pages, each step's caption in the language asked, the numbered sources; and failed or
// cancelled writes that leave an older file as it was.
#include "render/briefing/briefing_pdf.h"

#include "core/io/dataset_loader.h"
#include "core/view/briefing.h"

#include "prepared_data.h"
#include "../pdf_readback.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <catch2/catch.hpp>

#include "../qt_string_maker.h"

using namespace chronomap;
using chronomap::test::onPage;
using chronomap::test::pageTexts;
using chronomap::test::poppler;
using chronomap::test::readAll;

namespace {

const QString kExample = test::sourcePath("geodata/briefings/treaty-to-kursk.chronomap-briefing.json");

Briefing exampleBriefing()
{
    IssueList issues;
    const auto briefing = BriefingJson::readFile(kExample, &issues);
    INFO((issues.isEmpty() ? QString() : issues.first().toString()).toStdString());
    REQUIRE(briefing);
    CHECK(issues.isEmpty());
    return *briefing;
}

std::shared_ptr<const PreparedDataset> hashedBundledDataset()
{
    static const auto dataset = [] {
        const auto core = test::bundledDataset();
        return PreparedDataset::make(core->files, core->events, core->baseMap,
                                     DatasetLoader::sha256OfFile(core->files.first()));
    }();
    return dataset;
}

BriefingPdf::Request exampleRequest(const QString &language, BriefingPageFormat page)
{
    BriefingPdf::Request request;
    request.briefing = exampleBriefing();
    request.dataset = hashedBundledDataset();
    request.language = language;
    request.page = page;
    return request;
}

} // namespace

TEST_CASE("The bundled example briefing holds six to eight steps, each in English and Spanish, over the bundled data",
          "[export][briefing]")
{
    const Briefing briefing = exampleBriefing();
    CHECK(briefing.steps.size() >= 6);
    CHECK(briefing.steps.size() <= 8);
    CHECK(briefing.datasetSha256 == hashedBundledDataset()->sha256); // made over the data as bundled
    IssueList issues;
    BriefingJson::check(briefing, *hashedBundledDataset(), hashedBundledDataset()->sha256, kExample, &issues);
    INFO((issues.isEmpty() ? QString() : issues.first().toString()).toStdString());
    CHECK(issues.isEmpty()); // every selected event, region and category exists
    for (const BriefingStep &step : briefing.steps) {
        CHECK_FALSE(step.caption.en.isEmpty());
        CHECK_FALSE(step.caption.es.isEmpty());
        CHECK(step.caption.en != step.caption.es);
    }
    // Every step shows events, and so cites sources.
    const BriefingPdf::CitedSources cited =
        BriefingPdf::citedSources(exampleRequest(QStringLiteral("en"), BriefingPageFormat::A4Landscape), &issues);
    CHECK(issues.isEmpty());
    REQUIRE(cited.byStep.size() == briefing.steps.size());
    for (const QList<int> &numbers : cited.byStep)
        CHECK_FALSE(numbers.isEmpty());
}

TEST_CASE("A briefing's PDF: a title page, a page per step with its caption, the numbered sources last",
          "[export][briefing]")
{
    QTemporaryDir dir;
    const QString pdf = dir.filePath(QStringLiteral("briefing.pdf"));
    const auto request = exampleRequest(QStringLiteral("en"), BriefingPageFormat::A4Landscape);
    const Briefing &briefing = request.briefing;
    IssueList issues;
    QList<int> progress;
    const QString error = BriefingPdf::write(
        request, pdf,
        [&](int percent) {
            progress.append(percent);
            return true;
        },
        &issues);
    INFO(error.toStdString());
    REQUIRE(error.isEmpty());
    CHECK(issues.isEmpty());
    CHECK(std::is_sorted(progress.begin(), progress.end()));
    CHECK(progress.last() == 100);

    const QStringList pages = pageTexts(pdf);
    const int steps = int(briefing.steps.size());
    REQUIRE(pages.size() == steps + 2); // the sources fit one page
    CHECK(
        poppler("pdfinfo", {pdf}).contains(QRegularExpression(QStringLiteral("Page size:\\s+842 x 595 pts \\(A4\\)"))));

    // The title page: title, author, the dataset and its hash.
    CHECK(onPage(pages[0], briefing.title.en));
    CHECK(onPage(pages[0], briefing.author));
    CHECK(pages[0].contains(QStringLiteral("russia-north-korea.geojson")));
    REQUIRE(hashedBundledDataset()->sha256.size() == 64);
    CHECK(pages[0].contains(hashedBundledDataset()->sha256));
    CHECK_FALSE(pages[0].contains(QStringLiteral("The data changed")));

    // Each step's page: its caption and title in English, and the numbers of the sources it cites.
    const BriefingPdf::CitedSources cited = BriefingPdf::citedSources(request);
    for (int s = 0; s < steps; ++s) {
        INFO("step " << s + 1);
        const QString &page = pages[s + 1];
        CHECK(page.contains(QStringLiteral("Step %1 of %2").arg(s + 1).arg(steps)));
        CHECK(onPage(page, briefing.steps[s].caption.en.simplified()));
        CHECK_FALSE(onPage(page, briefing.steps[s].caption.es.simplified()));
        CHECK(onPage(page, briefing.steps[s].title.en));
        QStringList numbers;
        for (int n : cited.byStep[s])
            numbers.append(QString::number(n));
        CHECK(onPage(page, QStringLiteral("): %1").arg(numbers.join(QStringLiteral(", ")))));
    }

    // The sources page: every source cited, numbered, with the steps citing it.
    const QString &sources = pages.last();
    CHECK(sources.startsWith(QStringLiteral("Sources cited")));
    REQUIRE(cited.names.size() > 10);
    for (qsizetype k = 0; k < cited.names.size(); ++k) {
        INFO(cited.names[k].toStdString());
        CHECK(onPage(sources, QStringLiteral("%1. %2 (step").arg(k + 1).arg(cited.names[k])));
    }
    CHECK(sources.contains(QStringLiteral("TASS")));
    CHECK(sources.contains(QStringLiteral("Suspilne")));
}

TEST_CASE("A briefing's PDF in Spanish on 16:9 slides carries the Spanish captions", "[export][briefing]")
{
    QTemporaryDir dir;
    const QString pdf = dir.filePath(QStringLiteral("diapositivas.pdf"));
    const auto request = exampleRequest(QStringLiteral("es"), BriefingPageFormat::Slides);
    const QString error = BriefingPdf::write(request, pdf);
    INFO(error.toStdString());
    REQUIRE(error.isEmpty());
    const QStringList pages = pageTexts(pdf);
    REQUIRE(pages.size() == request.briefing.steps.size() + 2);
    CHECK(poppler("pdfinfo", {pdf}).contains(QRegularExpression(QStringLiteral("Page size:\\s+960 x 540 pts"))));
    CHECK(onPage(pages[0], request.briefing.title.es));
    for (qsizetype s = 0; s < request.briefing.steps.size(); ++s) {
        INFO("step " << s + 1);
        CHECK(onPage(pages[s + 1], request.briefing.steps[s].caption.es.simplified()));
        CHECK_FALSE(onPage(pages[s + 1], request.briefing.steps[s].caption.en.simplified()));
        CHECK(onPage(pages[s + 1], request.briefing.steps[s].title.es));
    }
    // The snapshots speak Spanish too: place names and the data's own titles.
    CHECK(onPage(pages[1], QStringLiteral("Cumbre Kim–Putin en el cosmódromo de Vostochni")));
}

TEST_CASE("A cancelled or failed briefing export leaves the older file as it was and nothing else",
          "[export][briefing]")
{
    QTemporaryDir dir;
    const QString pdf = dir.filePath(QStringLiteral("briefing.pdf"));
    const QByteArray old("an older briefing, kept");
    {
        QFile f(pdf);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write(old);
    }
    const auto request = exampleRequest(QStringLiteral("en"), BriefingPageFormat::A4Landscape);

    SECTION("cancelled half-way")
    {
        int calls = 0;
        const QString error =
            BriefingPdf::write(request, pdf, [&](int percent) { return ++calls < 5 && percent < 50; });
        CHECK(error == QStringLiteral("cancelled"));
    }
    SECTION("into a folder that does not exist")
    {
        const QString error = BriefingPdf::write(request, dir.filePath(QStringLiteral("missing/briefing.pdf")));
        CHECK(error.startsWith(QStringLiteral("cannot write")));
        CHECK_FALSE(QFileInfo::exists(dir.filePath(QStringLiteral("missing"))));
    }
    SECTION("over a folder")
    {
        REQUIRE(QDir(dir.path()).mkdir(QStringLiteral("folder.pdf")));
        const QString error = BriefingPdf::write(request, dir.filePath(QStringLiteral("folder.pdf")));
        CHECK(error.startsWith(QStringLiteral("cannot write")));
        CHECK(QFileInfo(dir.filePath(QStringLiteral("folder.pdf"))).isDir());
        REQUIRE(QDir(dir.path()).rmdir(QStringLiteral("folder.pdf")));
    }
    CHECK(readAll(pdf) == old);
    CHECK(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot) ==
          QStringList{QStringLiteral("briefing.pdf")});
}
