// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/view/briefing.h"

#include <QObject>

class QUndoStack;

namespace chronomap {

/// The briefing being edited: the value, the file it belongs to and its undo history. Every edit
/// goes through the undo stack (one command holding the briefing before and after, small as
/// briefings are); the document is modified while the stack is off its clean state.
class BriefingDocument : public QObject {
    Q_OBJECT
public:
    enum class Text : quint8 { Title, Caption };

    explicit BriefingDocument(QObject *parent = nullptr);

    const Briefing &briefing() const { return m_briefing; }
    /// The file it was opened from or last saved to; empty for a new briefing.
    const QString &path() const { return m_path; }
    QUndoStack *undoStack() const { return m_undo; }
    /// Unsaved edits.
    bool isModified() const;

    /// Replaces the briefing (a file opened, or File → New): the history starts afresh.
    void reset(const Briefing &briefing, const QString &path);
    /// Writes the briefing (atomically); on success the document is saved under `path`.
    bool save(const QString &path, QString *error);

    void insertStep(int index, const BriefingStep &step);
    void removeStep(int index);
    void duplicateStep(int index);
    void moveStep(int from, int to);
    void setStepView(int index, const QJsonObject &view);
    /// Typing in a field: consecutive edits of one field merge into one undo step.
    void setStepText(int index, Text which, const QString &language, const QString &text);
    /// The briefing's own title (in "en" or "es") and author, shown on the PDF's title page. Typing
    /// in one field merges into one undo step, as setStepText().
    void setTitle(const QString &language, const QString &text);
    void setAuthor(const QString &author);
    /// The dataset the briefing is about (name and hash), kept with the steps; not an edit of its own.
    void setDataset(const QString &fileName, const QString &sha256);

    /// Sets the value without history: what undo and redo do.
    void setBriefing(const Briefing &briefing);

signals:
    /// The briefing changed (an edit, undo or redo, or reset).
    void changed();
    void modifiedChanged(bool modified);

private:
    void edit(const QString &text, const Briefing &after, int mergeId = -1);

    Briefing m_briefing;
    QString m_path;
    QUndoStack *m_undo = nullptr;
};

} // namespace chronomap
