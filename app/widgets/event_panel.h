// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/view/view_state.h"

#include <QScrollArea>

class QLabel;
class QTableWidget;
class QVBoxLayout;

namespace chronomap {

/// The selected event: title, when (as precise as the record is), summary, the claims table
/// (each source's figure side by side, never merged), sources with their links (opened only on
/// an explicit click, only http/https, after showing the full address), provenance, and the
/// related records as links that select them. Actor ids, claim units and quantities show in the
/// UI's language.
class EventPanel : public QScrollArea {
    Q_OBJECT
public:
    explicit EventPanel(ViewState *state, QWidget *parent = nullptr);

    QTableWidget *claimsTable() const { return m_claims; }
    QString titleText() const;
    /// The labels of the related records, one per link, in the order of the record's `related`.
    QList<QLabel *> relatedLabels() const;
    /// The labels of the records whose `related` names this one (EventStore::referrers), in time
    /// order, below the record's own links; none in live mode (the database is not asked).
    QList<QLabel *> referrerLabels() const;

    /// True for links Chronomap is willing to open: http and https with a host.
    static bool isOpenableLink(const QString &url);

    /// Live mode (a table browsed live): the panel shows the event the database sent
    /// (showLiveEvent), not the view state's; false returns to the dataset's.
    void setLive(bool live);
    /// The chosen event of a live table, a store of it alone (LiveSession::selectedEvent); null
    /// for none, empty when the table no longer has it.
    void showLiveEvent(std::shared_ptr<const EventStore> event);

signals:
    /// Live mode: a related record's link was clicked (its id, to ask the database for).
    void liveEventRequested(const QString &id);

protected:
    void changeEvent(QEvent *event) override;

private:
    void fitClaimColumns();
    void retranslate();
    void refresh();
    void openLink(const QString &url);
    /// A line "relation: title" whose title selects `target`; plain text naming `missingId` when
    /// the target is not in the data.
    QLabel *recordLink(QWidget *parent, const QString &relation, const EventStore &store, EventStore::Index target,
                       const QString &missingId);

    ViewState *m_state;
    bool m_live = false;
    std::shared_ptr<const EventStore> m_liveEvent;
    QLabel *m_title;
    QLabel *m_meta;
    QLabel *m_summary;
    QLabel *m_claimsHeading;
    QTableWidget *m_claims;
    QLabel *m_sourcesHeading;
    QWidget *m_sources;
    QVBoxLayout *m_sourcesLayout;
    QLabel *m_relatedHeading;
    QWidget *m_related;
    QVBoxLayout *m_relatedLayout;
    QWidget *m_referrers;
    QVBoxLayout *m_referrersLayout;
};

} // namespace chronomap
