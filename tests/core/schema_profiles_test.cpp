// SPDX-License-Identifier: GPL-3.0-or-later
// ACLED and UCDP GED exports as they come (tests/data/formats/acled_*, ucdp_ged.csv, shaped like
// each codebook), recognised by their columns; the date forms they use.
#include "core/io/event_loader.h"
#include "core/io/schema_profiles.h"
#include "core/store/region_membership.h"
#include "core/time/date_forms.h"

#include "../bundled_data.h"
#include "../qt_string_maker.h"
#include "../test_files.h"

#include <catch2/catch.hpp>

using namespace chronomap;
using namespace chronomap::test;

namespace {

LoadOptions withBaseMap()
{
    LoadOptions options;
    options.regions = bundledBaseMap()->regions;
    return options;
}

/// A claim with a number and a free-text source, every other field empty.
Claim sourcedClaim(const char *quantity, double value, const char *source)
{
    Claim claim;
    claim.quantity = QString::fromUtf8(quantity);
    claim.value = value;
    claim.source = QString::fromUtf8(source);
    return claim;
}

Event eventById(const LoadResult &result, const char *id)
{
    const EventStore::Index i = result.store->findId(QString::fromLatin1(id));
    INFO("event " << id);
    REQUIRE(i >= 0);
    return result.store->event(i);
}

std::string issuesOf(const LoadResult &result)
{
    std::string all;
    for (const Issue &i : result.issues)
        all += str(i.toString()) + "\n";
    return all;
}

QString iso(const std::optional<FuzzyDate> &d)
{
    return d ? d->toIso() : QStringLiteral("(none)");
}

std::optional<double> figure(const Event &e, const char *quantity)
{
    for (const Claim &c : e.claims)
        if (c.quantity == QLatin1String(quantity)) return c.value;
    return std::nullopt;
}

} // namespace

TEST_CASE("Date forms: ISO, month names in English and Spanish, day-month-year and month-day-year", "[time]")
{
    CHECK(iso(parseDate(u"2025-08-12", DateForm::Iso)) == "2025-08-12");
    CHECK(iso(parseDate(u"12 August 2025", DateForm::Iso)) == "2025-08-12");
    CHECK(iso(parseDate(u"12 de agosto de 2025", DateForm::Iso)) == "2025-08-12");
    CHECK(iso(parseDate(u"August 12, 2025", DateForm::Iso)) == "2025-08-12");
    CHECK(iso(parseDate(u"12-Ago-2025", DateForm::Iso)) == "2025-08-12");
    CHECK(iso(parseDate(u"agosto de 2025", DateForm::Iso)) == "2025-08");
    CHECK(parseDate(u"agosto de 2025", DateForm::Iso)->precision == DatePrecision::Month);
    // All-number dates need an order: refused as ambiguous in ISO, read as the form says.
    CHECK_FALSE(parseDate(u"12/08/2025", DateForm::Iso));
    CHECK(iso(parseDate(u"12/08/2025", DateForm::DayMonthYear)) == "2025-08-12");
    CHECK(iso(parseDate(u"12-08-2025", DateForm::DayMonthYear)) == "2025-08-12");
    CHECK(iso(parseDate(u"12.08.2025", DateForm::DayMonthYear)) == "2025-08-12");
    CHECK(iso(parseDate(u"08/12/2025", DateForm::MonthDayYear)) == "2025-08-12");
    CHECK(iso(parseDate(u"2025/08/12", DateForm::MonthDayYear)) == "2025-08-12");
    CHECK(iso(parseDate(u"08/2025", DateForm::DayMonthYear)) == "2025-08");
    // UCDP's midnight is the day; a real time stays a time.
    CHECK(parseDate(u"2024-08-12 00:00:00.000", DateForm::Iso)->precision == DatePrecision::Day);
    CHECK(parseDate(u"2024-08-12 09:30:00", DateForm::Iso)->precision == DatePrecision::Time);
    // Not dates.
    CHECK_FALSE(parseDate(u"31/02/2025", DateForm::DayMonthYear));
    CHECK_FALSE(parseDate(u"12 Augustus 2025", DateForm::Iso));
    CHECK_FALSE(parseDate(u"13/13/2025", DateForm::MonthDayYear));
    CHECK_FALSE(parseDate(u"1 2 3 4 2025", DateForm::DayMonthYear));
    CHECK(dateFormFromString(u"DMY") == DateForm::DayMonthYear);
    CHECK_FALSE(dateFormFromString(u"ymd"));
}

