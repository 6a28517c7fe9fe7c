// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/filter_bar.h"

#include "render/category_style.h"
#include "render/value_labels.h"

#include <QAction>
#include <QComboBox>
#include <QEvent>
#include <QLineEdit>
#include <QMenu>
#include <QSignalBlocker>
#include <QTimer>
#include <QToolButton>

#include <algorithm>

namespace chronomap {

namespace {
constexpr int kSearchDelayMs = 250;
} // namespace

FilterBar::FilterBar(ViewState *state, QWidget *parent) : QToolBar(tr("Filters"), parent), m_state(state)
{
    setObjectName(QStringLiteral("filterToolBar"));

    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("searchField"));
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(220);
    m_search->setMaximumWidth(420);
    addWidget(m_search);
    m_searchDelay = new QTimer(this);
    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(kSearchDelayMs);
    connect(m_searchDelay, &QTimer::timeout, this, &FilterBar::applySearch);
    connect(m_search, &QLineEdit::textChanged, this, [this] {
        const auto dataset = m_state->dataset();
        // A million records take a moment to search: wait for a pause in the typing.
        if (dataset && dataset->events && dataset->events->size() > kInstantSearchLimit)
            m_searchDelay->start();
        else
            applySearch();
    });
    connect(m_search, &QLineEdit::returnPressed, this, &FilterBar::applySearch);

    auto *find = new QAction(this);
    find->setShortcut(QKeySequence::Find);
    find->setShortcutContext(Qt::WindowShortcut);
    m_find = find;
    connect(find, &QAction::triggered, this, [this] {
        m_search->setFocus(Qt::ShortcutFocusReason);
        m_search->selectAll();
    });
    // On the field, not the toolbar (which would show it as a button); the window-wide context
    // makes Ctrl+F reach it from anywhere in the window, and the main window's Edit menu lists it.
    m_search->QWidget::addAction(find);

    // A button that opens its menu, on the toolbar.
    const auto addMenuButton = [this](const QString &objectName, QMenu **menu) {
        *menu = new QMenu(this);
        auto *button = new QToolButton(this);
        button->setObjectName(objectName);
        button->setMenu(*menu);
        button->setPopupMode(QToolButton::InstantPopup);
        addWidget(button);
        return button;
    };
    m_categoryButton = addMenuButton(QStringLiteral("categoryFilterButton"), &m_categoryMenu);
    m_filterButton = addMenuButton(QStringLiteral("confidenceFilterButton"), &m_filterMenu);

    addSeparator();
    m_match = new QComboBox(this);
    m_match->setObjectName(QStringLiteral("windowMatchBox"));
    m_match->addItem(QString(), int(WindowMatch::Possibly));
    m_match->addItem(QString(), int(WindowMatch::Certainly));
    addWidget(m_match);
    connect(m_match, &QComboBox::currentIndexChanged, this,
            [this] { m_state->setWindowMatch(WindowMatch(m_match->currentData().toInt())); });

    m_outOfWindow = new QComboBox(this);
    m_outOfWindow->setObjectName(QStringLiteral("outOfWindowBox"));
    m_outOfWindow->addItem(QString(), int(OutOfWindowMode::Hidden));
    m_outOfWindow->addItem(QString(), int(OutOfWindowMode::Faded));
    addWidget(m_outOfWindow);
    // Sized to their longest item in the language shown, after every switch of language too
    // (the default sizes them once, in the language of the first show).
    for (QComboBox *box : {m_match, m_outOfWindow})
        box->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    connect(m_outOfWindow, &QComboBox::currentIndexChanged, this,
            [this] { m_state->setOutOfWindowMode(OutOfWindowMode(m_outOfWindow->currentData().toInt())); });

    connect(m_state, &ViewState::datasetChanged, this, &FilterBar::rebuildFilterMenu);
    connect(m_state, &ViewState::datasetChanged, this, &FilterBar::rebuildCategoryMenu);
    connect(m_state, &ViewState::filterChanged, this, &FilterBar::followState);
    connect(m_state, &ViewState::outOfWindowModeChanged, this, &FilterBar::followState);
    retranslate();
}

void FilterBar::retranslate()
{
    setWindowTitle(tr("Filters"));
    m_search->setPlaceholderText(tr("Search title, summary, actors, places, sources"));
    m_search->setAccessibleName(tr("Search events"));
    m_search->setToolTip(tr("Show only events containing every word, in either language (Ctrl+F)"));
    m_find->setText(tr("&Find…"));
    m_filterButton->setToolTip(tr("Show or hide events by how well sources support them and how they were collected"));
    m_categoryButton->setToolTip(tr("Show or hide events by category"));
    m_match->setItemText(0, tr("Possibly in window"));
    m_match->setItemText(1, tr("Certainly in window"));
    m_match->setToolTip(tr("Whether an event with an uncertain date counts as in the time window when it may be "
                           "in it, or only when it must be"));
    m_match->setAccessibleName(tr("Time window match"));
    m_outOfWindow->setItemText(0, tr("Hide events outside the window"));
    m_outOfWindow->setItemText(1, tr("Fade events outside the window"));
    m_outOfWindow->setAccessibleName(tr("Events outside the time window"));
    rebuildFilterMenu(); // its labels, and the button's text
    rebuildCategoryMenu();
}

void FilterBar::setLive(bool live)
{
    m_live = live;
    m_liveCategories.clear();
    m_liveProvenances.clear();
    rebuildCategoryMenu();
    rebuildFilterMenu();
}

void FilterBar::setLiveCategories(const QStringList &categories)
{
    m_liveCategories = categories;
    rebuildCategoryMenu();
}

void FilterBar::setLiveProvenances(const QStringList &provenances)
{
    m_liveProvenances = provenances;
    rebuildFilterMenu();
}

