// SPDX-License-Identifier: GPL-3.0-or-later
// EventFilter's search, confidence and provenance filters and the ViewState around them, each
// checked against a plain scan of the records.
#include "core/store/event_filter.h"
#include "core/view/view_state.h"
#include "core/view/view_state_json.h"

#include "../bundled_data.h"

#include <QJsonDocument>
#include <QSignalSpy>

#include "../qt_string_maker.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <functional>

using namespace chronomap;

namespace {

/// Every word of `words` somewhere in the record's titles, summaries (any language), actors,
/// places or sources, decoded from the whole Event rather than EventStore::searchableText().
bool scanMatches(const Event &e, const QStringList &words)
{
    QStringList fields = e.title.values() + e.summary.values() + e.actors + e.places;
    for (const Source &s : e.sources)
        fields << s.name << s.url;
    for (const QString &w : words) {
        if (std::none_of(fields.begin(), fields.end(),
                         [&](const QString &f) { return f.contains(w, Qt::CaseInsensitive); }))
            return false;
    }
    return true;
}

EventStore::IndexList scan(const EventStore &store, const std::function<bool(const Event &)> &keep)
{
    EventStore::IndexList result;
    for (EventStore::Index i = 0; i < store.size(); ++i)
        if (keep(store.event(i))) result.push_back(i);
    return result;
}

EventFilter textFilter(const QString &text)
{
    EventFilter f;
    f.text = text;
    return f;
}

Event record(const QString &id, const QString &start, const QString &category)
{
    Event e;
    e.id = id;
    e.when = *TimeSpan::parse(start);
    e.category = category;
    return e;
}

/// Four records, each with one distinctive word in one searchable field, and words in fields a
/// search leaves alone (id, category, region codes, claims).
std::shared_ptr<const EventStore> smallStore()
{
    Event a = record(QStringLiteral("id-xylophone"), QStringLiteral("2024-01-10"), QStringLiteral("summit"));
    a.title.insert(QString(), QStringLiteral("Alpha meeting"));
    a.title.insert(QStringLiteral("es"), QStringLiteral("Reunión Quebracho"));
    a.confidence = Confidence::Confirmed;
    a.provenance = QStringLiteral("article");
    a.regions = {QStringLiteral("RU-KRS")};
    a.summary.insert(QStringLiteral("ru"), QStringLiteral("Курская область"));
    Event b = record(QStringLiteral("b"), QStringLiteral("2024-02"), QStringLiteral("combat"));
    b.title.insert(QString(), QStringLiteral("Second record"));
    b.summary.insert(QStringLiteral("es"), QStringLiteral("Ofensiva en la región de Óblast"));
    b.actors = {QStringLiteral("Gamma Corps")};
    b.confidence = Confidence::Disputed;
    b.provenance = QStringLiteral("context");
    b.claims = {Claim{QStringLiteral("Deminers"), 100.0, {}, QStringLiteral("Claimsource"), {}, {}, {}, {}, -1}};
    Event c = record(QStringLiteral("c"), QStringLiteral("2024-03-01"), QStringLiteral("statement"));
    c.title.insert(QString(), QStringLiteral("Third record"));
    c.places = {QStringLiteral("Delta City")};
    c.sources = {Source{QStringLiteral("Epsilon News"), QStringLiteral("https://zeta.example/a"), {}, {}},
                 Source{QStringLiteral("Say \"Zulu\" back\\slash"), {}, {}, {}}};
    c.confidence = Confidence::Reported;
    Event d = record(QStringLiteral("d"), QStringLiteral("2024-04-01"), QStringLiteral("statement"));
    d.title.insert(QString(), QStringLiteral("Fourth record, alpha and omega"));
    d.summary.insert(QString(), QStringLiteral("Mentions Gamma too"));
    EventStoreBuilder builder;
    for (const Event &e : {a, b, c, d})
        builder.add(e);
    return builder.build();
}

QStringList ids(const EventStore &store, const EventStore::IndexList &events)
{
    QStringList result;
    for (EventStore::Index i : events)
        result << store.id(i);
    return result;
}

} // namespace

