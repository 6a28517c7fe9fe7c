// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/event_panel.h"

#include "core/geo/region_index.h"
#include "render/category_style.h"
#include "render/value_labels.h"

#include <QCoreApplication>
#include <QDesktopServices>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QTableWidget>
#include <QUrl>
#include <QVBoxLayout>

#include <algorithm>
#include <vector>

namespace chronomap {

namespace {

QLabel *plainLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setTextFormat(Qt::PlainText); // text from data is never interpreted as markup
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

QString precisionText(const TimeSpan &when)
{
    const QString start = when.start().toIso();
    const QString text = when.isInstant() ? start : start + QStringLiteral(" – ") + when.end().toIso();
    switch (when.start().precision) {
    case DatePrecision::Year:
        return QCoreApplication::translate("EventPanel", "%1 (some time that year)").arg(text);
    case DatePrecision::Month:
        return QCoreApplication::translate("EventPanel", "%1 (some time that month)").arg(text);
    default:
        return text;
    }
}

} // namespace

EventPanel::EventPanel(ViewState *state, QWidget *parent) : QScrollArea(parent), m_state(state)
{
    auto *content = new QWidget(this);
    auto *layout = new QVBoxLayout(content);
    m_title = plainLabel(content);
    QFont big = m_title->font();
    big.setBold(true);
    big.setPointSizeF(big.pointSizeF() * 1.15);
    m_title->setFont(big);
    m_meta = plainLabel(content);
    m_summary = plainLabel(content);
    m_claimsHeading = new QLabel(content);
    m_claims = new QTableWidget(0, 5, content);
    m_claims->verticalHeader()->hide();
    m_claims->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_claims->horizontalHeader()->setStretchLastSection(true);
    m_claims->setWordWrap(true);
    m_sourcesHeading = new QLabel(content);
    m_sources = new QWidget(content);
    m_sourcesLayout = new QVBoxLayout(m_sources);
    m_sourcesLayout->setContentsMargins(0, 0, 0, 0);
    m_relatedHeading = new QLabel(content);
    m_related = new QWidget(content);
    m_relatedLayout = new QVBoxLayout(m_related);
    m_relatedLayout->setContentsMargins(0, 0, 0, 0);
    m_referrers = new QWidget(content);
    m_referrersLayout = new QVBoxLayout(m_referrers);
    m_referrersLayout->setContentsMargins(0, 0, 0, 0);
    for (QWidget *w : {static_cast<QWidget *>(m_title), static_cast<QWidget *>(m_meta),
                       static_cast<QWidget *>(m_summary), static_cast<QWidget *>(m_claimsHeading),
                       static_cast<QWidget *>(m_claims), static_cast<QWidget *>(m_sourcesHeading), m_sources,
                       static_cast<QWidget *>(m_relatedHeading), m_related, m_referrers})
        layout->addWidget(w);
    layout->addStretch(1);
    setWidget(content);
    setWidgetResizable(true);
    retranslate();

    connect(m_state, &ViewState::selectedEventChanged, this, &EventPanel::refresh);
    connect(m_state, &ViewState::datasetChanged, this, &EventPanel::refresh);
    connect(m_state, &ViewState::languageChanged, this, &EventPanel::refresh);
    refresh();
}

void EventPanel::retranslate()
{
    m_claimsHeading->setText(tr("Figures as each source states them"));
    m_claims->setHorizontalHeaderLabels({tr("Quantity"), tr("Figure"), tr("Source"), tr("As of"), tr("Note")});
    m_claims->setAccessibleName(tr("Claims"));
    m_sourcesHeading->setText(tr("Sources"));
    m_relatedHeading->setText(tr("Related records"));
    setAccessibleName(tr("Selected event"));
    setAccessibleDescription(tr("Title, date, summary, figures and sources of the selected event"));
}

void EventPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        refresh();
    }
    QScrollArea::changeEvent(event);
}

QString EventPanel::titleText() const
{
    return m_title->text();
}

QList<QLabel *> EventPanel::relatedLabels() const
{
    return m_related->findChildren<QLabel *>(Qt::FindDirectChildrenOnly);
}

QList<QLabel *> EventPanel::referrerLabels() const
{
    return m_referrers->findChildren<QLabel *>(Qt::FindDirectChildrenOnly);
}

bool EventPanel::isOpenableLink(const QString &url)
{
    const QUrl u(url.trimmed(), QUrl::StrictMode);
    return u.isValid() && (u.scheme() == u"http" || u.scheme() == u"https") && !u.host().isEmpty();
}

