// SPDX-License-Identifier: GPL-3.0-or-later
// EventStoreBuilder/EventStore: every field survives the columns and the text arena, indices run
// in time order, and the indexed queries (time window, region code, id, lon/lat box) agree with a
// brute-force scan over a large random store.
#include "core/store/event_store.h"

#include <QDateTime>
#include <QTimeZone>

#include <catch2/catch.hpp>

#include "../qt_string_maker.h"

#include <algorithm>
#include <cmath>
#include <random>
#include <set>

using namespace chronomap;

namespace {

qint64 utc(int y, int m = 1, int d = 1, int h = 0, int min = 0)
{
    return QDateTime(QDate(y, m, d), QTime(h, min), QTimeZone::utc()).toMSecsSinceEpoch();
}

FuzzyDate date(const char16_t *iso)
{
    const auto d = FuzzyDate::parse(iso);
    REQUIRE(d);
    return *d;
}

/// The start of the period of precision `p` that holds `ms`, as the loader would store it.
FuzzyDate truncated(qint64 ms, DatePrecision p)
{
    const QDateTime t = QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc());
    const QDate d = t.date();
    switch (p) {
    case DatePrecision::Year:
        return {utc(d.year()), p};
    case DatePrecision::Month:
        return {utc(d.year(), d.month()), p};
    case DatePrecision::Day:
        return {utc(d.year(), d.month(), d.day()), p};
    case DatePrecision::Time:
        return {ms - ms % 60'000, p}; // whole minutes, as in the data
    }
    return {ms, p};
}

/// A record with every field set, text in three scripts, awkward characters included.
Event fullEvent()
{
    Event e;
    e.id = QStringLiteral("kim-putin-call-2025-08-12");
    e.title.insert(QString(), QStringLiteral("Kim Jong Un and Vladimir Putin speak by phone"));
    e.title.insert(QStringLiteral("es"), QStringLiteral("Kim Jong Un y Vladímir Putin hablan por teléfono"));
    e.title.insert(QStringLiteral("ru"), QStringLiteral("Ким Чен Ын и Владимир Путин провели телефонный разговор"));
    e.summary.insert(QString(), QStringLiteral("Putin thanked \"the Korean comrades\" for Kursk;\nback\\slash\ttab"));
    e.summary.insert(QStringLiteral("es"), QStringLiteral("Putin agradeció la ayuda en Kursk."));
    e.when = TimeSpan(FuzzyDate{utc(2025, 8, 12, 9, 30), DatePrecision::Time},
                      FuzzyDate{utc(2025, 8, 12, 10, 15), DatePrecision::Time});
    e.category = QStringLiteral("diplomatic-contact");
    e.actors = {QStringLiteral("Kim Jong Un"), QStringLiteral("Vladimir Putin")};
    e.places = {QStringLiteral("Pyongyang"), QStringLiteral("Moscow")};
    e.regions = {QStringLiteral("KP-01"), QStringLiteral("RU-MOW")};
    e.claims = {
        Claim{QStringLiteral("troops deployed"),
              11000.0,
              QStringLiteral("soldiers"),
              {},
              QStringLiteral("2024-11"),
              QStringLiteral("first estimate"),
              QStringLiteral("tropas desplegadas"),
              QStringLiteral("primera estimación"),
              0},
        Claim{QStringLiteral("troops deployed"),
              1.25e4,
              QStringLiteral("soldiers"),
              QStringLiteral("GUR \"Ukraine\""),
              QStringLiteral("2024-12-01"),
              {},
              {},
              {},
              -1},
        Claim{QStringLiteral("casualties"),
              std::nullopt,
              {},
              QStringLiteral("Reuters"),
              {},
              QStringLiteral("\"thousands\"\x01"),
              {},
              {},
              -1},
        Claim{QStringLiteral("fraction"), 0.1, QStringLiteral("share"), {}, {}, {}, {}, {}, -1},
    };
    e.sources = {
        Source{QStringLiteral("KCNA"), QStringLiteral("https://kcnawatch.org/?q=a&b=c"), QStringLiteral("2025-08-12"),
               QStringLiteral("ko")},
        Source{QStringLiteral("Кремль"),
               QStringLiteral("http://kremlin.ru/events/president/news"),
               {},
               QStringLiteral("ru")},
    };
    e.related = {Related{QStringLiteral("2024-06-19-treaty"), QStringLiteral("follows-up")},
                 Related{QStringLiteral("\"quoted\" id"), QStringLiteral("reports-on")}};
    e.provenance = QStringLiteral("article");
    e.confidence = Confidence::Confirmed;
    e.geometryKind = GeometryKind::Line;
    e.locationPrecision = LocationPrecision::Exact;
    e.geometry = {QGeoCoordinate(39.0392, 125.7625), QGeoCoordinate(55.7558, 37.6173), QGeoCoordinate(-12.5, -179.999)};
    return e;
}

Event pointEvent(const QString &id, FuzzyDate start, double lonDeg, double latDeg, const QString &category = {})
{
    Event e;
    e.id = id;
    e.title.insert(QString(), id);
    e.when = TimeSpan(start);
    e.category = category;
    e.geometryKind = GeometryKind::Point;
    e.geometry = {QGeoCoordinate(latDeg, lonDeg)};
    return e;
}

TEST_CASE("A store finds the records that name an event in their related lists", "[store]")
{
    EventStoreBuilder builder;
    Event treaty = pointEvent(QStringLiteral("treaty"), date(u"2024-06-19"), 125.7, 39.0);
    Event ratified = pointEvent(QStringLiteral("ratified"), date(u"2024-11-09"), 37.6, 55.7);
    ratified.related = {Related{QStringLiteral("treaty"), QStringLiteral("ratifies")},
                        Related{QStringLiteral("not-in-the-data"), QStringLiteral("follows-up")}};
    // Added first but later in time: referrers come in time order, each link once.
    Event report = pointEvent(QStringLiteral("report"), date(u"2025-01-02"), 37.6, 55.7);
    report.related = {Related{QStringLiteral("treaty"), QStringLiteral("reports-on")},
                      Related{QStringLiteral("ratified"), QStringLiteral("reports-on")},
                      Related{QStringLiteral("treaty"), QStringLiteral("disputes")}};
    Event unrelated = pointEvent(QStringLiteral("unrelated"), date(u"2023-01-01"), 30.0, 50.0);
    for (const Event &e : {report, treaty, unrelated, ratified})
        builder.add(e);
    const auto store = builder.build();
    const auto at = [&](const char *id) { return store->findId(QString::fromLatin1(id)); };

    using Referrers = QList<EventStore::Referrer>;
    CHECK(store->referrers(at("treaty")) == Referrers{{at("ratified"), QStringLiteral("ratifies")},
                                                      {at("report"), QStringLiteral("reports-on")},
                                                      {at("report"), QStringLiteral("disputes")}});
    CHECK(store->referrers(at("ratified")) == Referrers{{at("report"), QStringLiteral("reports-on")}});
    CHECK(store->referrers(at("report")).isEmpty());
    CHECK(store->referrers(at("unrelated")).isEmpty());

    // A store without any link answers at once, with nothing.
    EventStoreBuilder plain;
    plain.add(treaty);
    const auto alone = plain.build();
    CHECK(alone->referrers(0).isEmpty());
}

// ---- a large random store -------------------------------------------------------------------

const QStringList kCodes = {QStringLiteral("RU-KRS"), QStringLiteral("RU-BEL"), QStringLiteral("KP-01"),
                            QStringLiteral("UA-63"), QStringLiteral("RU-PRI")};
const QStringList kCategories = {QStringLiteral("summit"), QStringLiteral("deployment"), QStringLiteral("combat"),
                                 QStringLiteral("statement"), QStringLiteral("")};

struct RandomStore {
    std::vector<Event> events; ///< in the order they were added
    std::shared_ptr<const EventStore> store;
    std::vector<size_t> original; ///< store index → index into `events`
};

/// ~50,000 events between 1990 and 2030: all four precisions, instants and spans from minutes to
/// decades, ends coarser and finer than starts, many shared starts, some without a location.
const RandomStore &randomStore()
{
    static const RandomStore r = [] {
        RandomStore r;
        std::mt19937_64 rng(20250812);
        auto uniform = [&](qint64 lo, qint64 hi) { return std::uniform_int_distribution<qint64>(lo, hi)(rng); };
        auto chance = [&](double p) { return std::bernoulli_distribution(p)(rng); };
        const qint64 from = utc(1990), to = utc(2030);
        constexpr int n = 50'000;
        r.events.reserve(n);
        EventStoreBuilder builder;
        builder.reserve(n);
        for (int k = 0; k < n; ++k) {
            const auto precision = [&] { return DatePrecision(uniform(0, 3)); };
            // Every fifth event shares its start instant with the one before (ties in the sort).
            const qint64 instant = k % 5 == 1 ? r.events.back().when.start().startMs : uniform(from, to);
            const FuzzyDate start = truncated(instant, precision());
            TimeSpan when(start);
            if (chance(0.4)) {
                static constexpr qint64 scales[] = {3'600'000, 86'400'000, 30 * 86'400'000LL, 3650 * 86'400'000LL};
                const qint64 endInstant = instant + uniform(0, scales[uniform(0, 3)]);
                FuzzyDate end = truncated(endInstant, precision());
                if (end.endExclusiveMs() > start.startMs && !(end == start)) when = TimeSpan(start, end);
            }
            Event e;
            e.id = QStringLiteral("ev-%1").arg(k);
            e.title.insert(QString(), QStringLiteral("Event %1").arg(k));
            e.when = when;
            e.category = kCategories[int(uniform(0, kCategories.size() - 1))];
            for (const QString &code : kCodes)
                if (chance(0.1)) e.regions.append(code);
            const int shape = int(uniform(0, 9));
            if (shape == 0) {
                e.geometryKind = GeometryKind::None;
            } else if (shape == 1) {
                e.geometryKind = GeometryKind::Line;
                for (int v = 0; v < 3; ++v)
                    e.geometry.append(
                        QGeoCoordinate(double(uniform(-900, 900)) / 10, double(uniform(-1800, 1800)) / 10));
            } else {
                e.geometryKind = GeometryKind::Point;
                // Tenths of a degree, so box edges fall exactly on some points.
                e.geometry = {QGeoCoordinate(double(uniform(-900, 900)) / 10, double(uniform(-1800, 1800)) / 10)};
            }
            e.confidence = Confidence(uniform(0, 4));
            builder.add(e);
            r.events.push_back(std::move(e));
        }
        REQUIRE(builder.size() == n);
        r.store = builder.build();
        REQUIRE(builder.size() == 0);
        r.original.resize(size_t(n));
        for (EventStore::Index i = 0; i < r.store->size(); ++i)
            r.original[size_t(i)] = size_t(r.store->id(i).mid(3).toLongLong());
        return r;
    }();
    return r;
}

} // namespace