TEST_CASE("Schema profiles are recognised by the header alone, in any case", "[io]")
{
    const QStringList acled2023 = {"event_id_cnty", "event_date",     "year",   "time_precision", "disorder_type",
                                   "event_type",    "sub_event_type", "actor1", "admin1",         "geo_precision"};
    REQUIRE(SchemaProfile::recognise(acled2023));
    CHECK(SchemaProfile::recognise(acled2023)->name == "ACLED");
    QStringList upper;
    for (const QString &c : acled2023)
        upper.append(c.toUpper());
    REQUIRE(SchemaProfile::recognise(upper));
    CHECK(SchemaProfile::recognise(upper)->name == "ACLED");
    CHECK_FALSE(SchemaProfile::recognise({"event_date", "event_type", "latitude", "longitude", "notes"}));
    const auto ucdp = SchemaProfile::recognise(
        {"id", "dyad_name", "date_start", "date_end", "date_prec", "where_prec", "best", "low", "high", "adm_1"});
    REQUIRE(ucdp);
    CHECK(ucdp->name == "UCDP GED");
}

TEST_CASE("An ACLED export (columns since March 2023, '12 August 2025' dates) loads every row", "[io]")
{
    const LoadResult result = EventLoader::load(formatFile("acled_2023.csv"), withBaseMap());
    INFO(issuesOf(result));
    REQUIRE(result.issues.isEmpty());
    REQUIRE(result.store->size() == 9);

    const Event sudzha = eventById(result, "RUS12345");
    CHECK(sudzha.title.value(QString()) == "Shelling/artillery/missile attack — Sudzha");
    CHECK(sudzha.summary.value(QString()).startsWith("On 12 August 2025, Ukrainian forces shelled Sudzha"));
    CHECK(sudzha.category == "explosions/remote violence");
    CHECK(sudzha.when.start().toIso() == "2025-08-12");
    CHECK(sudzha.when.isInstant());
    CHECK(sudzha.regions == QStringList{"RU-KRS"});
    CHECK(sudzha.locationPrecision == LocationPrecision::Exact);
    CHECK(sudzha.actors == QStringList{"Military Forces of Ukraine (2019-)", "Civilians (Russia)"});
    REQUIRE(sudzha.sources.size() == 2);
    CHECK(sudzha.sources[0].name == "Kommersant");
    CHECK(sudzha.sources[1].name == "Telegram");
    REQUIRE(sudzha.claims.size() == 1);
    CHECK(sudzha.claims[0] == sourcedClaim("fatalities", 2.0, "ACLED"));

    // time_precision 2: the week around the date, a span of days.
    const Event week = eventById(result, "RUS12346");
    CHECK(week.when.start().toIso() == "2025-08-09");
    CHECK(week.when.end().toIso() == "2025-08-15");
    // time_precision 3: the month.
    const Event month = eventById(result, "RUS12347");
    CHECK(month.when.start().toIso() == "2025-08");
    CHECK(month.when.start().precision == DatePrecision::Month);
    CHECK(month.actors == QStringList{"Military Forces of Russia (2000-)", "Military Forces of North Korea (2011-)",
                                      "Military Forces of Ukraine (2019-)"});
    CHECK(figure(month, "fatalities") == 10.0);

    // geo_precision 3: the region, drawn as a fill; 1 and 2 are places.
    CHECK(eventById(result, "RUS12349").locationPrecision == LocationPrecision::Region);
    CHECK(eventById(result, "RUS12349").regions == QStringList{"RU-BEL"});
    CHECK(eventById(result, "RUS12350").locationPrecision == LocationPrecision::Region);
    CHECK(eventById(result, "RUS12350").regions == QStringList{"RU-KRS"});
    CHECK(month.locationPrecision == LocationPrecision::Exact);

    // Ukrainian oblasts, one in ACLED's spelling (Odesa; Natural Earth writes Odessa).
    CHECK(eventById(result, "UKR23456").regions == QStringList{"UA-59"});
    CHECK(eventById(result, "UKR23457").regions == QStringList{"UA-63"});
    CHECK(eventById(result, "UKR23458").regions == QStringList{"UA-51"});
}

TEST_CASE("A Belgorod row of an ACLED export is in RU-BEL by name and by point", "[io][geo]")
{
    const LoadResult result = EventLoader::load(formatFile("acled_2023.csv"), withBaseMap());
    const auto regions = bundledBaseMap()->regions;
    const int belgorod = regions->find("RU-BEL");
    REQUIRE(belgorod >= 0);
    const Event e = eventById(result, "RUS12346");
    CHECK(e.regions == QStringList{"RU-BEL"});                                           // by the admin1 name
    CHECK(regions->regionAt(e.anchor().longitude(), e.anchor().latitude()) == belgorod); // by the point
    const RegionMembership membership(result.store, regions);
    const auto &members = membership.eventsIn(belgorod);
    CHECK(std::count(members.begin(), members.end(), result.store->findId("RUS12346")) == 1);
    // Every Belgorod row, and no Kursk row.
    QStringList ids;
    for (EventStore::Index i : members)
        ids.append(result.store->id(i));
    ids.sort();
    CHECK(ids == QStringList{"RUS12346", "RUS12348", "RUS12349"});
}