TEST_CASE("Search on a small store finds each word in its field, in either language, any case", "[store]")
{
    const auto store = smallStore();
    const auto found = [&](const QString &text) { return ids(*store, textFilter(text).apply(*store)); };
    CHECK(found(QStringLiteral("alpha")) == QStringList{"id-xylophone", "d"});
    CHECK(found(QStringLiteral("QUEBRACHO")) == QStringList{"id-xylophone"}); // Spanish title
    CHECK(found(QStringLiteral("óblast")) == QStringList{"b"});               // Spanish summary, accented
    CHECK(found(QStringLiteral("gamma")) == QStringList{"b", "d"});           // actor, summary
    CHECK(found(QStringLiteral("delta city")) == QStringList{"c"});           // place, two words
    CHECK(found(QStringLiteral("epsilon")) == QStringList{"c"});              // source name
    CHECK(found(QStringLiteral("zeta.example")) == QStringList{"c"});         // source URL
    CHECK(found(QStringLiteral("alpha omega")) == QStringList{"d"});          // every word must match
    CHECK(found(QStringLiteral("\"zulu\"")) == QStringList{"c"});             // escaped in the store
    CHECK(found(QStringLiteral("BACK\\SLASH")) == QStringList{"c"});
    CHECK(found(QStringLiteral("КУРСКАЯ")) == QStringList{"id-xylophone"}); // Cyrillic folds too
    CHECK(found(QStringLiteral("alpha курская")) == QStringList{"id-xylophone"});
    CHECK(found(QStringLiteral("  ")) == QStringList{"id-xylophone", "b", "c", "d"});
    // Ids, categories, region codes and claims are not searched.
    CHECK(found(QStringLiteral("xylophone")).isEmpty());
    CHECK(found(QStringLiteral("combat")).isEmpty());
    CHECK(found(QStringLiteral("RU-KRS")).isEmpty());
    CHECK(found(QStringLiteral("claimsource")).isEmpty());
}

TEST_CASE("Confidence and provenance sets on a small store keep exactly their records", "[store]")
{
    const auto store = smallStore();
    CHECK(store->provenances() == QStringList{"", "article", "context"});
    CHECK(store->provenance(store->findId(QStringLiteral("b"))) == u"context");
    EventFilter f;
    f.confidences = {Confidence::Confirmed, Confidence::Unknown};
    CHECK(ids(*store, f.apply(*store)) == QStringList{"id-xylophone", "d"});
    f.confidences.reset();
    f.provenances = {QString()};
    CHECK(ids(*store, f.apply(*store)) == QStringList{"c", "d"});
    f.provenances = {QStringLiteral("context"), QStringLiteral("article")};
    CHECK(ids(*store, f.apply(*store)) == QStringList{"id-xylophone", "b"});
    f.confidences = {Confidence::Disputed};
    f.text = QStringLiteral("gamma");
    CHECK(ids(*store, f.apply(*store)) == QStringList{"b"});
    // An empty set lets nothing through; an unset one everything.
    f = EventFilter{};
    f.provenances = QSet<QString>{};
    CHECK(f.apply(*store).empty());
    f.provenances.reset();
    f.categories = QSet<QString>{};
    CHECK(f.apply(*store).empty());
    f.categories.reset();
    CHECK(f.apply(*store).size() == size_t(store->size()));
}

