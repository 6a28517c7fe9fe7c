// SPDX-License-Identifier: GPL-3.0-or-later
// The PostGIS import's COPY text (issue 21): the rows written from the store's stored bytes are
// byte for byte the rows an Event per row gave (the path before, kept here as the reference), and
// a member row's timestamps the text QDate gave.
#include "../bundled_data.h"
#include "../test_files.h"
#include "core/db/copy_text_row.h"
#include "core/io/event_layer_writer.h"
#include "core/io/event_loader.h"
#include "core/model/record_json.h"
#include "core/store/event_store.h"

#include "../qt_string_maker.h"

#include <catch2/catch.hpp>

#include <cstdio>
#include <cstdlib>

using namespace chronomap;

namespace {

/// The languages the writer gave columns to before, from an Event per record (always "es").
std::pair<QStringList, QStringList> referenceLanguages(const EventStore &store)
{
    QStringList titles{QStringLiteral("es")}, summaries{QStringLiteral("es")};
    auto note = [](QStringList &langs, const LocalizedText &text) {
        for (auto it = text.keyBegin(); it != text.keyEnd(); ++it)
            if (!it->isEmpty() && !langs.contains(*it)) langs.append(*it);
    };
    for (EventStore::Index i = 0; i < store.size(); ++i) {
        const Event e = store.event(i);
        note(titles, e.title);
        note(summaries, e.summary);
    }
    titles.sort();
    summaries.sort();
    return {titles, summaries};
}

/// A row as EventLayerWriter::writeRow wrote it from an Event (main a79fb3c), with the test's
/// extra list column.
QByteArray referenceRow(const Event &e, const QStringList &titleLangs, const QStringList &summaryLangs,
                        const QStringList &extra)
{
    QByteArray out;
    CopyTextRow sink(out);
    sink.text(e.id);
    sink.text(e.when.start().toIso());
    sink.text(e.when.isInstant() ? QString() : e.when.end().toIso());
    sink.text(toString(e.when.start().precision));
    sink.text(e.category);
    sink.text(e.title.value(QString()));
    sink.list(e.regions);
    for (const QString &lang : titleLangs)
        sink.text(e.title.value(lang));
    sink.text(e.summary.value(QString()));
    for (const QString &lang : summaryLangs)
        sink.text(e.summary.value(lang));
    sink.list(e.actors);
    sink.list(e.places);
    if (e.anchor().isValid()) {
        sink.number(e.anchor().longitude());
        sink.number(e.anchor().latitude());
    } else {
        sink.null();
        sink.null();
    }
    sink.text(toString(e.confidence));
    sink.text(e.provenance);
    sink.json(RecordJson::toJsonText(e.sources));
    sink.json(RecordJson::toJsonText(e.claims));
    sink.json(RecordJson::toJsonText(e.related));
    sink.text(toString(e.locationPrecision));
    sink.list(extra);
    if (e.geometryKind == GeometryKind::Point && e.anchor().isValid())
        sink.geometry(GeometryKind::Point, {e.anchor()});
    else if (e.geometryKind == GeometryKind::Line)
        sink.geometry(GeometryKind::Line, e.geometry);
    else
        sink.geometry(GeometryKind::None, {});
    sink.end();
    return out;
}

/// Text COPY and array literals escape, for the extra column.
QStringList extraOf(EventStore::Index i)
{
    return {QStringLiteral("X-%1").arg(i), QStringLiteral("a\"b\\c\td{e,f}")};
}

/// Every row of `store` through the writer and through the reference, compared byte for byte.
void requireSameRows(const EventStore &store)
{
    EventStore::IndexList order;
    for (EventStore::Index i = store.size() - 1; i >= 0; --i) // not the store's order
        order.push_back(i);
    EventLayerWriter writer(store, order, EventLayerWriter::Style::Nested);
    writer.addListColumn("located_in", [&](EventStore::Index i) { return extraOf(i); });
    const auto [titleLangs, summaryLangs] = referenceLanguages(store);
    // The per-language columns, in order: the reference's languages.
    QByteArrayList titleColumns, summaryColumns, expectedTitles, expectedSummaries;
    for (const QByteArray &column : writer.sqlColumns()) {
        if (column.startsWith("\"title_")) titleColumns.append(column);
        if (column.startsWith("\"summary_")) summaryColumns.append(column);
    }
    for (const QString &lang : titleLangs)
        expectedTitles.append("\"title_" + lang.toUtf8() + "\" character varying");
    for (const QString &lang : summaryLangs)
        expectedSummaries.append("\"summary_" + lang.toUtf8() + "\" character varying");
    REQUIRE(titleColumns == expectedTitles);
    REQUIRE(summaryColumns == expectedSummaries);
    for (qsizetype k = 0; k < qsizetype(order.size()); ++k) {
        QByteArray written;
        CopyTextRow row(written);
        writer.writeRow(k, row);
        row.end();
        const EventStore::Index i = order[size_t(k)];
        const QByteArray expected = referenceRow(store.event(i), titleLangs, summaryLangs, extraOf(i));
        INFO("record " << i << " (" << store.id(i).toStdString() << ")");
        REQUIRE(written.toStdString() == expected.toStdString());
    }
}

/// Records with what the rows must carry exactly: every date precision (BC too), spans and
/// instants, lines, a point off the globe, no place, several languages, COPY's special characters,
/// claims, sources and links.
std::shared_ptr<const EventStore> craftedStore()
{
    EventStoreBuilder builder;
    auto date = [](int y, int m, int d, DatePrecision p, qint64 extraMs = 0) {
        return FuzzyDate{utcMidnightMs(QDate(y, m, d)) + extraMs, p};
    };
    Event a;
    a.id = QStringLiteral("a\\tab\there");
    a.title = {{QString(), QStringLiteral("Line\nbreak \"quoted\" \\ back")},
               {QStringLiteral("es"), QStringLiteral("Línea")},
               {QStringLiteral("fr"), QStringLiteral("Ligne\r")}};
    a.summary = {{QStringLiteral("de"), QStringLiteral("Zusammenfassung")}};
    a.when = TimeSpan(date(2024, 7, 11, DatePrecision::Time, 25'567'123), date(2024, 7, 12, DatePrecision::Day));
    a.category = QStringLiteral("combat");
    a.actors = {QStringLiteral("RU"), QStringLiteral("x,\"y\"\\z")};
    a.places = {QStringLiteral("Kyiv {old}"), QStringLiteral("tab\there")};
    a.regions = {QStringLiteral("UA-30"), QStringLiteral("RU-KRS")};
    a.sources = {Source{QStringLiteral("Yonhap"), QStringLiteral("https://example.org/a?b=1"),
                        QStringLiteral("2024-07-11"), QStringLiteral("ko")},
                 Source{QStringLiteral("Kyiv \"Independent\""), {}, {}, {}}};
    a.claims = {Claim{QStringLiteral("troops"),
                      1500.25,
                      QStringLiteral("soldiers"),
                      {},
                      QStringLiteral("2024-07"),
                      QStringLiteral("note\twith tab"),
                      QStringLiteral("tropas"),
                      {},
                      0},
                Claim{QStringLiteral("containers"), std::nullopt, {}, QStringLiteral("free text"), {}, {}, {}, {}, -1}};
    a.related = {Related{QStringLiteral("b"), QStringLiteral("follows-up")}};
    a.provenance = QStringLiteral("article\\x");
    a.confidence = Confidence::Disputed;
    a.geometryKind = GeometryKind::Line;
    a.locationPrecision = LocationPrecision::Exact;
    a.geometry = {QGeoCoordinate(50.45, 30.5234), QGeoCoordinate(55.7558, 37.6173), QGeoCoordinate(-1e-300, 0.1)};
    builder.add(a);

    Event b;
    b.id = QStringLiteral("b");
    b.title = {{QString(), QStringLiteral("Year in BC")}};
    b.when = TimeSpan(date(-44, 1, 1, DatePrecision::Year));
    b.category = QStringLiteral("treaty");
    b.geometryKind = GeometryKind::Point;
    b.geometry = {QGeoCoordinate(41.9, 12.5)};
    builder.add(b);

    Event c;
    c.id = QStringLiteral("c-ñ");
    c.title = {{QStringLiteral("es"), QStringLiteral("Sólo en español")}};
    c.when = TimeSpan(date(1969, 12, 1, DatePrecision::Month), date(1970, 2, 1, DatePrecision::Month));
    c.category = QStringLiteral("diplomacy");
    c.geometryKind = GeometryKind::None;
    c.regions = {QStringLiteral("KP")};
    c.related = {Related{QStringLiteral("a\\tab\there"), QStringLiteral("disputes")}, Related{QStringLiteral("b"), {}}};
    c.locationPrecision = LocationPrecision::Region;
    builder.add(c);

    Event d; // a point the store keeps off the globe: no lon/lat, no geometry
    d.id = QStringLiteral("d");
    d.when = TimeSpan(date(1, 1, 1, DatePrecision::Day, -1), date(2, 6, 30, DatePrecision::Time, 86'399'999));
    d.category = QStringLiteral("combat");
    d.geometryKind = GeometryKind::Point;
    d.geometry = {QGeoCoordinate(95.0, 200.0)};
    builder.add(d);
    return builder.build();
}

/// A member row's timestamp as RegionMemberRows wrote it through QDate and snprintf (a79fb3c).
QByteArray referenceTimestamp(qint64 utcMs)
{
    const QDate day = utcDateOf(utcMs);
    const qint64 msOfDay = utcMs - utcMidnightMs(day);
    const int year = day.year();
    char text[64];
    const int length = std::snprintf(text, sizeof text, "%04d-%02d-%02d %02d:%02d:%02d.%03d+00%s", std::abs(year),
                                     day.month(), day.day(), int(msOfDay / 3'600'000), int(msOfDay / 60'000 % 60),
                                     int(msOfDay / 1000 % 60), int(msOfDay % 1000), year < 0 ? " BC" : "");
    return QByteArray(text, length);
}

QByteArray timestampText(qint64 utcMs)
{
    QByteArray out;
    CopyTextRow row(out);
    row.timestamp(utcMs);
    return out;
}

} // namespace

TEST_CASE("import rows: the COPY text from the stored bytes is the text an Event per row gave", "[io]")
{
    SECTION("crafted records: dates of every precision, BC, lines, languages, escapes, claims, links")
    {
        const auto store = craftedStore();
        REQUIRE(store->size() == 4);
        requireSameRows(*store);
    }
    SECTION("the bundled dataset")
    {
        requireSameRows(*chronomap::test::bundledDataset()->events);
    }
    SECTION("files of other formats and schemas")
    {
        const char *file = GENERATE("events.geojson", "acled_2023.csv", "ucdp_ged.csv", "events_wkt.csv",
                                    "acled_2022.csv", "events_latlon.csv", "events.gpkg");
        INFO(file);
        const LoadResult result = EventLoader::load(chronomap::test::formatFile(file));
        REQUIRE_FALSE(result.hasFatal());
        REQUIRE(result.store->size() > 0);
        requireSameRows(*result.store);
    }
}

TEST_CASE("import rows: a member's timestamp is the text QDate gave, BC and before 1970 too", "[io]")
{
    constexpr qint64 kDayMs = 86'400'000;
    // Every day from 4713 BC's Julian day 0 on, in steps of prime length, at moments across the day.
    const qint64 first = utcMidnightMs(QDate::fromJulianDay(0)), last = utcMidnightMs(QDate(9999, 12, 31));
    qint64 checked = 0;
    for (qint64 ms = first; ms <= last; ms += 7 * kDayMs + 3'723'457) {
        REQUIRE(timestampText(ms).toStdString() == referenceTimestamp(ms).toStdString());
        ++checked;
    }
    CHECK(checked > 700'000);
    for (const qint64 ms : {qint64(0), qint64(-1), -kDayMs, -kDayMs - 1, kDayMs - 1, utcMidnightMs(QDate(-1, 12, 31)),
                            utcMidnightMs(QDate(1, 1, 1)) - 1, utcMidnightMs(QDate(2000, 2, 29)) + kDayMs - 1,
                            utcMidnightMs(QDate(1900, 3, 1)) - 1})
        REQUIRE(timestampText(ms).toStdString() == referenceTimestamp(ms).toStdString());
}

TEST_CASE("import rows: a record's stored id is its id's UTF-8", "[io]")
{
    const auto store = craftedStore();
    for (EventStore::Index i = 0; i < store->size(); ++i)
        REQUIRE(store->rawId(i).toByteArray() == store->id(i).toUtf8());
}