void EventPanel::openLink(const QString &url)
{
    // The full address first: a link's text in data can say anything.
    const auto answer =
        QMessageBox::question(this, tr("Open link"), tr("Open this address in your web browser?\n\n%1").arg(url),
                              QMessageBox::Open | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer == QMessageBox::Open) QDesktopServices::openUrl(QUrl(url.trimmed(), QUrl::StrictMode));
}

void EventPanel::setLive(bool live)
{
    m_live = live;
    m_liveEvent.reset();
    refresh();
}

void EventPanel::showLiveEvent(std::shared_ptr<const EventStore> event)
{
    if (!m_live) return;
    m_liveEvent = std::move(event);
    refresh();
}

void EventPanel::refresh()
{
    while (QLayoutItem *item = m_sourcesLayout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    m_claims->setRowCount(0);
    const auto dataset = m_state->dataset();
    // Live, the database's answer (a store of the one event); else the state's selection.
    const std::shared_ptr<const EventStore> store = m_live ? m_liveEvent : dataset ? dataset->events : nullptr;
    const EventStore::Index i = m_live ? 0 : m_state->selectedEvent();
    const bool has = store && i >= 0 && i < store->size();
    for (QWidget *w :
         {static_cast<QWidget *>(m_meta), static_cast<QWidget *>(m_summary), static_cast<QWidget *>(m_claimsHeading),
          static_cast<QWidget *>(m_claims), static_cast<QWidget *>(m_sourcesHeading), m_sources,
          static_cast<QWidget *>(m_relatedHeading), m_related, m_referrers})
        w->setVisible(has);
    if (!has) {
        m_title->setText(m_live && m_liveEvent ? tr("The chosen event is no longer in the database's table.")
                                               : tr("Click an event on the map or in a list to see it here."));
        return;
    }
    const Event e = store->event(i);
    const QString lang = m_state->language();
    m_title->setText(e.titleIn(lang));
    QStringList meta{precisionText(e.when), CategoryStyle::label(e.category)};
    if (e.confidence != Confidence::Unknown)
        meta.append(tr("confidence: %1").arg(ValueLabels::confidence(e.confidence).toLower()));
    if (!e.provenance.isEmpty()) meta.append(tr("provenance: %1").arg(ValueLabels::provenance(e.provenance).toLower()));
    if (!e.regions.isEmpty()) {
        // By the name the map shows, in the interface's language, with the code the data holds.
        const RegionIndex *regions = dataset && dataset->baseMap ? dataset->baseMap->regions.get() : nullptr;
        QStringList named;
        for (const QString &code : e.regions) {
            const int r = regions ? regions->find(code) : -1;
            named.append(r >= 0 ? tr("%1 (%2)").arg(localized(regions->regions()[r].name, lang), code) : code);
        }
        meta.append(tr("regions: %1").arg(named.join(QStringLiteral(", "))));
    }
    if (!e.actors.isEmpty()) {
        QStringList names;
        for (const QString &actor : e.actors)
            names.append(store->actors().name(actor, lang));
        meta.append(tr("actors: %1").arg(names.join(QStringLiteral(", "))));
    }
    m_meta->setText(meta.join(QStringLiteral("\n")));
    m_summary->setText(e.summaryIn(lang));

    m_claimsHeading->setVisible(!e.claims.isEmpty());
    m_claims->setVisible(!e.claims.isEmpty());
    m_claims->setRowCount(int(e.claims.size()));
    const QLocale locale = lang == u"es" ? QLocale(QLocale::Spanish) : QLocale(QLocale::English);
    for (int row = 0; row < e.claims.size(); ++row) {
        const Claim &c = e.claims[row];
        const QString unit = ValueLabels::unit(c.unit);
        const QString figure =
            c.value ? locale.toString(*c.value, 'f', 0) + (unit.isEmpty() ? QString() : u' ' + unit) : tr("no figure");
        const QStringList cells{c.quantityIn(lang), figure, c.sourceName(e.sources), c.asOf, c.noteIn(lang)};
        for (int col = 0; col < cells.size(); ++col)
            m_claims->setItem(row, col, new QTableWidgetItem(cells[col]));
    }
    m_claims->resizeColumnsToContents();
    fitClaimColumns();
    m_claims->resizeRowsToContents();
    int rowsHeight = 0;
    for (int row = 0; row < m_claims->rowCount(); ++row)
        rowsHeight += m_claims->rowHeight(row);
    m_claims->setMinimumHeight(e.claims.isEmpty() ? 0 : m_claims->horizontalHeader()->height() + 4 + rowsHeight);

    for (const Source &s : e.sources) {
        auto *row = new QWidget(m_sources);
        auto *h = new QHBoxLayout(row);
        h->setContentsMargins(0, 0, 0, 0);
        QLabel *label = plainLabel(row);
        QStringList parts{s.name};
        if (!s.published.isEmpty()) parts.append(s.published);
        if (!s.url.isEmpty()) parts.append(s.url);
        label->setText(parts.join(QStringLiteral(" · ")));
        h->addWidget(label, 1);
        if (isOpenableLink(s.url)) {
            auto *open = new QPushButton(tr("Open…"), row);
            // Escaped and marked as rich text: "a&b" must not show as "a&amp;b", nor "<b>" turn bold.
            open->setToolTip(QStringLiteral("<qt>%1</qt>").arg(s.url.toHtmlEscaped()));
            const QString url = s.url;
            connect(open, &QPushButton::clicked, this, [this, url] { openLink(url); });
            h->addWidget(open);
        }
        m_sourcesLayout->addWidget(row);
    }

    // Related records as links that select them; a link to an id not in the data stays text.
    // Below them, the records that name this one: a link is stated by one end only.
    for (QVBoxLayout *list : {m_relatedLayout, m_referrersLayout})
        while (QLayoutItem *item = list->takeAt(0)) {
            delete item->widget();
            delete item;
        }
    for (const Related &r : e.related) {
        const QString relation = ValueLabels::relation(r.relation);
        if (m_live) { // the record is in the database, or not: asked for when clicked
            auto *label = new QLabel(m_related);
            label->setWordWrap(true);
            label->setTextFormat(Qt::RichText);
            label->setText(
                QStringLiteral("%1: <a href=\"#\">%2</a>").arg(relation.toHtmlEscaped(), r.id.toHtmlEscaped()));
            label->setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
            connect(
                label, &QLabel::linkActivated, this, [this, id = r.id] { emit liveEventRequested(id); },
                Qt::QueuedConnection);
            m_relatedLayout->addWidget(label);
        } else {
            m_relatedLayout->addWidget(recordLink(m_related, relation, *store, store->findId(r.id), r.id));
        }
    }
    const QList<EventStore::Referrer> referrers = m_live ? QList<EventStore::Referrer>{} : store->referrers(i);
    for (const EventStore::Referrer &r : referrers)
        m_referrersLayout->addWidget(
            recordLink(m_referrers, ValueLabels::inverseRelation(r.relation), *store, r.from, QString()));
    m_relatedHeading->setVisible(!e.related.isEmpty() || !referrers.isEmpty());
    m_related->setVisible(!e.related.isEmpty());
    m_referrers->setVisible(!referrers.isEmpty());
}

QLabel *EventPanel::recordLink(QWidget *parent, const QString &relation, const EventStore &store,
                               EventStore::Index target, const QString &missingId)
{
    auto *label = new QLabel(parent);
    label->setWordWrap(true);
    if (target < 0) {
        label->setTextFormat(Qt::PlainText);
        label->setText(tr("%1: %2 (not in the data)").arg(relation, missingId));
        return label;
    }
    // Rich text for the link only: every piece from the data is escaped.
    label->setTextFormat(Qt::RichText);
    label->setText(QStringLiteral("%1: <a href=\"%2\">%3</a>")
                       .arg(relation.toHtmlEscaped())
                       .arg(target)
                       .arg(store.title(target, m_state->language()).toHtmlEscaped()));
    label->setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
    // Queued: selecting rebuilds this list, which must not delete the label in its own signal.
    connect(
        label, &QLabel::linkActivated, this,
        [this](const QString &link) { m_state->setSelectedEvent(EventStore::Index(link.toInt())); },
        Qt::QueuedConnection);
    return label;
}

void EventPanel::fitClaimColumns()
{
    // Figure and date keep their width; the wordy columns (quantity, source, note) share the rest
    // and wrap, so a long "North Korean military personnel deployed in…" never pushes the
    // figures and their sources out of a narrow panel. Short columns keep their own width and
    // leave the remainder to the long ones.
    constexpr int kFigure = 1, kAsOf = 3;
    const int available = m_claims->viewport()->width() - m_claims->columnWidth(kFigure) - m_claims->columnWidth(kAsOf);
    std::vector<int> wordy{0, 2, 4};
    std::sort(wordy.begin(), wordy.end(),
              [this](int a, int b) { return m_claims->columnWidth(a) < m_claims->columnWidth(b); });
    int left = std::max(available, 60 * int(wordy.size()));
    for (size_t i = 0; i < wordy.size(); ++i) {
        const int share = left / int(wordy.size() - i);
        const int width = std::min(m_claims->columnWidth(wordy[i]), share);
        m_claims->setColumnWidth(wordy[i], width);
        left -= width;
    }
}

} // namespace chronomap
