// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/event_filter.h"
#include "view/dataset.h"

#include <QObject>
#include <QSet>

#include <memory>
#include <optional>

namespace chronomap {

/// How the map shows events.
enum class MapMode : quint8 {
    Markers,    ///< markers, arcs and soft region fills
    Choropleth, ///< admin-1 regions shaded by the number of events in the window
};

/// The one source of truth every view reads and changes: the dataset, the time window, the
/// selection, the filters and the language. No view keeps its own copy of these.
class ViewState : public QObject {
    Q_OBJECT
public:
    explicit ViewState(QObject *parent = nullptr);

    std::shared_ptr<const Dataset> dataset() const { return m_dataset; }
    /// Replaces the dataset and clears what referred to the old one (selection, region).
    void setDataset(std::shared_ptr<const Dataset> dataset);

    /// The time window; nullopt = all time.
    std::optional<TimeWindow> timeWindow() const { return m_window; }
    void setTimeWindow(std::optional<TimeWindow> window);
    WindowMatch windowMatch() const { return m_match; }
    void setWindowMatch(WindowMatch match);

    /// Selected admin-1 region (index into RegionIndex::regions()), or -1.
    int selectedRegion() const { return m_region; }
    void setSelectedRegion(int regionIndex);
    /// Selected event (index into the dataset's EventStore), or -1.
    EventStore::Index selectedEvent() const { return m_event; }
    void setSelectedEvent(EventStore::Index event);
    /// Clears the event selection, or the region when no event is selected.
    void clearSelection();

    /// Categories hidden by the user; empty = all shown.
    QSet<QString> hiddenCategories() const { return m_hiddenCategories; }
    void setHiddenCategories(QSet<QString> categories);
    QString language() const { return m_language; }
    void setLanguage(const QString &lang);
    MapMode mapMode() const { return m_mapMode; }
    void setMapMode(MapMode mode);

    /// The filter the views apply: window, match and shown categories (not the region: the map
    /// shows every region's events, the region panel narrows to one).
    EventFilter filter() const;
    /// Events passing filter(), in time order; cached until the state changes.
    const EventStore::IndexList &visibleEvents() const;

signals:
    void datasetChanged();
    void timeWindowChanged();
    void selectedRegionChanged(int regionIndex);
    void selectedEventChanged(chronomap::EventStore::Index event);
    void filterChanged();
    void languageChanged(const QString &lang);
    void mapModeChanged();
    /// Any change that alters what is drawn.
    void changed();

private:
    void invalidate();

    std::shared_ptr<const Dataset> m_dataset;
    std::optional<TimeWindow> m_window;
    WindowMatch m_match = WindowMatch::Possibly;
    int m_region = -1;
    EventStore::Index m_event = -1;
    QSet<QString> m_hiddenCategories;
    QString m_language;
    MapMode m_mapMode = MapMode::Markers;
    mutable std::optional<EventStore::IndexList> m_visible;
};

} // namespace chronomap
