// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/region_panel.h"

#include "render/category_style.h"
#include "core/geo/region_index.h"

#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <numeric>

namespace chronomap {

RegionPanel::RegionPanel(ViewState *state, QWidget *parent) : QWidget(parent), m_state(state)
{
    m_heading = new QLabel(this);
    m_heading->setTextFormat(Qt::PlainText);
    m_heading->setWordWrap(true);
    QFont bold = m_heading->font();
    bold.setBold(true);
    m_heading->setFont(bold);
    m_list = new QTreeWidget(this);
    m_zoom = new QPushButton(this);
    m_zoom->setVisible(false);
    retranslate();
    m_list->setRootIsDecorated(false);
    m_list->setAlternatingRowColors(true);
    m_list->header()->setStretchLastSection(true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_heading);
    layout->addWidget(m_zoom, 0, Qt::AlignLeft);
    layout->addWidget(m_list);
    connect(m_zoom, &QPushButton::clicked, this, [this] { emit zoomToEventsRequested(m_group); });

    connect(m_list, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        if (!item) return;
        const EventStore::Index event = item->data(0, Qt::UserRole).toInt();
        // Live rows are the database's answer, not the dataset's events: chosen by id.
        if (!m_live)
            m_state->setSelectedEvent(event);
        else if (m_liveEvents && event < m_liveEvents->size())
            emit liveEventChosen(m_liveEvents->id(event));
    });
    for (auto signal : {&ViewState::datasetChanged, &ViewState::filterChanged, &ViewState::mapModeChanged})
        connect(m_state, signal, this, &RegionPanel::refresh);
    connect(m_state, &ViewState::selectedRegionChanged, this, &RegionPanel::refresh);
    connect(m_state, &ViewState::languageChanged, this, [this] {
        if (m_live && m_liveEvents)
            showLiveRegion(m_state->selectedRegion(), m_liveEvents, m_liveTotal);
        else if (m_group.empty())
            refresh();
        else
            showGroup(EventStore::IndexList(m_group), m_groupStyle);
    });
    connect(m_state, &ViewState::selectedEventChanged, this, [this](EventStore::Index event) {
        for (int row = 0; row < m_list->topLevelItemCount(); ++row) {
            QTreeWidgetItem *item = m_list->topLevelItem(row);
            if (item->data(0, Qt::UserRole).toInt() == event) {
                QSignalBlocker block(m_list);
                m_list->setCurrentItem(item);
                return;
            }
        }
        QSignalBlocker block(m_list);
        m_list->setCurrentItem(nullptr);
    });
    refresh();
}

void RegionPanel::showGroup(const EventStore::IndexList &events, MarkStyle style)
{
    m_group = events;
    m_groupStyle = style;
    m_heading->setText(style == MarkStyle::HexBins ? tr("%n event(s) in this bin", nullptr, int(events.size()))
                                                   : tr("%n event(s) in this cluster", nullptr, int(events.size())));
    m_zoom->setVisible(true);
    if (const auto dataset = m_state->dataset(); dataset && dataset->events) list(*dataset->events, m_group);
}

void RegionPanel::setLive(bool live)
{
    m_live = live;
    m_liveEvents.reset();
    refresh();
}

void RegionPanel::showLiveRegion(int region, std::shared_ptr<const EventStore> events, qint64 total)
{
    const auto dataset = m_state->dataset();
    if (!m_live || !events || region != m_state->selectedRegion() || !dataset || !dataset->baseMap || region < 0 ||
        region >= dataset->baseMap->regions->regions().size())
        return;
    m_liveEvents = std::move(events);
    m_liveTotal = total;
    const AreaFeature &area = dataset->baseMap->regions->regions()[region];
    EventStore::IndexList shown(size_t(m_liveEvents->size()));
    std::iota(shown.begin(), shown.end(), 0);
    // Newest first, as the dataset's: by their start, the database's order being none.
    std::stable_sort(shown.begin(), shown.end(), [this](EventStore::Index a, EventStore::Index b) {
        return m_liveEvents->when(b).earliestMs() < m_liveEvents->when(a).earliestMs();
    });
    const qint64 count = total >= 0 ? total : qint64(shown.size());
    QString text =
        tr("%1 (%2): %n event(s)", nullptr, int(count)).arg(localized(area.name, m_state->language()), area.code) +
        (m_state->timeWindow() ? tr(" in the time window") : QString());
    if (count > qint64(shown.size()))
        text += QLatin1Char('\n') + tr("showing the first %1 of %n event(s)", nullptr, int(count)).arg(shown.size());
    m_heading->setText(text);
    list(*m_liveEvents, shown);
}

