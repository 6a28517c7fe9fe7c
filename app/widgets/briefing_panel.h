// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/issue.h"

#include <QWidget>

class QFormLayout;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;

namespace chronomap {

class BriefingDocument;
class MapView;
class ViewState;

/// The Briefing panel: the steps of the briefing being edited, each a saved view with a title
/// and a caption in English and Spanish. "Add Current View" makes a step of the view as it is
/// (language aside); steps are reordered by dragging, duplicated, updated from the view and
/// deleted, every edit undoable. Choosing a step shows its view. The caption editor shows the UI
/// language first and the other one in a second tab.
class BriefingPanel : public QWidget {
    Q_OBJECT
public:
    BriefingPanel(BriefingDocument *document, ViewState *state, MapView *map, QWidget *parent = nullptr);

    BriefingDocument *document() const { return m_document; }
    /// The step chosen in the list, or -1.
    int currentStep() const;
    /// Chooses a step in the list; `showView` false leaves the view alone (present mode sets it).
    void setCurrentStep(int index, bool showView = true);

    QListWidget *stepList() const { return m_list; }
    QPushButton *addButton() const { return m_add; }
    QPushButton *updateButton() const { return m_update; }
    QPushButton *duplicateButton() const { return m_duplicate; }
    QPushButton *deleteButton() const { return m_delete; }
    QPushButton *presentButton() const { return m_present; }
    /// The briefing's own title in `language` and its author (above the steps).
    QLineEdit *briefingTitleEdit(const QString &language) const;
    QLineEdit *authorEdit() const { return m_author; }
    /// A step's title and caption in `language`.
    QLineEdit *titleEdit(const QString &language) const;
    QPlainTextEdit *captionEdit(const QString &language) const;
    QTabWidget *languageTabs() const { return m_tabs; }

signals:
    /// "Present" was clicked (the window enters present mode from the chosen step).
    void presentRequested(int fromStep);
    /// Problems found applying a step (a region or record the data no longer has).
    void issuesFound(const chronomap::IssueList &issues);

protected:
    void changeEvent(QEvent *event) override;

private:
    struct Editors {
        QWidget *page = nullptr;
        QLabel *titleLabel = nullptr;
        QLabel *captionLabel = nullptr;
        QLineEdit *title = nullptr;
        QPlainTextEdit *caption = nullptr;
    };
    Editors makeEditors(const QString &language);
    void retranslate();
    void refresh();
    void showStep(int index);
    void addCurrentView();
    void onRowsMoved(int from, int to);

    BriefingDocument *m_document;
    ViewState *m_state;
    MapView *m_map;
    QLabel *m_briefingTitleLabel[2] = {};
    QLineEdit *m_briefingTitle[2] = {}; ///< [0] English, [1] Spanish
    QLabel *m_authorLabel = nullptr;
    QLineEdit *m_author = nullptr;
    QFormLayout *m_header = nullptr;
    QListWidget *m_list;
    QPushButton *m_add, *m_update, *m_duplicate, *m_delete, *m_present;
    QTabWidget *m_tabs;
    Editors m_en, m_es;
    bool m_refreshing = false;
};

} // namespace chronomap
