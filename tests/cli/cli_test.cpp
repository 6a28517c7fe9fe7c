// SPDX-License-Identifier: GPL-3.0-or-later
// The headless modes of the real `chronomap` binary (--version, --help, --validate, --query), run
// as a user without a display would: no DISPLAY, no WAYLAND_DISPLAY, no QT_QPA_PLATFORM.
#include "core/io/geojson_kernel.h"
#include "../test_paths.h"
#include "core/store/event_filter.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImageReader>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTimeZone>

#include <catch2/catch.hpp>

#include "../qt_string_maker.h"
#include "run_chronomap.h"
#include "../bundled_data.h"

#include <algorithm>
#include <limits>

using namespace chronomap;

namespace {

using chronomap::test::Run;
using chronomap::test::runChronomap;

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes)
{
    const QString path = dir.filePath(name);
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly));
    REQUIRE(f.write(bytes) == bytes.size());
    return path;
}

QStringList lines(const QString &text)
{
    QStringList out = text.split(u'\n');
    if (!out.isEmpty() && out.last().isEmpty()) out.removeLast();
    return out;
}

/// RFC 4180: comma-separated, fields optionally quoted, "" for a quote, line breaks inside quotes.
QList<QStringList> parseCsv(const QString &text)
{
    QList<QStringList> rows;
    QStringList row;
    QString field;
    bool quoted = false, fieldStarted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (quoted) {
            if (c == u'"' && i + 1 < text.size() && text[i + 1] == u'"') {
                field += u'"';
                ++i;
            } else if (c == u'"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == u'"') {
            quoted = true;
            fieldStarted = true;
        } else if (c == u',') {
            row.append(field);
            field.clear();
            fieldStarted = true;
        } else if (c == u'\n' || c == u'\r') {
            if (c == u'\r' && i + 1 < text.size() && text[i + 1] == u'\n') ++i;
            row.append(field);
            rows.append(row);
            row.clear();
            field.clear();
            fieldStarted = false;
        } else {
            field += c;
            fieldStarted = true;
        }
    }
    if (fieldStarted || !field.isEmpty()) {
        row.append(field);
        rows.append(row);
    }
    return rows;
}

/// One --query --format csv answer: the header and a map per row from column to value.
struct Table {
    QStringList header;
    QList<QHash<QString, QString>> rows;

    QStringList column(const QString &name) const
    {
        QStringList values;
        for (const auto &row : rows)
            values.append(row.value(name));
        return values;
    }
};

Table queryCsv(const QStringList &arguments)
{
    const Run run = runChronomap(QStringList{QStringLiteral("--query")} + arguments);
    INFO(arguments.join(u' ').toStdString() << "\nstderr: " << run.err.toStdString());
    REQUIRE(run.exitCode == 0);
    CHECK(run.err.isEmpty());
    const QList<QStringList> rows = parseCsv(run.out);
    REQUIRE_FALSE(rows.isEmpty());
    Table table;
    table.header = rows.first();
    for (qsizetype r = 1; r < rows.size(); ++r) {
        REQUIRE(rows[r].size() == table.header.size());
        QHash<QString, QString> row;
        for (qsizetype c = 0; c < table.header.size(); ++c)
            row.insert(table.header[c], rows[r][c]);
        table.rows.append(row);
    }
    return table;
}

/// The ids the library itself gives for a filter on the bundled dataset, in time order.
QStringList expectedIds(const EventFilter &filter)
{
    const auto dataset = test::bundledDataset();
    QStringList ids;
    for (EventStore::Index i : filter.apply(*dataset->events, dataset->membership.get()))
        ids.append(dataset->events->id(i));
    return ids;
}

qint64 utc(int y, int m = 1, int d = 1)
{
    return QDateTime(QDate(y, m, d), QTime(0, 0), QTimeZone::utc()).toMSecsSinceEpoch();
}

const QByteArray kCleanGeoJson = R"({"type": "FeatureCollection", "features": [
  {"type": "Feature", "geometry": {"type": "Point", "coordinates": [36.19, 51.73]},
   "properties": {"id": "ok-1", "title": "Deployment reported in Kursk", "start": "2025-08", "category": "deployment",
                  "regions": ["RU-KRS", "RU-BEL"]}},
  {"type": "Feature", "geometry": {"type": "LineString", "coordinates": [[125.75, 39.03], [37.62, 55.75]]},
   "properties": {"id": "ok-2", "title": "Phone call", "start": "2025-08-12", "category": "diplomatic-contact"}}
]})";

} // namespace

