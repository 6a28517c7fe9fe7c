// SPDX-License-Identifier: GPL-3.0-or-later
// Linked views and filters on real widgets: the filter bar on a real MainWindow, legend toggles,
// the map following the selection, the timeline narrowed to a region, faded events.
#include "widgets/event_table_model.h"
#include "widgets/filter_bar.h"
#include "core/geo/region_index.h"
#include "widgets/main_window.h"
#include "widgets/map_view.h"
#include "render/snapshot/snapshot_composer.h"
#include "core/store/event_filter.h"
#include "widgets/timeline_view.h"
#include "window_loading.h"

#include "../render/prepared_data.h"

#include <QBuffer>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPainter>
#include <QPushButton>
#include <QRegularExpression>
#include <QSvgGenerator>
#include <QTableView>
#include <QTest>

#include "../qt_string_maker.h"

#include <catch2/catch.hpp>

using namespace chronomap;

namespace {

/// Events whose record mentions every word, found by decoding each whole record.
EventStore::IndexList scanFor(const EventStore &store, const QString &word)
{
    EventStore::IndexList result;
    for (EventStore::Index i = 0; i < store.size(); ++i) {
        const Event e = store.event(i);
        QStringList fields = e.title.values() + e.summary.values() + e.actors + e.places;
        for (const Source &s : e.sources)
            fields << s.name << s.url;
        if (std::any_of(fields.begin(), fields.end(),
                        [&](const QString &f) { return f.contains(word, Qt::CaseInsensitive); }))
            result.push_back(i);
    }
    return result;
}

/// The two numbers of the status bar's "N of M events".
std::pair<qsizetype, qsizetype> countShown(const MainWindow &window)
{
    const auto *label = window.findChild<QLabel *>(QStringLiteral("eventCount"));
    REQUIRE(label);
    const auto m = QRegularExpression(QStringLiteral("^(\\d+)\\D+(\\d+)")).match(label->text());
    REQUIRE(m.hasMatch());
    return {m.captured(1).toLongLong(), m.captured(2).toLongLong()};
}

struct MapFixture {
    ViewState state;
    MapView map{&state};
    MapFixture()
    {
        map.resize(1200, 800);
        map.show();
        REQUIRE(QTest::qWaitForWindowExposed(&map));
        state.setDataset(test::preparedBundledDataset());
        map.zoomToData();
        map.repaint();
    }
};

} // namespace

TEST_CASE("Typing in the filter bar's search narrows the events and the status bar counts them", "[widgets]")
{
    MainWindow window;
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    REQUIRE(test::loadFiles(window, {test::sourcePath("geodata/events/russia-north-korea.geojson")}));
    const ViewState &state = *window.viewState();
    const EventStore &store = *state.dataset()->events;
    CHECK(countShown(window) == std::pair{qsizetype(store.size()), store.size()});

    auto *bar = window.findChild<FilterBar *>(QStringLiteral("filterToolBar"));
    REQUIRE(bar);
    CHECK(bar->isVisible());

    // Ctrl+F from the map puts the cursor in the search field.
    window.activateWindow();
    window.mapView()->setFocus();
    QTest::keyClick(window.mapView(), Qt::Key_F, Qt::ControlModifier);
    CHECK(bar->searchField()->hasFocus());

    QTest::keyClicks(bar->searchField(), QStringLiteral("Kursk"));
    CHECK(state.searchText() == QStringLiteral("Kursk"));
    const auto kursk = scanFor(store, QStringLiteral("Kursk"));
    REQUIRE(!kursk.empty());
    REQUIRE(qsizetype(kursk.size()) < store.size());
    CHECK(state.visibleEvents() == kursk);
    CHECK(countShown(window) == std::pair{qsizetype(kursk.size()), store.size()});

    // The confidence menu hides a confidence; the state and the count follow.
    QAction *confirmed = nullptr;
    for (QAction *a : bar->filterMenu()->actions())
        if (a->isCheckable() && Confidence(a->data().toInt()) == Confidence::Confirmed) confirmed = a;
    REQUIRE(confirmed);
    CHECK(confirmed->isChecked());
    confirmed->trigger();
    CHECK(state.hiddenConfidences() == QSet<Confidence>{Confidence::Confirmed});
    EventStore::IndexList notConfirmed;
    std::copy_if(kursk.begin(), kursk.end(), std::back_inserter(notConfirmed),
                 [&](EventStore::Index i) { return store.event(i).confidence != Confidence::Confirmed; });
    CHECK(state.visibleEvents() == notConfirmed);
    CHECK(countShown(window).first == qsizetype(notConfirmed.size()));

    // The window choices write the state, and follow it when it changes elsewhere.
    bar->matchBox()->setCurrentIndex(bar->matchBox()->findData(int(WindowMatch::Certainly)));
    CHECK(state.windowMatch() == WindowMatch::Certainly);
    window.viewState()->setOutOfWindowMode(OutOfWindowMode::Faded);
    CHECK(bar->outOfWindowBox()->currentData().toInt() == int(OutOfWindowMode::Faded));

    // Clearing the field shows everything again (but the hidden confidence).
    bar->searchField()->clear();
    CHECK(state.searchText().isEmpty());
    window.viewState()->setHiddenConfidences({});
    CHECK(confirmed->isChecked());
    CHECK(countShown(window).first == store.size());
}

