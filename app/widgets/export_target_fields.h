// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "render/snapshot/snapshot_formats.h"

#include <QSize>
#include <QWidget>

class QComboBox;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace chronomap {

/// The size rows of the snapshot and animation export dialogs: a choice of the current window,
/// SnapshotFormats::sizePresets() (1080p, 4k, A4) or a custom size, and the width and height it
/// stands for (editable for a custom size).
class ExportSizeField : public QWidget {
    Q_OBJECT
public:
    /// Choices besides SnapshotFormats::sizePresets()' keys ("1080p", "4k", "a4").
    static inline const QString kCurrentWindow = QStringLiteral("window");
    static inline const QString kCustomSize = QStringLiteral("custom");

    /// `windowSizePx` is what "current window" means, in logical pixels (with the screen's
    /// device pixel ratio `windowDpr`). Starts on 1080p.
    ExportSizeField(QSize windowSizePx, double windowDpr, QWidget *parent = nullptr);

    /// A key of SnapshotFormats::sizePresets(), kCurrentWindow or kCustomSize.
    void setPreset(const QString &key);
    QString preset() const;
    /// Switches to a custom size of `pixelSize` device pixels.
    void setCustomSize(QSize pixelSize);
    /// The size chosen: device pixels and their scale.
    SnapshotSize size() const;
    /// The size the choice `key` stands for (custom: the width and height fields).
    SnapshotSize presetSize(const QString &key) const;
    QComboBox *presetBox() const { return m_preset; }

signals:
    void sizeChanged();

private:
    void updateFields();

    QSize m_windowSize;
    double m_windowDpr;
    QComboBox *m_preset = nullptr;
    QSpinBox *m_width = nullptr;
    QSpinBox *m_height = nullptr;
};

/// The file row of the export dialogs: the path and a Browse… button, which asks the dialog
/// (browseRequested) to show its own file dialog with its own filters.
class ExportFileField : public QWidget {
    Q_OBJECT
public:
    explicit ExportFileField(QWidget *parent = nullptr);

    void setPath(const QString &path);
    /// The path as typed, trimmed.
    QString path() const;
    QLineEdit *lineEdit() const { return m_path; }

signals:
    void browseRequested();

private:
    QLineEdit *m_path = nullptr;
    QPushButton *m_browse = nullptr;
};

} // namespace chronomap
