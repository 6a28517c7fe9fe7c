// SPDX-License-Identifier: GPL-3.0-or-later
#include "render/prepared_dataset.h"
#include "render/category_style.h"
#include "render/map/map_style.h"
#include "widgets/playback_bar.h"
#include "widgets/playback_controller.h"
#include "../bench/timeline_benchmark.h"
#include "render/timeline/timeline_renderer.h"
#include "widgets/timeline_view.h"

#include "../qt_string_maker.h"

#include <QComboBox>
#include <QDateTime>
#include <QPainter>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>
#include <QToolButton>
#include <QWheelEvent>

#include <catch2/catch.hpp>

#include <random>

using namespace chronomap;

namespace {

qint64 utc(int y, int m, int d, int h = 0, int min = 0)
{
    return QDateTime(QDate(y, m, d), QTime(h, min), QTimeZone::utc()).toMSecsSinceEpoch();
}

Event record(const QString &id, const QString &start, const QString &end, const QString &category)
{
    Event e;
    e.id = id;
    e.title.insert({}, id);
    e.when = *TimeSpan::parse(start, end);
    e.category = category;
    return e;
}

/// A year of 2025: a summit (a day), a deployment known only to the month (August), a span of
/// arms transfers (1 May – 15 June), a timed combat report, monthly diplomatic contacts.
struct Fixture {
    std::shared_ptr<const Dataset> dataset;
    EventStore::Index summit = -1, august = -1, span = -1, timed = -1;

    Fixture()
    {
        EventStoreBuilder builder;
        builder.add(record(QStringLiteral("summit"), "2025-03-10", "", QStringLiteral("summit")));
        builder.add(record(QStringLiteral("august"), "2025-08", "", QStringLiteral("deployment")));
        builder.add(record(QStringLiteral("span"), "2025-05-01", "2025-06-15", QStringLiteral("arms-transfer")));
        builder.add(record(QStringLiteral("timed"), "2025-10-02T09:30Z", "", QStringLiteral("combat")));
        for (int m = 1; m <= 12; ++m)
            builder.add(record(QStringLiteral("contact-%1").arg(m),
                               QStringLiteral("2025-%1-15").arg(m, 2, 10, QChar(u'0')), {},
                               QStringLiteral("diplomatic-contact")));
        auto store = builder.build();
        summit = store->findId(QStringLiteral("summit"));
        august = store->findId(QStringLiteral("august"));
        span = store->findId(QStringLiteral("span"));
        timed = store->findId(QStringLiteral("timed"));
        dataset = PreparedDataset::make({QStringLiteral("timeline-test")}, store, nullptr);
    }
};

struct ShownView {
    ViewState state;
    TimelineView view{&state};

    explicit ShownView(const Fixture &f)
    {
        loadBundledFonts();
        view.resize(1200, 320);
        view.show();
        REQUIRE(QTest::qWaitForWindowExposed(&view));
        state.setDataset(f.dataset);
        view.setVisibleRange({utc(2025, 1, 1), utc(2026, 1, 1)});
    }
};

void dragOn(QWidget *w, QPointF from, QPointF to)
{
    QTest::mousePress(w, Qt::LeftButton, {}, from.toPoint());
    for (int k = 1; k <= 4; ++k)
        QTest::mouseMove(w, (from + (to - from) * k / 4.0).toPoint());
    QTest::mouseRelease(w, Qt::LeftButton, {}, to.toPoint());
}

bool near(const QColor &a, const QColor &b, int tolerance)
{
    return std::abs(a.red() - b.red()) <= tolerance && std::abs(a.green() - b.green()) <= tolerance &&
           std::abs(a.blue() - b.blue()) <= tolerance;
}

} // namespace