TEST_CASE("A full event survives the store: every field, localized text, claims, sources, a line", "[store]")
{
    const Event call = fullEvent();
    Event pointInKursk =
        pointEvent(QStringLiteral("kursk-point"), date(u"2024-11"), 36.19, 51.73, QStringLiteral("deployment"));
    pointInKursk.regions = {QStringLiteral("RU-KRS"), QStringLiteral("RU-BEL")};
    pointInKursk.locationPrecision = LocationPrecision::Region;
    pointInKursk.confidence = Confidence::Disputed;
    pointInKursk.when = TimeSpan(date(u"2024-10"), date(u"2025-04-26"));
    Event nowhere;
    nowhere.id = QStringLiteral("no-geometry");
    nowhere.title.insert(QString(), QStringLiteral("Treaty ratified"));
    nowhere.when = TimeSpan(date(u"2024"));
    nowhere.category = QStringLiteral("treaty");

    EventStoreBuilder builder;
    builder.add(call);
    builder.add(pointInKursk);
    builder.add(nowhere);
    const auto store = builder.build();
    REQUIRE(store->size() == 3);

    for (const Event *original : std::initializer_list<const Event *>{&call, &pointInKursk, &nowhere}) {
        const EventStore::Index i = store->findId(original->id);
        REQUIRE(i >= 0);
        const Event back = store->event(i);
        INFO("event " << original->id.toStdString());
        CHECK(back.id == original->id);
        CHECK(back.title == original->title);
        CHECK(back.summary == original->summary);
        CHECK(back.when == original->when);
        CHECK(back.category == original->category);
        CHECK(back.actors == original->actors);
        CHECK(back.places == original->places);
        CHECK(back.regions == original->regions);
        CHECK(back.claims == original->claims);
        CHECK(back.sources == original->sources);
        CHECK(back.provenance == original->provenance);
        CHECK(back.confidence == original->confidence);
        CHECK(back.geometryKind == original->geometryKind);
        CHECK(back.locationPrecision == original->locationPrecision);
        CHECK(back.geometry == original->geometry);
        CHECK(back == *original);

        // The column accessors agree with the decoded record.
        CHECK(store->id(i) == original->id);
        CHECK(store->when(i) == original->when);
        CHECK(store->category(i) == original->category);
        CHECK(store->regionCodes(i) == original->regions);
        CHECK(store->geometryKind(i) == original->geometryKind);
        CHECK(store->confidence(i) == original->confidence);
    }

    const EventStore::Index c = store->findId(call.id);
    CHECK(store->title(c) == call.title.value(QString()));
    CHECK(store->title(c, QStringLiteral("es")) == call.title.value(QStringLiteral("es")));
    CHECK(store->title(c, QStringLiteral("ru")) == call.title.value(QStringLiteral("ru")));
    CHECK(store->title(c, QStringLiteral("uk")) == call.title.value(QString())); // falls back
    CHECK(store->lonDeg(c) == 125.7625); // a line is anchored at its first vertex
    CHECK(store->latDeg(c) == 39.0392);
    const QList<QPointF> vertices = store->lonLatVertices(c);
    REQUIRE(vertices.size() == 3);
    CHECK(vertices[1] == QPointF(37.6173, 55.7558));
    CHECK(vertices[2] == QPointF(-179.999, -12.5));
    CHECK(store->lineEvents() == EventStore::IndexList{c});

    const EventStore::Index none = store->findId(nowhere.id);
    CHECK(std::isnan(store->lonDeg(none)));
    CHECK(std::isnan(store->latDeg(none)));
    CHECK(store->lonLatVertices(none).isEmpty());

    // Claims: a disputed figure stays beside the other, and "no number" stays no number.
    const Event back = store->event(c);
    REQUIRE(back.claims.size() == 4);
    CHECK(back.claims[0].value == 11000.0);
    CHECK(back.claims[1].value == 12500.0);
    CHECK_FALSE(back.claims[2].value.has_value());
    CHECK(back.claims[3].value == 0.1);
}