TEST_CASE("On the bundled dataset each filter narrows exactly to what a scan of the records says", "[store]")
{
    const auto dataset = test::bundledDataset();
    const EventStore &store = *dataset->events;
    REQUIRE(store.size() > 10);

    SECTION("search words, from titles in both languages, places and actors")
    {
        QStringList queries{QStringLiteral("Kursk"), QStringLiteral("kursk"), QStringLiteral("PYONGYANG"),
                            QStringLiteral("Kim Putin"), QStringLiteral("no such word anywhere")};
        // A word from each record's Spanish title and one from its first actor and place.
        for (EventStore::Index i = 0; i < store.size(); ++i) {
            const Event e = store.event(i);
            const QStringList es = EventFilter::searchWords(e.title.value(QStringLiteral("es")));
            if (!es.isEmpty())
                queries << *std::max_element(es.begin(), es.end(),
                                             [](auto &a, auto &b) { return a.size() < b.size(); });
            if (!e.actors.isEmpty()) queries << e.actors.first();
            if (!e.places.isEmpty()) queries << e.places.first().toLower();
        }
        qsizetype narrowed = 0;
        for (const QString &q : queries) {
            INFO(q.toStdString());
            const auto expected =
                scan(store, [&](const Event &e) { return scanMatches(e, EventFilter::searchWords(q)); });
            CHECK(textFilter(q).apply(store) == expected);
            narrowed += !expected.empty() && qsizetype(expected.size()) < store.size();
        }
        CHECK(narrowed > 5); // the queries did narrow, not just keep all or nothing
        CHECK(!textFilter(QStringLiteral("Kursk")).apply(store).empty());
    }

    SECTION("each confidence and each provenance")
    {
        qsizetype seen = 0;
        for (Confidence c : {Confidence::Unknown, Confidence::Confirmed, Confidence::Reported, Confidence::Claimed,
                             Confidence::Disputed}) {
            EventFilter f;
            f.confidences = {c};
            const auto expected = scan(store, [&](const Event &e) { return e.confidence == c; });
            CHECK(f.apply(store) == expected);
            seen += qsizetype(expected.size());
        }
        CHECK(seen == store.size());
        QSet<QString> provenances;
        for (EventStore::Index i = 0; i < store.size(); ++i)
            provenances.insert(store.event(i).provenance);
        CHECK(QSet<QString>(store.provenances().begin(), store.provenances().end()) == provenances);
        CHECK(provenances.size() >= 2);
        for (const QString &p : provenances) {
            EventFilter f;
            f.provenances = {p};
            CHECK(f.apply(store) == scan(store, [&](const Event &e) { return e.provenance == p; }));
        }
    }

    SECTION("all of them with a window and categories together")
    {
        const TimeWindow year2024{FuzzyDate::parse(u"2024")->startMs, FuzzyDate::parse(u"2025")->startMs};
        EventFilter f;
        f.window = year2024;
        f.categories = {QStringLiteral("deployment"), QStringLiteral("combat"), QStringLiteral("labour-dispatch")};
        f.confidences = {Confidence::Confirmed, Confidence::Reported};
        f.text = QStringLiteral("Kursk");
        const auto inWindow = store.inWindow(year2024);
        const auto expected = scan(store, [&](const Event &e) {
            const EventStore::Index i = store.findId(e.id);
            return std::binary_search(inWindow.begin(), inWindow.end(), i) && f.categories->contains(e.category) &&
                   f.confidences->contains(e.confidence) && scanMatches(e, {QStringLiteral("Kursk")});
        });
        CHECK(f.apply(store) == expected);
    }
}

