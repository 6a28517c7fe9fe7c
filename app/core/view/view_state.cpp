// SPDX-License-Identifier: GPL-3.0-or-later
#include "view_state.h"

namespace chronomap {

ViewState::ViewState(QObject *parent) : QObject(parent) {}

void ViewState::invalidate()
{
    m_visible.reset();
    emit changed();
}

void ViewState::setDataset(std::shared_ptr<const Dataset> dataset)
{
    m_dataset = std::move(dataset);
    m_event = -1;
    m_region = -1;
    m_visible.reset();
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
    emit timeWindowChanged();
    emit filterChanged();
    invalidate();
}

void ViewState::setWindowMatch(WindowMatch match)
{
    if (match == m_match) return;
    m_match = match;
    emit filterChanged();
    invalidate();
}

void ViewState::setSelectedRegion(int regionIndex)
{
    if (regionIndex == m_region) return;
    m_region = regionIndex;
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
    emit filterChanged();
    invalidate();
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

EventFilter ViewState::filter() const
{
    EventFilter f;
    f.window = m_window;
    f.match = m_match;
    if (m_dataset && m_dataset->events && !m_hiddenCategories.isEmpty())
        for (const QString &c : m_dataset->events->categories())
            if (!m_hiddenCategories.contains(c)) f.categories.insert(c);
    if (!m_hiddenCategories.isEmpty() && f.categories.isEmpty()) f.categories.insert(QStringLiteral("\x01none"));
    return f;
}

const EventStore::IndexList &ViewState::visibleEvents() const
{
    if (!m_visible) {
        m_visible = (m_dataset && m_dataset->events) ? filter().apply(*m_dataset->events) : EventStore::IndexList{};
    }
    return *m_visible;
}

} // namespace chronomap