TEST_CASE("An ACLED export with the columns before March 2023 and dd-mm-yyyy dates loads every row", "[io]")
{
    const LoadResult result = EventLoader::load(formatFile("acled_2022.csv"), withBaseMap());
    INFO(issuesOf(result));
    REQUIRE(result.issues.isEmpty());
    REQUIRE(result.store->size() == 4);
    const Event first = eventById(result, "RUS2201");
    CHECK(first.when.start().toIso() == "2022-07-03");
    CHECK(first.title.value(QString()) == "Shelling/artillery/missile attack — Belgorod");
    CHECK(first.regions == QStringList{"RU-BEL"});
    CHECK(figure(first, "fatalities") == 4.0);
    CHECK(eventById(result, "RUS2202").when.start().toIso() == "2022-07-08");
    CHECK(eventById(result, "RUS2202").regions == QStringList{"RU-KRS"});
    CHECK(eventById(result, "RUS2203").when.start().toIso() == "2022-07");
    CHECK(eventById(result, "RUS2203").locationPrecision == LocationPrecision::Region);
    CHECK(eventById(result, "UKR2204").regions == QStringList{"UA-63"});
}

TEST_CASE("An ACLED XLSX export (typed date and number cells) loads as its CSV does", "[io]")
{
    const LoadResult csv = EventLoader::load(formatFile("acled_2023.csv"), withBaseMap());
    const LoadResult xlsx = EventLoader::load(formatFile("acled_2023.xlsx"), withBaseMap());
    INFO(issuesOf(xlsx));
    REQUIRE(xlsx.issues.isEmpty());
    REQUIRE(xlsx.store->size() == csv.store->size());
    for (EventStore::Index i = 0; i < csv.store->size(); ++i) {
        const Event fromCsv = csv.store->event(i);
        INFO(str(fromCsv.id));
        CHECK(xlsx.store->event(xlsx.store->findId(fromCsv.id)) == fromCsv);
    }
}

TEST_CASE("A UCDP GED export loads every row with low, best and high as three claims", "[io]")
{
    const LoadResult result = EventLoader::load(formatFile("ucdp_ged.csv"), withBaseMap());
    INFO(issuesOf(result));
    REQUIRE(result.issues.isEmpty());
    REQUIRE(result.store->size() == 5);

    const Event belgorod = eventById(result, "500001");
    CHECK(belgorod.title.value(QString()) ==
          "Government of Russia (Soviet Union) - Government of Ukraine — Belgorod town");
    CHECK(belgorod.category == "state-based conflict");
    CHECK(belgorod.actors == QStringList{"Government of Russia (Soviet Union)", "Government of Ukraine"});
    CHECK(belgorod.regions == QStringList{"RU-BEL"});
    CHECK(belgorod.when.start().toIso() == "2024-08-12");
    CHECK(belgorod.when.isInstant());
    REQUIRE(belgorod.sources.size() == 2);
    CHECK(belgorod.sources[1].name == "\"TASS\",2024-08-12: Two killed in Belgorod strike");

    // Three figures of one source, side by side, never averaged.
    const Event sudzha = eventById(result, "500002");
    REQUIRE(sudzha.claims.size() == 3);
    CHECK(sudzha.claims[0] == sourcedClaim("fatalities (best)", 12.0, "UCDP GED"));
    CHECK(sudzha.claims[1] == sourcedClaim("fatalities (low)", 8.0, "UCDP GED"));
    CHECK(sudzha.claims[2] == sourcedClaim("fatalities (high)", 20.0, "UCDP GED"));
    // date_prec 2: the days date_start to date_end; where_prec 2: a place.
    CHECK(sudzha.when.start().toIso() == "2024-08-10");
    CHECK(sudzha.when.end().toIso() == "2024-08-14");
    CHECK(sudzha.regions == QStringList{"RU-KRS"});
    CHECK(sudzha.locationPrecision == LocationPrecision::Exact);

    // date_prec 4 and where_prec 4: the month, the oblast (drawn as a fill).
    const Event kharkiv = eventById(result, "500003");
    CHECK(kharkiv.when.start().toIso() == "2024-08");
    CHECK(kharkiv.when.isInstant());
    CHECK(kharkiv.regions == QStringList{"UA-63"});
    CHECK(kharkiv.locationPrecision == LocationPrecision::Region);
    // where_prec 3 (the district) is still a place.
    CHECK(eventById(result, "500004").locationPrecision == LocationPrecision::Exact);
    CHECK(eventById(result, "500004").regions == QStringList{"UA-59"});
    CHECK(eventById(result, "500005").locationPrecision == LocationPrecision::Region);
}

