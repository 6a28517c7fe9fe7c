// SPDX-License-Identifier: GPL-3.0-or-later
// The bundled base map, point-in-region tests on real admin-1 polygons, region look-up by code and
// name, which events belong to a region (coded to it or located in it), and EventFilter combining
// a time window, categories and a region.
#include "core/geo/base_map.h"
#include "../test_paths.h"
#include "core/geo/region_grid.h"
#include "core/geo/region_index.h"
#include "core/store/event_filter.h"
#include "core/store/region_membership.h"

#include <QDateTime>
#include <QFile>
#include <QSet>
#include <QTimeZone>

#include <catch2/catch.hpp>

#include "../qt_string_maker.h"
#include "../bundled_data.h"

#include <algorithm>
#include <random>
#include <thread>

using namespace chronomap;
using chronomap::test::bundledBaseMap;

namespace {

qint64 utc(int y, int m = 1, int d = 1)
{
    return QDateTime(QDate(y, m, d), QTime(0, 0), QTimeZone::utc()).toMSecsSinceEpoch();
}

const RegionIndex &regions()
{
    return *bundledBaseMap()->regions;
}

/// The code of the region at a point, or "" when the point is in none.
QString codeAt(double lonDeg, double latDeg)
{
    const int r = regions().regionAt(lonDeg, latDeg);
    return r < 0 ? QString() : regions().regions()[r].code;
}

int regionIndex(const char *code)
{
    const int r = regions().find(QLatin1String(code));
    REQUIRE(r >= 0);
    REQUIRE(regions().regions()[r].code == QLatin1String(code));
    return r;
}

Event event(const char *id, const char16_t *start, const char *category = "deployment")
{
    Event e;
    e.id = QLatin1String(id);
    e.title.insert(QString(), e.id);
    e.when = *TimeSpan::parse(start);
    e.category = QLatin1String(category);
    return e;
}

Event at(Event e, double lonDeg, double latDeg)
{
    e.geometryKind = GeometryKind::Point;
    e.geometry = {QGeoCoordinate(latDeg, lonDeg)};
    return e;
}

Event line(Event e, std::initializer_list<QPointF> lonLat)
{
    e.geometryKind = GeometryKind::Line;
    for (const QPointF &p : lonLat)
        e.geometry.append(QGeoCoordinate(p.y(), p.x()));
    return e;
}

Event coded(Event e, QStringList codes)
{
    e.regions = std::move(codes);
    return e;
}

QStringList idsOf(const EventStore &store, const EventStore::IndexList &list)
{
    QStringList ids;
    for (EventStore::Index i : list)
        ids.append(store.id(i));
    return ids;
}

// Kursk city, Belgorod city, Pyongyang, Moscow, Anchorage (lon, lat).
constexpr double kKursk[] = {36.19, 51.73};
constexpr double kBelgorod[] = {36.59, 50.60};
constexpr double kPyongyang[] = {125.75, 39.03};
constexpr double kMoscow[] = {37.62, 55.75};

} // namespace

TEST_CASE("The bundled base map loads every layer with names in four languages", "[geo]")
{
    IssueList issues;
    const auto map = BaseMap::load(test::sourcePath("geodata/basemap/basemap.gpkg"), &issues);
    REQUIRE(map);
    CHECK(issues.isEmpty());
    CHECK(map->land.size() > 0);
    CHECK(map->coastline.size() > 0);
    CHECK(map->countries.size() > 100);
    CHECK(map->places.size() > 100);
    REQUIRE(map->regions);
    const QList<AreaFeature> &admin1 = map->regions->regions();
    REQUIRE(admin1.size() > 150);

    QSet<QString> codes, countries;
    QStringList unnamed;
    for (const AreaFeature &r : admin1) {
        INFO(r.code.toStdString());
        CHECK_FALSE(r.code.isEmpty());
        CHECK_FALSE(r.rings.isEmpty());
        CHECK(r.lonLatBox.isValid());
        if (r.name.value(QString()).isEmpty()) unnamed.append(r.code);
        codes.insert(r.code);
        countries.insert(r.countryCode);
    }
    CHECK(codes.size() == admin1.size()); // codes are unique
    // Natural Earth's one nameless feature, a minor island in the Gulf of Ob (geodata/basemap/README.md).
    CHECK(unnamed == QStringList{QStringLiteral("RU-X01~")});
    for (const char *country : {"RUS", "UKR", "PRK", "KOR", "USA"})
        CHECK(countries.contains(QLatin1String(country)));

    const AreaFeature &kursk = admin1[map->regions->find(QStringLiteral("RU-KRS"))];
    CHECK(kursk.countryCode == QStringLiteral("RUS"));
    CHECK(kursk.name.value(QString()) == QStringLiteral("Kursk"));
    CHECK(kursk.name.value(QStringLiteral("ru")) == QStringLiteral("Курская область"));
    CHECK(kursk.name.value(QStringLiteral("uk")) == QStringLiteral("Курська область"));
    CHECK(kursk.lonLatBox.contains(QPointF(kKursk[0], kKursk[1])));
    CHECK(map->regions->regionAt(kursk.labelLonLat.x(), kursk.labelLonLat.y()) ==
          map->regions->find(QStringLiteral("RU-KRS")));

    const auto pyongyang = std::find_if(map->places.begin(), map->places.end(),
                                        [](const Place &p) { return p.name.value(QString()) == u"Pyongyang"; });
    REQUIRE(pyongyang != map->places.end());
    CHECK(std::abs(pyongyang->lonLat.x() - kPyongyang[0]) < 0.2);
    CHECK(std::abs(pyongyang->lonLat.y() - kPyongyang[1]) < 0.2);
    CHECK(pyongyang->population > 1'000'000);
    CHECK_FALSE(pyongyang->name.value(QStringLiteral("ru")).isEmpty());
}

