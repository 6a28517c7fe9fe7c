// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/field_mapping.h"
#include "../test_paths.h"

#include <QFile>

#include "../qt_string_maker.h"

#include <catch2/catch.hpp>

#include <string>

using namespace chronomap;

namespace {
std::string column(const FieldMapping &m, FieldRole role)
{
    return m.column(role).toStdString();
}
} // namespace

TEST_CASE("Common column names are recognised without configuration", "[io]")
{
    const FieldMapping m = FieldMapping::detect(
        {"event_id", "event_date", "end_date", "latitude", "longitude", "event_type", "headline", "notes", "source",
         "actor1", "location", "region_code", "certainty", "geo_precision", "precision", "unrelated"});
    CHECK(column(m, FieldRole::Id) == "event_id");
    CHECK(column(m, FieldRole::Start) == "event_date");
    CHECK(column(m, FieldRole::End) == "end_date");
    CHECK(column(m, FieldRole::Latitude) == "latitude");
    CHECK(column(m, FieldRole::Longitude) == "longitude");
    CHECK(column(m, FieldRole::Category) == "event_type");
    CHECK(column(m, FieldRole::Title) == "headline");
    CHECK(column(m, FieldRole::Summary) == "notes");
    CHECK(column(m, FieldRole::Sources) == "source");
    CHECK(column(m, FieldRole::Actors) == "actor1");
    CHECK(column(m, FieldRole::Places) == "location");
    CHECK(column(m, FieldRole::Regions) == "region_code");
    CHECK(column(m, FieldRole::Confidence) == "certainty");
    CHECK(column(m, FieldRole::LocationPrecision) == "geo_precision");
    CHECK(column(m, FieldRole::DatePrecision) == "precision");
    // Nothing claims a column it does not know, and nothing is invented.
    CHECK_FALSE(m.has(FieldRole::Wkt));
    CHECK_FALSE(m.has(FieldRole::Claims));
    CHECK_FALSE(m.has(FieldRole::Provenance));
    for (FieldRole role : allFieldRoles())
        CHECK(m.column(role) != u"unrelated");
}

TEST_CASE("Short names: date, lat, lon, and names matched whatever their case", "[io]")
{
    const FieldMapping m = FieldMapping::detect({"DATE", "Lat", "LON", "Title", "WKT"});
    // The file's own spelling is kept, so GDAL finds the column.
    CHECK(column(m, FieldRole::Start) == "DATE");
    CHECK(column(m, FieldRole::Latitude) == "Lat");
    CHECK(column(m, FieldRole::Longitude) == "LON");
    CHECK(column(m, FieldRole::Title) == "Title");
    CHECK(column(m, FieldRole::Wkt) == "WKT");
    CHECK_FALSE(m.has(FieldRole::End));

    // X and Y read as longitude and latitude (the Spanish fixture's Fecha;Titular;X;Y), but Fecha
    // and Titular need a mapping.
    const FieldMapping spanish = FieldMapping::detect({"Fecha", "Titular", "X", "Y"});
    CHECK(column(spanish, FieldRole::Longitude) == "X");
    CHECK(column(spanish, FieldRole::Latitude) == "Y");
    CHECK_FALSE(spanish.has(FieldRole::Start));
    CHECK_FALSE(spanish.has(FieldRole::Title));
}

TEST_CASE("The most specific name wins when several are present", "[io]")
{
    // start before date, title before name, lon before x: the order of the candidate lists.
    const FieldMapping m = FieldMapping::detect({"date", "name", "x", "y", "start", "title", "lon", "lat"});
    CHECK(column(m, FieldRole::Start) == "start");
    CHECK(column(m, FieldRole::Title) == "title");
    CHECK(column(m, FieldRole::Longitude) == "lon");
    CHECK(column(m, FieldRole::Latitude) == "lat");
    // KML through LIBKML: begin is a start name before timestamp (the loader reads timestamp when
    // begin is empty), end is the end.
    const FieldMapping kml = FieldMapping::detect({"Name", "description", "timestamp", "begin", "end"});
    CHECK(column(kml, FieldRole::Start) == "begin");
    CHECK(column(kml, FieldRole::End) == "end");
    CHECK(column(kml, FieldRole::Title) == "Name");
    CHECK(column(kml, FieldRole::Summary) == "description");
}

TEST_CASE("An explicit mapping wins over detection", "[io]")
{
    FieldMapping explicitMapping;
    explicitMapping.setColumn(FieldRole::Start, "Fecha");
    explicitMapping.setColumn(FieldRole::Title, "Titular");
    const FieldMapping m = FieldMapping::detect({"date", "title", "Fecha", "Titular", "lat", "lon"}, explicitMapping);
    CHECK(column(m, FieldRole::Start) == "Fecha");
    CHECK(column(m, FieldRole::Title) == "Titular");
    CHECK(column(m, FieldRole::Latitude) == "lat"); // the rest is still detected

    // A column mapped to start is not also detected as the end.
    FieldMapping until;
    until.setColumn(FieldRole::Start, "until");
    const FieldMapping u = FieldMapping::detect({"until", "title"}, until);
    CHECK(column(u, FieldRole::Start) == "until");
    CHECK_FALSE(u.has(FieldRole::End));
}

