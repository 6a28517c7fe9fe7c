// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/db/live_browser.h"
#include "render/map/density_counts.h"
#include "render/timeline/timeline_period_counts.h"

#include <QObject>
#include <QTimer>

#include <deque>
#include <memory>
#include <optional>

namespace chronomap {

class MapView;
class ViewState;

/// A large table browsed live in the window (issue 21): owns the LiveBrowser and turns the one
/// view state (time window, categories, search, the map's extent and scale, the selected region)
/// into its requests, a short while after the view stops changing. The answers go to the map
/// (density bins), the timeline (density columns) and the region panel (a region's events);
/// what is on screen stays when a query fails.
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
    /// The region asked for last and the database's answer (null before it).
    const LiveEvents &regionEvents() const { return m_regionEvents; }
    /// How many answers arrived (tests wait on it).
    int answers() const { return m_answers; }

    /// The timeline's period (date_trunc's unit).
    static constexpr const char *kTimelineUnit = "month";
    /// A view with at most this many events draws them as markers, not bins.
    static constexpr qsizetype kMarkerLimit = 2000;
    /// The debounce after a view change, ms.
    static constexpr int kDebounceMs = 120;

signals:
    void opened(qint64 estimatedRows);
    void failed(const QString &message);
    /// Bins of the map arrived (density()).
    void densityChanged();
    /// The timeline's counts per period and category arrived (date_trunc by kTimelineUnit).
    void timelineChanged(std::shared_ptr<const chronomap::TimelinePeriodCounts> counts);
    /// The events of the selected region arrived (regionEvents()).
    void regionEventsChanged(int region);

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
    void sendNext();
    void onAnswer(const std::shared_ptr<const LiveAnswer> &answer);

    ViewState *m_state;
    MapView *m_map;
    std::unique_ptr<LiveBrowser> m_browser;
    qint64 m_rows = -1;
    bool m_following = false;
    bool m_timelineDirty = true; ///< the timeline's request is to be sent with the next ones
    QTimer m_debounce;
    /// The view's requests not sent yet: LiveBrowser answers only its newest, so one at a time.
    std::deque<LiveRequest> m_queue;
    quint64 m_awaited = 0; ///< the request number on its way, 0 when none
    LiveRequest m_awaitedRequest;
    LiveRequest m_bins;           ///< the view's bins, asked for when it holds too many events for markers
    DensityCounts m_viewCells;    ///< the view's cells when its requests were made
    DensityCounts m_awaitedCells; ///< the cells of the bins on their way
    int m_awaitedRegion = -1;
    std::shared_ptr<const DensityCounts> m_density;
    LiveEvents m_regionEvents;
    std::shared_ptr<const TimelinePeriodCounts> m_periodCounts;
    int m_answers = 0;
};

} // namespace chronomap
