// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/event_table_model.h"

#include "render/category_style.h"

namespace chronomap {

EventTableModel::EventTableModel(QObject *parent) : QAbstractTableModel(parent) {}

void EventTableModel::setEvents(std::shared_ptr<const EventStore> store, EventStore::IndexList events)
{
    beginResetModel();
    m_store = std::move(store);
    m_events = std::move(events);
    endResetModel();
}

void EventTableModel::setLanguage(const QString &lang)
{
    m_lang = lang;
    if (!m_events.empty()) emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

int EventTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_events.size());
}

int EventTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant EventTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !m_store) return {};
    const EventStore::Index i = m_events[size_t(index.row())];
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
        switch (index.column()) {
        case Date: {
            const TimeSpan when = m_store->when(i);
            return when.isInstant() ? when.start().toIso()
                                    : when.start().toIso() + QStringLiteral(" – ") + when.end().toIso();
        }
        case Title:
            return m_store->title(i, m_lang);
        case Category:
            return CategoryStyle::label(m_store->category(i));
        case Regions:
            return m_store->regionCodes(i).join(QStringLiteral(", "));
        case Sources: {
            QStringList names;
            for (const Source &s : m_store->event(i).sources)
                names.append(s.name.isEmpty() ? s.url : s.name);
            return names.join(QStringLiteral("; "));
        }
        default:
            return {};
        }
    }
    if (role == Qt::DecorationRole && index.column() == Category) return CategoryStyle::color(m_store->category(i));
    return {};
}

QVariant EventTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case Date:
        return tr("Date");
    case Title:
        return tr("Title");
    case Category:
        return tr("Category");
    case Regions:
        return tr("Regions");
    case Sources:
        return tr("Sources");
    default:
        return {};
    }
}

} // namespace chronomap
