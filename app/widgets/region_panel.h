// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/view/view_state.h"

#include <QWidget>

class QLabel;
class QTreeWidget;

namespace chronomap {

/// The selected region's events in the current time window, newest first, with date (as
/// precise as the record is), title, category and sources. Clicking a row selects the event.
class RegionPanel : public QWidget {
    Q_OBJECT
public:
    explicit RegionPanel(ViewState *state, QWidget *parent = nullptr);

    /// The events listed, top to bottom (for tests and accessibility).
    EventStore::IndexList listedEvents() const { return m_listed; }
    QTreeWidget *list() const { return m_list; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void refresh();

    ViewState *m_state;
    QLabel *m_heading;
    QTreeWidget *m_list;
    EventStore::IndexList m_listed;
};

} // namespace chronomap