TEST_CASE("ViewState applies search, hidden confidences and provenances, and caches what it computed", "[store]")
{
    const auto dataset = test::bundledDataset();
    const EventStore &store = *dataset->events;
    ViewState state;
    state.setDataset(dataset);
    QSignalSpy changed(&state, &ViewState::changed);
    QSignalSpy filterChanged(&state, &ViewState::filterChanged);
    QSignalSpy searchChanged(&state, &ViewState::searchTextChanged);
    CHECK(state.visibleEvents().size() == size_t(store.size()));

    state.setSearchText(QStringLiteral("kursk"));
    CHECK(searchChanged.count() == 1);
    CHECK(filterChanged.count() == 1);
    CHECK(changed.count() == 1);
    CHECK(state.hasContentFilter());
    const auto kursk = scan(store, [](const Event &e) { return scanMatches(e, {QStringLiteral("kursk")}); });
    CHECK(state.visibleEvents() == kursk);
    state.setSearchText(QStringLiteral("kursk")); // no change, no signal
    CHECK(changed.count() == 1);

    state.setHiddenConfidences({Confidence::Disputed, Confidence::Claimed});
    CHECK(state.visibleEvents() == scan(store, [](const Event &e) {
              return scanMatches(e, {QStringLiteral("kursk")}) && e.confidence != Confidence::Disputed &&
                     e.confidence != Confidence::Claimed;
          }));
    state.setSearchText({});
    const QString firstProvenance = store.provenances().first();
    state.setHiddenProvenances({firstProvenance});
    CHECK(state.visibleEvents() == scan(store, [&](const Event &e) {
              return e.provenance != firstProvenance && e.confidence != Confidence::Disputed &&
                     e.confidence != Confidence::Claimed;
          }));
    // Hiding every provenance shows nothing; hiding one the data lacks changes nothing.
    state.setHiddenConfidences({});
    state.setHiddenProvenances(QSet<QString>(store.provenances().begin(), store.provenances().end()));
    CHECK(state.visibleEvents().empty());
    state.setHiddenProvenances({QStringLiteral("not-in-the-data")});
    CHECK(state.visibleEvents().size() == size_t(store.size()));
    CHECK(state.hasContentFilter());
    state.setHiddenProvenances({});
    CHECK_FALSE(state.hasContentFilter());
}

TEST_CASE("Events ignoring the window and the selected region's events follow the filters", "[store]")
{
    const auto dataset = test::bundledDataset();
    const EventStore &store = *dataset->events;
    ViewState state;
    state.setDataset(dataset);
    const TimeWindow year2025{FuzzyDate::parse(u"2025")->startMs, FuzzyDate::parse(u"2026")->startMs};
    state.setTimeWindow(year2025);
    state.setHiddenCategories({QStringLiteral("treaty")});
    CHECK(state.outOfWindowMode() == OutOfWindowMode::Hidden);
    QSignalSpy modeChanged(&state, &ViewState::outOfWindowModeChanged);
    state.setOutOfWindowMode(OutOfWindowMode::Faded);
    CHECK(modeChanged.count() == 1);

    const auto notTreaty = scan(store, [](const Event &e) { return e.category != u"treaty"; });
    CHECK(state.eventsIgnoringWindow() == notTreaty);
    const auto inWindow = store.inWindow(year2025);
    EventStore::IndexList expectedVisible;
    std::set_intersection(notTreaty.begin(), notTreaty.end(), inWindow.begin(), inWindow.end(),
                          std::back_inserter(expectedVisible));
    CHECK(state.visibleEvents() == expectedVisible);
    CHECK(state.visibleEvents().size() < state.eventsIgnoringWindow().size());

    const int kursk = dataset->baseMap->regions->find(QStringLiteral("RU-KRS"));
    REQUIRE(kursk >= 0);
    CHECK(state.selectedRegionEvents().empty());
    state.setSelectedRegion(kursk);
    const auto &inKursk = dataset->membership->eventsIn(kursk);
    EventStore::IndexList expectedRegion;
    std::copy_if(inKursk.begin(), inKursk.end(), std::back_inserter(expectedRegion),
                 [&](EventStore::Index i) { return store.category(i) != u"treaty"; });
    REQUIRE(!expectedRegion.empty());
    CHECK(state.selectedRegionEvents() == expectedRegion);
    state.setSearchText(QStringLiteral("Korea"));
    EventStore::IndexList withSearch;
    std::copy_if(expectedRegion.begin(), expectedRegion.end(), std::back_inserter(withSearch),
                 [&](EventStore::Index i) { return scanMatches(store.event(i), {QStringLiteral("Korea")}); });
    CHECK(state.selectedRegionEvents() == withSearch);
    state.setSelectedRegion(-1);
    CHECK(state.selectedRegionEvents().empty());
}