TEST_CASE("A missing base map or one without the expected layers is a Fatal issue, not a crash", "[geo]")
{
    IssueList issues;
    CHECK_FALSE(BaseMap::load(QStringLiteral("/nonexistent/basemap.gpkg"), &issues));
    REQUIRE(issues.size() == 1);
    CHECK(issues[0].severity == Issue::Severity::Fatal);
    CHECK(issues[0].file == QStringLiteral("/nonexistent/basemap.gpkg"));
    CHECK(issues[0].message.contains(u"cannot read the base map"));

    // A GeoPackage, but an events file: no base-map layers.
    issues.clear();
    const QString events = chronomap::test::testDataDir() + QLatin1String("/formats/events.gpkg");
    REQUIRE(QFile::exists(events));
    CHECK_FALSE(BaseMap::load(events, &issues));
    REQUIRE(issues.size() == 1);
    CHECK(issues[0].severity == Issue::Severity::Fatal);
    CHECK(issues[0].message.contains(u"layer 'land' is missing"));

    CHECK_FALSE(BaseMap::load(QStringLiteral("/nonexistent/basemap.gpkg"), nullptr)); // no issue list: still no crash
}

TEST_CASE("regionAt finds the admin-1 region under real places, and none at sea", "[geo]")
{
    CHECK(codeAt(kKursk[0], kKursk[1]) == QStringLiteral("RU-KRS"));
    CHECK(codeAt(kBelgorod[0], kBelgorod[1]) == QStringLiteral("RU-BEL"));
    CHECK(codeAt(34.0, 43.5).isEmpty());  // the Black Sea
    CHECK(codeAt(-30.0, 40.0).isEmpty()); // the Atlantic
    CHECK(codeAt(kPyongyang[0], kPyongyang[1]).startsWith(u"KP-"));
    CHECK(codeAt(kPyongyang[0], kPyongyang[1]) == QStringLiteral("KP-01")); // P'yŏngyang is its own province
    CHECK(codeAt(-149.90, 61.22) == QStringLiteral("US-AK"));               // Anchorage
    CHECK(codeAt(30.52, 50.45).startsWith(u"UA-"));                         // Kyiv
    CHECK(codeAt(139.69, 35.69).startsWith(u"JP-"));                        // Tokyo

    // A city inside the oblast around it: the city, not the oblast (the oblast's ring has a hole).
    CHECK(codeAt(30.31, 59.94) == QStringLiteral("RU-SPE")); // Saint Petersburg
    CHECK(codeAt(30.0, 59.5) == QStringLiteral("RU-LEN"));   // Leningrad Oblast, south-west of the city
    // Moscow the same way. Natural Earth swaps Moscow's ISO codes (geodata/basemap/README.md): the
    // city is RU-MOS there and the oblast RU-MOW, so tell them apart by their Russian names.
    const int moscowCity = regions().regionAt(kMoscow[0], kMoscow[1]);
    const int moscowOblast = regions().regionAt(36.5, 55.5);
    REQUIRE(moscowCity >= 0);
    REQUIRE(moscowOblast >= 0);
    CHECK(regions().regions()[moscowCity].name.value(QStringLiteral("ru")) == QStringLiteral("Москва"));
    CHECK(regions().regions()[moscowOblast].name.value(QStringLiteral("ru")) == QStringLiteral("Московская область"));
    CHECK(regions().regions()[moscowCity].code == QStringLiteral("RU-MOS"));

    // Both sides of the antimeridian: Chukotka near Anadyr and its part in the western hemisphere.
    CHECK(codeAt(177.0, 65.0) == QStringLiteral("RU-CHU"));
    CHECK(codeAt(-173.0, 66.0) == QStringLiteral("RU-CHU"));
    CHECK(codeAt(180.0, -10.0).isEmpty());
    CHECK(codeAt(0.0, 90.0).isEmpty());
}