TEST_CASE("chronomap --version and --help answer with no display", "[cli]")
{
    for (const char *flag : {"--version", "-v"}) {
        const Run run = runChronomap({QLatin1String(flag)});
        INFO(flag << " stderr: " << run.err.toStdString());
        CHECK(run.exitCode == 0);
        CHECK(run.out ==
              QStringLiteral("chronomap " CHRONOMAP_VERSION " (GeoJSON: simdjson %1)\n").arg(geojsonKernel()));
        CHECK(run.err.isEmpty());
    }

    const Run help = runChronomap({QStringLiteral("--help")});
    INFO("stderr: " << help.err.toStdString());
    CHECK(help.exitCode == 0);
    CHECK(help.err.isEmpty());
    const QStringList helpLines = lines(help.out);
    REQUIRE(helpLines.size() > 10);
    CHECK(helpLines.first().startsWith(u"Usage: "));
    CHECK(helpLines.first().endsWith(u"[options] [FILE…]"));
    // GNU style: short and long forms, a value placeholder after each option that takes one.
    for (const char *option : {"  -h, --help", "  -v, --version", "  --validate <FILE>", "  --query ",
                               "  --data <FILE>", "  --region <CODE|NAME>", "  --from <DATE>", "  --to <DATE>",
                               "  --certain ", "  --category <C>", "  --search <TEXT>", "  --format <FORMAT>"}) {
        INFO(option);
        CHECK(std::any_of(helpLines.begin(), helpLines.end(),
                          [&](const QString &l) { return l.startsWith(QString::fromUtf8(option)); }));
    }
    CHECK(runChronomap({QStringLiteral("-h")}).out == help.out);
}

TEST_CASE("chronomap --validate: exit 0 for a clean file, with a one-line summary", "[cli]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString clean = writeFile(dir, QStringLiteral("clean.geojson"), kCleanGeoJson);
    const Run run = runChronomap({QStringLiteral("--validate"), clean});
    INFO("stderr: " << run.err.toStdString());
    CHECK(run.exitCode == 0);
    CHECK(run.out == clean + QStringLiteral(": 2 records read, 2 events loaded, 0 skipped, 0 warnings\n"));
    CHECK(run.err.isEmpty());

    // The bundled dataset is clean too.
    const QString bundled = test::sourcePath("geodata/events/russia-north-korea.geojson");
    const Run bundledRun = runChronomap({QStringLiteral("--validate"), bundled});
    INFO(bundledRun.out.toStdString());
    CHECK(bundledRun.exitCode == 0);
    const QStringList bundledLines = lines(bundledRun.out);
    REQUIRE(bundledLines.size() == 1);
    CHECK(bundledLines[0].startsWith(bundled + QStringLiteral(": ")));
    CHECK(bundledLines[0].endsWith(QStringLiteral(" events loaded, 0 skipped, 0 warnings")));
}

TEST_CASE("chronomap --validate: exit 0 with warnings, 1 when records are skipped, one line per problem", "[cli]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString warned =
        writeFile(dir, QStringLiteral("warned.geojson"), R"({"type": "FeatureCollection", "features": [
  {"type": "Feature", "geometry": {"type": "Point", "coordinates": [36.19, 51.73]},
   "properties": {"id": "late-end", "title": "End before start", "start": "2025-04-28", "end": "2025-04-01"}}
]})");
    const Run warnRun = runChronomap({QStringLiteral("--validate"), warned});
    CHECK(warnRun.exitCode == 0);
    CHECK(lines(warnRun.out) ==
          QStringList{
              warned + QStringLiteral(
                           ": record 1 (late-end): end: end 2025-04-01 is before start 2025-04-28; the end is ignored"),
              warned + QStringLiteral(": 1 records read, 1 events loaded, 0 skipped, 1 warnings")});

    const QString mixed = writeFile(dir, QStringLiteral("mixed.geojson"), R"({"type": "FeatureCollection", "features": [
  {"type": "Feature", "geometry": {"type": "Point", "coordinates": [36.19, 51.73]},
   "properties": {"id": "good", "title": "Fine", "start": "2025-08-12"}},
  {"type": "Feature", "geometry": {"type": "Point", "coordinates": [36.19, 51.73]},
   "properties": {"id": "bad-date", "title": "Vague", "start": "yesterday"}},
  {"type": "Feature", "geometry": {"type": "Point", "coordinates": [36.19, 51.73]},
   "properties": {"title": "No id and no start"}},
  {"type": "Feature", "geometry": {"type": "Point", "coordinates": [236.19, 51.73]},
   "properties": {"id": "off-the-globe", "title": "Out of range", "start": "2025"}},
  {"type": "Feature", "geometry": {"type": "Point", "coordinates": [36.19, 51.73]},
   "properties": {"id": "good", "title": "Same id again", "start": "2025"}}
]})");
    const Run run = runChronomap({QStringLiteral("--validate"), mixed});
    INFO("stdout: " << run.out.toStdString() << "\nstderr: " << run.err.toStdString());
    CHECK(run.exitCode == 1);
    CHECK(
        lines(run.out) ==
        QStringList{
            mixed + QStringLiteral(": record 2 (bad-date): start: 'yesterday' is not an ISO 8601 date (2025, 2025-08, "
                                   "2025-08-12 or 2025-08-12T09:30Z); record skipped"),
            mixed + QStringLiteral(": record 3: start: no start date; record skipped"),
            mixed + QStringLiteral(": record 4 (off-the-globe): geometry: (236.19, 51.73) is not a WGS 84 "
                                   "longitude/latitude; record skipped"),
            mixed +
                QStringLiteral(": record 5 (good): id: id 'good' is already used by an earlier record; record skipped"),
            mixed + QStringLiteral(": 5 records read, 1 events loaded, 4 skipped, 0 warnings"),
        });
    // Every problem line has the documented shape.
    const QRegularExpression shape(QStringLiteral("^.+: record \\d+( \\([^)]+\\))?: [a-z_/]+: .+$"));
    for (const QString &line : lines(run.out).mid(0, 4))
        CHECK(shape.match(line).hasMatch());
}