TEST_CASE("A saved view state keeps the search, hidden confidences and provenances and Fade", "[store]")
{
    const auto dataset = test::bundledDataset();
    ViewState saved;
    saved.setDataset(dataset);
    const QJsonObject plain = ViewStateJson::toJson(saved);
    CHECK_FALSE(plain.contains(QStringLiteral("search"))); // files of views without them stay as they were

    saved.setSearchText(QStringLiteral("Kursk troops"));
    saved.setHiddenConfidences({Confidence::Unknown, Confidence::Disputed});
    saved.setHiddenProvenances({dataset->events->provenances().last()});
    saved.setOutOfWindowMode(OutOfWindowMode::Faded);
    const QJsonObject json = ViewStateJson::toJson(saved);

    ViewState restored;
    restored.setDataset(dataset);
    IssueList issues;
    REQUIRE(ViewStateJson::apply(json, restored, &issues));
    CHECK(issues.isEmpty());
    CHECK(restored.searchText() == saved.searchText());
    CHECK(restored.hiddenConfidences() == saved.hiddenConfidences());
    CHECK(restored.hiddenProvenances() == saved.hiddenProvenances());
    CHECK(restored.outOfWindowMode() == OutOfWindowMode::Faded);
    CHECK(restored.visibleEvents() == saved.visibleEvents());

    REQUIRE(ViewStateJson::apply(plain, restored, &issues));
    CHECK(restored.searchText().isEmpty());
    CHECK(restored.hiddenConfidences().isEmpty());
    CHECK(restored.outOfWindowMode() == OutOfWindowMode::Hidden);
}

TEST_CASE("A view's settings are one value: copied, saved and applied whole", "[store]")
{
    const auto dataset = test::bundledDataset();
    const EventStore &store = *dataset->events;
    ViewState source;
    source.setDataset(dataset);
    source.setTimeWindow(TimeWindow{FuzzyDate::parse(u"2024-06")->startMs, FuzzyDate::parse(u"2025-01")->startMs});
    source.setWindowMatch(WindowMatch::Certainly);
    source.setHiddenCategories({store.categories().first()});
    source.setHiddenConfidences({Confidence::Disputed});
    source.setSearchText(QStringLiteral("treaty"));
    source.setOutOfWindowMode(OutOfWindowMode::Faded);
    source.setLanguage(QStringLiteral("es"));
    source.setMapMode(MapMode::Choropleth);
    source.setChoroplethFigure(QStringLiteral("Deminers"));
    source.setMarkStyle(MarkStyle::HexBins);
    source.setHexBinsByCategory(true);
    source.setSelectedRegion(dataset->baseMap->regions->find(QStringLiteral("RU-KRS")));
    REQUIRE(source.selectedRegion() >= 0);
    source.setSelectedEvent(source.visibleEvents().front());

    // What a snapshot job does on its thread: the dataset and the settings, nothing else.
    ViewState copy;
    copy.setDataset(dataset);
    QSignalSpy changed(&copy, &ViewState::changed);
    copy.setSettings(source.settings());
    CHECK(copy.settings() == source.settings());
    CHECK(copy.visibleEvents() == source.visibleEvents());
    REQUIRE(copy.choroplethFigure());
    CHECK(copy.choroplethFigure()->quantity() == QStringLiteral("Deminers"));
    const auto signalsForAll = changed.count();
    copy.setSettings(source.settings()); // nothing changed, nothing emitted
    CHECK(changed.count() == signalsForAll);

    // A view-state file carries the same value, the choropleth's figure included.
    ViewState reopened;
    reopened.setDataset(dataset);
    IssueList issues;
    REQUIRE(ViewStateJson::apply(ViewStateJson::toJson(source), reopened, &issues));
    CHECK(issues.isEmpty());
    CHECK(reopened.settings() == source.settings());
    CHECK(reopened.hexBinsByCategory());
    // An unknown colouring of the bins is refused, naming the field.
    QJsonObject bad = ViewStateJson::toJson(source);
    CHECK(bad.value(QStringLiteral("map_style")).toString() == QStringLiteral("hexbins"));
    bad.insert(QStringLiteral("hexbin_colour"), QStringLiteral("rainbow"));
    issues.clear();
    CHECK_FALSE(ViewStateJson::apply(bad, reopened, &issues));
    REQUIRE(issues.size() == 1);
    CHECK(issues.front().field == QStringLiteral("hexbin_colour"));

    // Hiding every category leaves nothing shown, with no stand-in value in the filter.
    const QSet<QString> everyCategory(store.categories().begin(), store.categories().end());
    copy.setHiddenCategories(everyCategory);
    REQUIRE(copy.filter().categories);
    CHECK(copy.filter().categories->isEmpty());
    CHECK(copy.visibleEvents().empty());
}