TEST_CASE("Brushing the axis strip sets the time window and a click there clears it", "[timeline][widgets]")
{
    const Fixture f;
    ShownView v(f);
    const auto all = v.state.visibleEvents();
    REQUIRE(all.size() == 16);
    QSignalSpy spy(&v.state, &ViewState::timeWindowChanged);

    const QRectF band = v.view.axisBand();
    REQUIRE(band.height() > 10);
    REQUIRE(band.bottom() <= v.view.height() + 0.5);
    const double y = band.center().y();
    dragOn(&v.view, QPointF(v.view.xOf(utc(2025, 4, 1)), y), QPointF(v.view.xOf(utc(2025, 7, 1)), y));

    REQUIRE(v.state.timeWindow());
    // At a year's zoom the edges snap to months.
    CHECK(v.state.timeWindow()->fromMs == utc(2025, 4, 1));
    CHECK(v.state.timeWindow()->toMs == utc(2025, 7, 1));
    CHECK(spy.count() >= 1);
    const auto &inWindow = v.state.visibleEvents();
    CHECK(inWindow.size() == 4); // the span and the April, May, June contacts
    CHECK(std::find(inWindow.begin(), inWindow.end(), f.span) != inWindow.end());
    CHECK(std::find(inWindow.begin(), inWindow.end(), f.august) == inWindow.end());
    CHECK(std::find(inWindow.begin(), inWindow.end(), f.summit) == inWindow.end());

    // Brushing right to left gives the same window.
    dragOn(&v.view, QPointF(v.view.xOf(utc(2025, 9, 1)), y), QPointF(v.view.xOf(utc(2025, 8, 1)), y));
    REQUIRE(v.state.timeWindow());
    CHECK(*v.state.timeWindow() == TimeWindow{utc(2025, 8, 1), utc(2025, 9, 1)});
    CHECK(v.state.visibleEvents().size() == 2); // the August deployment and the contact of 15 August

    QTest::mouseClick(&v.view, Qt::LeftButton, {}, QPoint(int(v.view.xOf(utc(2025, 10, 1))), int(y)));
    CHECK_FALSE(v.state.timeWindow());
    CHECK(v.state.visibleEvents() == all);

    // Dragging over the lanes pans instead: no window.
    const QRectF summit = v.view.eventRect(f.summit);
    REQUIRE_FALSE(summit.isEmpty());
    dragOn(&v.view, QPointF(600, summit.center().y()), QPointF(700, summit.center().y()));
    CHECK_FALSE(v.state.timeWindow());
    CHECK(v.view.eventRect(f.summit).center().x() == Approx(summit.center().x() + 100).margin(1));
}

TEST_CASE("Clicking a timeline mark selects that record and Escape clears it", "[timeline][widgets]")
{
    const Fixture f;
    ShownView v(f);
    QSignalSpy spy(&v.state, &ViewState::selectedEventChanged);
    for (const EventStore::Index i : {f.summit, f.timed, f.span, f.august}) {
        const QRectF r = v.view.eventRect(i);
        REQUIRE_FALSE(r.isEmpty());
        QTest::mouseClick(&v.view, Qt::LeftButton, {}, r.center().toPoint());
        CHECK(v.state.selectedEvent() == i);
    }
    CHECK(spy.count() == 4);
    v.view.setFocus();
    QTest::keyClick(&v.view, Qt::Key_Escape);
    CHECK(v.state.selectedEvent() == -1);

    // A click on empty lane space selects nothing.
    v.state.setSelectedEvent(f.summit);
    const QRectF lane = v.view.eventRect(f.summit);
    QTest::mouseClick(&v.view, Qt::LeftButton, {}, QPoint(int(v.view.xOf(utc(2025, 11, 20))), int(lane.center().y())));
    CHECK(v.state.selectedEvent() == -1);
}

TEST_CASE("A month-precise record is a bar over the whole month", "[timeline][widgets]")
{
    const Fixture f;
    ShownView v(f);
    const QRectF r = v.view.eventRect(f.august);
    REQUIRE_FALSE(r.isEmpty());
    CHECK(r.left() == Approx(v.view.xOf(utc(2025, 8, 1))).margin(1));
    CHECK(r.right() == Approx(v.view.xOf(utc(2025, 9, 1))).margin(1));

    // A day-precise summit at this zoom is a mark, centred on its day.
    const QRectF s = v.view.eventRect(f.summit);
    CHECK(s.center().x() == Approx(v.view.xOf(utc(2025, 3, 10, 12))).margin(1));
    CHECK(s.width() < 14);

    // The span runs from 1 May to the end of 15 June.
    const QRectF span = v.view.eventRect(f.span);
    CHECK(span.left() == Approx(v.view.xOf(utc(2025, 5, 1))).margin(1));
    CHECK(span.right() == Approx(v.view.xOf(utc(2025, 6, 16))).margin(1));

    // What is drawn matches: the middle of August is a pale tint of the deployment colour, the
    // core of the span its full colour.
    const QImage image = v.view.grab().toImage().convertToFormat(QImage::Format_RGB32);
    const QColor deployment = CategoryStyle::color(QStringLiteral("deployment"));
    const QColor soft = image.pixelColor(QPoint(int(v.view.xOf(utc(2025, 8, 16))), int(r.center().y())));
    CHECK_FALSE(near(soft, deployment, 20));
    CHECK_FALSE(near(soft, Qt::white, 10));
    const QColor core = image.pixelColor(QPoint(int(v.view.xOf(utc(2025, 5, 20))), int(span.center().y())));
    CHECK(near(core, CategoryStyle::color(QStringLiteral("arms-transfer")), 12));
}

