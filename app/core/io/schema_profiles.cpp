// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/schema_profiles.h"

#include <QSet>

namespace chronomap {

namespace {

ProfileColumn role(const char *column, FieldRole r)
{
    return {QString::fromLatin1(column), ColumnUse::Role, r};
}

ProfileColumn use(const char *column, ColumnUse u)
{
    return {QString::fromLatin1(column), u};
}

ProfileColumn figure(const char *column, const char *quantity)
{
    return {QString::fromLatin1(column), ColumnUse::Figure, FieldRole::Id, QString::fromLatin1(quantity)};
}

/// The known schemas. Adding one is adding an entry; README.md ("Open ACLED and UCDP data")
/// documents each.
QList<SchemaProfile> makeProfiles()
{
    QList<SchemaProfile> profiles;

    // ACLED (acleddata.com), CSV and XLSX exports, with the columns before and after the change
    // of 20 March 2023 (data_id, event_id_no_cnty, iso3 removed; disorder_type,
    // civilian_targeting, tags added): every column used here is in both.
    SchemaProfile acled;
    acled.name = QStringLiteral("ACLED");
    acled.signature = {"event_id_cnty",  "event_date", "time_precision", "event_type",
                       "sub_event_type", "admin1",     "geo_precision"};
    acled.columns = {
        role("event_id_cnty", FieldRole::Id),       role("event_date", FieldRole::Start),
        role("event_type", FieldRole::Category),    role("notes", FieldRole::Summary),
        role("latitude", FieldRole::Latitude),      role("longitude", FieldRole::Longitude),
        role("source", FieldRole::Sources),         use("time_precision", ColumnUse::DatePrecisionCode),
        use("geo_precision", ColumnUse::PlaceCode), use("sub_event_type", ColumnUse::TitlePart),
        use("location", ColumnUse::TitlePart),      use("actor1", ColumnUse::Actor),
        use("assoc_actor_1", ColumnUse::Actor),     use("actor2", ColumnUse::Actor),
        use("assoc_actor_2", ColumnUse::Actor),     use("admin1", ColumnUse::RegionName),
        figure("fatalities", "fatalities"),
    };
    // ACLED's codebook: event_date is dd-mm-yyyy in its own exports ("12 August 2025" in older
    // ones, yyyy-mm-dd from the API); time_precision 1 = the day, 2 = the week around it, 3 =
    // the month; geo_precision 1 = the place, 2 = near it or part of a region, 3 = the region
    // (coordinates of its capital).
    acled.dateForm = DateForm::DayMonthYear;
    acled.dateCodes = {{1, DatePrecision::Day}, {2, DatePrecision::Day, 3}, {3, DatePrecision::Month}};
    acled.placeCodes = {{1, LocationPrecision::Exact}, {2, LocationPrecision::Exact}, {3, LocationPrecision::Region}};
    // ACLED's spellings of admin-1 regions where Natural Earth writes another.
    acled.regionAliases = {
        {"odesa", "Odessa"},
        {"zaporizhia", "Zaporizhzhia"},
        {"kyiv", "UA-32"},
        {"kyiv city", "UA-30"},
        {"crimea", "UA-43"},
        {"autonomous republic of crimea", "UA-43"},
        {"moscow", "Москва"},
        {"moscow oblast", "Московская область"},
        {"krasnodar", "Краснодарский край"},
        {"saint petersburg", "Санкт-Петербург"},
    };
    acled.figureSource = QStringLiteral("ACLED");
    profiles.append(acled);

    // UCDP Georeferenced Event Dataset (ucdp.uu.se), CSV: one row per event with its best, low
    // and high estimates of deaths.
    SchemaProfile ucdp;
    ucdp.name = QStringLiteral("UCDP GED");
    ucdp.signature = {"id", "dyad_name", "date_start", "date_end", "date_prec", "where_prec", "best", "low", "high"};
    ucdp.columns = {
        role("id", FieldRole::Id),
        role("date_start", FieldRole::Start),
        role("date_end", FieldRole::End),
        role("latitude", FieldRole::Latitude),
        role("longitude", FieldRole::Longitude),
        role("source_article", FieldRole::Sources),
        role("where_description", FieldRole::Places),
        use("date_prec", ColumnUse::DatePrecisionCode),
        use("where_prec", ColumnUse::PlaceCode),
        use("type_of_violence", ColumnUse::CategoryCode),
        use("dyad_name", ColumnUse::TitlePart),
        use("where_coordinates", ColumnUse::TitlePart),
        use("side_a", ColumnUse::Actor),
        use("side_b", ColumnUse::Actor),
        use("adm_1", ColumnUse::RegionName),
        use("source_headline", ColumnUse::SourceHeadline),
        figure("best", "fatalities (best)"),
        figure("low", "fatalities (low)"),
        figure("high", "fatalities (high)"),
    };
    // UCDP GED's codebook: date_prec 1 = the day, 2 = within 2-6 days, 3 = the week, 4 = within
    // a month, 5 = within a year (date_start and date_end bound the period); where_prec 1 = the
    // place, 2 = within 25 km of it, 3 = the second-order division, 4 = the first-order division
    // (adm_1), 5 = a larger area or a line such as a border, 6 = the country, 7 = international
    // waters or airspace.
    ucdp.dateForm = DateForm::Iso;
    ucdp.dateCodes = {{1, DatePrecision::Day},
                      {2, DatePrecision::Day},
                      {3, DatePrecision::Day},
                      {4, DatePrecision::Month},
                      {5, DatePrecision::Year}};
    ucdp.placeCodes = {{1, LocationPrecision::Exact},  {2, LocationPrecision::Exact},  {3, LocationPrecision::Exact},
                       {4, LocationPrecision::Region}, {5, LocationPrecision::Region}, {6, LocationPrecision::Region},
                       {7, LocationPrecision::Region}};
    ucdp.categoryCodes = {{1, QStringLiteral("state-based conflict")},
                          {2, QStringLiteral("non-state conflict")},
                          {3, QStringLiteral("one-sided violence")}};
    ucdp.regionAliases = acled.regionAliases;
    ucdp.figureSource = QStringLiteral("UCDP GED");
    profiles.append(ucdp);
    return profiles;
}

} // namespace

const QList<SchemaProfile> &SchemaProfile::all()
{
    static const QList<SchemaProfile> profiles = makeProfiles();
    return profiles;
}

const SchemaProfile *SchemaProfile::recognise(const QStringList &columns)
{
    QSet<QString> lower;
    for (const QString &c : columns)
        lower.insert(c.trimmed().toLower());
    for (const SchemaProfile &profile : all())
        if (std::all_of(profile.signature.begin(), profile.signature.end(),
                        [&](const QString &c) { return lower.contains(c); }))
            return &profile;
    return nullptr;
}

FieldMapping SchemaProfile::mapping(const QStringList &header, const FieldMapping &explicitMapping) const
{
    FieldMapping mapping;
    for (const ProfileColumn &c : columns) {
        if (c.use != ColumnUse::Role) continue;
        for (const QString &written : header)
            if (written.trimmed().compare(c.column, Qt::CaseInsensitive) == 0) mapping.setColumn(c.role, written);
    }
    for (FieldRole r : allFieldRoles())
        if (explicitMapping.has(r)) mapping.setColumn(r, explicitMapping.column(r));
    for (const QString &figure : explicitMapping.figures())
        mapping.addFigure(figure);
    return mapping;
}

} // namespace chronomap