TEST_CASE("chronomap --validate: exit 2 when nothing is usable", "[cli]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    struct Case {
        const char *name;
        QByteArray bytes;
        const char *message;
    };
    const Case cases[] = {
        {"empty.geojson", QByteArray(), ": the file is empty"},
        {"notes.txt", "Meeting notes: Kim and Putin spoke on 12 August.\n", ": not a dataset Chronomap can read"},
        {"empty.geojson.json", R"({"type": "FeatureCollection", "features": []})", ": the file holds no records"},
        {"all-bad.geojson",
         R"({"type": "FeatureCollection", "features": [
              {"type": "Feature", "geometry": null, "properties": {"id": "x", "title": "t", "start": "soon"}}]})",
         ": no usable records"},
    };
    for (const Case &c : cases) {
        const QString path = writeFile(dir, QLatin1String(c.name), c.bytes);
        const Run run = runChronomap({QStringLiteral("--validate"), path});
        INFO(c.name << "\nstdout: " << run.out.toStdString() << "\nstderr: " << run.err.toStdString());
        CHECK(run.exitCode == 2);
        const QStringList out = lines(run.out);
        REQUIRE(out.size() >= 2);
        CHECK(std::any_of(out.begin(), out.end(),
                          [&](const QString &l) { return l.startsWith(path + QString::fromUtf8(c.message)); }));
        CHECK(out.last().startsWith(path + QStringLiteral(": ")));
        CHECK(out.last().contains(QStringLiteral(" 0 events loaded")));
    }

    const QString missing = dir.filePath(QStringLiteral("missing.geojson"));
    const Run run = runChronomap({QStringLiteral("--validate"), missing});
    CHECK(run.exitCode == 2);
    CHECK(lines(run.out).first() == missing + QStringLiteral(": no such file"));
}

TEST_CASE("chronomap --query --region: a code and a name give the same events, those the library gives", "[cli]")
{
    const Table byCode = queryCsv({QStringLiteral("--region"), QStringLiteral("RU-KRS")});
    CHECK(byCode.header.mid(0, 7).join(u',') == QStringLiteral("id,start,end,date_precision,category,title,regions"));
    const QStringList ids = byCode.column(QStringLiteral("id"));
    REQUIRE(ids.size() >= 5);
    CHECK(ids.contains(QStringLiteral("2025-08-kursk-belgorod-deployment-11000")));
    CHECK_FALSE(ids.contains(QStringLiteral("2025-08-12-kim-putin-call")));
    CHECK_FALSE(ids.contains(QStringLiteral("2025-08-15-putin-trump-alaska-summit")));

    CHECK(queryCsv({QStringLiteral("--region"), QStringLiteral("Kursk")}).column(QStringLiteral("id")) == ids);
    CHECK(queryCsv({QStringLiteral("--region"), QStringLiteral("kursk")}).column(QStringLiteral("id")) == ids);
    CHECK(queryCsv({QStringLiteral("--region"), QStringLiteral("Курская область")}).column(QStringLiteral("id")) ==
          ids);

    EventFilter filter;
    filter.regionIndex = test::bundledBaseMap()->regions->find(QStringLiteral("RU-KRS"));
    CHECK(ids == expectedIds(filter));

    // Every row is coded to Kursk or located in it.
    const auto &regions = *test::bundledBaseMap()->regions;
    for (const auto &row : byCode.rows) {
        INFO(row.value(QStringLiteral("id")).toStdString());
        const bool codedKursk = row.value(QStringLiteral("regions")).split(u';').contains(QStringLiteral("RU-KRS"));
        const double lon = row.value(QStringLiteral("lon")).toDouble(),
                     lat = row.value(QStringLiteral("lat")).toDouble();
        CHECK((codedKursk || regions.regionAt(lon, lat) == filter.regionIndex));
    }
    // Belgorod holds the records coded to both oblasts.
    const QStringList belgorod =
        queryCsv({QStringLiteral("--region"), QStringLiteral("RU-BEL")}).column(QStringLiteral("id"));
    CHECK(belgorod.contains(QStringLiteral("2025-08-kursk-belgorod-deployment-11000")));
    CHECK(belgorod.size() < ids.size());
}

