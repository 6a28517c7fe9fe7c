// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/briefing_panel.h"

#include "core/ui_language.h"
#include "core/view/view_state.h"
#include "widgets/briefing_document.h"
#include "widgets/briefing_step_view.h"
#include "widgets/map_view.h"

#include <QAbstractItemModel>
#include <QEvent>
#include <QFileInfo>
#include <QFormLayout>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QVBoxLayout>

namespace chronomap {

namespace {

QString otherLanguage(const QString &language)
{
    return language == u"es" ? QStringLiteral("en") : QStringLiteral("es");
}

void setTextKeepingCursor(QLineEdit *edit, const QString &text)
{
    if (edit->text() != text) edit->setText(text);
}

void setTextKeepingCursor(QPlainTextEdit *edit, const QString &text)
{
    if (edit->toPlainText() != text) edit->setPlainText(text);
}

} // namespace

BriefingPanel::BriefingPanel(BriefingDocument *document, ViewState *state, MapView *map, QWidget *parent)
    : QWidget(parent), m_document(document), m_state(state), m_map(map)
{
    // The briefing's own title and author, for the PDF's title page.
    m_header = new QFormLayout;
    for (int i = 0; i < 2; ++i) {
        const QString language = i == 1 ? QStringLiteral("es") : QStringLiteral("en");
        m_briefingTitle[i] = new QLineEdit(this);
        m_briefingTitle[i]->setObjectName(QStringLiteral("briefingTitle_") + language);
        m_briefingTitleLabel[i] = new QLabel(this);
        connect(m_briefingTitle[i], &QLineEdit::textEdited, this,
                [this, language](const QString &text) { m_document->setTitle(language, text); });
    }
    m_author = new QLineEdit(this);
    m_author->setObjectName(QStringLiteral("briefingAuthor"));
    m_authorLabel = new QLabel(this);
    connect(m_author, &QLineEdit::textEdited, m_document, &BriefingDocument::setAuthor);
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("briefingSteps"));
    m_list->setDragDropMode(QAbstractItemView::InternalMove); // reorder by dragging
    m_list->setDefaultDropAction(Qt::MoveAction);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_add = new QPushButton(this);
    m_update = new QPushButton(this);
    m_duplicate = new QPushButton(this);
    m_delete = new QPushButton(this);
    m_present = new QPushButton(this);
    m_en = makeEditors(QStringLiteral("en"));
    m_es = makeEditors(QStringLiteral("es"));
    m_tabs = new QTabWidget(this);

    auto *buttons = new QGridLayout;
    buttons->addWidget(m_add, 0, 0);
    buttons->addWidget(m_update, 0, 1);
    buttons->addWidget(m_duplicate, 1, 0);
    buttons->addWidget(m_delete, 1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(m_header);
    layout->addWidget(m_list, 1);
    layout->addLayout(buttons);
    layout->addWidget(m_tabs);
    layout->addWidget(m_present);

    connect(m_add, &QPushButton::clicked, this, &BriefingPanel::addCurrentView);
    connect(m_update, &QPushButton::clicked, this,
            [this] { m_document->setStepView(currentStep(), BriefingStepView::capture(*m_state, *m_map)); });
    connect(m_duplicate, &QPushButton::clicked, this, [this] {
        const int step = currentStep();
        m_document->duplicateStep(step);
        setCurrentStep(step + 1);
    });
    connect(m_delete, &QPushButton::clicked, this, [this] { m_document->removeStep(currentStep()); });
    connect(m_present, &QPushButton::clicked, this, [this] { emit presentRequested(std::max(0, currentStep())); });
    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) {
        if (!m_refreshing) showStep(row);
    });
    connect(m_list->model(), &QAbstractItemModel::rowsMoved, this,
            [this](const QModelIndex &, int start, int, const QModelIndex &, int row) {
                onRowsMoved(start, row > start ? row - 1 : row);
            });
    connect(m_document, &BriefingDocument::changed, this, &BriefingPanel::refresh);
    connect(m_state, &ViewState::datasetChanged, this, &BriefingPanel::refresh); // Add needs data
    retranslate();
    refresh();
}