TEST_CASE("Events pile up in rows without covering each other", "[timeline][render]")
{
    EventStoreBuilder builder;
    for (int d = 1; d <= 20; ++d)
        builder.add(record(QStringLiteral("c%1").arg(d), "2025-08", "", QStringLiteral("combat"))); // twenty Augusts
    ViewState state;
    state.setDataset(PreparedDataset::make({QStringLiteral("pile")}, builder.build(), nullptr));
    const TimelineRenderer renderer;
    const TimelineHits hits =
        renderer.hitsFor(QRectF(0, 0, 1200, 400), TimeAxis({utc(2025, 1, 1), utc(2026, 1, 1)}, 1200), state);
    REQUIRE(hits.boxes.size() == 20);
    for (size_t a = 0; a < hits.boxes.size(); ++a)
        for (size_t b = a + 1; b < hits.boxes.size(); ++b)
            CHECK_FALSE(hits.boxes[a].rectPx.intersects(hits.boxes[b].rectPx));
}

TEST_CASE("Hidden categories lose their lane and events outside the window fade", "[timeline][render]")
{
    const Fixture f;
    ViewState state;
    state.setDataset(f.dataset);
    loadBundledFonts();
    const TimelineRenderer renderer;
    const QRectF area(0, 0, 1200, 320);
    const TimeAxis axis({utc(2025, 1, 1), utc(2026, 1, 1)}, 1200);
    auto draw = [&](TimelineHits *hits) {
        QImage image(area.size().toSize(), QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::white);
        QPainter painter(&image);
        renderer.render(painter, area, axis, state, hits);
        return image;
    };
    TimelineHits hits;
    const QImage before = draw(&hits);
    REQUIRE(hits.lanes.size() == 5);
    const QRectF summit = *hits.rectOf(f.summit);
    const QColor full = before.pixelColor(summit.center().toPoint());
    CHECK(near(full, CategoryStyle::color(QStringLiteral("summit")), 25));

    // March is outside a window over the second half of the year: the summit fades towards white.
    state.setTimeWindow(TimeWindow{utc(2025, 7, 1), utc(2026, 1, 1)});
    const QImage faded = draw(&hits);
    const QColor pale = faded.pixelColor(hits.rectOf(f.summit)->center().toPoint());
    CHECK(pale.lightness() > full.lightness() + 40);

    state.setHiddenCategories({QStringLiteral("summit"), QStringLiteral("combat")});
    draw(&hits);
    CHECK(hits.lanes.size() == 3);
    CHECK_FALSE(hits.rectOf(f.summit));
    CHECK_FALSE(hits.rectOf(f.timed));
    CHECK(hits.rectOf(f.august));
}

TEST_CASE("Selecting an event elsewhere scrolls the timeline to it, wheel and keys zoom and pan", "[timeline][widgets]")
{
    const Fixture f;
    ShownView v(f);
    v.view.setVisibleRange({utc(2025, 1, 1), utc(2025, 2, 1)});
    CHECK(v.view.eventRect(f.timed).isEmpty()); // October is off screen
    v.state.setSelectedEvent(f.timed);
    const TimeWindow shown = v.view.visibleRange();
    CHECK(shown.fromMs < utc(2025, 10, 2, 9, 30));
    CHECK(shown.toMs > utc(2025, 10, 2, 9, 30));
    CHECK(shown.toMs - shown.fromMs == utc(2025, 2, 1) - utc(2025, 1, 1)); // same zoom
    CHECK_FALSE(v.view.eventRect(f.timed).isEmpty());

    // The wheel zooms about the cursor: the time under it stays put.
    const QPointF cursor(700, 60);
    const qint64 under = v.view.timeAt(cursor.x());
    QWheelEvent wheel(cursor, v.view.mapToGlobal(cursor), QPoint(), QPoint(0, 240), Qt::NoButton, Qt::NoModifier,
                      Qt::NoScrollPhase, false);
    QApplication::sendEvent(&v.view, &wheel);
    CHECK(v.view.visibleRange().toMs - v.view.visibleRange().fromMs < shown.toMs - shown.fromMs);
    CHECK(v.view.xOf(under) == Approx(cursor.x()).margin(1));

    // A horizontal wheel scrolls without zooming.
    const TimeWindow before = v.view.visibleRange();
    QWheelEvent sideways(cursor, v.view.mapToGlobal(cursor), QPoint(), QPoint(120, 0), Qt::NoButton, Qt::NoModifier,
                         Qt::NoScrollPhase, false);
    QApplication::sendEvent(&v.view, &sideways);
    CHECK(v.view.visibleRange().toMs - v.view.visibleRange().fromMs == before.toMs - before.fromMs);
    CHECK(v.view.visibleRange().fromMs < before.fromMs);

    v.view.setFocus();
    const TimeWindow keyed = v.view.visibleRange();
    QTest::keyClick(&v.view, Qt::Key_Right);
    CHECK(v.view.visibleRange().fromMs > keyed.fromMs);
    QTest::keyClick(&v.view, Qt::Key_Minus);
    CHECK(v.view.visibleRange().toMs - v.view.visibleRange().fromMs > keyed.toMs - keyed.fromMs);
    QTest::keyClick(&v.view, Qt::Key_Home);
    CHECK(v.view.visibleRange().fromMs <= utc(2025, 1, 15));
    CHECK(v.view.visibleRange().toMs >= utc(2025, 12, 16));
    CHECK_FALSE(v.view.accessibleName().isEmpty());
}