TEST_CASE("The All events table lists the events passing the filters, whatever the time window", "[widgets]")
{
    MainWindow window;
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    REQUIRE(test::loadFiles(window, {test::sourcePath("geodata/events/russia-north-korea.geojson")}));
    ViewState &state = *window.viewState();
    const EventStore &store = *state.dataset()->events;
    QTableView *table = window.eventTable();
    const auto rows = [&] {
        const auto *model = static_cast<const EventTableModel *>(table->model());
        EventStore::IndexList events;
        for (int row = 0; row < model->rowCount(); ++row)
            events.push_back(model->eventAt(row));
        return events;
    };
    CHECK(qsizetype(rows().size()) == store.size());
    // Long titles do not push the category column out of the table's view.
    INFO("category column at " << table->columnViewportPosition(EventTableModel::Category) << " of "
                               << table->viewport()->width() << " px");
    CHECK(table->columnViewportPosition(EventTableModel::Category) + 40 < table->viewport()->width());

    // A search typed in the filter bar narrows the table.
    auto *bar = window.findChild<FilterBar *>(QStringLiteral("filterToolBar"));
    REQUIRE(bar);
    QTest::keyClicks(bar->searchField(), QStringLiteral("Kursk"));
    const auto kursk = scanFor(store, QStringLiteral("Kursk"));
    REQUIRE(qsizetype(kursk.size()) < store.size());
    CHECK(rows() == kursk);

    // A time window does not: the table is the events ignoring it, the map shows fewer.
    state.setTimeWindow(TimeWindow{QDateTime(QDate(2025, 8, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch(),
                                   QDateTime(QDate(2025, 9, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch()});
    REQUIRE(state.visibleEvents().size() < kursk.size());
    CHECK(rows() == kursk);
    CHECK(rows() == state.eventsIgnoringWindow());

    // Hiding a category removes its rows; the selection stays on its row across the change.
    const EventStore::Index statement =
        store.findId(QStringLiteral("2025-04-28-north-korea-confirms-kursk-deployment"));
    REQUIRE(std::binary_search(kursk.begin(), kursk.end(), statement));
    state.setSelectedEvent(statement);
    state.setHiddenCategories({QStringLiteral("deployment")});
    EventStore::IndexList noDeployments;
    std::copy_if(kursk.begin(), kursk.end(), std::back_inserter(noDeployments),
                 [&](EventStore::Index i) { return store.category(i) != QStringLiteral("deployment"); });
    REQUIRE(noDeployments.size() < kursk.size());
    CHECK(rows() == noDeployments);
    const QModelIndexList selected = table->selectionModel()->selectedRows();
    REQUIRE(selected.size() == 1);
    CHECK(static_cast<const EventTableModel *>(table->model())->eventAt(selected.first().row()) == statement);

    // Clicking a row selects its event.
    const QRect cell = table->visualRect(table->model()->index(0, 1));
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, cell.center());
    CHECK(state.selectedEvent() == noDeployments.front());

    bar->searchField()->clear();
    state.setHiddenCategories({});
    CHECK(qsizetype(rows().size()) == store.size());
}

TEST_CASE("Clicking a legend entry hides its category and a second click shows it again", "[widgets]")
{
    MapFixture f;
    const EventStore &store = *f.state.dataset()->events;
    const auto &entries = f.map.legendHits().entries;
    REQUIRE(entries.size() >= 3);
    const auto combat = std::find_if(entries.begin(), entries.end(),
                                     [](const LegendHits::Entry &e) { return e.category == u"combat"; });
    REQUIRE(combat != entries.end());
    const QPoint at = combat->rectPx.center().toPoint();

    QTest::mouseClick(&f.map, Qt::LeftButton, {}, at);
    CHECK(f.state.hiddenCategories() == QSet<QString>{QStringLiteral("combat")});
    CHECK(f.state.selectedRegion() == -1); // the click went to the legend, not the map under it
    REQUIRE(!f.state.visibleEvents().empty());
    for (EventStore::Index i : f.state.visibleEvents())
        CHECK(store.category(i) != u"combat");

    // Still listed, greyed, at the same place: a second click brings it back.
    f.map.repaint();
    const auto &again = f.map.legendHits().entries;
    const auto hidden =
        std::find_if(again.begin(), again.end(), [](const LegendHits::Entry &e) { return e.category == u"combat"; });
    REQUIRE(hidden != again.end());
    CHECK(hidden->hidden);
    CHECK(hidden->rectPx.contains(at));
    QTest::mouseClick(&f.map, Qt::LeftButton, {}, at);
    CHECK(f.state.hiddenCategories().isEmpty());
    CHECK(f.state.visibleEvents().size() == size_t(store.size()));
}

TEST_CASE("Selecting an event off screen pans the map to it, one on screen leaves the map alone", "[widgets]")
{
    MapFixture f;
    const auto dataset = f.state.dataset();
    const EventStore &store = *dataset->events;
    const int kursk = dataset->baseMap->regions->find(QStringLiteral("RU-KRS"));
    REQUIRE(kursk >= 0);
    f.map.zoomToRegion(kursk);
    f.map.repaint();

    // An event east of the Urals is off a map of Kursk; one in Kursk is on it.
    EventStore::Index far = -1, near = -1;
    for (EventStore::Index i = 0; i < store.size(); ++i) {
        if (store.geometryKind(i) != GeometryKind::Point) continue;
        if (far < 0 && store.lonDeg(i) > 100) far = i;
        if (near < 0 && f.map.isOnScreen(i, 30)) near = i;
    }
    REQUIRE(far >= 0);
    REQUIRE(near >= 0);
    CHECK_FALSE(f.map.isOnScreen(far));

    const QPointF centreBefore = f.map.viewport().centreMercatorM();
    const double scaleBefore = f.map.viewport().metresPerPixel();
    f.state.setSelectedEvent(near);
    CHECK(f.map.viewport().centreMercatorM() == centreBefore);

    f.state.setSelectedEvent(far);
    CHECK(f.map.isOnScreen(far, 30));
    CHECK(f.map.viewport().metresPerPixel() == scaleBefore); // panned, not zoomed
    const QPointF px = f.map.screenPosOf(QPointF(store.lonDeg(far), store.latDeg(far)));
    CHECK(std::abs(px.x() - f.map.width() / 2.0) < 2);
    CHECK(std::abs(px.y() - f.map.height() / 2.0) < 2);
}

TEST_CASE("Selecting Kursk narrows the timeline to Kursk's events until Show all", "[widgets][timeline]")
{
    ViewState state;
    TimelineView timeline(&state);
    timeline.resize(1400, 360);
    timeline.show();
    REQUIRE(QTest::qWaitForWindowExposed(&timeline));
    state.setDataset(test::preparedBundledDataset());
    const auto dataset = state.dataset();
    const EventStore &store = *dataset->events;
    const auto drawn = [&] {
        EventStore::IndexList shown;
        for (EventStore::Index i = 0; i < store.size(); ++i)
            if (!timeline.eventRect(i).isEmpty()) shown.push_back(i);
        return shown;
    };
    const auto all = drawn();
    CHECK(all.size() == size_t(store.size()));
    CHECK_FALSE(timeline.regionButton()->isVisible());

    const int kursk = dataset->baseMap->regions->find(QStringLiteral("RU-KRS"));
    REQUIRE(kursk >= 0);
    state.setSelectedRegion(kursk);
    const auto &inKursk = dataset->membership->eventsIn(kursk);
    REQUIRE(!inKursk.empty());
    REQUIRE(inKursk.size() < all.size());
    CHECK(drawn() == inKursk);
    CHECK(state.visibleEvents().size() == size_t(store.size())); // the map still shows all
    REQUIRE(timeline.regionButton()->isVisible());
    CHECK(timeline.regionButton()->text().contains(QStringLiteral("Kursk")));
    CHECK(timeline.rect().contains(timeline.regionButton()->geometry()));

    QTest::mouseClick(timeline.regionButton(), Qt::LeftButton);
    CHECK(state.selectedRegion() == -1);
    CHECK_FALSE(timeline.regionButton()->isVisible());
    CHECK(drawn() == all);

    // A click on a lane's label hides its category: its events leave the timeline and the map.
    const QRectF combatMark = timeline.eventRect(store.findId(store.id(all.front())));
    REQUIRE(!combatMark.isEmpty());
    const QString category = store.category(all.front());
    const QPoint label(8, int(combatMark.center().y()));
    CHECK(timeline.laneLabelAt(label) == category);
    QTest::mouseClick(&timeline, Qt::LeftButton, {}, label);
    CHECK(state.hiddenCategories() == QSet<QString>{category});
    CHECK(timeline.eventRect(all.front()).isEmpty());
    for (EventStore::Index i : state.visibleEvents())
        CHECK(store.category(i) != category);
}

TEST_CASE("With Fade the map draws events outside the window faded instead of hiding them", "[widgets][render]")
{
    MapFixture f;
    const EventStore &store = *f.state.dataset()->events;
    // The window holds the first year only; pick a later point event with no other event near it.
    const TimeWindow firstYear{store.extent().fromMs, store.extent().fromMs + 365LL * 86'400'000};
    f.state.setTimeWindow(firstYear);
    REQUIRE(!f.state.visibleEvents().empty());
    EventStore::Index lone = -1;
    for (EventStore::Index i = 0; i < store.size() && lone < 0; ++i) {
        if (store.geometryKind(i) != GeometryKind::Point || store.locationPrecision(i) == LocationPrecision::Region ||
            std::binary_search(f.state.visibleEvents().begin(), f.state.visibleEvents().end(), i))
            continue;
        const QPointF p = f.map.screenPosOf(QPointF(store.lonDeg(i), store.latDeg(i)));
        if (!f.map.rect().adjusted(20, 20, -20, -20).contains(p.toPoint())) continue;
        bool alone = true;
        for (EventStore::Index j = 0; j < store.size(); ++j) {
            const QPointF q = f.map.screenPosOf(QPointF(store.lonDeg(j), store.latDeg(j)));
            if (j != i && std::hypot(p.x() - q.x(), p.y() - q.y()) < 20) alone = false;
        }
        if (alone) lone = i;
    }
    REQUIRE(lone >= 0);
    const QPoint at = f.map.screenPosOf(QPointF(store.lonDeg(lone), store.latDeg(lone))).toPoint();

    const QImage hidden = f.map.grab().toImage();
    f.state.setOutOfWindowMode(OutOfWindowMode::Faded);
    const QImage faded = f.map.grab().toImage();
    f.state.setTimeWindow(std::nullopt);
    const QImage shown = f.map.grab().toImage();
    const double dpr = hidden.devicePixelRatio();
    const QColor h = hidden.pixelColor(at * dpr), fa = faded.pixelColor(at * dpr), s = shown.pixelColor(at * dpr);
    const auto distance = [](const QColor &a, const QColor &b) {
        return std::abs(a.red() - b.red()) + std::abs(a.green() - b.green()) + std::abs(a.blue() - b.blue());
    };
    INFO("hidden " << h.name().toStdString() << " faded " << fa.name().toStdString() << " shown "
                   << s.name().toStdString());
    CHECK(distance(h, s) > 60);  // the marker differs from the map under it
    CHECK(distance(fa, h) > 10); // faded: something is drawn…
    CHECK(distance(fa, s) > 10); // …but not the full marker
    CHECK(distance(fa, h) < distance(s, h));
}

TEST_CASE("A snapshot's header names the search and the hidden confidences and provenances", "[render]")
{
    // The header as drawn into an SVG: its text elements hold the words.
    const auto drawnText = [](const ViewState &state) {
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        QSvgGenerator svg;
        svg.setOutputDevice(&buffer);
        svg.setSize(QSize(1600, 900));
        svg.setViewBox(QRect(0, 0, 1600, 900));
        const SnapshotComposer composer(state, SnapshotComposer::Content{});
        {
            QPainter painter(&svg);
            REQUIRE(composer.paint(painter, QSizeF(1600, 900)));
        }
        return QString::fromUtf8(buffer.data());
    };
    ViewState state;
    state.setDataset(test::preparedBundledDataset());
    CHECK_FALSE(drawnText(state).contains(QStringLiteral("Hidden confidence")));
    state.setSearchText(QStringLiteral("  Kursk  "));
    state.setHiddenConfidences({Confidence::Disputed});
    state.setHiddenProvenances({QStringLiteral("context")});
    const QString text = drawnText(state);
    CHECK(text.contains(QStringLiteral("“Kursk”")));
    CHECK(text.contains(QStringLiteral("Hidden confidence: disputed")));
    CHECK(text.contains(QStringLiteral("Hidden provenance: context")));
}