BriefingPanel::Editors BriefingPanel::makeEditors(const QString &language)
{
    Editors e;
    e.page = new QWidget(this);
    e.title = new QLineEdit(e.page);
    e.caption = new QPlainTextEdit(e.page);
    e.caption->setTabChangesFocus(true);
    e.caption->setFixedHeight(e.caption->fontMetrics().lineSpacing() * 4 + 12);
    e.titleLabel = new QLabel(e.page);
    e.captionLabel = new QLabel(e.page);
    auto *form = new QFormLayout(e.page);
    form->addRow(e.titleLabel, e.title);
    form->addRow(e.captionLabel, e.caption);
    connect(e.title, &QLineEdit::textEdited, this, [this, language](const QString &text) {
        m_document->setStepText(currentStep(), BriefingDocument::Text::Title, language, text);
    });
    connect(e.caption, &QPlainTextEdit::textChanged, this, [this, language, caption = e.caption] {
        if (!m_refreshing)
            m_document->setStepText(currentStep(), BriefingDocument::Text::Caption, language, caption->toPlainText());
    });
    return e;
}

QLineEdit *BriefingPanel::briefingTitleEdit(const QString &language) const
{
    return m_briefingTitle[language == u"es" ? 1 : 0];
}

QLineEdit *BriefingPanel::titleEdit(const QString &language) const
{
    return language == u"es" ? m_es.title : m_en.title;
}

QPlainTextEdit *BriefingPanel::captionEdit(const QString &language) const
{
    return language == u"es" ? m_es.caption : m_en.caption;
}

int BriefingPanel::currentStep() const
{
    return m_list->currentRow();
}

void BriefingPanel::setCurrentStep(int index, bool showView)
{
    m_refreshing = !showView;
    m_list->setCurrentRow(index);
    m_refreshing = false;
    refresh(); // the editors show the step
}

void BriefingPanel::retranslate()
{
    m_add->setText(tr("Add Current View"));
    m_add->setToolTip(tr("A new step showing the view as it is now: time window, region, selection, filters and map"));
    m_update->setText(tr("Update from View"));
    m_update->setToolTip(tr("The chosen step shows the view as it is now; its texts stay"));
    m_duplicate->setText(tr("Duplicate"));
    m_delete->setText(tr("Delete"));
    m_present->setText(tr("Present (F5)"));
    m_list->setAccessibleName(tr("Briefing steps"));
    m_list->setToolTip(tr("Drag a step to move it; choose one to show its view"));
    // The UI language's texts first; the other language stays editable in the second tab.
    const QString first = UiLanguage::current() == u"es" ? QStringLiteral("es") : QStringLiteral("en");
    // The header's rows in the same order: the UI language's title first.
    while (m_header->rowCount() > 0) {
        const QFormLayout::TakeRowResult row = m_header->takeRow(0);
        delete row.labelItem; // the layout's items, which takeRow hands over; the widgets stay
        delete row.fieldItem;
    }
    for (const QString &language : {first, otherLanguage(first)}) {
        const int i = language == u"es" ? 1 : 0;
        m_briefingTitleLabel[i]->setText(i == 1 ? tr("Title (Spanish):") : tr("Title (English):"));
        m_briefingTitle[i]->setAccessibleName(tr("Briefing title (%1)").arg(language));
        m_briefingTitle[i]->setPlaceholderText(tr("Shown on the PDF's title page"));
        m_header->addRow(m_briefingTitleLabel[i], m_briefingTitle[i]);
    }
    m_authorLabel->setText(tr("Author:"));
    m_author->setAccessibleName(tr("Briefing author"));
    m_header->addRow(m_authorLabel, m_author);
    m_tabs->clear();
    for (const QString &language : {first, otherLanguage(first)}) {
        const Editors &e = language == u"es" ? m_es : m_en;
        m_tabs->addTab(e.page, language == u"es" ? QStringLiteral("Español") : QStringLiteral("English"));
        e.titleLabel->setText(tr("Title:"));
        e.captionLabel->setText(tr("Caption:"));
        e.title->setAccessibleName(tr("Step title (%1)").arg(language));
        e.caption->setAccessibleName(tr("Step caption (%1)").arg(language));
    }
    refresh();
}

