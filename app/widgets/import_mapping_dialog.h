// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/io/event_loader.h"
#include "core/io/table_preview.h"

#include <QDialog>
#include <QFutureWatcher>
#include <QHash>

#include <atomic>

class QComboBox;
class QLabel;
class QListWidget;
class QTimer;

namespace chronomap {

class AppSettings;

/// Asks how to read a file the loader cannot read by itself (no known schema, no start or title
/// column): a preview of its first rows, a role per column, the date form, and a live count of
/// the rows that would load with the first problems. The choice is remembered for files with the
/// same columns and can be copied as command-line options.
class ImportMappingDialog : public QDialog {
    Q_OBJECT
public:
    ImportMappingDialog(QString path, TablePreview preview, QWidget *parent = nullptr);
    ~ImportMappingDialog() override; ///< ends a count still running (its reader child)

    /// Puts the choice in the controls: `mapping` as `--mapping` takes it, and a date form.
    void setChoice(const FieldMapping &mapping, DateForm form);
    /// The mapping and date form chosen.
    FieldMapping mapping() const;
    DateForm dateForm() const;
    /// `role=column` pairs as `--mapping` takes them, e.g. `start=Fecha,title=Titular`.
    QString mappingText() const;
    /// The choice as options of the command line: `--mapping … --date-format dmy`.
    QString commandLine() const;
    /// Rows that load with the current choice (after the last preview), and rows read.
    qint64 rowsThatLoad() const { return m_loaded; }

    /// Before loading `path`: when the file needs a mapping, asks for one (pre-filled with what
    /// was chosen for the same columns before) and puts it in `options`; false when the user
    /// cancels. Files that need none pass through untouched.
    static bool askIfNeeded(const QString &path, LoadOptions *options, AppSettings *settings, QWidget *parent);

signals:
    /// After each live preview of the choice.
    void previewUpdated(qint64 loaded, qint64 read);

private:
    void updatePreview();
    void showPreview(const LoadPreview &preview);

    QString m_path;
    TablePreview m_preview;
    QHash<QString, QComboBox *> m_roles; ///< column → its role
    QComboBox *m_dateForm;
    QLabel *m_count;
    QListWidget *m_problems;
    QTimer *m_debounce;
    qint64 m_loaded = 0;
    /// The count runs on a worker thread (it loads the whole file, in a reader child); a change
    /// while it runs ends it (m_stopCounting) and counts again when it has stopped.
    QFutureWatcher<LoadPreview> m_counting;
    std::atomic<bool> m_stopCounting = false;
};

} // namespace chronomap
