// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "widgets/animation_export_job.h"
#include "widgets/export_target_fields.h"
#include "render/animation/animation_plan.h"

#include <QDialog>

class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QSpinBox;
class QTimer;

namespace chronomap {

class ExportFooter;

class MapView;
class PlaybackController;
class ViewState;

/// File → Export Animation…: the playback written as MP4 (H.264), WebM (VP9) or an animated
/// GIF. Format, size (the snapshot's choices: the current window, 1080p, 4k, A4 or custom; the
/// size and file rows are the snapshot dialog's widgets), the playback's step and window length,
/// frames per second, from/to (the current brush, else the data's extent), title and file, with
/// a preview of the first frame. Written on a worker thread with a progress bar counting frames
/// and a Cancel; the window stays usable meanwhile.
class AnimationDialog : public QDialog {
    Q_OBJECT
public:
    /// `playback` gives the defaults (its step and speed); it may be null. `windowSizePx` is what
    /// "current window" means, in logical pixels (with the screen's device pixel ratio `windowDpr`).
    AnimationDialog(ViewState *state, MapView *map, const PlaybackController *playback, QSize windowSizePx,
                    double windowDpr, QWidget *parent = nullptr);
    ~AnimationDialog() override;

    // What the user chose; setters serve tests and scripting.
    void setPath(const QString &path);
    QString path() const;
    /// A custom size in device pixels.
    void setSize(QSize pixelSize);
    /// A key of SnapshotFormats::sizePresets(), ExportSizeField::kCurrentWindow or kCustomSize.
    void setSizePreset(const QString &key);
    void setFps(int fps);
    void setRange(const QDate &from, const QDate &to);
    void setStep(TimeStep step);
    void setTitle(const QString &title);
    /// The frames Export would write now.
    AnimationPlan plan() const;
    /// The request Export would start now.
    AnimationExportJob::Request request() const;
    bool isExporting() const;
    AnimationExportJob *job() const { return m_job; }
    /// The preview shown now: the clip's first frame at the chosen size and title, scaled down.
    QImage preview() const { return m_previewImage; }
    /// Width of the preview in logical pixels.
    static constexpr int kPreviewWidthPx = 360;

public slots:
    void startExport();
    /// Escape, Close and the window's close button: while exporting they cancel and keep the
    /// dialog open; otherwise they close it.
    void reject() override;

signals:
    void exportFinished(bool succeeded, const QString &path, const QString &error);

private:
    void choosePath();
    void syncSuffix();
    void updateSummary();
    void onProgress(int done, int total);
    void onFinished(bool succeeded, const QString &error);
    void setBusy(bool busy);
    void schedulePreview();
    void updatePreview();
    AnimationFormat format() const;
    /// The chosen size; a video's sides rounded down to even numbers.
    QSize pixelSize() const;

    ViewState *m_state;
    MapView *m_map;
    AnimationExportJob *m_job = nullptr;
    QLineEdit *m_title = nullptr;
    QComboBox *m_format = nullptr;
    ExportSizeField *m_size = nullptr;
    QComboBox *m_step = nullptr;
    QSpinBox *m_windowCount = nullptr;
    QComboBox *m_windowUnit = nullptr;
    QSpinBox *m_fps = nullptr;
    QDateEdit *m_from = nullptr;
    QDateEdit *m_to = nullptr;
    ExportFileField *m_path = nullptr;
    QLabel *m_summary = nullptr;
    ExportFooter *m_footer = nullptr;
    QLabel *m_preview = nullptr;
    QTimer *m_previewDelay = nullptr;
    QImage m_previewImage;
};

} // namespace chronomap
