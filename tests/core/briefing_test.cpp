// SPDX-License-Identifier: GPL-3.0-or-later
// Briefing files (issue 17): written and read back whole, bad files and bad steps reported with
// the file and the step while the good steps load, and a briefing checked against the bundled data.
#include "core/geo/region_index.h"
#include "core/view/briefing.h"
#include "core/view/view_state.h"
#include "core/view/view_state_json.h"

#include "../bundled_data.h"
#include "../qt_string_maker.h"
#include "../test_files.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>

#include <catch2/catch.hpp>

using namespace chronomap;

namespace {

/// A step made the way the panel makes one: from a view state over the bundled data.
BriefingStep stepOf(const ViewState &state, const QString &titleEn, const QString &captionEs)
{
    QJsonObject view = BriefingJson::stepView(ViewStateJson::toJson(state, state.dataset()->sha256));
    view.insert(QStringLiteral("map"), QJsonObject{{QStringLiteral("centre_lon_deg"), 36.2},
                                                   {QStringLiteral("centre_lat_deg"), 51.7},
                                                   {QStringLiteral("metres_per_pixel"), 610.0}});
    return {{titleEn, titleEn + QStringLiteral(" (es)")}, {QStringLiteral("Caption of ") + titleEn, captionEs}, view};
}

Briefing bundledBriefing()
{
    const auto dataset = test::bundledDataset();
    ViewState state;
    state.setDataset(dataset);
    Briefing briefing;
    briefing.title = {QStringLiteral("From the treaty to Kursk"), QStringLiteral("Del tratado a Kursk")};
    briefing.author = QStringLiteral("Analyst");
    briefing.datasetFileName = QStringLiteral("russia-north-korea.geojson");
    briefing.datasetSha256 = dataset->sha256;
    state.setTimeWindow(TimeWindow{QDateTime(QDate(2024, 6, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch(),
                                   QDateTime(QDate(2024, 7, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch()});
    briefing.steps.append(stepOf(state, QStringLiteral("The treaty"), QStringLiteral("El tratado")));
    state.setTimeWindow(std::nullopt);
    state.setSelectedRegion(dataset->baseMap->regions->find(QStringLiteral("RU-KRS")));
    state.setSelectedEvent(test::kimPutinCall(*dataset->events));
    state.setHiddenCategories({dataset->events->categories().first()});
    briefing.steps.append(stepOf(state, QStringLiteral("Kursk"), QString()));
    return briefing;
}

QString writeJson(const QTemporaryDir &dir, const char *name, const QJsonObject &json)
{
    return test::writeFile(dir, name, QJsonDocument(json).toJson());
}

} // namespace

TEST_CASE("A briefing written and read back is the same briefing, step by step", "[briefing]")
{
    const Briefing briefing = bundledBriefing();
    REQUIRE(briefing.steps.size() == 2);
    CHECK(briefing.steps[1].view.value(u"region").toString() == u"RU-KRS");
    CHECK_FALSE(briefing.steps[0].view.contains(u"language"));
    CHECK_FALSE(briefing.steps[0].view.contains(u"dataset"));
    CHECK_FALSE(briefing.steps[0].view.contains(u"dataset_sha256"));

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("story") + BriefingJson::kSuffix);
    QString error;
    REQUIRE(BriefingJson::writeFile(briefing, path, &error));
    CHECK(error.isEmpty());

    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly));
    const QJsonObject json = QJsonDocument::fromJson(file.readAll()).object();
    CHECK(json.value(u"format").toString() == u"chronomap-briefing");
    CHECK(json.value(u"version").toInt() == Briefing::kFormat);
    CHECK(json.value(u"dataset").toObject().value(u"file").toString() == u"russia-north-korea.geojson");

    IssueList issues;
    const std::optional<Briefing> read = BriefingJson::readFile(path, &issues);
    REQUIRE(read);
    CHECK(issues.isEmpty());
    REQUIRE(read->steps.size() == briefing.steps.size());
    for (int i = 0; i < briefing.steps.size(); ++i) {
        INFO("step " << i + 1);
        CHECK(read->steps[i].title == briefing.steps[i].title);
        CHECK(read->steps[i].caption == briefing.steps[i].caption);
        CHECK(read->steps[i].view == briefing.steps[i].view);
    }
    CHECK(*read == briefing);
}

TEST_CASE("A briefing step applied to a view sets its settings and keeps the view's language", "[briefing]")
{
    const Briefing briefing = bundledBriefing();
    ViewState state;
    state.setDataset(test::bundledDataset());
    state.setLanguage(QStringLiteral("es"));
    IssueList issues;
    REQUIRE(ViewStateJson::apply(briefing.steps[1].view, state, &issues));
    CHECK(issues.isEmpty());
    CHECK(state.language() == u"es");
    CHECK(state.selectedRegion() == test::bundledDataset()->baseMap->regions->find(QStringLiteral("RU-KRS")));
    CHECK(state.selectedEvent() == test::kimPutinCall(*test::bundledDataset()->events));
    CHECK(state.hiddenCategories().size() == 1);
    REQUIRE(ViewStateJson::apply(briefing.steps[0].view, state, &issues));
    REQUIRE(state.timeWindow());
    CHECK(QDateTime::fromMSecsSinceEpoch(state.timeWindow()->fromMs, Qt::UTC).date() == QDate(2024, 6, 1));
    CHECK(state.selectedRegion() == -1);
}

TEST_CASE("A localized text falls back to English when the Spanish is empty", "[briefing]")
{
    const BriefingText text{QStringLiteral("Kursk"), QString()};
    CHECK(text.in(QStringLiteral("es")) == u"Kursk");
    CHECK(BriefingText{QStringLiteral("The treaty"), QStringLiteral("El tratado")}.in(QStringLiteral("es")) ==
          u"El tratado");
    CHECK(BriefingText{QStringLiteral("The treaty"), QStringLiteral("El tratado")}.in(QString()) == u"The treaty");
}

TEST_CASE("A briefing file that is not JSON, or from a newer Chronomap, is refused naming the file", "[briefing]")
{
    QTemporaryDir dir;
    IssueList issues;
    const QString notJson = test::writeFile(dir, "broken.chronomap-briefing.json", "{\"format\": \"chronomap-brief");
    CHECK_FALSE(BriefingJson::readFile(notJson, &issues));
    REQUIRE(issues.size() == 1);
    CHECK(issues[0].severity == Issue::Severity::Fatal);
    CHECK(issues[0].file == notJson);
    CHECK(issues[0].message.startsWith(u"not JSON"));

    issues.clear();
    QJsonObject future = BriefingJson::toJson(bundledBriefing());
    future.insert(QStringLiteral("version"), Briefing::kFormat + 1);
    const QString futurePath = writeJson(dir, "future.chronomap-briefing.json", future);
    CHECK_FALSE(BriefingJson::readFile(futurePath, &issues));
    REQUIRE(issues.size() == 1);
    CHECK(issues[0].severity == Issue::Severity::Fatal);
    CHECK(issues[0].file == futurePath);
    CHECK(issues[0].message.contains(u"newer Chronomap"));
    CHECK(issues[0].message.contains(QString::number(Briefing::kFormat + 1)));

    issues.clear();
    const QString viewState = writeJson(dir, "view.json", ViewStateJson::toJson(ViewState()));
    CHECK_FALSE(BriefingJson::readFile(viewState, &issues));
    REQUIRE(issues.size() == 1);
    CHECK(issues[0].message.contains(u"not a Chronomap briefing"));
}

TEST_CASE("A malformed briefing step is reported with the file, its number and title; the others load", "[briefing]")
{
    const Briefing briefing = bundledBriefing();
    QJsonObject json = BriefingJson::toJson(briefing);
    QJsonArray steps = json.value(u"steps").toArray();
    QJsonObject badWindow = steps[0].toObject();
    QJsonObject view = badWindow.value(u"view").toObject();
    view.insert(QStringLiteral("window"), QJsonObject{{QStringLiteral("from"), QStringLiteral("last summer")}});
    badWindow.insert(QStringLiteral("view"), view);
    badWindow.insert(QStringLiteral("title"), QJsonObject{{QStringLiteral("en"), QStringLiteral("Broken window")}});
    steps.insert(1, badWindow);
    steps.insert(2, QStringLiteral("not a step"));
    json.insert(QStringLiteral("steps"), steps);

    QTemporaryDir dir;
    const QString path = writeJson(dir, "bad-steps.chronomap-briefing.json", json);
    IssueList issues;
    const std::optional<Briefing> read = BriefingJson::readFile(path, &issues);
    REQUIRE(read);
    REQUIRE(read->steps.size() == 2);
    CHECK(read->steps[0] == briefing.steps[0]);
    CHECK(read->steps[1] == briefing.steps[1]);
    REQUIRE(issues.size() == 2);
    CHECK(issues[0].severity == Issue::Severity::Skipped);
    CHECK(issues[0].toString().startsWith(path + QStringLiteral(": step 2 “Broken window”: left out: window")));
    CHECK(issues[1].toString().startsWith(path + QStringLiteral(": step 3: left out: expected an object")));
}

TEST_CASE("Checking a briefing against the data names a changed hash and each step's missing records", "[briefing]")
{
    const auto dataset = test::bundledDataset();
    Briefing briefing = bundledBriefing();
    const QString hash(64, QLatin1Char('a')); // the test's dataset is not hashed: any hex stands in
    briefing.datasetSha256 = hash;
    IssueList issues;
    BriefingJson::check(briefing, *dataset, hash, QStringLiteral("story.json"), &issues);
    CHECK(issues.isEmpty());

    const QString otherHash(64, QLatin1Char('0'));
    BriefingJson::check(briefing, *dataset, otherHash, QStringLiteral("story.json"), &issues);
    REQUIRE(issues.size() == 1);
    CHECK(issues[0].file == u"story.json");
    CHECK(issues[0].message.contains(u"the data changed since the briefing was made"));

    issues.clear();
    QJsonObject &view = briefing.steps[1].view;
    view.insert(QStringLiteral("selected_event"), QStringLiteral("no-such-record"));
    view.insert(QStringLiteral("region"), QStringLiteral("XX-ZZZ"));
    view.insert(QStringLiteral("hidden_categories"), QJsonArray{QStringLiteral("no-such-category")});
    BriefingJson::check(briefing, *dataset, hash, QStringLiteral("story.json"), &issues);
    REQUIRE(issues.size() == 3);
    for (const Issue &issue : issues) {
        INFO(test::str(issue.toString()));
        CHECK(issue.severity == Issue::Severity::Warning);
        CHECK(issue.toString().startsWith(u"story.json: step 2 “Kursk”: "));
    }
    CHECK(issues[0].message.contains(u"XX-ZZZ"));
    CHECK(issues[1].message.contains(u"no-such-record"));
    CHECK(issues[2].message.contains(u"no-such-category"));
}
