// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/store/event_filter.h"
#include "core/store/figure_values.h"
#include "core/view/dataset.h"
#include "core/view/view_settings.h"

#include <QObject>
#include <QSet>

#include <memory>
#include <optional>

namespace chronomap {

/// The one source of truth every view reads and changes: the dataset and the ViewSettings (time
/// window, selection, filters, language, map mode). No view keeps its own copy of these.
class ViewState : public QObject {
    Q_OBJECT
public:
    explicit ViewState(QObject *parent = nullptr);

    std::shared_ptr<const Dataset> dataset() const { return m_dataset; }
    /// Replaces the dataset and clears what referred to the old one (selection, region).
    void setDataset(std::shared_ptr<const Dataset> dataset);

    /// Everything but the dataset, as one value.
    const ViewSettings &settings() const { return m_settings; }
    /// Applies every setting through its setter (each signal once, only for what changed). The
    /// region and event must be indices into the current dataset.
    void setSettings(const ViewSettings &settings);

    /// The time window; nullopt = all time.
    std::optional<TimeWindow> timeWindow() const { return m_settings.window; }
    void setTimeWindow(std::optional<TimeWindow> window);
    WindowMatch windowMatch() const { return m_settings.match; }
    void setWindowMatch(WindowMatch match);

    /// Selected admin-1 region (index into RegionIndex::regions()), or -1.
    int selectedRegion() const { return m_settings.region; }
    void setSelectedRegion(int regionIndex);
    /// Selected event (index into the dataset's EventStore), or -1.
    EventStore::Index selectedEvent() const { return m_settings.selectedEvent; }
    void setSelectedEvent(EventStore::Index event);
    /// Clears the event selection, or the region when no event is selected.
    void clearSelection();

    /// Categories hidden by the user; empty = all shown.
    const QSet<QString> &hiddenCategories() const { return m_settings.hiddenCategories; }
    void setHiddenCategories(QSet<QString> categories);
    /// Confidences hidden by the user; empty = all shown.
    const QSet<Confidence> &hiddenConfidences() const { return m_settings.hiddenConfidences; }
    void setHiddenConfidences(QSet<Confidence> confidences);
    /// Provenances hidden by the user ("" = records without one); empty = all shown.
    const QSet<QString> &hiddenProvenances() const { return m_settings.hiddenProvenances; }
    void setHiddenProvenances(QSet<QString> provenances);
    /// Words to search for (see EventFilter::text); empty = no search.
    const QString &searchText() const { return m_settings.searchText; }
    void setSearchText(const QString &text);
    OutOfWindowMode outOfWindowMode() const { return m_settings.outOfWindow; }
    void setOutOfWindowMode(OutOfWindowMode mode);

    const QString &language() const { return m_settings.language; }
    void setLanguage(const QString &lang);
    MapMode mapMode() const { return m_settings.mapMode; }
    void setMapMode(MapMode mode);
    MarkStyle markStyle() const { return m_settings.markStyle; }
    void setMarkStyle(MarkStyle style);
    /// Hexagon bins coloured by their most frequent category rather than by count.
    bool hexBinsByCategory() const { return m_settings.hexBinsByCategory; }
    void setHexBinsByCategory(bool on);
    /// What the choropleth shades: null for the number of events per region, else the sum of
    /// this figure (a claim quantity, e.g. ACLED's "fatalities") over each region's events.
    const std::shared_ptr<const FigureValues> &choroplethFigure() const { return m_figure; }
    /// `quantity` empty: events per region. Decodes the figure of every event once.
    void setChoroplethFigure(const QString &quantity);
    /// Counts the changes that alter what is drawn (each changed() signal): a cache of a drawing
    /// of this state is current while the revision it was drawn at is.
    quint64 revision() const { return m_revision; }

    /// The filter the views apply: window, match, shown categories, confidences and provenances,
    /// and the search (not the region: the map shows every region's events, the region panel and
    /// the timeline narrow to one).
    EventFilter filter() const;
    /// Events passing filter(), in time order; cached until the state changes.
    const EventStore::IndexList &visibleEvents() const;
    /// Whether the search, a confidence or a provenance narrows the events (beyond the window
    /// and categories, which the timeline handles on its own).
    bool hasContentFilter() const;
    /// Events passing filter() but for the time window, in time order; cached. The faded events
    /// of OutOfWindowMode::Faded are these minus visibleEvents().
    const EventStore::IndexList &eventsIgnoringWindow() const;
    /// eventsIgnoringWindow() of the selected region, in time order (empty without a region);
    /// cached. What the timeline draws while a region is selected.
    const EventStore::IndexList &selectedRegionEvents() const;

signals:
    void datasetChanged();
    void timeWindowChanged();
    void selectedRegionChanged(int regionIndex);
    void selectedEventChanged(chronomap::EventStore::Index event);
    void filterChanged();
    void searchTextChanged(const QString &text);
    void outOfWindowModeChanged();
    void languageChanged(const QString &lang);
    void mapModeChanged();
    void markStyleChanged();
    /// Any change that alters what is drawn.
    void changed();

private:
    void resetCaches();
    void invalidate();

    std::shared_ptr<const Dataset> m_dataset;
    ViewSettings m_settings;
    std::shared_ptr<const FigureValues> m_figure; ///< decoded m_settings.choroplethFigure
    quint64 m_revision = 0;
    mutable std::optional<EventStore::IndexList> m_visible;
    mutable std::optional<EventStore::IndexList> m_ignoringWindow;
    mutable std::optional<EventStore::IndexList> m_regionEvents;
};

} // namespace chronomap
