// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/issue.h"

#include <QObject>

class QWidget;

namespace chronomap {

class BriefingDocument;
class ViewState;

/// The briefing's file actions (File → New, Open, Open Example, Save, Save As) and the question
/// before unsaved steps are lost. Opening checks the briefing against the data on screen and
/// hands what it found, bad steps included, to issuesFound().
class BriefingFiles : public QObject {
    Q_OBJECT
public:
    BriefingFiles(BriefingDocument *document, const ViewState *state, QWidget *window);

    /// Opens `path` (after asking about unsaved steps); false when it was not opened. A file that
    /// cannot be read at all is said in a message box.
    bool open(const QString &path);
    void chooseAndOpen();
    /// File → Open Example Briefing: the bundled story, found where the bundled data is.
    bool openExample();
    /// A new, empty briefing (after asking about unsaved steps).
    void newBriefing();
    /// Saves to the briefing's file, or asks for one; false when not saved.
    bool save();
    bool saveAs();
    /// Before the briefing is replaced or the window closes: true to go on (saved, discarded or
    /// nothing unsaved), false when the user cancelled or the save failed.
    bool maybeSave();

signals:
    /// Problems found opening a briefing or checking it against the data (empty: none).
    void issuesFound(const chronomap::IssueList &issues, const QString &summary);

private:
    BriefingDocument *m_document;
    const ViewState *m_state;
    QWidget *m_window;
};

} // namespace chronomap
