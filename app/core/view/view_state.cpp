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
    if (m_figure) // the same figure of the new data (a reload), or events per region
        m_figure = m_dataset && m_dataset->events
                       ? std::make_shared<const FigureValues>(*m_dataset->events, m_figure->quantity())
                       : nullptr;
    m_event = -1;
    m_region = -1;
    m_visible.reset();
    m_ignoringWindow.reset();
    m_regionEvents.reset();
    emit datasetChanged();
    emit selectedEventChanged(-1);
    emit selectedRegionChanged(-1);
    invalidate();
}

void ViewState::setTimeWindow(std::optional<TimeWindow> window)
{
    if (window && !window->isValid()) window.reset();
    if (window == m_window) return;
    m_window = window;
    m_visible.reset(); // what ignores the window stays valid: playback only pays for the window
    emit timeWindowChanged();
    emit filterChanged();
    emit changed();
}

void ViewState::setWindowMatch(WindowMatch match)
{
    if (match == m_match) return;
    m_match = match;
    resetCaches(); // before the signals: their slots read the events
    emit filterChanged();
    invalidate();
}

void ViewState::setSelectedRegion(int regionIndex)
{
    if (regionIndex == m_region) return;
    m_region = regionIndex;
    m_regionEvents.reset();
    emit selectedRegionChanged(regionIndex);
    emit changed();
}

void ViewState::setSelectedEvent(EventStore::Index event)
{
    if (event == m_event) return;
    m_event = event;
    emit selectedEventChanged(event);
    emit changed();
}

void ViewState::clearSelection()
{
    if (m_event >= 0)
        setSelectedEvent(-1);
    else
        setSelectedRegion(-1);
}

void ViewState::setHiddenCategories(QSet<QString> categories)
{
    if (categories == m_hiddenCategories) return;
    m_hiddenCategories = std::move(categories);
    resetCaches();
    emit filterChanged();
    invalidate();
}

void ViewState::setHiddenConfidences(QSet<Confidence> confidences)
{
    if (confidences == m_hiddenConfidences) return;
    m_hiddenConfidences = std::move(confidences);
    resetCaches();
    emit filterChanged();
    invalidate();
}

void ViewState::setHiddenProvenances(QSet<QString> provenances)
{
    if (provenances == m_hiddenProvenances) return;
    m_hiddenProvenances = std::move(provenances);
    resetCaches();
    emit filterChanged();
    invalidate();
}

void ViewState::setSearchText(const QString &text)
{
    if (text == m_searchText) return;
    m_searchText = text;
    resetCaches();
    emit searchTextChanged(text);
    emit filterChanged();
    invalidate();
}

void ViewState::setOutOfWindowMode(OutOfWindowMode mode)
{
    if (mode == m_outOfWindow) return;
    m_outOfWindow = mode;
    emit outOfWindowModeChanged();
    emit changed();
}

void ViewState::setLanguage(const QString &lang)
{
    if (lang == m_language) return;
    m_language = lang;
    emit languageChanged(lang);
    emit changed();
}

void ViewState::setMapMode(MapMode mode)
{
    if (mode == m_mapMode) return;
    m_mapMode = mode;
    emit mapModeChanged();
    emit changed();
}

void ViewState::setMarkStyle(MarkStyle style)
{
    if (style == m_markStyle) return;
    m_markStyle = style;
    emit markStyleChanged();
    emit changed();
}

void ViewState::setChoroplethFigure(const QString &quantity)
{
    if ((m_figure ? m_figure->quantity() : QString()) == quantity) return;
    m_figure = quantity.isEmpty() || !m_dataset || !m_dataset->events
                   ? nullptr
                   : std::make_shared<const FigureValues>(*m_dataset->events, quantity);
    emit mapModeChanged();
    emit changed();
}

EventFilter ViewState::filter() const
{
    EventFilter f;
    f.window = m_window;
    f.match = m_match;
    if (m_dataset && m_dataset->events && !m_hiddenCategories.isEmpty())
        for (const QString &c : m_dataset->events->categories())
            if (!m_hiddenCategories.contains(c)) f.categories.insert(c);
    if (!m_hiddenCategories.isEmpty() && f.categories.isEmpty()) f.categories.insert(QStringLiteral("\x01none"));
    // Hidden sets become shown sets, where empty means "all": a value hidden by the user that the
    // dataset lacks must not empty the view, and one that every event has must.
    if (!m_hiddenConfidences.isEmpty()) {
        for (Confidence c : {Confidence::Unknown, Confidence::Confirmed, Confidence::Reported, Confidence::Claimed,
                             Confidence::Disputed})
            if (!m_hiddenConfidences.contains(c)) f.confidences.insert(c);
        if (f.confidences.isEmpty()) f.confidences.insert(Confidence(0xff)); // matches nothing
    }
    if (!m_hiddenProvenances.isEmpty() && m_dataset && m_dataset->events) {
        for (const QString &p : m_dataset->events->provenances())
            if (!m_hiddenProvenances.contains(p)) f.provenances.insert(p);
        if (f.provenances.isEmpty()) f.provenances.insert(QStringLiteral("\x01none"));
    }
    f.text = m_searchText;
    return f;
}

bool ViewState::hasContentFilter() const
{
    return !m_hiddenConfidences.isEmpty() || !m_hiddenProvenances.isEmpty() ||
           !EventFilter::searchWords(m_searchText).isEmpty();
}

const EventStore::IndexList &ViewState::eventsIgnoringWindow() const
{
    if (!m_ignoringWindow) {
        if (!m_window && m_visible) {
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
        if (m_region >= 0 && m_dataset && m_dataset->membership) {
            const auto &all = eventsIgnoringWindow();
            const auto &inRegion = m_dataset->membership->eventsIn(m_region);
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
        } else if (m_window && hasContentFilter()) {
            // The search costs most and does not depend on the window: as playback moves the
            // window, intersect the kept result with the window's events instead of searching again.
            const auto inWindow = m_dataset->events->inWindow(*m_window, m_match);
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
