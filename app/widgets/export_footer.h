// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

#include <initializer_list>

class QDialogButtonBox;
class QLabel;
class QProgressBar;
class QPushButton;

namespace chronomap {

/// The foot of the export dialogs (snapshot, animation, briefing): a progress bar shown while
/// exporting, a status line, and Export beside Close, which reads Cancel while exporting. What
/// every export says and asks the same way lives here: the check that a file is named, "replace
/// it?", "Exporting…", "Cancelling…", "Saved" or "Export failed".
class ExportFooter : public QWidget {
    Q_OBJECT
public:
    explicit ExportFooter(QWidget *parent = nullptr);

    QProgressBar *progress() const { return m_progress; }
    QPushButton *exportButton() const { return m_export; }
    void setStatus(const QString &text);
    QString status() const;

    /// "Choose a file to export to." for an empty path, else "" (the dialog checks the rest).
    static QString pathProblem(const QString &path);
    /// True when nothing is at `path` or the user agrees to replace it (asked with `title`).
    bool mayReplace(const QString &path, const QString &title);
    /// Busy: the progress shown from 0, Export and `fields` disabled, Close reads Cancel.
    void setBusy(bool busy, std::initializer_list<QWidget *> fields);
    void showStarted(const QString &path);
    void showCancelling();
    void showFinished(bool succeeded, const QString &path, const QString &error);

signals:
    void exportClicked();
    void closeClicked(); ///< Close, or Cancel while exporting

private:
    QProgressBar *m_progress;
    QLabel *m_status;
    QDialogButtonBox *m_buttons;
    QPushButton *m_export;
};

} // namespace chronomap
