// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/view/view_state.h"

#include <QToolBar>

class QAction;
class QComboBox;
class QLineEdit;
class QMenu;
class QTimer;
class QToolButton;

namespace chronomap {

/// The filter toolbar: a search field (Ctrl+F), a category menu, a confidence and provenance
/// menu (not offered for a table browsed live: the database is not asked about them), whether the
/// window takes events possibly or certainly in it, and whether the map hides or fades the
/// events outside it. Thin: it only reads and writes the ViewState, and follows it when
/// something else changes the same settings.
class FilterBar : public QToolBar {
    Q_OBJECT
public:
    explicit FilterBar(ViewState *state, QWidget *parent = nullptr);

    QLineEdit *searchField() const { return m_search; }
    /// Find… (Ctrl+F): puts the cursor in the search field. The window lists it in its Edit menu.
    QAction *findAction() const { return m_find; }
    /// Opens the confidence and provenance menu.
    QToolButton *filterButton() const { return m_filterButton; }
    QMenu *filterMenu() const { return m_filterMenu; }
    /// Shows or hides categories: the dataset's, or in live mode the table's (setLiveCategories).
    QToolButton *categoryButton() const { return m_categoryButton; }
    QMenu *categoryMenu() const { return m_categoryMenu; }
    QComboBox *matchBox() const { return m_match; }
    /// Live mode (a table browsed live): the categories and provenances are the table's, given
    /// by setLiveCategories and setLiveProvenances.
    void setLive(bool live);
    void setLiveCategories(const QStringList &categories);
    void setLiveProvenances(const QStringList &provenances);
    QComboBox *outOfWindowBox() const { return m_outOfWindow; }

    /// Above this many events, typing waits for a pause before searching.
    static constexpr qsizetype kInstantSearchLimit = 100'000;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void rebuildFilterMenu();
    void rebuildCategoryMenu();
    void applyFilterMenu();
    void followState();
    void applySearch();

    ViewState *m_state;
    QLineEdit *m_search = nullptr;
    QTimer *m_searchDelay = nullptr;
    QAction *m_find = nullptr;
    QToolButton *m_filterButton = nullptr;
    QMenu *m_filterMenu = nullptr;
    QList<QAction *> m_confidenceActions;
    QList<QAction *> m_provenanceActions;
    QToolButton *m_categoryButton = nullptr;
    QMenu *m_categoryMenu = nullptr;
    QList<QAction *> m_categoryActions;
    bool m_live = false;
    QStringList m_liveCategories;
    QStringList m_liveProvenances;
    QComboBox *m_match = nullptr;
    QComboBox *m_outOfWindow = nullptr;
};

} // namespace chronomap