TEST_CASE("Along the Kursk–Belgorod border each side finds its own region", "[geo]")
{
    // Walk south from Kursk city to Belgorod city: Kursk, then Belgorod, never a gap or a swap back.
    const int kursk = regionIndex("RU-KRS"), belgorod = regionIndex("RU-BEL");
    int last = kursk, changes = 0;
    for (int step = 0; step <= 200; ++step) {
        const double lon = kKursk[0] + (kBelgorod[0] - kKursk[0]) * step / 200.0;
        const double lat = kKursk[1] + (kBelgorod[1] - kKursk[1]) * step / 200.0;
        const int r = regions().regionAt(lon, lat);
        INFO("at " << lon << ", " << lat);
        REQUIRE((r == kursk || r == belgorod));
        if (r != last) ++changes;
        last = r;
    }
    CHECK(last == belgorod);
    CHECK(changes == 1);
}

TEST_CASE("RegionGrid answers as regionAt across the map and at and beside every region's vertices", "[geo]")
{
    const RegionGrid grid(regions());
    std::mt19937 random(2026);
    std::uniform_real_distribution<double> lon(-181, 181), lat(20, 85), hair(-1e-7, 1e-7);
    int inSome = 0, compared = 0;
    const auto compare = [&](double x, double y) {
        const int expected = regions().regionAt(x, y);
        inSome += expected >= 0;
        ++compared;
        if (grid.regionAt(x, y) != expected) FAIL_CHECK("at " << x << ", " << y << ": " << expected);
    };
    for (int i = 0; i < 200'000; ++i)
        compare(lon(random), lat(random));
    // The vertices and the middles of edges, and points a hair beside them: in touched cells.
    for (const AreaFeature &region : regions().regions())
        for (const LonLatRing &ring : region.rings)
            for (qsizetype v = 0; v + 1 < ring.size(); v += 7) {
                const QPointF middle = (ring[v] + ring[v + 1]) / 2;
                compare(ring[v].x(), ring[v].y());
                compare(middle.x() + hair(random), middle.y() + hair(random));
            }
    // The same points asked again come from the runs filled by the first asking.
    for (int i = 0; i < 20'000; ++i)
        compare(35 + 3.5 * (i % 100) / 100.0, 50.3 + 1.7 * (i / 100) / 200.0);
    CHECK(inSome > compared / 10);
}

TEST_CASE("find takes a code or a name in any language, whatever the case", "[geo]")
{
    const int kursk = regionIndex("RU-KRS");
    CHECK(regions().find(QStringLiteral("ru-krs")) == kursk);
    CHECK(regions().find(QStringLiteral("Kursk")) == kursk);
    CHECK(regions().find(QStringLiteral("kursk")) == kursk);
    CHECK(regions().find(QStringLiteral("KURSK")) == kursk);
    CHECK(regions().find(QStringLiteral("  Kursk ")) == kursk);
    CHECK(regions().find(QStringLiteral("Курская область")) == kursk);
    CHECK(regions().find(QStringLiteral("курская область")) == kursk);
    CHECK(regions().find(QStringLiteral("Курська область")) == kursk);

    const int belgorod = regionIndex("RU-BEL");
    CHECK(regions().find(QStringLiteral("Belgorod")) == belgorod);
    CHECK(regions().find(QStringLiteral("Bélgorod")) == belgorod); // Spanish
    CHECK(regions().find(QStringLiteral("Белгородская область")) == belgorod);
    CHECK(regions().find(QStringLiteral("Alaska")) == regionIndex("US-AK"));

    CHECK(regions().find(QStringLiteral("Atlantis")) == -1);
    CHECK(regions().find(QStringLiteral("RU-XXX")) == -1);
    CHECK(regions().find(QString()) == -1);
    CHECK(regions().find(QStringLiteral("Kursk Oblast")) == -1); // names match whole, not in part
}

TEST_CASE("RegionMembership: events coded to a region or located in it", "[geo][store]")
{
    EventStoreBuilder builder;
    builder.add(at(event("kursk-point", u"2024-11-05"), kKursk[0], kKursk[1]));
    builder.add(coded(at(event("coded-belgorod-in-pyongyang", u"2025-04"), kPyongyang[0], kPyongyang[1]), {"RU-BEL"}));
    builder.add(coded(event("coded-belgorod-nowhere", u"2025"), {"RU-BEL"}));
    builder.add(coded(at(event("kursk-coded-and-located", u"2024-08-06"), kKursk[0], kKursk[1]), {"RU-KRS"}));
    // The Kursk end is the second vertex: the anchor (first vertex) is in Pyongyang.
    builder.add(line(event("call-pyongyang-kursk", u"2025-08-12", "diplomatic-contact"),
                     {QPointF(kPyongyang[0], kPyongyang[1]), QPointF(kKursk[0], kKursk[1])}));
    // Crosses Belgorod oblast between its vertices, but none of them lies in it.
    builder.add(line(event("call-kyiv-moscow", u"2025-01-01", "diplomatic-contact"),
                     {QPointF(30.52, 50.45), QPointF(kMoscow[0], kMoscow[1])}));
    builder.add(at(event("black-sea", u"2024-12"), 34.0, 43.5));
    const auto store = builder.build();
    const auto membership = std::make_shared<RegionMembership>(store, bundledBaseMap()->regions);

    const int kursk = regionIndex("RU-KRS"), belgorod = regionIndex("RU-BEL");
    const int pyongyang = regionIndex("KP-01"), moscow = regions().regionAt(kMoscow[0], kMoscow[1]);

    CHECK(idsOf(*store, membership->eventsIn(kursk)) ==
          QStringList{"kursk-coded-and-located", "kursk-point", "call-pyongyang-kursk"}); // once each, in time order
    CHECK(idsOf(*store, membership->eventsIn(belgorod)) ==
          QStringList{"coded-belgorod-nowhere", "coded-belgorod-in-pyongyang"});
    CHECK(idsOf(*store, membership->eventsIn(pyongyang)) ==
          QStringList{"coded-belgorod-in-pyongyang", "call-pyongyang-kursk"});
    CHECK(idsOf(*store, membership->eventsIn(moscow)) == QStringList{"call-kyiv-moscow"});
    CHECK(membership->eventsIn(regionIndex("US-AK")).empty());

    CHECK(membership->eventsIn(-1).empty());
    CHECK(membership->eventsIn(int(regions().regions().size())).empty());
    // Cached: the same list again.
    CHECK(&membership->eventsIn(kursk) == &membership->eventsIn(kursk));
}

TEST_CASE("RegionMembership agrees with brute force on random events around Kursk and Belgorod, from several threads",
          "[geo][store]")
{
    std::mt19937_64 rng(51);
    std::uniform_real_distribution<double> lon(33.0, 40.0), lat(49.5, 53.0);
    std::bernoulli_distribution sometimes(0.1);
    const QStringList codes = {"RU-KRS", "RU-BEL", "RU-ORL", "UA-59"};
    EventStoreBuilder builder;
    for (int k = 0; k < 4000; ++k) {
        Event e = event(QByteArray("r-" + QByteArray::number(k)).constData(), k % 2 ? u"2025-08" : u"2024-10-01");
        if (k % 7 == 0)
            e = line(e, {QPointF(lon(rng), lat(rng)), QPointF(lon(rng), lat(rng)), QPointF(lon(rng), lat(rng))});
        else if (k % 11 != 0)
            e = at(e, lon(rng), lat(rng));
        for (const QString &code : codes)
            if (sometimes(rng)) e.regions.append(code);
        builder.add(e);
    }
    const auto store = builder.build();
    const auto membership = std::make_shared<RegionMembership>(store, bundledBaseMap()->regions);

    std::vector<int> wanted;
    for (const char *code : {"RU-KRS", "RU-BEL", "RU-ORL", "RU-VOR", "RU-BRY", "UA-59", "UA-18", "KP-01"})
        wanted.push_back(regionIndex(code));

    // Ask from four threads at once, as the map and the panels do.
    std::vector<std::vector<EventStore::IndexList>> answers(4);
    std::vector<std::thread> threads;
    for (size_t t = 0; t < answers.size(); ++t)
        threads.emplace_back([&, t] {
            for (size_t w = 0; w < wanted.size(); ++w)
                answers[t].push_back(membership->eventsIn(wanted[(w + t) % wanted.size()]));
        });
    for (auto &thread : threads)
        thread.join();

    size_t located = 0;
    for (size_t w = 0; w < wanted.size(); ++w) {
        const int r = wanted[w];
        const QString code = regions().regions()[r].code;
        EventStore::IndexList expected;
        for (EventStore::Index i = 0; i < store->size(); ++i) {
            bool in = store->regionCodes(i).contains(code);
            for (const QPointF &v : store->lonLatVertices(i))
                in = in || regions().regionAt(v.x(), v.y()) == r;
            if (in) expected.push_back(i);
            if (in && !store->regionCodes(i).contains(code)) ++located;
        }
        INFO(code.toStdString());
        CHECK(membership->eventsIn(r) == expected);
        for (size_t t = 0; t < answers.size(); ++t)
            CHECK(answers[t][(w + answers.size() * wanted.size() - t) % wanted.size()] == expected);
    }
    CHECK(located > 1000); // most members are found by location, not by code
    CHECK(membership->eventsIn(regionIndex("RU-KRS")).size() > 500);
    CHECK(membership->eventsIn(regionIndex("KP-01")).empty());
}

TEST_CASE("EventFilter combines a time window, categories and a region", "[geo][store]")
{
    EventStoreBuilder builder;
    builder.add(at(event("kursk-deployment-aug", u"2025-08"), kKursk[0], kKursk[1]));
    builder.add(at(event("kursk-deployment-2024", u"2024-11"), kKursk[0], kKursk[1]));
    builder.add(at(event("kursk-combat-aug", u"2025-08-03", "combat"), kKursk[0], kKursk[1]));
    builder.add(coded(at(event("belgorod-coded-kursk", u"2025-08-20"), kBelgorod[0], kBelgorod[1]), {"RU-KRS"}));
    builder.add(at(event("belgorod-deployment", u"2025-08-21"), kBelgorod[0], kBelgorod[1]));
    builder.add(
        coded(at(event("pyongyang-statement", u"2025-08-14", "statement"), kPyongyang[0], kPyongyang[1]), {"KP-01"}));
    Event span = at(event("deployment-2024-2025", u"2024-10"), kKursk[0], kKursk[1]);
    span.when = *TimeSpan::parse(u"2024-10", u"2025-12");
    builder.add(span);
    const auto store = builder.build();
    const auto membership = std::make_shared<RegionMembership>(store, bundledBaseMap()->regions);
    const int kursk = regionIndex("RU-KRS");

    auto ids = [&](const EventFilter &f, const RegionMembership *m) { return idsOf(*store, f.apply(*store, m)); };

    EventFilter all;
    CHECK(ids(all, membership.get()).size() == 7);
    CHECK(all.apply(*store) == store->inWindow({utc(1900), utc(2100)}));

    EventFilter f;
    f.window = TimeWindow{utc(2025, 8, 10), utc(2025, 8, 31)};
    CHECK(ids(f, nullptr) == QStringList{"deployment-2024-2025", "kursk-deployment-aug", "pyongyang-statement",
                                         "belgorod-coded-kursk", "belgorod-deployment"});
    f.categories = {"deployment"};
    CHECK(ids(f, nullptr) ==
          QStringList{"deployment-2024-2025", "kursk-deployment-aug", "belgorod-coded-kursk", "belgorod-deployment"});
    f.regionIndex = kursk;
    CHECK(ids(f, membership.get()) ==
          QStringList{"deployment-2024-2025", "kursk-deployment-aug", "belgorod-coded-kursk"});
    // Certainly: the month-precise deployment may lie before the 10th; the span from 2024-10 to
    // 2025-12 overlaps the window however its uncertain ends are read.
    f.match = WindowMatch::Certainly;
    CHECK(ids(f, membership.get()) == QStringList{"deployment-2024-2025", "belgorod-coded-kursk"});
    f.match = WindowMatch::Possibly;
    f.categories = {"deployment", "combat"};
    f.window = TimeWindow{utc(2025, 8), utc(2025, 9)};
    CHECK(ids(f, membership.get()) ==
          QStringList{"deployment-2024-2025", "kursk-deployment-aug", "kursk-combat-aug", "belgorod-coded-kursk"});
    f.categories = {"summit"};
    CHECK(ids(f, membership.get()).isEmpty());

    EventFilter regionOnly;
    regionOnly.regionIndex = regionIndex("KP-01");
    CHECK(ids(regionOnly, membership.get()) == QStringList{"pyongyang-statement"});
    CHECK(ids(regionOnly, nullptr).size() == 7); // a region needs a membership; without one it restricts nothing
}

TEST_CASE("The bundled dataset: Kursk's events are those coded RU-KRS or located in Kursk", "[geo][store]")
{
    const auto dataset = test::bundledDataset();
    const EventStore &store = *dataset->events;
    REQUIRE(store.size() > 10);
    const int kursk = regionIndex("RU-KRS"), belgorod = regionIndex("RU-BEL");
    const EventStore::IndexList &inKursk = dataset->membership->eventsIn(kursk);
    const EventStore::IndexList &inBelgorod = dataset->membership->eventsIn(belgorod);

    EventStore::IndexList expected;
    for (EventStore::Index i = 0; i < store.size(); ++i) {
        bool in = store.regionCodes(i).contains(u"RU-KRS");
        for (const QPointF &v : store.lonLatVertices(i))
            in = in || regions().regionAt(v.x(), v.y()) == kursk;
        if (in) expected.push_back(i);
    }
    CHECK(inKursk == expected);
    CHECK(inKursk.size() >= store.codedTo(QStringLiteral("RU-KRS")).size());
    CHECK(store.codedTo(QStringLiteral("RU-KRS")).size() >= 5);
    for (EventStore::Index i : store.codedTo(QStringLiteral("RU-BEL"))) {
        CHECK(std::binary_search(inBelgorod.begin(), inBelgorod.end(), i));
        CHECK(store.regionCodes(i).contains(u"RU-KRS")); // the deployment records name both oblasts
    }
    CHECK_FALSE(store.codedTo(QStringLiteral("RU-BEL")).empty());

    const EventStore::Index call = test::kimPutinCall(store);
    REQUIRE(call >= 0);
    CHECK(store.category(call) == QStringLiteral("diplomatic-contact"));
    CHECK_FALSE(std::binary_search(inKursk.begin(), inKursk.end(), call));
    const auto &inPyongyang = dataset->membership->eventsIn(regionIndex("KP-01"));
    // The data codes the call RU-MOW (ISO: the city); with Natural Earth's swapped Moscow codes that
    // is the oblast's polygon, and the call's Moscow end lies in the city's (RU-MOS): it is in both.
    const auto &codedMoscow = dataset->membership->eventsIn(regionIndex("RU-MOW"));
    const auto &inMoscowCity = dataset->membership->eventsIn(regions().regionAt(kMoscow[0], kMoscow[1]));
    CHECK(std::binary_search(inPyongyang.begin(), inPyongyang.end(), call));
    CHECK(std::binary_search(codedMoscow.begin(), codedMoscow.end(), call));
    CHECK(std::binary_search(inMoscowCity.begin(), inMoscowCity.end(), call));

    // August 2025's deployments in Kursk, possibly and certainly.
    EventFilter f;
    f.window = TimeWindow{utc(2025, 8), utc(2025, 9)};
    f.categories = {QStringLiteral("deployment")};
    f.regionIndex = kursk;
    const auto possibly = f.apply(store, dataset->membership.get());
    f.match = WindowMatch::Certainly;
    const auto certainly = f.apply(store, dataset->membership.get());
    CHECK_FALSE(certainly.empty());
    CHECK(certainly.size() <= possibly.size());
    CHECK(std::includes(possibly.begin(), possibly.end(), certainly.begin(), certainly.end()));
    for (EventStore::Index i : possibly) {
        INFO(store.id(i).toStdString());
        CHECK(store.category(i) == QStringLiteral("deployment"));
        CHECK(store.when(i).possiblyOverlaps(*f.window));
        CHECK(std::binary_search(inKursk.begin(), inKursk.end(), i));
    }
    for (EventStore::Index i : certainly)
        CHECK(store.when(i).certainlyOverlaps(*f.window));
    CHECK(idsOf(store, certainly).contains(QStringLiteral("2025-08-kursk-belgorod-deployment-11000")));
}