TEST_CASE("chronomap --query --from/--to/--certain/--category filter as the library does", "[cli]")
{
    const Table all = queryCsv({});
    const auto dataset = test::bundledDataset();
    CHECK(all.rows.size() == dataset->events->size());
    CHECK(all.column(QStringLiteral("id")) == expectedIds(EventFilter{}));

    EventFilter august;
    august.window = TimeWindow{utc(2025, 8), utc(2025, 9)};
    const Table aug = queryCsv(
        {QStringLiteral("--from"), QStringLiteral("2025-08"), QStringLiteral("--to"), QStringLiteral("2025-08")});
    CHECK(aug.column(QStringLiteral("id")) == expectedIds(august));
    CHECK(aug.column(QStringLiteral("id")).contains(QStringLiteral("2025-08-12-kim-putin-call")));
    CHECK_FALSE(aug.column(QStringLiteral("id")).contains(QStringLiteral("2024-06-19-putin-kim-treaty-pyongyang")));
    CHECK(aug.rows.size() < all.rows.size());

    august.match = WindowMatch::Certainly;
    const Table certain = queryCsv({QStringLiteral("--from"), QStringLiteral("2025-08"), QStringLiteral("--to"),
                                    QStringLiteral("2025-08"), QStringLiteral("--certain")});
    CHECK(certain.column(QStringLiteral("id")) == expectedIds(august));
    CHECK(certain.rows.size() <= aug.rows.size());
    CHECK(certain.column(QStringLiteral("id")).contains(QStringLiteral("2025-08-12-kim-putin-call")));

    // One day: the call, and the month-precise August records that possibly fall on it.
    const Table day = queryCsv(
        {QStringLiteral("--from"), QStringLiteral("2025-08-12"), QStringLiteral("--to"), QStringLiteral("2025-08-12")});
    CHECK(day.column(QStringLiteral("id")).contains(QStringLiteral("2025-08-12-kim-putin-call")));
    CHECK(day.rows.size() > 1);
    const Table dayCertain = queryCsv({QStringLiteral("--from"), QStringLiteral("2025-08-12"), QStringLiteral("--to"),
                                       QStringLiteral("2025-08-12"), QStringLiteral("--certain")});
    CHECK(dayCertain.column(QStringLiteral("id")) == QStringList{QStringLiteral("2025-08-12-kim-putin-call")});

    const Table open = queryCsv({QStringLiteral("--from"), QStringLiteral("2025-08-13")});
    EventFilter after;
    after.window = TimeWindow{utc(2025, 8, 13), std::numeric_limits<qint64>::max() / 2};
    CHECK(open.column(QStringLiteral("id")) == expectedIds(after));
    CHECK(open.column(QStringLiteral("id")).contains(QStringLiteral("2025-08-15-putin-trump-alaska-summit")));
    CHECK_FALSE(open.column(QStringLiteral("id")).contains(QStringLiteral("2025-08-12-kim-putin-call")));

    const Table deployments = queryCsv({QStringLiteral("--category"), QStringLiteral("Deployment")});
    REQUIRE(deployments.rows.size() >= 3);
    for (const QString &c : deployments.column(QStringLiteral("category")))
        CHECK(c == QStringLiteral("deployment"));
    EventFilter deployment;
    deployment.categories = {QStringLiteral("deployment")};
    CHECK(deployments.column(QStringLiteral("id")) == expectedIds(deployment));

    const Table two = queryCsv({QStringLiteral("--category"), QStringLiteral("summit"), QStringLiteral("--category"),
                                QStringLiteral("diplomatic-contact")});
    EventFilter contacts;
    contacts.categories = {QStringLiteral("summit"), QStringLiteral("diplomatic-contact")};
    CHECK(two.column(QStringLiteral("id")) == expectedIds(contacts));
    for (const QString &c : two.column(QStringLiteral("category")))
        CHECK((c == u"summit" || c == u"diplomatic-contact"));
    CHECK(two.column(QStringLiteral("id")).contains(QStringLiteral("2025-08-12-kim-putin-call")));
    CHECK(two.column(QStringLiteral("id")).contains(QStringLiteral("2025-08-15-putin-trump-alaska-summit")));

    // Everything at once: Kursk's deployments possibly in August 2025.
    EventFilter combined = deployment;
    combined.window = TimeWindow{utc(2025, 8), utc(2025, 9)};
    combined.regionIndex = test::bundledBaseMap()->regions->find(QStringLiteral("RU-KRS"));
    const Table both = queryCsv({QStringLiteral("--region"), QStringLiteral("Kursk"), QStringLiteral("--category"),
                                 QStringLiteral("deployment"), QStringLiteral("--from"), QStringLiteral("2025-08"),
                                 QStringLiteral("--to"), QStringLiteral("2025-08")});
    CHECK(both.column(QStringLiteral("id")) == expectedIds(combined));
    CHECK(both.column(QStringLiteral("id")).contains(QStringLiteral("2025-08-kursk-belgorod-deployment-11000")));
    CHECK(queryCsv({QStringLiteral("--category"), QStringLiteral("no-such-category")}).rows.isEmpty());
}

