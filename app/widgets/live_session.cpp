// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/live_session.h"

#include "core/geo/region_index.h"
#include "core/io/event_loader.h"
#include "core/view/view_state.h"
#include "render/prepared_dataset.h"
#include "widgets/map_view.h"

#include <algorithm>
#include <map>

namespace chronomap {

LiveSession::LiveSession(const QString &source, ViewState *state, MapView *map, QObject *parent)
    : QObject(parent), m_state(state), m_map(map), m_browser(std::make_unique<LiveBrowser>(source))
{
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(kDebounceMs);
    connect(&m_debounce, &QTimer::timeout, this, &LiveSession::ask);
    connect(m_browser.get(), &LiveBrowser::opened, this, [this](qint64 rows) {
        m_rows = rows;
        emit opened(rows);
    });
    connect(m_browser.get(), &LiveBrowser::answered, this, &LiveSession::onAnswer);
    connect(m_browser.get(), &LiveBrowser::failed, this, [this](const QString &message) {
        // The request on its way will not be answered: the next change asks again.
        m_awaited = 0;
        m_queue.clear();
        m_timelineDirty = true;
        m_categoriesDirty = m_categories.isEmpty();
        emit failed(message);
    });
    connect(m_browser.get(), &LiveBrowser::tableChanged, this, [this] {
        m_categoriesDirty = true;
        scheduleAll();
    });
}

namespace {

TimeUnit timeUnitOf(const QString &dateTruncUnit)
{
    return dateTruncUnit == u"day"    ? TimeUnit::Day
           : dateTruncUnit == u"week" ? TimeUnit::Week
           : dateTruncUnit == u"year" ? TimeUnit::Year
                                      : TimeUnit::Month;
}

/// The kinds of request that list many rows and may wait for a click's question.
bool isSlowList(LiveRequest::Kind kind)
{
    return kind == LiveRequest::Kind::EventPage || kind == LiveRequest::Kind::Categories;
}

QString dateTruncUnit(TimeUnit unit)
{
    switch (unit) {
    case TimeUnit::Day:
        return QStringLiteral("day");
    case TimeUnit::Week:
        return QStringLiteral("week"); // weeks from Monday, as TimeStep's
    case TimeUnit::Month:
        return QStringLiteral("month");
    default:
        return QStringLiteral("year");
    }
}

} // namespace

qint64 LiveSession::threshold()
{
    bool ok = false;
    const qint64 fromEnvironment = qEnvironmentVariableIntValue("CHRONOMAP_MAX_DATABASE_ROWS", &ok);
    return ok && fromEnvironment >= 0 ? fromEnvironment : LoadOptions().maxDatabaseRows;
}

void LiveSession::follow()
{
    if (m_following) return;
    m_following = true;
    connect(m_state, &ViewState::filterChanged, this, &LiveSession::scheduleAll);
    connect(m_state, &ViewState::timeWindowChanged, this, &LiveSession::schedule);
    connect(m_state, &ViewState::selectedRegionChanged, this, &LiveSession::askRegion);
    connect(m_map, &MapView::viewportChanged, this, &LiveSession::schedule);
    ask();
}

TimeUnit LiveSession::timelineUnitFor(double msPerPx)
{
    for (TimeUnit unit : {TimeUnit::Day, TimeUnit::Week, TimeUnit::Month})
        if (double(TimeStep{unit, 1}.approxMs()) >= kMinPeriodPx * msPerPx) return unit;
    return TimeUnit::Year;
}

void LiveSession::setTimelineScale(double msPerPx)
{
    const TimeUnit unit = timelineUnitFor(msPerPx);
    if (unit == m_timelineUnit) return;
    m_timelineUnit = unit;
    if (!m_following) return; // asked with the first requests
    // The timeline alone: the map's answers stand.
    std::erase_if(m_queue, [](const LiveRequest &r) { return r.kind == LiveRequest::Kind::TimelineDensity; });
    m_queue.push_back(timelineRequest());
    if (!m_awaited) sendNext();
}

LiveRequest LiveSession::timelineRequest() const
{
    LiveRequest timeline;
    timeline.kind = LiveRequest::Kind::TimelineDensity;
    timeline.filter = filter(); // all time: the window is drawn over it
    timeline.filter.window.reset();
    timeline.timeUnit = dateTruncUnit(m_timelineUnit);
    return timeline;
}

std::shared_ptr<const PreparedDataset> LiveSession::drawable(std::shared_ptr<const EventStore> events) const
{
    const auto dataset = m_state->dataset();
    return PreparedDataset::make({}, std::move(events), dataset ? dataset->baseMap : nullptr, {},
                                 m_map->projectedBaseMap());
}

void LiveSession::selectEvent(const QString &id)
{
    m_selectedId = id;
    if (id.isEmpty()) {
        std::erase_if(m_queue, [](const LiveRequest &r) { return r.kind == LiveRequest::Kind::EventById; });
        if (!m_selectedEvent) return;
        m_selectedEvent.reset();
        m_map->setLiveChosenEvent(nullptr);
        emit selectedEventChanged();
        return;
    }
    LiveRequest event;
    event.kind = LiveRequest::Kind::EventById;
    event.eventId = id;
    sendFirst(std::move(event));
}

void LiveSession::sendFirst(LiveRequest request)
{
    const LiveRequest::Kind kind = request.kind;
    std::erase_if(m_queue, [kind](const LiveRequest &r) { return r.kind == kind; });
    m_queue.push_front(std::move(request));
    if (m_awaited && isSlowList(m_awaitedRequest.kind)) { // asked again after: its answer is dropped
        m_queue.push_back(m_awaitedRequest);
        m_awaited = 0;
    }
    if (!m_awaited) sendNext();
}

void LiveSession::schedule()
{
    if (m_following) m_debounce.start();
}

void LiveSession::scheduleAll()
{
    m_timelineDirty = true;
    schedule();
}

LiveFilter LiveSession::filter() const
{
    LiveFilter f;
    f.window = m_state->timeWindow();
    f.match = m_state->windowMatch();
    f.hiddenCategories = m_state->hiddenCategories();
    f.hiddenConfidences = m_state->hiddenConfidences();
    f.hiddenProvenances = m_state->hiddenProvenances();
    f.searchText = m_state->searchText();
    return f;
}

void LiveSession::ask()
{
    // A timeline request not answered yet is replaced (cancelled): asked again with these.
    const auto isTimeline = [](const LiveRequest &r) { return r.kind == LiveRequest::Kind::TimelineDensity; };
    if ((m_awaited && isTimeline(m_awaitedRequest)) || std::any_of(m_queue.begin(), m_queue.end(), isTimeline))
        m_timelineDirty = true;
    const auto isCategories = [](const LiveRequest &r) { return r.kind == LiveRequest::Kind::Categories; };
    if ((m_awaited && isCategories(m_awaitedRequest)) || std::any_of(m_queue.begin(), m_queue.end(), isCategories))
        m_categoriesDirty = true;
    // A chosen event not answered yet is asked for first again.
    const auto isEvent = [](const LiveRequest &r) { return r.kind == LiveRequest::Kind::EventById; };
    std::optional<LiveRequest> chosen;
    if (m_awaited && isEvent(m_awaitedRequest)) chosen = m_awaitedRequest;
    if (const auto it = std::find_if(m_queue.begin(), m_queue.end(), isEvent); it != m_queue.end()) chosen = *it;
    m_queue.clear();
    if (chosen) m_queue.push_back(std::move(*chosen));
    const Viewport &viewport = m_map->viewport();
    LiveRequest bins;
    bins.kind = LiveRequest::Kind::Bins;
    bins.filter = filter();
    m_viewCells = DensityCounts::forViewport(viewport); // SquareBinGrid::forView, as in memory
    bins.grid = m_viewCells.grid;
    bins.filter.mercatorBoxM = m_viewCells.extentM(); // whole cells, as the in-memory count
    m_bins = bins;
    // A view of few events draws them as markers; more than kMarkerLimit, as bins.
    LiveRequest events;
    events.kind = LiveRequest::Kind::Events;
    events.filter = filter();
    const QPointF northWestM = viewport.toMercatorM(QPointF(0, 0));
    const QPointF southEastM = viewport.toMercatorM(QPointF(viewport.sizePx().width(), viewport.sizePx().height()));
    events.filter.mercatorBoxM = QRectF(northWestM, southEastM).normalized();
    events.eventLimit = kMarkerLimit;
    m_queue.push_back(events);
    m_page = events; // sent when the view holds more than the markers draw
    m_page.kind = LiveRequest::Kind::EventPage;
    m_page.eventLimit = m_pageSize;

    if (m_timelineDirty) { // not after a pan or zoom: it shows every place
        m_queue.push_back(timelineRequest());
        m_timelineDirty = false;
    }

    if (auto region = regionRequest()) m_queue.push_back(std::move(*region));
    if (m_categoriesDirty) { // once, and after the table changed
        LiveRequest categories;
        categories.kind = LiveRequest::Kind::Categories;
        m_queue.push_back(categories);
        m_categoriesDirty = false;
    }
    sendNext();
}

std::optional<LiveRequest> LiveSession::regionRequest() const
{
    const auto dataset = m_state->dataset();
    const int region = m_state->selectedRegion();
    if (region < 0 || !dataset || !dataset->baseMap || region >= dataset->baseMap->regions->regions().size())
        return std::nullopt;
    LiveRequest events;
    events.kind = LiveRequest::Kind::RegionEvents;
    events.filter = filter(); // the region's events in the time window, as in memory
    events.region = dataset->baseMap->regions->regions()[region];
    for (LonLatRing &ring : events.region.rings)
        ring.detach(); // its own vertices: the worker may hold it past the map's mapped cache (BaseMap::backing)
    events.eventLimit = m_pageSize;
    return events;
}

void LiveSession::askRegion()
{
    if (!m_following) return;
    if (auto region = regionRequest())
        sendFirst(std::move(*region));
    else
        std::erase_if(m_queue, [](const LiveRequest &r) { return r.kind == LiveRequest::Kind::RegionEvents; });
}

void LiveSession::sendNext()
{
    if (m_queue.empty() || !isOpen()) {
        m_awaited = 0;
        return;
    }
    m_awaitedRequest = std::move(m_queue.front());
    m_queue.pop_front();
    if (m_awaitedRequest.kind == LiveRequest::Kind::Bins) m_awaitedCells = m_viewCells;
    if (m_awaitedRequest.kind == LiveRequest::Kind::RegionEvents) m_awaitedRegion = m_state->selectedRegion();
    m_awaited = m_browser->request(m_awaitedRequest);
}

void LiveSession::onAnswer(const std::shared_ptr<const LiveAnswer> &answer)
{
    if (answer->request != m_awaited) return;
    ++m_answers;
    switch (answer->kind) {
    case LiveRequest::Kind::Bins: {
        auto density = std::make_shared<DensityCounts>(m_awaitedCells);
        std::map<QString, qint64> perCategory; // the legend's: the bins of the view's cells
        for (const LiveBin &bin : answer->bins)
            if (density->add(bin.cell, quint32(bin.count))) perCategory[bin.category] += bin.count;
        m_density = std::move(density);
        m_map->setLiveCategoryCounts(std::move(perCategory));
        m_map->setLiveEvents(nullptr);
        m_map->setLiveDensity(m_density);
        emit densityChanged();
        break;
    }
    case LiveRequest::Kind::TimelineDensity: {
        auto counts = std::make_shared<TimelinePeriodCounts>();
        counts->reserve(answer->timeline.size());
        const TimeStep period{timeUnitOf(m_awaitedRequest.timeUnit), 1};
        for (const LiveTimeBin &bin : answer->timeline)
            counts->push_back({bin.binStartMs, period.add(bin.binStartMs), bin.category, bin.count});
        m_periodCounts = std::move(counts);
        m_periodCountsUnit = period.unit;
        emit timelineChanged(m_periodCounts);
        break;
    }
    case LiveRequest::Kind::RegionEvents:
        m_regionEvents = answer->events;
        emit regionEventsChanged(m_awaitedRegion);
        break;
    case LiveRequest::Kind::EventPage:
        m_viewEvents = answer->events;
        emit viewEventsChanged();
        break;
    case LiveRequest::Kind::EventById:
        if (answer->events.store && m_awaitedRequest.eventId == m_selectedId) {
            m_selectedEvent = answer->events.store;
            m_map->setLiveChosenEvent(drawable(m_selectedEvent));
            emit selectedEventChanged();
        }
        break;
    case LiveRequest::Kind::Categories:
        m_categories = answer->categories;
        m_provenances = answer->provenances;
        emit categoriesChanged();
        break;
    case LiveRequest::Kind::Events:
        if (answer->events.tooMany || !answer->events.store) {
            m_queue.push_front(m_bins); // bins, before the rest
            m_queue.push_back(m_page);  // and a page of the events for the table, last
        } else {
            m_viewEvents = answer->events;
            emit viewEventsChanged();
            m_map->setLiveEvents(drawable(answer->events.store));
            std::map<QString, qint64> perCategory;
            const EventStore &events = *answer->events.store;
            for (EventStore::Index i = 0; i < events.size(); ++i)
                ++perCategory[events.category(i)];
            m_map->setLiveCategoryCounts(std::move(perCategory));
            m_density.reset();
            m_map->setLiveDensity(nullptr);
            emit densityChanged();
        }
        break;
    }
    sendNext();
}

} // namespace chronomap
