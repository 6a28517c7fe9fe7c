// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "widgets/export_target_fields.h"
#include "widgets/snapshot_export_job.h"
#include "render/snapshot/snapshot_writer.h"

#include <QDialog>
#include <QPointer>

class QComboBox;
class QLabel;
class QLineEdit;
class QTimer;

namespace chronomap {

class ExportFooter;

class MapView;
class TimelineView;
class ViewState;

/// File → Export snapshot…: format (PNG, JPEG, SVG, PDF), size (the current window, 1920x1080,
/// 3840x2160, A4 landscape at 300 dpi or custom), title and file. The snapshot is written on a
/// worker thread with progress and a cancel; the window stays usable meanwhile. A failure is
/// reported here and leaves no file behind.
class ExportDialog : public QDialog {
    Q_OBJECT
public:
    /// Size choices besides SnapshotFormats::sizePresets()' keys ("1080p", "4k", "a4").
    static inline const QString kCurrentWindow = ExportSizeField::kCurrentWindow;
    static inline const QString kCustomSize = ExportSizeField::kCustomSize;

    /// `windowSizePx` is what "current window" means, in logical pixels (with the screen's
    /// device pixel ratio `windowDpr`).
    ExportDialog(ViewState *state, MapView *map, QSize windowSizePx, double windowDpr, QWidget *parent = nullptr);
    ~ExportDialog() override;

    /// The timeline whose visible range the snapshot follows (read when Export is pressed).
    void setTimelineView(TimelineView *view);
    /// A fixed timeline range, used when there is no timeline view; nullopt = the time window.
    void setTimelineRange(std::optional<TimeWindow> range) { m_timelineRange = range; }

    // What the user chose; setters serve tests and scripting.
    void setPath(const QString &path);
    QString path() const;
    void setFormat(SnapshotFormat format);
    SnapshotFormat format() const;
    /// A key of SnapshotFormats::sizePresets(), kCurrentWindow or kCustomSize.
    void setSizePreset(const QString &key);
    void setCustomSize(QSize pixelSize);
    void setTitle(const QString &title);
    /// The request Export would start now.
    SnapshotRequest request() const;
    bool isExporting() const;
    /// The preview shown now: the composition at the chosen size and title, scaled down.
    QImage preview() const { return m_previewImage; }
    /// Width of the preview in logical pixels.
    static constexpr int kPreviewWidthPx = 360;

public slots:
    /// Starts the export (the Export button).
    void startExport();
    /// Escape, Close and the window's close button: while exporting they cancel the export
    /// and keep the dialog open; otherwise they close it.
    void reject() override;

signals:
    /// After each export attempt; `error` empty on success.
    void exportFinished(bool succeeded, const QString &path, const QString &error);

private:
    void choosePath();
    void syncSuffix();
    void onFinished(bool succeeded, const QString &error);
    void setBusy(bool busy);
    void schedulePreview();
    void updatePreview();
    ViewState *m_state;
    MapView *m_map;
    QPointer<TimelineView> m_timelineView;
    std::optional<TimeWindow> m_timelineRange;
    SnapshotExportJob *m_job = nullptr;
    QLineEdit *m_title = nullptr;
    QComboBox *m_format = nullptr;
    ExportSizeField *m_size = nullptr;
    ExportFileField *m_path = nullptr;
    ExportFooter *m_footer = nullptr;
    QLabel *m_preview = nullptr;
    QTimer *m_previewDelay = nullptr;
    QImage m_previewImage;
};

} // namespace chronomap