TEST_CASE("chronomap --query gives the records a reader of the bundled file expects, by id", "[cli]")
{
    // Written by hand from the records' dates and regions in geodata/events, not from the
    // filter code: a change of date or region rule that moves these shows here. (README, "How
    // to add a record": a record added inside these windows or regions is added here too.)
    const auto ids = [](QStringList arguments) { return queryCsv(arguments).column(QStringLiteral("id")); };
    // Belgorod: only the two records coded to both oblasts; nothing is located in it.
    CHECK(ids({QStringLiteral("--region"), QStringLiteral("RU-BEL")}) ==
          QStringList{QStringLiteral("2025-08-kursk-belgorod-deployment-11000"),
                      QStringLiteral("2025-08-reinforcements-expected-6000")});
    // November and December 2024: the treaty's ratifications and entry into force, two visits,
    // and the two ongoing spans (arms since September 2023, troops since 2024, both to August
    // 2025), certainly under way then.
    const QStringList treatyMonths{QStringLiteral("2023-north-korean-weapons-to-russia"),
                                   QStringLiteral("2024-north-korean-troops-sent-to-russia"),
                                   QStringLiteral("2024-11-01-choe-son-hui-moscow"),
                                   QStringLiteral("2024-11-09-putin-signs-treaty-ratification"),
                                   QStringLiteral("2024-11-11-kim-signs-treaty-ratification"),
                                   QStringLiteral("2024-11-29-belousov-pyongyang"),
                                   QStringLiteral("2024-12-04-treaty-enters-into-force")};
    const QStringList window{QStringLiteral("--from"), QStringLiteral("2024-11"), QStringLiteral("--to"),
                             QStringLiteral("2024-12")};
    CHECK(ids(window) == treatyMonths);
    CHECK(ids(window + QStringList{QStringLiteral("--certain")}) == treatyMonths);
    // Kursk, January to June 2025: the captured soldiers, Sudzha and Kursk said retaken,
    // Pyongyang's confirmation and the labour agreement (coded to Kursk, located in Pyongyang),
    // and the troops sent since 2024.
    CHECK(ids({QStringLiteral("--region"), QStringLiteral("RU-KRS"), QStringLiteral("--from"),
               QStringLiteral("2025-01"), QStringLiteral("--to"), QStringLiteral("2025-06")}) ==
          QStringList{QStringLiteral("2024-north-korean-troops-sent-to-russia"),
                      QStringLiteral("2025-01-11-ukraine-captures-two-north-korean-soldiers"),
                      QStringLiteral("2025-03-13-russia-says-sudzha-retaken"),
                      QStringLiteral("2025-04-26-russia-says-kursk-fully-retaken"),
                      QStringLiteral("2025-04-28-north-korea-confirms-kursk-deployment"),
                      QStringLiteral("2025-06-17-shoigu-pyongyang-labour-agreement")});
    // 12 August 2025, certainly: the Kim–Putin call alone.
    CHECK(ids({QStringLiteral("--from"), QStringLiteral("2025-08-12"), QStringLiteral("--to"),
               QStringLiteral("2025-08-12"), QStringLiteral("--certain")}) ==
          QStringList{QStringLiteral("2025-08-12-kim-putin-call")});
}