TEST_CASE("Slots of filterChanged already read the events of the new filter", "[store]")
{
    const auto dataset = test::bundledDataset();
    ViewState state;
    state.setDataset(dataset);
    (void)state.visibleEvents(); // fill the caches, as the views do
    (void)state.eventsIgnoringWindow();
    EventStore::IndexList seenVisible, seenIgnoringWindow;
    QObject::connect(&state, &ViewState::filterChanged, [&] {
        seenVisible = state.visibleEvents();
        seenIgnoringWindow = state.eventsIgnoringWindow();
    });
    const auto check = [&](const char *what) {
        INFO(what);
        EventFilter f = state.filter();
        CHECK(seenVisible == f.apply(*dataset->events));
        f.window.reset();
        CHECK(seenIgnoringWindow == f.apply(*dataset->events));
    };
    state.setSearchText(QStringLiteral("Kursk"));
    check("search");
    state.setHiddenCategories({QStringLiteral("deployment")});
    check("categories");
    state.setHiddenConfidences({Confidence::Confirmed});
    check("confidences");
    state.setHiddenProvenances({QStringLiteral("context")});
    check("provenances");
    state.setTimeWindow(TimeWindow{0, 1'800'000'000'000});
    state.setWindowMatch(WindowMatch::Certainly);
    check("window match");
    CHECK(seenIgnoringWindow.size() < size_t(dataset->events->size()));
}

TEST_CASE("A database table's password never reaches a title, a default name or a view-state file", "[store]")
{
    const auto bundled = test::bundledDataset();
    const QString source = QStringLiteral("PG:host=/var/run/postgresql dbname=team password=s3cret tables=events");
    const auto dataset = Dataset::make({source}, bundled->events, bundled->baseMap);
    CHECK(dataset->fileNames() == QStringLiteral("events"));
    CHECK(Dataset::displayName(source) == QStringLiteral("events"));
    REQUIRE(dataset->absoluteFiles().size() == 1);
    CHECK(dataset->absoluteFiles().first().startsWith(QStringLiteral("PG:host=/var/run/postgresql dbname=team")));
    CHECK_FALSE(dataset->absoluteFiles().first().contains(QStringLiteral("s3cret")));

    ViewState state;
    state.setDataset(dataset);
    const QJsonObject json = ViewStateJson::toJson(state);
    CHECK_FALSE(QJsonDocument(json).toJson().contains("s3cret"));
    // Only the user connects: a view-state file's dataset is a file beside it, even one written as
    // a connection string, so a file mailed around cannot make Chronomap connect anywhere.
    const QStringList paths = ViewStateJson::datasetPaths(json, QStringLiteral("/home/analyst/views/kursk.json"));
    REQUIRE(paths.size() == 1);
    CHECK(paths.first().startsWith(QStringLiteral("/home/analyst/views/PG:host=")));
}
