// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/db/live_browser.h"
#include "render/map/density_counts.h"
#include "render/timeline/time_step.h"
#include "render/timeline/timeline_period_counts.h"

#include <QObject>
#include <QTimer>

#include <algorithm>
#include <deque>
#include <memory>
#include <optional>

namespace chronomap {

class MapView;
class ViewState;

/// A large table browsed live in the window (issue 21): owns the LiveBrowser and turns the one
/// view state (time window, categories, search, the map's extent and scale, the selected region)
/// into its requests, a short while after the view stops changing. The answers go to the map
/// (density bins or markers), the timeline (density columns), the region panel (a region's
/// events), the "All events" table (the view's events, a page of them when many) and the event
/// panel (the event chosen, asked by id); what is on screen stays when a query fails.
class LiveSession : public QObject {
    Q_OBJECT
public:
    /// Connects to `source` (a `PG:` string with `tables=`); opened() or failed() follows.
    /// Nothing is asked before follow().
    LiveSession(const QString &source, ViewState *state, MapView *map, QObject *parent = nullptr);

    /// Tables with more rows than this are browsed live, smaller ones load whole:
    /// LoadOptions::maxDatabaseRows, or the environment's CHRONOMAP_MAX_DATABASE_ROWS.
    static qint64 threshold();
    /// Starts following the view: asks now and after each change.
    void follow();
    bool isOpen() const { return m_rows >= 0; }
    /// The table's estimated rows (-1 before opened()).
    qint64 rows() const { return m_rows; }
    LiveBrowser *browser() const { return m_browser.get(); }
    /// The view's settings that go to SQL: the state's filters and the map's extent.
    LiveFilter filter() const;
    /// The map's last bins from the database (null before the first answer).
    std::shared_ptr<const DensityCounts> density() const { return m_density; }
    /// The timeline's last counts from the database (null before the first answer).
    std::shared_ptr<const TimelinePeriodCounts> periodCounts() const { return m_periodCounts; }
    /// The unit of periodCounts()' periods.
    TimeUnit periodCountsUnit() const { return m_periodCountsUnit; }
    /// The region asked for last and the database's answer (null before it).
    const LiveEvents &regionEvents() const { return m_regionEvents; }
    /// The view's events for the "All events" table: all of them when the markers' answer held
    /// them (total = their number), else the first page by date and the count of all.
    const LiveEvents &viewEvents() const { return m_viewEvents; }
    /// The event chosen (on the map, in a list, a related link): a store of it alone, asked by
    /// id; empty when the table no longer has it, null when none is chosen.
    std::shared_ptr<const EventStore> selectedEvent() const { return m_selectedEvent; }
    /// The table's categories, sorted ("" for rows without one); empty before the answer.
    const QStringList &categories() const { return m_categories; }
    /// The table's provenances, sorted ("" for rows without one), with categories().
    const QStringList &provenances() const { return m_provenances; }
    /// How many answers arrived (tests wait on it).
    int answers() const { return m_answers; }

    /// Chooses the event `id`: asks the database for all of it, before any other question;
    /// selectedEventChanged() follows. An empty id chooses none.
    void selectEvent(const QString &id);
    /// Events in a page of a region's list and of the table (kPageSize unless set).
    void setPageSize(qsizetype events) { m_pageSize = std::max<qsizetype>(1, events); }
    /// The timeline shows `msPerPx`: the unit of its columns follows (timelineUnitFor).
    void setTimelineScale(double msPerPx);
    /// The timeline's unit now (date_trunc's: day, week, month, year).
    TimeUnit timelineUnit() const { return m_timelineUnit; }
    /// The finest of day, week, month and year whose period is at least kMinPeriodPx wide at
    /// `msPerPx`, year when none is.
    static TimeUnit timelineUnitFor(double msPerPx);

    /// A view with at most this many events draws them as markers, not bins.
    static constexpr qsizetype kMarkerLimit = 2000;
    /// The events of a page of the region's list and of the table.
    static constexpr qsizetype kPageSize = 2000;
    /// The narrowest timeline column, px.
    static constexpr double kMinPeriodPx = 3;
    /// The debounce after a view change, ms.
    static constexpr int kDebounceMs = 120;

signals:
    void opened(qint64 estimatedRows);
    void failed(const QString &message);
    /// Bins of the map arrived (density()).
    void densityChanged();
    /// The timeline's counts per period and category arrived (date_trunc by timelineUnit()).
    void timelineChanged(std::shared_ptr<const chronomap::TimelinePeriodCounts> counts);
    /// The events of the selected region arrived (regionEvents()).
    void regionEventsChanged(int region);
    /// The view's events for the table arrived (viewEvents()).
    void viewEventsChanged();
    /// The chosen event arrived, or none is chosen (selectedEvent()).
    void selectedEventChanged();
    /// The table's categories arrived (categories()).
    void categoriesChanged();

private:
    /// Restarts the debounce: the requests follow once the view has been still a moment.
    void schedule();
    /// The same, the timeline asked again too (a filter changed, or the table).
    void scheduleAll();
    /// Builds the view's requests and sends the first.
    void ask();
    /// Asks for the selected region's events alone (a click on the map).
    void askRegion();
    std::optional<LiveRequest> regionRequest() const;
    /// The timeline's columns at m_timelineUnit, all time.
    LiveRequest timelineRequest() const;
    /// Sends `request` before the queued ones, putting off a slow list on its way.
    void sendFirst(LiveRequest request);
    void sendNext();
    void onAnswer(const std::shared_ptr<const LiveAnswer> &answer);

    ViewState *m_state;
    MapView *m_map;
    std::unique_ptr<LiveBrowser> m_browser;
    qint64 m_rows = -1;
    bool m_following = false;
    bool m_timelineDirty = true;   ///< the timeline's request is to be sent with the next ones
    bool m_categoriesDirty = true; ///< the same for the table's categories
    TimeUnit m_timelineUnit = TimeUnit::Month;
    TimeUnit m_periodCountsUnit = TimeUnit::Month;
    qsizetype m_pageSize = kPageSize;
    QTimer m_debounce;
    /// The view's requests not sent yet: LiveBrowser answers only its newest, so one at a time.
    std::deque<LiveRequest> m_queue;
    quint64 m_awaited = 0; ///< the request number on its way, 0 when none
    LiveRequest m_awaitedRequest;
    LiveRequest m_bins;           ///< the view's bins, asked for when it holds too many events for markers
    LiveRequest m_page;           ///< the first page of the view's events then, for the table
    DensityCounts m_viewCells;    ///< the view's cells when its requests were made
    DensityCounts m_awaitedCells; ///< the cells of the bins on their way
    int m_awaitedRegion = -1;
    std::shared_ptr<const DensityCounts> m_density;
    LiveEvents m_regionEvents;
    std::shared_ptr<const TimelinePeriodCounts> m_periodCounts;
    LiveEvents m_viewEvents;
    QString m_selectedId;
    std::shared_ptr<const EventStore> m_selectedEvent;
    QStringList m_categories;
    QStringList m_provenances;
    int m_answers = 0;
};

} // namespace chronomap