TEST_CASE("chronomap --query --search filters on the text as the window's search field does", "[cli]")
{
    const qsizetype all = test::bundledDataset()->events->size();
    auto searchFor = [](const QString &text) {
        EventFilter filter;
        filter.text = text;
        return filter;
    };

    // A word only the Spanish title has.
    const Table spanish = queryCsv({QStringLiteral("--search"), QStringLiteral("despliegue")});
    CHECK(spanish.column(QStringLiteral("id")) == expectedIds(searchFor(QStringLiteral("despliegue"))));
    CHECK(spanish.column(QStringLiteral("id"))
              .contains(QStringLiteral("2025-04-28-north-korea-confirms-kursk-deployment")));
    CHECK(spanish.rows.size() < all);

    // Case does not matter; every word must occur (an actor and a word of a title).
    const Table both = queryCsv({QStringLiteral("--search"), QStringLiteral("KIM phone")});
    CHECK(both.column(QStringLiteral("id")) == QStringList{QStringLiteral("2025-08-12-kim-putin-call")});
    CHECK(both.column(QStringLiteral("id")) == expectedIds(searchFor(QStringLiteral("kim phone"))));

    // Actors, by the English or the Spanish name of their id: Shoigu's visits and agreement.
    const Table actor = queryCsv({QStringLiteral("--search"), QStringLiteral("shoigu")});
    CHECK(actor.column(QStringLiteral("id")) == expectedIds(searchFor(QStringLiteral("shoigu"))));
    CHECK(actor.column(QStringLiteral("id")).contains(QStringLiteral("2025-06-17-shoigu-pyongyang-labour-agreement")));
    const Table actorEs = queryCsv({QStringLiteral("--search"), QStringLiteral("Shoigú")});
    CHECK(actorEs.column(QStringLiteral("id")) == expectedIds(searchFor(QStringLiteral("Shoigú"))));
    CHECK(actorEs.column(QStringLiteral("id")).contains(QStringLiteral("2024-09-13-shoigu-pyongyang")));

    // With the other filters: Putin's treaties.
    EventFilter treaties = searchFor(QStringLiteral("Putin"));
    treaties.categories = {QStringLiteral("treaty")};
    const Table putinTreaties = queryCsv(
        {QStringLiteral("--search"), QStringLiteral("Putin"), QStringLiteral("--category"), QStringLiteral("treaty")});
    CHECK(putinTreaties.column(QStringLiteral("id")) == expectedIds(treaties));
    CHECK(putinTreaties.column(QStringLiteral("id")).contains(QStringLiteral("2024-06-19-putin-kim-treaty-pyongyang")));
    CHECK_FALSE(putinTreaties.column(QStringLiteral("id")).contains(QStringLiteral("2025-08-12-kim-putin-call")));

    CHECK(queryCsv({QStringLiteral("--search"), QStringLiteral("zzzz-no-such-word")}).rows.isEmpty());
    // Blank text is no search.
    CHECK(queryCsv({QStringLiteral("--search"), QStringLiteral("  ")}).rows.size() == all);
}

TEST_CASE("chronomap --query --format csv writes one row per event with its fields", "[cli]")
{
    const Table table = queryCsv({QStringLiteral("--format"), QStringLiteral("csv")});
    CHECK(table.header.mid(0, 7) ==
          QStringList({"id", "start", "end", "date_precision", "category", "title", "regions"}));
    const auto call = std::find_if(table.rows.begin(), table.rows.end(), [](const auto &row) {
        return row.value(QStringLiteral("id")) == u"2025-08-12-kim-putin-call";
    });
    REQUIRE(call != table.rows.end());
    CHECK(call->value(QStringLiteral("start")) == QStringLiteral("2025-08-12"));
    CHECK(call->value(QStringLiteral("end")).isEmpty());
    CHECK(call->value(QStringLiteral("date_precision")) == QStringLiteral("day"));
    CHECK(call->value(QStringLiteral("category")) == QStringLiteral("diplomatic-contact"));
    CHECK(call->value(QStringLiteral("title")).startsWith(u"Kim Jong Un and Vladimir Putin"));
    CHECK(call->value(QStringLiteral("regions")).split(u';').contains(QStringLiteral("KP-01")));

    const auto deployment = std::find_if(table.rows.begin(), table.rows.end(), [](const auto &row) {
        return row.value(QStringLiteral("id")) == u"2025-08-kursk-belgorod-deployment-11000";
    });
    REQUIRE(deployment != table.rows.end());
    CHECK(deployment->value(QStringLiteral("start")) == QStringLiteral("2025-08"));
    CHECK(deployment->value(QStringLiteral("date_precision")) == QStringLiteral("month"));
    CHECK(deployment->value(QStringLiteral("regions")).split(u';') == QStringList({"RU-KRS", "RU-BEL"}));

    // The CSV loads back: same ids, and the call is still a line.
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const Run run = runChronomap({QStringLiteral("--query")});
    const QString csv = writeFile(dir, QStringLiteral("all.csv"), run.out.toUtf8());
    const LoadResult back = EventLoader::load(csv);
    for (const Issue &issue : back.issues)
        UNSCOPED_INFO(issue.toString().toStdString());
    CHECK(back.issues.isEmpty());
    REQUIRE(back.store->size() == qsizetype(table.rows.size()));
    const EventStore::Index i = back.store->findId(QStringLiteral("2025-08-12-kim-putin-call"));
    REQUIRE(i >= 0);
    CHECK(back.store->geometryKind(i) == GeometryKind::Line);
}