void BriefingPanel::refresh()
{
    m_refreshing = true;
    const Briefing &briefing = m_document->briefing();
    setTextKeepingCursor(m_briefingTitle[0], briefing.title.en);
    setTextKeepingCursor(m_briefingTitle[1], briefing.title.es);
    setTextKeepingCursor(m_author, briefing.author);
    const QList<BriefingStep> &steps = briefing.steps;
    const int keep = std::min(m_list->currentRow(), int(steps.size()) - 1);
    while (m_list->count() > steps.size())
        delete m_list->takeItem(m_list->count() - 1);
    while (m_list->count() < steps.size())
        m_list->addItem(new QListWidgetItem);
    const QString ui = UiLanguage::current();
    for (int i = 0; i < steps.size(); ++i) {
        const QString title = steps[i].title.in(ui);
        m_list->item(i)->setText(tr("%1. %2").arg(i + 1).arg(title.isEmpty() ? tr("(untitled)") : title));
        m_list->item(i)->setToolTip(steps[i].caption.in(ui));
    }
    if (m_list->currentRow() != keep) m_list->setCurrentRow(keep);
    const bool chosen = keep >= 0;
    for (const Editors *e : {&m_en, &m_es}) {
        const QString language = e == &m_es ? QStringLiteral("es") : QStringLiteral("en");
        const BriefingStep step = chosen ? steps[keep] : BriefingStep{};
        setTextKeepingCursor(e->title, language == u"es" ? step.title.es : step.title.en);
        setTextKeepingCursor(e->caption, language == u"es" ? step.caption.es : step.caption.en);
        e->page->setEnabled(chosen);
    }
    for (QPushButton *b : {m_update, m_duplicate, m_delete})
        b->setEnabled(chosen);
    m_present->setEnabled(!steps.isEmpty());
    m_add->setEnabled(m_state->dataset() != nullptr);
    m_refreshing = false;
}

void BriefingPanel::showStep(int index)
{
    refresh(); // the editors show the chosen step
    if (index < 0 || index >= m_document->briefing().steps.size()) return;
    const BriefingStep &step = m_document->briefing().steps[index];
    IssueList issues;
    BriefingStepView::apply(step.view, *m_state, *m_map, &issues);
    for (Issue &issue : issues) {
        issue.file = m_document->path().isEmpty() ? tr("Briefing") : QFileInfo(m_document->path()).fileName();
        issue.field = BriefingJson::stepLabel(index, step);
    }
    if (!issues.isEmpty()) emit issuesFound(issues);
}

void BriefingPanel::addCurrentView()
{
    const auto dataset = m_state->dataset();
    if (!dataset) return;
    QStringList names;
    for (const QString &file : dataset->files)
        names.append(QFileInfo(file).fileName());
    m_document->setDataset(names.join(QStringLiteral("; ")), dataset->sha256);
    const int at = currentStep() + 1 > 0 ? currentStep() + 1 : int(m_document->briefing().steps.size());
    m_document->insertStep(at, {{}, {}, BriefingStepView::capture(*m_state, *m_map)});
    m_refreshing = true; // the new step shows the view already
    m_list->setCurrentRow(at);
    m_refreshing = false;
    refresh();
    titleEdit(UiLanguage::current())->setFocus();
}

void BriefingPanel::onRowsMoved(int from, int to)
{
    if (m_refreshing) return;
    m_document->moveStep(from, to); // the list already shows the new order; refresh renumbers it
    m_refreshing = true;
    m_list->setCurrentRow(to);
    m_refreshing = false;
    refresh();
}

void BriefingPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

} // namespace chronomap