QString RegionPanel::heading() const
{
    return m_heading->text();
}

void RegionPanel::refresh()
{
    m_group.clear();
    m_zoom->setVisible(false);
    QSignalBlocker block(m_list);
    m_list->clear();
    m_listed.clear();
    const auto dataset = m_state->dataset();
    const int region = m_state->selectedRegion();
    if (!dataset || !dataset->membership || region < 0) {
        m_heading->setText(tr("Click a region on the map to see its events."));
        return;
    }
    if (m_live) { // the database answers (showLiveRegion)
        m_liveEvents.reset();
        m_heading->setText(tr("%1 (%2): asking the database…")
                               .arg(localized(dataset->baseMap->regions->regions()[region].name, m_state->language()),
                                    dataset->baseMap->regions->regions()[region].code));
        return;
    }
    const AreaFeature &area = dataset->baseMap->regions->regions()[region];
    EventFilter filter = m_state->filter();
    filter.regionIndex = region;
    EventStore::IndexList events = filter.apply(*dataset->events, dataset->membership.get());
    std::reverse(events.begin(), events.end()); // newest first
    const QString name = localized(area.name, m_state->language());
    m_heading->setText(tr("%1 (%2): %n event(s)", nullptr, int(events.size())).arg(name, area.code) +
                       (m_state->timeWindow() ? tr(" in the time window") : QString()));
    list(*dataset->events, events);
}

void RegionPanel::list(const EventStore &store, const EventStore::IndexList &events)
{
    QSignalBlocker block(m_list);
    m_list->clear();
    m_listed.clear();
    for (EventStore::Index i : events) {
        const Event e = store.event(i);
        QStringList sources;
        for (const Source &s : e.sources)
            sources.append(s.name.isEmpty() ? s.url : s.name);
        const QString date = e.when.isInstant() ? e.when.start().toIso()
                                                : e.when.start().toIso() + QStringLiteral(" – ") + e.when.end().toIso();
        auto *item =
            new QTreeWidgetItem(m_list, {date, e.titleIn(m_state->language()), CategoryStyle::label(e.category),
                                         sources.join(QStringLiteral("; "))});
        item->setData(0, Qt::UserRole, i);
        item->setIcon(2, [&] {
            QPixmap swatch(12, 12);
            swatch.fill(CategoryStyle::color(e.category));
            return QIcon(swatch);
        }());
        // Escaped and marked as rich text, so the title shows as written ("&" and "<img>" alike).
        item->setToolTip(1, QStringLiteral("<qt>%1</qt>").arg(e.titleIn(m_state->language()).toHtmlEscaped()));
        if (!m_live && i == m_state->selectedEvent()) m_list->setCurrentItem(item);
        m_listed.push_back(i);
    }
    m_list->resizeColumnToContents(0);
    m_list->setColumnWidth(1, std::max(180, m_list->width() / 2));
}

void RegionPanel::retranslate()
{
    m_list->setHeaderLabels({tr("Date"), tr("Title"), tr("Category"), tr("Sources")});
    m_list->setAccessibleName(tr("Events of the selected region"));
    m_zoom->setText(tr("Zoom to them"));
    setAccessibleName(tr("Region"));
    setAccessibleDescription(tr("The region selected on the map and its events in time order"));
}

void RegionPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        refresh();
    }
    QWidget::changeEvent(event);
}

} // namespace chronomap