void FilterBar::rebuildCategoryMenu()
{
    m_categoryMenu->clear();
    m_categoryActions.clear();
    const auto dataset = m_state->dataset();
    QStringList categories = m_live                       ? m_liveCategories
                             : dataset && dataset->events ? dataset->events->categories()
                                                          : QStringList();
    // Those hidden stay listed, so that they can be shown again.
    for (const QString &hidden : m_state->hiddenCategories())
        if (!categories.contains(hidden)) categories << hidden;
    std::sort(categories.begin(), categories.end(), [](const QString &a, const QString &b) {
        return QString::localeAwareCompare(CategoryStyle::label(a), CategoryStyle::label(b)) < 0;
    });
    for (const QString &category : std::as_const(categories)) {
        QAction *a = m_categoryMenu->addAction(CategoryStyle::label(category));
        a->setCheckable(true);
        a->setData(category);
        m_categoryActions.append(a);
        connect(a, &QAction::toggled, this, [this, category](bool shown) {
            QSet<QString> hidden = m_state->hiddenCategories();
            if (shown)
                hidden.remove(category);
            else
                hidden.insert(category);
            m_state->setHiddenCategories(hidden);
        });
    }
    m_categoryMenu->addSeparator();
    m_categoryMenu->addAction(tr("Show All"), this, [this] { m_state->setHiddenCategories({}); });
    followState();
}

void FilterBar::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) retranslate();
    QToolBar::changeEvent(event);
}

void FilterBar::applySearch()
{
    m_searchDelay->stop();
    m_state->setSearchText(m_search->text());
}

void FilterBar::rebuildFilterMenu()
{
    m_filterMenu->clear();
    m_confidenceActions.clear();
    m_provenanceActions.clear();
    m_filterMenu->addSection(tr("Confidence"));
    for (Confidence c : {Confidence::Confirmed, Confidence::Reported, Confidence::Claimed, Confidence::Disputed,
                         Confidence::Unknown}) {
        QAction *a = m_filterMenu->addAction(ValueLabels::confidence(c));
        a->setCheckable(true);
        a->setData(int(c));
        m_confidenceActions.append(a);
        connect(a, &QAction::toggled, this, &FilterBar::applyFilterMenu);
    }
    const auto dataset = m_state->dataset();
    QStringList provenances = m_live                       ? m_liveProvenances
                              : dataset && dataset->events ? dataset->events->provenances()
                                                           : QStringList();
    // Those hidden stay listed, so that they can be shown again.
    for (const QString &hidden : m_state->hiddenProvenances())
        if (!provenances.contains(hidden)) provenances << hidden;
    if (!provenances.isEmpty()) {
        m_filterMenu->addSection(tr("Provenance"));
        for (const QString &p : std::as_const(provenances)) {
            QAction *a = m_filterMenu->addAction(ValueLabels::provenance(p));
            a->setCheckable(true);
            a->setData(p);
            m_provenanceActions.append(a);
            connect(a, &QAction::toggled, this, &FilterBar::applyFilterMenu);
        }
    }
    m_filterMenu->addSeparator();
    m_filterMenu->addAction(tr("Show All"), this, [this] {
        m_state->setHiddenConfidences({});
        m_state->setHiddenProvenances({});
    });
    followState();
}

void FilterBar::applyFilterMenu()
{
    QSet<Confidence> confidences;
    for (QAction *a : std::as_const(m_confidenceActions))
        if (!a->isChecked()) confidences.insert(Confidence(a->data().toInt()));
    QSet<QString> provenances;
    for (QAction *a : std::as_const(m_provenanceActions))
        if (!a->isChecked()) provenances.insert(a->data().toString());
    m_state->setHiddenConfidences(confidences);
    m_state->setHiddenProvenances(provenances);
}

void FilterBar::followState()
{
    if (m_search->text() != m_state->searchText() && !m_searchDelay->isActive()) {
        const QSignalBlocker block(m_search);
        m_search->setText(m_state->searchText());
    }
    int hidden = 0;
    for (QAction *a : std::as_const(m_confidenceActions)) {
        const QSignalBlocker block(a);
        a->setChecked(!m_state->hiddenConfidences().contains(Confidence(a->data().toInt())));
        hidden += !a->isChecked();
    }
    for (QAction *a : std::as_const(m_provenanceActions)) {
        const QSignalBlocker block(a);
        a->setChecked(!m_state->hiddenProvenances().contains(a->data().toString()));
        hidden += !a->isChecked();
    }
    m_filterButton->setText(hidden ? tr("Confidence && provenance (%n hidden)", nullptr, hidden)
                                   : tr("Confidence && provenance"));
    int hiddenCategories = 0;
    for (QAction *a : std::as_const(m_categoryActions)) {
        const QSignalBlocker block(a);
        a->setChecked(!m_state->hiddenCategories().contains(a->data().toString()));
        hiddenCategories += !a->isChecked();
    }
    // A category hidden elsewhere (the legend, a lane) that the menu does not list yet.
    if (hiddenCategories != m_state->hiddenCategories().size() && !m_categoryMenu->isVisible()) {
        rebuildCategoryMenu();
        return;
    }
    m_categoryButton->setText(hiddenCategories ? tr("Categories (%n hidden)", nullptr, hiddenCategories)
                                               : tr("Categories"));
    {
        const QSignalBlocker block(m_match);
        m_match->setCurrentIndex(m_match->findData(int(m_state->windowMatch())));
    }
    const QSignalBlocker block(m_outOfWindow);
    m_outOfWindow->setCurrentIndex(m_outOfWindow->findData(int(m_state->outOfWindowMode())));
}

} // namespace chronomap
