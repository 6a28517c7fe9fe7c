// SPDX-License-Identifier: GPL-3.0-or-later
// Timeline and filter figures on the run's events (1,000,000 over 2022–2025 by default):
//  - timeline.frame.ms: one timeline frame 1920x400 px framing all the data, with the renderer's
//    index built (timeTimelineFrame's second frame: what panning and zooming cost);
//    timeline.frame.first.ms is its first frame, building the index.
//  - filter.apply.ms: EventFilter::apply with a new time window (one to twelve months) and a
//    set of five of the eight categories, over all the events.
#include "bench_scene.h"
#include "figure_groups.h"
#include "process_stats.h"

#include "core/store/event_filter.h"
#include "timeline_benchmark.h"
#include "core/view/view_state.h"

#include <QDate>
#include <QElapsedTimer>
#include <QTimeZone>

#include <algorithm>
#include <random>

namespace chronomap::bench {

namespace {

constexpr int kFilterRuns = 15;

void timelineFrameFigures(BenchContext &context, Figures &figures)
{
    ViewState state;
    showStore(state, context.store(), nullptr);
    std::vector<double> first, next;
    qsizetype events = 0;
    for (int i = 0; i < std::max(5, context.repetitions()); ++i) {
        const TimelineFrameTiming t = timeTimelineFrame(state, QSize(1920, 400));
        first.push_back(t.firstRenderMs);
        next.push_back(t.renderMs);
        events = t.events;
    }
    figures.add(QStringLiteral("timeline.frame.ms"), median(next), 2);
    figures.add(QStringLiteral("timeline.frame.first.ms"), median(first), 2);
    figures.add(QStringLiteral("timeline.frame.events"), double(events), 0);
}

void filterFigures(BenchContext &context, Figures &figures)
{
    const std::shared_ptr<const EventStore> store = context.store();
    QStringList categories = store->categories();
    std::mt19937_64 rng(11);
    const QDate first(2022, 1, 1);
    std::uniform_int_distribution<int> day(0, int(first.daysTo(QDate(2025, 6, 1)))), months(1, 12);
    std::vector<double> ms;
    double matched = 0;
    for (int i = 0; i <= kFilterRuns; ++i) {
        EventFilter filter;
        const QDate from = first.addDays(day(rng));
        filter.window = TimeWindow{from.startOfDay(QTimeZone::utc()).toMSecsSinceEpoch(),
                                   from.addMonths(months(rng)).startOfDay(QTimeZone::utc()).toMSecsSinceEpoch()};
        filter.match = i % 2 ? WindowMatch::Certainly : WindowMatch::Possibly;
        std::shuffle(categories.begin(), categories.end(), rng);
        filter.categories.emplace();
        for (qsizetype c = 0; c < std::min<qsizetype>(5, categories.size()); ++c)
            filter.categories->insert(categories[c]);
        QElapsedTimer timer;
        timer.start();
        const EventStore::IndexList shown = filter.apply(*store);
        if (i == 0) continue; // warm-up
        ms.push_back(elapsedMs(timer.nsecsElapsed()));
        matched += double(shown.size());
    }
    figures.add(QStringLiteral("filter.apply.ms"), median(ms), 2);
    figures.add(QStringLiteral("filter.apply.matched"), matched / kFilterRuns, 0);
}

} // namespace

void timelineFigures(BenchContext &context, Figures &figures)
{
    timelineFrameFigures(context, figures);
    filterFigures(context, figures);
}

} // namespace chronomap::bench