TEST_CASE("Playback moves the window by the chosen step and stops at the end", "[timeline][widgets]")
{
    const Fixture f;
    ViewState state;
    state.setDataset(f.dataset);
    PlaybackController playback(&state, PlaybackController::Clock::Manual);
    QSignalSpy finished(&playback, &PlaybackController::finished);
    playback.setStep({TimeUnit::Month, 1});
    playback.play();
    REQUIRE(playback.isPlaying());
    REQUIRE(state.timeWindow());
    CHECK(*state.timeWindow() == TimeWindow{utc(2025, 1, 1), utc(2025, 2, 1)});
    CHECK(playback.advance());
    CHECK(*state.timeWindow() == TimeWindow{utc(2025, 2, 1), utc(2025, 3, 1)});
    CHECK(state.visibleEvents().size() == 1); // the February contact

    int steps = 1;
    while (playback.isPlaying() && steps < 100) {
        playback.advance();
        ++steps;
    }
    // The data ends with the contact of 15 December: the last window is December.
    CHECK(steps == 11);
    CHECK_FALSE(playback.isPlaying());
    CHECK(*state.timeWindow() == TimeWindow{utc(2025, 12, 1), utc(2026, 1, 1)});
    CHECK(finished.count() == 1);
    CHECK_FALSE(playback.advance());
    CHECK(*state.timeWindow() == TimeWindow{utc(2025, 12, 1), utc(2026, 1, 1)});

    // Playing again starts over; a week step keeps the window's length.
    playback.play();
    CHECK(*state.timeWindow() == TimeWindow{utc(2025, 1, 1), utc(2025, 2, 1)});
    playback.pause();
    state.setTimeWindow(TimeWindow{utc(2025, 3, 3), utc(2025, 3, 10)});
    playback.setStep({TimeUnit::Week, 1});
    CHECK(playback.advance()); // a single step while paused
    CHECK(*state.timeWindow() == TimeWindow{utc(2025, 3, 10), utc(2025, 3, 17)});

    // The bar drives the same controller.
    PlaybackBar bar(&playback);
    bar.stepCombo()->setCurrentIndex(1); // 1 day
    CHECK(playback.step() == TimeStep{TimeUnit::Day, 1});
    bar.stepButton()->click();
    CHECK(*state.timeWindow() == TimeWindow{utc(2025, 3, 11), utc(2025, 3, 18)});
    bar.playButton()->click();
    CHECK(playback.isPlaying());
    CHECK(bar.playButton()->text() == QStringLiteral("Pause"));
    bar.playButton()->click();
    CHECK_FALSE(playback.isPlaying());
}

