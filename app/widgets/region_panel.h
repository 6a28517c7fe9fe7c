// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/view/view_state.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace chronomap {

/// The selected region's events in the current time window, newest first, with date (as
/// precise as the record is), title, category and sources. Clicking a row selects the event.
class RegionPanel : public QWidget {
    Q_OBJECT
public:
    explicit RegionPanel(ViewState *state, QWidget *parent = nullptr);

    /// Lists the events of a cluster or hexagon bin the map was clicked on ("142 events in this
    /// cluster"), with a button to zoom to them, until the region, filter or data change.
    void showGroup(const EventStore::IndexList &events, MarkStyle style);
    /// Live mode (a table browsed live, LiveSession): the selected region's events come from the
    /// database (showLiveRegion), not from the dataset; false returns to the dataset's.
    void setLive(bool live);
    /// The database's events of `region`, `total` of them counted (-1: not counted, all sent):
    /// listed newest first; when the database holds more than it sent, the heading says so.
    void showLiveRegion(int region, std::shared_ptr<const EventStore> events, qint64 total);
    /// The heading above the list.
    QString heading() const;
    QPushButton *zoomButton() const { return m_zoom; }

    /// The events listed, top to bottom (for tests and accessibility).
    EventStore::IndexList listedEvents() const { return m_listed; }
    QTreeWidget *list() const { return m_list; }

signals:
    /// "Zoom to them" under a cluster's or bin's events.
    void zoomToEventsRequested(const chronomap::EventStore::IndexList &events);
    /// Live mode: a row of the database's answer was chosen (the event's id).
    void liveEventChosen(const QString &id);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void refresh();
    void list(const EventStore &store, const EventStore::IndexList &events);

    ViewState *m_state;
    QLabel *m_heading;
    QTreeWidget *m_list;
    QPushButton *m_zoom;
    EventStore::IndexList m_listed;
    EventStore::IndexList m_group; ///< the cluster's or bin's events shown, empty for the region's
    MarkStyle m_groupStyle = MarkStyle::Clusters;
    bool m_live = false;
    std::shared_ptr<const EventStore> m_liveEvents; ///< the events listed in live mode
    qint64 m_liveTotal = -1;
};

} // namespace chronomap