TEST_CASE("Indices run in time order, equal starts keep the order they were added in", "[store]")
{
    EventStoreBuilder builder;
    builder.add(pointEvent(QStringLiteral("c"), date(u"2025-08-12"), 0, 0));
    builder.add(pointEvent(QStringLiteral("a"), date(u"2024"), 0, 0));
    builder.add(pointEvent(QStringLiteral("d"), date(u"2025-08"), 0, 0));           // 2025-08-01, before c
    builder.add(pointEvent(QStringLiteral("b"), date(u"2024-01-01"), 0, 0));        // same start as a, added later
    builder.add(pointEvent(QStringLiteral("e"), date(u"2025-08-12T00:00Z"), 0, 0)); // same start as c
    const auto store = builder.build();
    QStringList ids;
    for (EventStore::Index i = 0; i < store->size(); ++i)
        ids.append(store->id(i));
    CHECK(ids.join(u',') == QStringLiteral("a,b,d,c,e"));

    const RandomStore &r = randomStore();
    const EventStore &s = *r.store;
    REQUIRE(s.size() == 50'000);
    for (EventStore::Index i = 1; i < s.size(); ++i) {
        const qint64 before = s.when(i - 1).earliestMs(), now = s.when(i).earliestMs();
        if (before > now || (before == now && r.original[size_t(i - 1)] > r.original[size_t(i)])) {
            FAIL("indices " << i - 1 << " and " << i << " are out of time order");
        }
    }
}

TEST_CASE("Random store: each event's columns match what was added", "[store]")
{
    const RandomStore &r = randomStore();
    const EventStore &s = *r.store;
    std::vector<bool> seen(r.events.size(), false);
    for (EventStore::Index i = 0; i < s.size(); ++i) {
        const size_t k = r.original[size_t(i)];
        REQUIRE(k < r.events.size());
        REQUIRE_FALSE(seen[k]);
        seen[k] = true;
        const Event &e = r.events[k];
        if (!(s.when(i) == e.when) || s.category(i) != e.category || s.regionCodes(i) != e.regions ||
            s.geometryKind(i) != e.geometryKind || s.confidence(i) != e.confidence)
            FAIL("column mismatch for " << e.id.toStdString());
        if (k % 997 == 0) CHECK(s.event(i) == e); // the full decode, on a sample
    }
}

TEST_CASE("inWindow agrees exactly with a brute-force scan, Possibly and Certainly", "[store]")
{
    const RandomStore &r = randomStore();
    const EventStore &s = *r.store;
    const auto n = size_t(s.size());

    // The brute force reads the spans as they were added, not the store's columns.
    std::vector<TimeSpan> spans(n);
    for (size_t i = 0; i < n; ++i)
        spans[i] = r.events[r.original[i]].when;

    std::mt19937_64 rng(7);
    auto uniform = [&](qint64 lo, qint64 hi) { return std::uniform_int_distribution<qint64>(lo, hi)(rng); };
    std::vector<TimeWindow> windows;
    for (int k = 0; k < 150; ++k) { // arbitrary windows from minutes to decades
        const qint64 from = uniform(utc(1985), utc(2032));
        static constexpr qint64 lengths[] = {60'000, 86'400'000, 40 * 86'400'000LL, 800 * 86'400'000LL,
                                             9000 * 86'400'000LL};
        windows.push_back({from, from + uniform(1, lengths[k % 5])});
    }
    for (int k = 0; k < 100; ++k) { // windows whose edges fall exactly on events' period boundaries
        const TimeSpan &a = spans[size_t(uniform(0, qint64(n) - 1))];
        const TimeSpan &b = spans[size_t(uniform(0, qint64(n) - 1))];
        const qint64 edges[] = {a.earliestMs(), a.latestEndMs(), a.start().endExclusiveMs(), a.end().startMs,
                                b.earliestMs(), b.latestEndMs(), b.start().endExclusiveMs(), b.end().startMs};
        const qint64 x = edges[uniform(0, 3)], y = edges[uniform(4, 7)];
        if (x != y) windows.push_back({std::min(x, y), std::max(x, y)});
    }
    windows.push_back({utc(1900), utc(2100)});              // everything
    windows.push_back({utc(1970), utc(1980)});              // before everything
    windows.push_back({utc(2100), utc(2101)});              // after everything
    windows.push_back({utc(2000, 2, 29), utc(2000, 3, 1)}); // one leap day

    std::size_t possiblyTotal = 0, certainlyTotal = 0;
    for (const TimeWindow &w : windows) {
        for (WindowMatch mode : {WindowMatch::Possibly, WindowMatch::Certainly}) {
            EventStore::IndexList expected;
            for (size_t i = 0; i < n; ++i)
                if (spans[i].matches(w, mode)) expected.push_back(EventStore::Index(i));
            const EventStore::IndexList got = s.inWindow(w, mode);
            if (got != expected) {
                FAIL("window [" << w.fromMs << ", " << w.toMs << ") "
                                << (mode == WindowMatch::Possibly ? "Possibly" : "Certainly") << ": store gave "
                                << got.size() << " events, brute force " << expected.size());
            }
            (mode == WindowMatch::Possibly ? possiblyTotal : certainlyTotal) += got.size();
        }
    }
    // The windows exercise the queries: many matches, and Certainly is stricter than Possibly.
    CHECK(possiblyTotal > 100'000);
    CHECK(certainlyTotal > 10'000);
    CHECK(certainlyTotal < possiblyTotal);
    CHECK(s.inWindow({utc(1900), utc(2100)}).size() == n);

    // An empty or reversed window matches nothing.
    CHECK(s.inWindow({utc(2025), utc(2025)}).empty());
    CHECK(s.inWindow({utc(2026), utc(2025)}, WindowMatch::Certainly).empty());
}

TEST_CASE("inWindow on a small store: month precision is possibly but not certainly in a mid-month window", "[store]")
{
    EventStoreBuilder builder;
    builder.add(pointEvent(QStringLiteral("august"), date(u"2025-08"), 0, 0));
    builder.add(pointEvent(QStringLiteral("call"), date(u"2025-08-12"), 0, 0));
    builder.add(pointEvent(QStringLiteral("july"), date(u"2025-07-31"), 0, 0));
    const auto store = builder.build();
    auto ids = [&](const EventStore::IndexList &list) {
        QStringList out;
        for (auto i : list)
            out.append(store->id(i));
        return out.join(u',');
    };
    const TimeWindow mid{utc(2025, 8, 10), utc(2025, 8, 20)};
    CHECK(ids(store->inWindow(mid, WindowMatch::Possibly)) == QStringLiteral("august,call"));
    CHECK(ids(store->inWindow(mid, WindowMatch::Certainly)) == QStringLiteral("call"));
    CHECK(ids(store->inWindow({utc(2025, 8), utc(2025, 9)}, WindowMatch::Certainly)) == QStringLiteral("august,call"));
    CHECK(ids(store->inWindow({utc(2025, 7, 31, 23, 59), utc(2025, 8, 1)})) == QStringLiteral("july"));
    CHECK(ids(store->inWindow({utc(2025, 7, 31, 23, 59), utc(2025, 8, 1)}, WindowMatch::Certainly)).isEmpty());
}

TEST_CASE("codedTo, findId, anchoredIn and extent agree with brute force", "[store]")
{
    const RandomStore &r = randomStore();
    const EventStore &s = *r.store;
    const auto n = size_t(s.size());

    SECTION("codedTo lists exactly the events naming the code, in time order")
    {
        for (const QString &code : kCodes) {
            EventStore::IndexList expected;
            for (size_t i = 0; i < n; ++i)
                if (r.events[r.original[i]].regions.contains(code)) expected.push_back(EventStore::Index(i));
            INFO(code.toStdString());
            CHECK(expected.size() > 4000);
            CHECK(s.codedTo(code) == expected);
        }
        CHECK(s.codedTo(QStringLiteral("RU-MOW")).empty());
        CHECK(s.codedTo(QStringLiteral("ru-krs")).empty()); // codes are exact
        CHECK(s.codedTo(QString()).empty());
    }

    SECTION("findId finds every id and nothing else")
    {
        for (size_t k = 0; k < r.events.size(); ++k) {
            const EventStore::Index i = s.findId(r.events[k].id);
            if (i < 0 || r.original[size_t(i)] != k) FAIL("findId(" << r.events[k].id.toStdString() << ") gave " << i);
        }
        CHECK(s.findId(QStringLiteral("ev-50000")) == -1);
        CHECK(s.findId(QStringLiteral("ev-")) == -1);
        CHECK(s.findId(QStringLiteral("EV-1")) == -1);
        CHECK(s.findId(QString()) == -1);
    }

    SECTION("anchoredIn returns the events whose anchor lies in the box, edges included")
    {
        std::mt19937_64 rng(99);
        auto tenth = [&](int lo, int hi) { return double(std::uniform_int_distribution<int>(lo, hi)(rng)) / 10; };
        std::vector<QRectF> boxes = {QRectF(QPointF(-180, -90), QPointF(180, 90)),      // the world
                                     QRectF(QPointF(36.0, 51.0), QPointF(36.0, 51.0))}; // one point, zero size
        for (int k = 0; k < 200; ++k) {
            const double lon = tenth(-1800, 1790), lat = tenth(-900, 890);
            const double w = tenth(0, k % 2 ? 50 : 1200), h = tenth(0, k % 2 ? 50 : 600);
            boxes.push_back(QRectF(QPointF(lon, lat), QPointF(std::min(180.0, lon + w), std::min(90.0, lat + h))));
        }
        std::size_t total = 0;
        for (const QRectF &box : boxes) {
            std::set<EventStore::Index> expected;
            for (size_t i = 0; i < n; ++i) {
                const QGeoCoordinate a = r.events[r.original[i]].anchor();
                if (a.isValid() && a.longitude() >= box.left() && a.longitude() <= box.right() &&
                    a.latitude() >= box.top() && a.latitude() <= box.bottom())
                    expected.insert(EventStore::Index(i));
            }
            const EventStore::IndexList got = s.anchoredIn(box);
            const std::set<EventStore::Index> gotSet(got.begin(), got.end());
            if (gotSet != expected || gotSet.size() != got.size())
                FAIL("box " << box.left() << "," << box.top() << " – " << box.right() << "," << box.bottom()
                            << ": store gave " << got.size() << ", brute force " << expected.size());
            total += got.size();
        }
        const auto located =
            std::count_if(r.events.begin(), r.events.end(), [](const Event &e) { return e.anchor().isValid(); });
        CHECK(s.anchoredIn(boxes[0]).size() == size_t(located)); // events with no location are never anchored
        CHECK(size_t(located) < n);
        CHECK(total > size_t(located));
    }

    SECTION("extent runs from the earliest possible start to the latest possible end")
    {
        qint64 first = std::numeric_limits<qint64>::max(), last = std::numeric_limits<qint64>::min();
        for (const Event &e : r.events) {
            first = std::min(first, e.when.earliestMs());
            last = std::max(last, e.when.latestEndMs());
        }
        CHECK(s.extent() == TimeWindow{first, last});
        CHECK(s.extent().fromMs >= utc(1990));
        CHECK(s.extent().toMs > utc(2030)); // decade-long spans run past the last start
    }

    SECTION("lineEvents lists exactly the line events, in time order")
    {
        EventStore::IndexList expected;
        for (size_t i = 0; i < n; ++i)
            if (r.events[r.original[i]].geometryKind == GeometryKind::Line) expected.push_back(EventStore::Index(i));
        CHECK(expected.size() > 3000);
        CHECK(s.lineEvents() == expected);
    }
}

TEST_CASE("An empty store answers every query with nothing", "[store]")
{
    EventStoreBuilder builder;
    const auto store = builder.build();
    CHECK(store->isEmpty());
    CHECK(store->size() == 0);
    CHECK(store->inWindow({utc(1900), utc(2100)}).empty());
    CHECK(store->codedTo(QStringLiteral("RU-KRS")).empty());
    CHECK(store->findId(QStringLiteral("x")) == -1);
    CHECK(store->anchoredIn(QRectF(QPointF(-180, -90), QPointF(180, 90))).empty());
    CHECK_FALSE(store->extent().isValid());
    CHECK(store->lineEvents().empty());
}

TEST_CASE("The builder can be reused after build(), the first store is unchanged", "[store]")
{
    EventStoreBuilder builder;
    builder.add(pointEvent(QStringLiteral("one"), date(u"2025"), 1, 1, QStringLiteral("summit")));
    const auto first = builder.build();
    builder.add(pointEvent(QStringLiteral("two"), date(u"2024"), 2, 2, QStringLiteral("combat")));
    builder.add(pointEvent(QStringLiteral("three"), date(u"2023"), 3, 3, QStringLiteral("combat")));
    const auto second = builder.build();
    REQUIRE(first->size() == 1);
    CHECK(first->id(0) == QStringLiteral("one"));
    CHECK(first->categories() == QStringList{QStringLiteral("summit")});
    REQUIRE(second->size() == 2);
    CHECK(second->id(0) == QStringLiteral("three"));
    CHECK(second->findId(QStringLiteral("one")) == -1);
    CHECK(second->categories() == QStringList{QStringLiteral("combat")});
    CHECK(second->category(0) == QStringLiteral("combat"));
}

TEST_CASE("memoryBytes stays under 200 bytes per simple event and grows with the store", "[store]")
{
    auto build = [](int n) {
        EventStoreBuilder builder;
        builder.reserve(n);
        std::mt19937_64 rng(3);
        std::uniform_real_distribution<double> lon(-180, 180), lat(-90, 90);
        for (int k = 0; k < n; ++k)
            builder.add(pointEvent(QStringLiteral("acled-%1").arg(k),
                                   FuzzyDate{utc(2020) + qint64(k) * 60'000, DatePrecision::Day}, lon(rng), lat(rng),
                                   kCategories[k % kCategories.size()]));
        return builder.build();
    };
    const auto small = build(1000);
    const auto large = build(200'000);
    const double perEvent = double(large->memoryBytes()) / double(large->size());
    INFO("bytes per event: " << perEvent);
    CHECK(perEvent < 200);
    // The columns alone (start, end, latest end, tree, lon, lat, text offset: 8 bytes each) are 56 bytes.
    CHECK(perEvent > 56);
    // Each further event costs about the same: the fixed part (the one-degree grid) is paid once.
    const double marginal = double(large->memoryBytes() - small->memoryBytes()) / double(large->size() - small->size());
    INFO("marginal bytes per event: " << marginal);
    CHECK(marginal > 56);
    CHECK(marginal < 200);

    const RandomStore &r = randomStore(); // regions, lines and spans cost more, but not wildly more
    CHECK(double(r.store->memoryBytes()) / double(r.store->size()) < 400);
}