TEST_CASE("An ACLED row with unknown precision codes loads, with a warning naming the code", "[io]")
{
    const LoadResult result = EventLoader::load(badFile("acled_unknown_codes.csv"), withBaseMap());
    REQUIRE(result.store->size() == 2);
    REQUIRE(result.issues.size() == 2);
    const Issue &time = result.issues[0];
    CHECK(time.severity == Issue::Severity::Warning);
    CHECK(time.record == 1);
    CHECK(time.recordId == "RUS90001");
    CHECK(time.field == "time_precision");
    CHECK(time.message == "'7' is not one of ACLED's date precision codes (1, 2, 3); the date is taken as written");
    const Issue &place = result.issues[1];
    CHECK(place.record == 2);
    CHECK(place.field == "geo_precision");
    CHECK(place.message ==
          "'x' is not one of ACLED's location precision codes (1, 2, 3); the location is taken as exact");
    const Event e = eventById(result, "RUS90001");
    CHECK(e.when.start().toIso() == "2025-08-12");
    CHECK(e.when.isInstant());
    CHECK(eventById(result, "RUS90002").locationPrecision == LocationPrecision::Exact);
}

TEST_CASE("ACLED codes of nan or inf or past int are no codes (3.0 is 3) and nan or inf is no figure", "[io]")
{
    // A fuzzed row's "nan" reached int(), which is undefined for it (UBSan): each such code is
    // now refused before the cast, with the warning an unknown code gets. Figures: a non-finite
    // one is no number, as for any figure column.
    const LoadResult result = EventLoader::load(badFile("acled_codes_beyond_int.csv"), withBaseMap());
    INFO(issuesOf(result));
    REQUIRE(result.store->size() == 3);
    REQUIRE(result.issues.size() == 6);
    const auto check = [&](int i, qint64 record, const char *field, const char *message) {
        const Issue &issue = result.issues[i];
        CHECK(issue.severity == Issue::Severity::Warning);
        CHECK(issue.record == record);
        CHECK(issue.field == QLatin1String(field));
        CHECK(issue.message.startsWith(QString::fromUtf8(message)));
    };
    check(0, 1, "time_precision", "'nan' is not one of ACLED's date precision codes");
    check(1, 2, "fatalities", "'inf' is not a number; no fatalities figure");
    check(2, 2, "time_precision", "'inf' is not one of ACLED's date precision codes");
    check(3, 2, "geo_precision", "'-1e300' is not one of ACLED's location precision codes");
    check(4, 3, "fatalities", "'nan' is not a number; no fatalities figure");
    check(5, 3, "time_precision", "'1e10' is not one of ACLED's date precision codes");
    CHECK(eventById(result, "RUS90011").when.start().toIso() == "2025-08-12");
    CHECK(figure(eventById(result, "RUS90011"), "fatalities") == 0.0);
    CHECK_FALSE(figure(eventById(result, "RUS90012"), "fatalities").has_value());
    CHECK_FALSE(figure(eventById(result, "RUS90013"), "fatalities").has_value());
    CHECK(eventById(result, "RUS90012").locationPrecision == LocationPrecision::Exact);
    CHECK(eventById(result, "RUS90013").locationPrecision == LocationPrecision::Region); // "3.0"
}

TEST_CASE("A malformed ACLED date names the file, row, column and value", "[io]")
{
    LoadOptions mdy = withBaseMap();
    mdy.dateForm = DateForm::MonthDayYear; // an explicit form wins over the profile's
    const LoadResult wrongForm = EventLoader::load(badFile("acled_unknown_codes.csv"), mdy);
    REQUIRE(wrongForm.store->size() == 1); // 13-08-2025 is no month-day-year date
    const Issue &skipped = wrongForm.issues.last();
    CHECK(skipped.severity == Issue::Severity::Skipped);
    CHECK(skipped.file == badFile("acled_unknown_codes.csv"));
    CHECK(skipped.record == 2);
    CHECK(skipped.field == "event_date");
    CHECK(skipped.message == "'13-08-2025' is not a date in the form month/day/year (08/12/2025); record skipped");
}
