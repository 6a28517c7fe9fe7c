// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/store/event_store.h"

#include <QAbstractTableModel>

#include <memory>

namespace chronomap {

/// Item-model adapter showing a list of events of a store (date, title, category, regions, sources).
class EventTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Date, Title, Category, Regions, Sources, ColumnCount };

    explicit EventTableModel(QObject *parent = nullptr);

    void setEvents(std::shared_ptr<const EventStore> store, EventStore::IndexList events);
    void setLanguage(const QString &lang);
    EventStore::Index eventAt(int row) const { return m_events.at(size_t(row)); }
    const std::shared_ptr<const EventStore> &store() const { return m_store; }
    const EventStore::IndexList &events() const { return m_events; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    std::shared_ptr<const EventStore> m_store;
    EventStore::IndexList m_events;
    QString m_lang;
};

} // namespace chronomap