TEST_CASE("chronomap --query --format geojson writes a FeatureCollection QJsonDocument reads", "[cli]")
{
    const Run run = runChronomap({QStringLiteral("--query"), QStringLiteral("--format"), QStringLiteral("geojson"),
                                  QStringLiteral("--region"), QStringLiteral("RU-KRS")});
    INFO("stderr: " << run.err.toStdString());
    REQUIRE(run.exitCode == 0);
    CHECK(run.err.isEmpty());
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(run.out.toUtf8(), &error);
    INFO(error.errorString().toStdString());
    REQUIRE(error.error == QJsonParseError::NoError);
    REQUIRE(doc.isObject());
    CHECK(doc.object().value(QStringLiteral("type")).toString() == QStringLiteral("FeatureCollection"));
    const QJsonArray features = doc.object().value(QStringLiteral("features")).toArray();
    QStringList ids;
    for (const QJsonValue &f : features) {
        const QJsonObject feature = f.toObject();
        CHECK(feature.value(QStringLiteral("type")).toString() == QStringLiteral("Feature"));
        const QJsonObject p = feature.value(QStringLiteral("properties")).toObject();
        ids.append(p.value(QStringLiteral("id")).toString());
        CHECK_FALSE(p.value(QStringLiteral("title")).toString().isEmpty());
        CHECK(p.value(QStringLiteral("sources")).isArray()); // nested JSON, not a string
        CHECK(p.value(QStringLiteral("claims")).isArray());
    }
    CHECK(ids == queryCsv({QStringLiteral("--region"), QStringLiteral("RU-KRS")}).column(QStringLiteral("id")));

    const auto it = std::find(ids.begin(), ids.end(), QStringLiteral("2025-08-kursk-belgorod-deployment-11000"));
    REQUIRE(it != ids.end());
    const QJsonObject deployment = features[it - ids.begin()].toObject();
    const QJsonArray point =
        deployment.value(QStringLiteral("geometry")).toObject().value(QStringLiteral("coordinates")).toArray();
    REQUIRE(point.size() == 2);
    CHECK(point[0].toDouble() == Approx(36.19));
    CHECK(point[1].toDouble() == Approx(51.73));
    const QJsonArray claims =
        deployment.value(QStringLiteral("properties")).toObject().value(QStringLiteral("claims")).toArray();
    REQUIRE(claims.size() >= 1);
    CHECK(claims[0].toObject().value(QStringLiteral("value")).toDouble() == 11000);

    // The call is written as a line between its two places.
    const Run calls = runChronomap({QStringLiteral("--query"), QStringLiteral("--format"), QStringLiteral("GeoJSON"),
                                    QStringLiteral("--category"), QStringLiteral("diplomatic-contact")});
    REQUIRE(calls.exitCode == 0);
    const QJsonArray callFeatures =
        QJsonDocument::fromJson(calls.out.toUtf8()).object().value(QStringLiteral("features")).toArray();
    REQUIRE(callFeatures.size() >= 1);
    const QJsonObject geometry = callFeatures[0].toObject().value(QStringLiteral("geometry")).toObject();
    CHECK(geometry.value(QStringLiteral("type")).toString() == QStringLiteral("LineString"));
    CHECK(geometry.value(QStringLiteral("coordinates")).toArray().size() == 2);
}