TEST_CASE("Localized titles and summaries are found by their suffix", "[io]")
{
    const FieldMapping m =
        FieldMapping::detect({"title", "title_es", "TITLE_RU", "summary_ko", "title_spanish", "subtitle_es"});
    CHECK(m.localizedTitles().size() == 2);
    CHECK(m.localizedTitles().value("es") == u"title_es");
    CHECK(m.localizedTitles().value("ru") == u"TITLE_RU");
    CHECK(m.localizedSummaries().size() == 1);
    CHECK(m.localizedSummaries().value("ko") == u"summary_ko");
    CHECK(column(m, FieldRole::Title) == "title");
}

TEST_CASE("A mapping is parsed from ROLE=COLUMN pairs", "[io]")
{
    FieldMapping m;
    QString error;
    REQUIRE(FieldMapping::parse(" start = Fecha ,title=Titular,lon=X,lat=Y,end=Fecha fin", &m, &error));
    CHECK(error.isEmpty());
    CHECK(column(m, FieldRole::Start) == "Fecha");
    CHECK(column(m, FieldRole::Title) == "Titular");
    CHECK(column(m, FieldRole::Longitude) == "X");
    CHECK(column(m, FieldRole::Latitude) == "Y");
    CHECK(column(m, FieldRole::End) == "Fecha fin"); // spaces inside a name are kept
    CHECK_FALSE(m.has(FieldRole::Category));

    // `figure` may name any number of columns, each once.
    FieldMapping figures;
    REQUIRE(FieldMapping::parse("figure=Muertos,start=Fecha,figure=Heridos,figure=Muertos", &figures, nullptr));
    CHECK(figures.figures() == QStringList{"Muertos", "Heridos"});
    CHECK(FieldMapping::detect({"Fecha", "Muertos", "Heridos"}, figures).figures() == figures.figures());

    // Every role parses back from its own name.
    for (FieldRole role : allFieldRoles()) {
        FieldMapping one;
        INFO(toString(role).toStdString());
        REQUIRE(FieldMapping::parse(toString(role) + QStringLiteral("=col"), &one, nullptr));
        CHECK(column(one, role) == "col");
    }
}

TEST_CASE("A mapping with an unknown role or no column is refused with the pair at fault", "[io]")
{
    const char *text = GENERATE("when=Fecha", "start", "start=", "title=Titular,lattitude=Y");
    INFO(text);
    FieldMapping m;
    QString error;
    CHECK_FALSE(FieldMapping::parse(QString::fromUtf8(text), &m, &error));
    CHECK_THAT(error.toStdString(), Catch::Contains("is not ROLE=COLUMN with a known role"));
    const QString lastPair = QString::fromUtf8(text).split(u',').last();
    CHECK_THAT(error.toStdString(), Catch::Contains("'" + lastPair.toStdString() + "'"));
    // A null error pointer is allowed.
    CHECK_FALSE(FieldMapping::parse(QString::fromUtf8(text), &m, nullptr));
}

TEST_CASE("An explicit mapping of start and end to one column is kept (fuzz finding)", "[io]")
{
    // tests/data/bad/fuzz_mapping_same_column.txt, found by tests/fuzz/fuzz_field_mapping: the first
    // line is the mapping `start=date,end=date`, the others column names. Detection used to drop
    // the explicit end because it named the start's column.
    QFile file(chronomap::test::testDataDir() + QLatin1String("/bad/fuzz_mapping_same_column.txt"));
    REQUIRE(file.open(QIODevice::ReadOnly));
    QStringList lines = QString::fromUtf8(file.readAll()).split(u'\n');
    FieldMapping explicitMapping;
    QString error;
    REQUIRE(FieldMapping::parse(lines.takeFirst(), &explicitMapping, &error));
    CHECK(column(explicitMapping, FieldRole::End) == "date");
    const FieldMapping detected = FieldMapping::detect(lines, explicitMapping);
    CHECK(column(detected, FieldRole::Start) == "date");
    CHECK(column(detected, FieldRole::End) == "date");
    CHECK(column(detected, FieldRole::Latitude) == "lat");

    // Detection alone still gives one column one role.
    FieldMapping onlyStart;
    onlyStart.setColumn(FieldRole::Start, QStringLiteral("to"));
    CHECK(column(FieldMapping::detect({"to", "title"}, onlyStart), FieldRole::End).empty());
}
