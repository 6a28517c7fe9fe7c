// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/view/view_state.h"

#include <algorithm>

namespace chronomap {

ViewState::ViewState(QObject *parent) : QObject(parent)
{
    // Connected first, so every other receiver of changed() already sees the new revision.
    connect(this, &ViewState::changed, this, [this] { ++m_revision; });
}

void ViewState::resetCaches()
{
    m_visible.reset();
    m_ignoringWindow.reset();
    m_regionEvents.reset();
}

void ViewState::invalidate()
{
    resetCaches();
    emit changed();
}

void ViewState::setDataset(std::shared_ptr<const Dataset> dataset)
{
    m_dataset = std::move(dataset);
    // The same figure of the new data (a reload), or events per region.
    m_figure = !m_settings.choroplethFigure.isEmpty() && m_dataset && m_dataset->events
                   ? std::make_shared<const FigureValues>(*m_dataset->events, m_settings.choroplethFigure)
                   : nullptr;
    m_settings.selectedEvent = -1;
    m_settings.region = -1;
    m_visible.reset();
    m_ignoringWindow.reset();
    m_regionEvents.reset();
    emit datasetChanged();
    emit selectedEventChanged(-1);
    emit selectedRegionChanged(-1);
    invalidate();
}

void ViewState::setSettings(const ViewSettings &settings)
{
    setTimeWindow(settings.window);
    setWindowMatch(settings.match);
    setHiddenCategories(settings.hiddenCategories);
    setHiddenConfidences(settings.hiddenConfidences);
    setHiddenProvenances(settings.hiddenProvenances);
    setSearchText(settings.searchText);
    setOutOfWindowMode(settings.outOfWindow);
    setLanguage(settings.language);
    setMapMode(settings.mapMode);
    setMarkStyle(settings.markStyle);
    setHexBinsByCategory(settings.hexBinsByCategory);
    setChoroplethFigure(settings.choroplethFigure);
    setSelectedRegion(settings.region);
    setSelectedEvent(settings.selectedEvent);
}

void ViewState::setTimeWindow(std::optional<TimeWindow> window)
{
    if (window && !window->isValid()) window.reset();
    if (window == m_settings.window) return;
    m_settings.window = window;
    m_visible.reset(); // what ignores the window stays valid: playback only pays for the window
    emit timeWindowChanged();
    emit filterChanged();
    emit changed();
}

void ViewState::setWindowMatch(WindowMatch match)
{
    if (match == m_settings.match) return;
    m_settings.match = match;
    resetCaches(); // before the signals: their slots read the events
    emit filterChanged();
    invalidate();
}

void ViewState::setSelectedRegion(int regionIndex)
{
    if (regionIndex == m_settings.region) return;
    m_settings.region = regionIndex;
    m_regionEvents.reset();
    emit selectedRegionChanged(regionIndex);
    emit changed();
}

void ViewState::setSelectedEvent(EventStore::Index event)
{
    if (event == m_settings.selectedEvent) return;
    m_settings.selectedEvent = event;
    emit selectedEventChanged(event);
    emit changed();
}

void ViewState::clearSelection()
{
    if (m_settings.selectedEvent >= 0)
        setSelectedEvent(-1);
    else
        setSelectedRegion(-1);
}

void ViewState::setHiddenCategories(QSet<QString> categories)
{
    if (categories == m_settings.hiddenCategories) return;
    m_settings.hiddenCategories = std::move(categories);
    resetCaches();
    emit filterChanged();
    invalidate();
}

void ViewState::setHiddenConfidences(QSet<Confidence> confidences)
{
    if (confidences == m_settings.hiddenConfidences) return;
    m_settings.hiddenConfidences = std::move(confidences);
    resetCaches();
    emit filterChanged();
    invalidate();
}

void ViewState::setHiddenProvenances(QSet<QString> provenances)
{
    if (provenances == m_settings.hiddenProvenances) return;
    m_settings.hiddenProvenances = std::move(provenances);
    resetCaches();
    emit filterChanged();
    invalidate();
}

void ViewState::setSearchText(const QString &text)
{
    if (text == m_settings.searchText) return;
    m_settings.searchText = text;
    resetCaches();
    emit searchTextChanged(text);
    emit filterChanged();
    invalidate();
}

void ViewState::setOutOfWindowMode(OutOfWindowMode mode)
{
    if (mode == m_settings.outOfWindow) return;
    m_settings.outOfWindow = mode;
    emit outOfWindowModeChanged();
    emit changed();
}

void ViewState::setLanguage(const QString &lang)
{
    if (lang == m_settings.language) return;
    m_settings.language = lang;
    emit languageChanged(lang);
    emit changed();
}

void ViewState::setMapMode(MapMode mode)
{
    if (mode == m_settings.mapMode) return;
    m_settings.mapMode = mode;
    emit mapModeChanged();
    emit changed();
}

void ViewState::setMarkStyle(MarkStyle style)
{
    if (style == m_settings.markStyle) return;
    m_settings.markStyle = style;
    emit markStyleChanged();
    emit changed();
}

void ViewState::setHexBinsByCategory(bool on)
{
    if (on == m_settings.hexBinsByCategory) return;
    m_settings.hexBinsByCategory = on;
    emit markStyleChanged();
    emit changed();
}

void ViewState::setChoroplethFigure(const QString &quantity)
{
    if (m_settings.choroplethFigure == quantity) return;
    m_settings.choroplethFigure = quantity;
    m_figure = quantity.isEmpty() || !m_dataset || !m_dataset->events
                   ? nullptr
                   : std::make_shared<const FigureValues>(*m_dataset->events, quantity);
    emit mapModeChanged();
    emit changed();
}

EventFilter ViewState::filter() const
{
    EventFilter f;
    f.window = m_settings.window;
    f.match = m_settings.match;
    // Hidden sets become shown sets: a value hidden by the user that the dataset lacks must not
    // empty the view, and one that every event has must.
    const EventStore *store = m_dataset ? m_dataset->events.get() : nullptr;
    if (!m_settings.hiddenCategories.isEmpty() && store) {
        f.categories.emplace();
        for (const QString &c : store->categories())
            if (!m_settings.hiddenCategories.contains(c)) f.categories->insert(c);
    }
    if (!m_settings.hiddenConfidences.isEmpty()) {
        f.confidences.emplace();
        for (Confidence c : {Confidence::Unknown, Confidence::Confirmed, Confidence::Reported, Confidence::Claimed,
                             Confidence::Disputed})
            if (!m_settings.hiddenConfidences.contains(c)) f.confidences->insert(c);
    }
    if (!m_settings.hiddenProvenances.isEmpty() && store) {
        f.provenances.emplace();
        for (const QString &p : store->provenances())
            if (!m_settings.hiddenProvenances.contains(p)) f.provenances->insert(p);
    }
    f.text = m_settings.searchText;
    return f;
}

bool ViewState::hasContentFilter() const
{
    return !m_settings.hiddenConfidences.isEmpty() || !m_settings.hiddenProvenances.isEmpty() ||
           !EventFilter::searchWords(m_settings.searchText).isEmpty();
}

const EventStore::IndexList &ViewState::eventsIgnoringWindow() const
{
    if (!m_ignoringWindow) {
        if (!m_settings.window && m_visible) {
            m_ignoringWindow = *m_visible;
        } else {
            EventFilter f = filter();
            f.window.reset();
            m_ignoringWindow = (m_dataset && m_dataset->events) ? f.apply(*m_dataset->events) : EventStore::IndexList{};
        }
    }
    return *m_ignoringWindow;
}

const EventStore::IndexList &ViewState::selectedRegionEvents() const
{
    if (!m_regionEvents) {
        m_regionEvents.emplace();
        if (m_settings.region >= 0 && m_dataset && m_dataset->membership) {
            const auto &all = eventsIgnoringWindow();
            const auto &inRegion = m_dataset->membership->eventsIn(m_settings.region);
            std::set_intersection(all.begin(), all.end(), inRegion.begin(), inRegion.end(),
                                  std::back_inserter(*m_regionEvents));
        }
    }
    return *m_regionEvents;
}

const EventStore::IndexList &ViewState::visibleEvents() const
{
    if (!m_visible) {
        if (!m_dataset || !m_dataset->events) {
            m_visible.emplace();
        } else if (m_settings.window && hasContentFilter()) {
            // The search costs most and does not depend on the window: as playback moves the
            // window, intersect the kept result with the window's events instead of searching again.
            const auto inWindow = m_dataset->events->inWindow(*m_settings.window, m_settings.match);
            const auto &matching = eventsIgnoringWindow();
            m_visible.emplace();
            std::set_intersection(inWindow.begin(), inWindow.end(), matching.begin(), matching.end(),
                                  std::back_inserter(*m_visible));
        } else {
            m_visible = filter().apply(*m_dataset->events);
        }
    }
    return *m_visible;
}

} // namespace chronomap