TEST_CASE("chronomap --query --data reads another file", "[cli]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString file = writeFile(dir, QStringLiteral("mine.geojson"), kCleanGeoJson);
    CHECK(queryCsv({QStringLiteral("--data"), file}).column(QStringLiteral("id")) == QStringList({"ok-1", "ok-2"}));
    CHECK(queryCsv({QStringLiteral("--data"), file, QStringLiteral("--region"), QStringLiteral("Belgorod")})
              .column(QStringLiteral("id")) == QStringList{QStringLiteral("ok-1")});
    CHECK(queryCsv({QStringLiteral("--data"), file, QStringLiteral("--region"), QStringLiteral("KP-01")})
              .column(QStringLiteral("id")) == QStringList{QStringLiteral("ok-2")});

    const Run missing = runChronomap(
        {QStringLiteral("--query"), QStringLiteral("--data"), dir.filePath(QStringLiteral("none.geojson"))});
    CHECK(missing.exitCode == 2);
    CHECK(missing.out.isEmpty());
    CHECK(missing.err.contains(dir.filePath(QStringLiteral("none.geojson")) + QStringLiteral(": no such file")));
}

TEST_CASE("chronomap with two --data files queries, validates and exports their union", "[cli][export]")
{
    const QString exportData = chronomap::test::testDataDir() + QLatin1String("/export/events.geojson");
    const QString bundled = test::sourcePath("geodata/events/russia-north-korea.geojson");
    const QStringList first = queryCsv({QStringLiteral("--data"), exportData}).column(QStringLiteral("id"));
    const QStringList second = queryCsv({QStringLiteral("--data"), bundled}).column(QStringLiteral("id"));
    REQUIRE_FALSE(first.isEmpty());
    REQUIRE_FALSE(second.isEmpty());
    QStringList both = queryCsv({QStringLiteral("--data"), exportData, QStringLiteral("--data"), bundled})
                           .column(QStringLiteral("id"));
    QStringList expected = first + second; // no id is in both files
    std::sort(both.begin(), both.end());
    std::sort(expected.begin(), expected.end());
    CHECK(both == expected);

    const Run validate =
        runChronomap({QStringLiteral("--validate"), exportData, QStringLiteral("--validate"), bundled});
    INFO("stderr: " << validate.err.toStdString());
    CHECK(validate.exitCode == 0);
    CHECK(lines(validate.out).last() ==
          QStringLiteral("%1, %2: %3 records read, %3 events loaded, 0 skipped, 0 warnings")
              .arg(exportData, bundled)
              .arg(expected.size()));

    // The snapshot names the content of both: the SHA-256 of the files' hex digests, in order.
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString png = dir.filePath(QStringLiteral("both.png"));
    const Run exported =
        runChronomap({QStringLiteral("--export"), png, QStringLiteral("--size"), QStringLiteral("480x270"),
                      QStringLiteral("--data"), exportData, QStringLiteral("--data"), bundled});
    INFO("stderr: " << exported.err.toStdString());
    REQUIRE(exported.exitCode == 0);
    auto sha256Hex = [](const QByteArray &bytes) {
        return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
    };
    auto fileBytes = [](const QString &path) {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    };
    const QString combined =
        QString::fromLatin1(sha256Hex(sha256Hex(fileBytes(exportData)) + sha256Hex(fileBytes(bundled))));
    QImageReader snapshot(png);
    CHECK(snapshot.text(QStringLiteral("DatasetSHA256")) == combined);
    CHECK(snapshot.text(QStringLiteral("Dataset")) ==
          QFileInfo(exportData).absoluteFilePath() + QStringLiteral("; ") + QFileInfo(bundled).absoluteFilePath());
}

TEST_CASE("chronomap --query refuses bad arguments with a message on stderr and a non-zero exit", "[cli]")
{
    struct Case {
        QStringList arguments;
        int exitCode;
        const char *message;
    };
    const Case cases[] = {
        {{"--query", "--region", "Atlantis"},
         2,
         "chronomap: --region: no admin-1 region has the code or name 'Atlantis'"},
        {{"--query", "--from", "2025-13"}, 2, "chronomap: --from: '2025-13' is not a date"},
        {{"--query", "--to", "12/08/2025"}, 2, "chronomap: --to: '12/08/2025' is not a date"},
        {{"--query", "--from", "2025", "--to", "2024"}, 2, "chronomap: --to 2024 is before --from 2025"},
        {{"--query", "--format", "xml"}, 2, "chronomap: --format: 'xml' is not csv or geojson"},
        {{"--query", "--bogus"}, 2, "Unknown option 'bogus'"}, // bad arguments are 2 in every mode (issue 18)
        {{"--validate"}, 2, "Missing value after '--validate'"},
    };
    for (const Case &c : cases) {
        const Run run = runChronomap(c.arguments);
        INFO(c.arguments.join(u' ').toStdString()
             << "\nstdout: " << run.out.toStdString() << "\nstderr: " << run.err.toStdString());
        CHECK(run.exitCode == c.exitCode);
        CHECK(run.err.contains(QString::fromUtf8(c.message)));
        CHECK(run.out.isEmpty());
    }
}