TEST_CASE("A crowded lane is aggregated per pixel column, a sparse one drawn event by event", "[timeline][render]")
{
    // Four years of events in two categories: one dense, one sparse enough to draw one by one.
    EventStoreBuilder builder;
    const qsizetype n = 200'000;
    builder.reserve(n + 50);
    std::mt19937_64 random(7);
    const qint64 from = utc(2022, 1, 1), span = utc(2026, 1, 1) - from;
    for (qsizetype k = 0; k < n; ++k) {
        Event e;
        e.id = QString::number(k);
        e.when =
            TimeSpan(FuzzyDate{from + qint64(random() % quint64(span)) / 86'400'000 * 86'400'000, DatePrecision::Day});
        e.category = QStringLiteral("combat");
        builder.add(e);
    }
    for (int k = 0; k < 50; ++k) {
        Event e;
        e.id = QStringLiteral("s%1").arg(k);
        e.when = TimeSpan(FuzzyDate{from + span / 50 * k, DatePrecision::Day});
        e.category = QStringLiteral("summit");
        builder.add(e);
    }
    ViewState state;
    state.setDataset(PreparedDataset::make({QStringLiteral("dense")}, builder.build(), nullptr));
    loadBundledFonts();
    const TimelineFrameTiming t = timeTimelineFrame(state, QSize(1920, 400));
    CHECK(t.events == n + 50);
    CHECK(t.denseLanes == 1);
    CHECK(t.renderMs < 250); // generous: the figure itself is measured by the bench program

    // A click on the dense lane answers with an event of that lane.
    const TimelineRenderer renderer;
    TimeAxis axis(TimeWindow{0, 1}, 1920);
    axis.fit(state.dataset()->events->extent());
    const TimelineHits hits = renderer.hitsFor(QRectF(0, 0, 1920, 400), axis, state);
    const auto dense = std::find_if(hits.lanes.begin(), hits.lanes.end(), [](const auto &l) { return l.dense; });
    REQUIRE(dense != hits.lanes.end());
    CHECK(dense->category == QStringLiteral("combat"));
    const EventStore::Index hit = hits.eventAt(dense->rectPx.center());
    REQUIRE(hit >= 0);
    CHECK(state.dataset()->events->category(hit) == QStringLiteral("combat"));

    // The dense lane's colour fills its columns.
    const QColor combat = CategoryStyle::color(QStringLiteral("combat"));
    const QPointF px(dense->rectPx.center().x(), dense->rectPx.bottom() - 4);
    CHECK(near(t.image.pixelColor(px.toPoint()), combat, 10));
}

TEST_CASE("A click in a crowded lane never picks an event the filters hide", "[timeline][widgets]")
{
    // 2025, every day: eight "alpha" combat reports at 02:00 and eight "omega" ones at 14:00. A
    // search for omega keeps more than the lane draws one by one, so the lane stays aggregated
    // per pixel column; columns of about eight hours hold either alphas or omegas.
    EventStoreBuilder builder;
    for (QDate day(2025, 1, 1); day.year() == 2025; day = day.addDays(1)) {
        for (int k = 0; k < 8; ++k) {
            for (const auto &[word, hour] :
                 {std::pair{QStringLiteral("alpha"), 2}, std::pair{QStringLiteral("omega"), 14}}) {
                const QString start = QStringLiteral("%1T%2:%3Z")
                                          .arg(day.toString(Qt::ISODate))
                                          .arg(hour, 2, 10, QChar(u'0'))
                                          .arg(k, 2, 10, QChar(u'0'));
                Event e = record(QStringLiteral("%1-%2").arg(word, start), start, {}, QStringLiteral("combat"));
                e.title.insert({}, QStringLiteral("%1 report").arg(word));
                builder.add(e);
            }
        }
    }
    const auto store = builder.build();
    REQUIRE(store->size() / 2 > TimelineRenderer::kDetailLimit);
    ViewState state;
    TimelineView view{&state};
    loadBundledFonts();
    view.resize(1200, 320);
    view.show();
    REQUIRE(QTest::qWaitForWindowExposed(&view));
    state.setDataset(PreparedDataset::make({QStringLiteral("crowded")}, store, nullptr));
    view.setVisibleRange({utc(2025, 1, 1), utc(2026, 1, 1)});
    state.setSearchText(QStringLiteral("omega"));
    REQUIRE(state.hasContentFilter());
    REQUIRE(qsizetype(state.visibleEvents().size()) == store->size() / 2);

    // Clicks along the middle of the one lane, pixel by pixel.
    const TimelineRenderer renderer;
    const QRectF plot = renderer.layoutFor(view.rect(), state).lanes;
    REQUIRE(plot.width() > 100);
    const double y = plot.center().y();
    int picked = 0, nothing = 0;
    for (double x = plot.left() + 200; x < plot.left() + 320; x += 1) {
        state.setSelectedEvent(-1);
        QTest::mouseClick(&view, Qt::LeftButton, {}, QPointF(x, y).toPoint());
        const EventStore::Index selected = state.selectedEvent();
        if (selected < 0) {
            ++nothing;
            continue;
        }
        INFO("x " << x << ": " << store->id(selected).toStdString());
        CHECK(store->id(selected).startsWith(u"omega"));
        ++picked;
    }
    CHECK(picked > 10);  // the omegas' columns answer...
    CHECK(nothing > 10); // ...the alphas' columns, all hidden, do not
}
