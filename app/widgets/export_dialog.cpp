// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/export_dialog.h"

#include "widgets/app_settings.h"
#include "widgets/export_footer.h"
#include "widgets/map_view.h"
#include "widgets/timeline_view.h"

#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QSettings>
#include <QPainter>
#include <QStandardPaths>
#include <QTimer>

namespace chronomap {

ExportDialog::ExportDialog(ViewState *state, MapView *map, QSize windowSizePx, double windowDpr, QWidget *parent)
    : QDialog(parent), m_state(state), m_map(map)
{
    setWindowTitle(tr("Export Snapshot"));
    m_job = new SnapshotExportJob(this);

    m_title = new QLineEdit(this);
    const auto dataset = m_state->dataset();
    m_title->setPlaceholderText(dataset ? dataset->fileNames() : QString());
    m_title->setAccessibleName(tr("Title"));

    m_format = new QComboBox(this);
    for (const SnapshotFormatInfo &f : SnapshotFormats::all())
        m_format->addItem(f.label(), int(f.format));

    m_size = new ExportSizeField(windowSizePx, windowDpr, this);

    m_path = new ExportFileField(this);
    // A folder that exists, so that the first Export never fails for want of ~/Pictures.
    const QString dir = AppSettings().existingExportFolder(QStandardPaths::PicturesLocation);
    const QString base =
        dataset ? QFileInfo(Dataset::displayName(dataset->file())).completeBaseName() : QStringLiteral("chronomap");
    m_path->setPath(QDir(dir).filePath(base + QStringLiteral("-snapshot.") +
                                       QLatin1String(SnapshotFormats::info(SnapshotFormat::Png).suffix)));

    m_footer = new ExportFooter(this);

    auto *form = new QFormLayout;
    form->addRow(tr("&Title:"), m_title);
    form->addRow(tr("&Format:"), m_format);
    form->addRow(tr("&Size:"), m_size);
    form->addRow(tr("F&ile:"), m_path);
    // A small live preview of the composition, painted by the export's own composer.
    m_preview = new QLabel(this);
    m_preview->setObjectName(QStringLiteral("snapshotPreview"));
    m_preview->setAlignment(Qt::AlignCenter);
    m_preview->setMinimumSize(kPreviewWidthPx, kPreviewWidthPx * 9 / 16);
    m_preview->setAccessibleName(tr("Preview"));
    m_previewDelay = new QTimer(this);
    m_previewDelay->setSingleShot(true);
    m_previewDelay->setInterval(120); // typing a title or a width repaints once it pauses
    connect(m_previewDelay, &QTimer::timeout, this, &ExportDialog::updatePreview);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_preview);
    layout->addLayout(form);
    layout->addWidget(m_footer);

    connect(m_format, &QComboBox::currentIndexChanged, this, &ExportDialog::syncSuffix);
    connect(m_path, &ExportFileField::browseRequested, this, &ExportDialog::choosePath);
    connect(m_footer, &ExportFooter::exportClicked, this, &ExportDialog::startExport);
    connect(m_footer, &ExportFooter::closeClicked, this, &ExportDialog::reject);
    connect(m_job, &SnapshotExportJob::progress, m_footer->progress(), &QProgressBar::setValue);
    connect(m_job, &SnapshotExportJob::finished, this, &ExportDialog::onFinished);
    connect(m_size, &ExportSizeField::sizeChanged, this, &ExportDialog::schedulePreview);
    connect(m_format, &QComboBox::currentIndexChanged, this, &ExportDialog::schedulePreview);
    connect(m_title, &QLineEdit::textChanged, this, &ExportDialog::schedulePreview);
    updatePreview();
}

void ExportDialog::schedulePreview()
{
    m_previewDelay->start();
}

void ExportDialog::updatePreview()
{
    const SnapshotRequest r = request();
    if (!m_state->dataset() || !r.size.pixels.isValid() || r.size.pixels.isEmpty()) {
        m_previewImage = QImage();
        m_preview->setText(tr("No preview"));
        return;
    }
    // The whole composition at its logical size, scaled into the preview: the same layout,
    // fonts and framing as the file, a fraction of the pixels.
    const QSizeF logical = QSizeF(r.size.pixels) / r.size.scale;
    const double dpr = devicePixelRatioF();
    const double fit = std::min(kPreviewWidthPx / logical.width(), kPreviewWidthPx * 0.75 / logical.height());
    const QSize previewPx = (logical * fit * dpr).toSize().expandedTo(QSize(1, 1));
    QImage image(previewPx, QImage::Format_RGB32);
    image.fill(Qt::white);
    {
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing, true);
        painter.setRenderHint(QPainter::SmoothPixmapTransform, true);
        painter.scale(fit * dpr, fit * dpr);
        const SnapshotComposer composer(*m_state, r.content, 1.0);
        composer.paint(painter, logical);
    }
    image.setDevicePixelRatio(dpr);
    m_previewImage = image;
    m_preview->setPixmap(QPixmap::fromImage(image));
}

ExportDialog::~ExportDialog() = default;

void ExportDialog::syncSuffix()
{
    if (m_path->path().isEmpty()) return;
    m_path->setPath(SnapshotFormats::withSuffix(m_path->path(), format()));
}

void ExportDialog::choosePath()
{
    const QString filter = SnapshotFormats::fileDialogFilters();
    QString selected = filter.split(QStringLiteral(";;")).value(m_format->currentIndex());
    const QString chosen = QFileDialog::getSaveFileName(this, tr("Export Snapshot"), m_path->path(), filter, &selected);
    if (chosen.isEmpty()) return;
    setPath(chosen);
}

void ExportDialog::setPath(const QString &path)
{
    m_path->setPath(path);
    if (const auto f = SnapshotFormats::forPath(path)) {
        const QSignalBlocker block(m_format);
        m_format->setCurrentIndex(m_format->findData(int(*f)));
    }
}

QString ExportDialog::path() const
{
    return m_path->path();
}

void ExportDialog::setFormat(SnapshotFormat format)
{
    m_format->setCurrentIndex(m_format->findData(int(format)));
}

SnapshotFormat ExportDialog::format() const
{
    return SnapshotFormat(m_format->currentData().toInt());
}

void ExportDialog::setSizePreset(const QString &key)
{
    m_size->setPreset(key);
}

void ExportDialog::setCustomSize(QSize pixelSize)
{
    m_size->setCustomSize(pixelSize);
}

void ExportDialog::setTimelineView(TimelineView *view)
{
    m_timelineView = view;
}

void ExportDialog::setTitle(const QString &title)
{
    m_title->setText(title);
}

bool ExportDialog::isExporting() const
{
    return m_job->isRunning();
}

SnapshotRequest ExportDialog::request() const
{
    SnapshotRequest r;
    r.dataset = m_state->dataset();
    r.settings = m_state->settings();
    r.path = path();
    r.size = m_size->size();
    r.content.title = m_title->text().trimmed();
    r.content.mapViewport = m_map->viewport();
    r.content.timelineRange =
        m_timelineView ? std::optional<TimeWindow>(m_timelineView->visibleRange()) : m_timelineRange;
    r.content.exportedAt = QDateTime::currentDateTimeUtc();
    return r;
}

void ExportDialog::startExport()
{
    if (isExporting()) return;
    const SnapshotRequest r = request();
    QString problem = ExportFooter::pathProblem(r.path);
    if (problem.isEmpty() && !SnapshotFormats::forPath(r.path))
        problem = tr("The file name must end in %1.").arg(SnapshotFormats::suffixList());
    else if (problem.isEmpty())
        problem = SnapshotFormats::checkSize(r.size.pixels);
    if (!m_state->dataset()) problem = tr("There is nothing to export yet: no dataset is open.");
    if (!problem.isEmpty()) {
        m_footer->setStatus(problem);
        return;
    }
    if (!m_footer->mayReplace(r.path, tr("Export Snapshot"))) return;
    AppSettings().setExportFolder(QFileInfo(r.path).absolutePath());
    setBusy(true);
    m_footer->showStarted(r.path);
    m_job->start(r);
}

void ExportDialog::reject()
{
    if (isExporting()) {
        m_footer->showCancelling();
        m_job->cancel();
        return;
    }
    QDialog::reject();
}

void ExportDialog::setBusy(bool busy)
{
    m_footer->setBusy(busy, {m_title, m_format, m_size, m_path});
}

void ExportDialog::onFinished(bool succeeded, const QString &error)
{
    setBusy(false);
    const QString file = path();
    m_footer->showFinished(succeeded, file, error);
    emit exportFinished(succeeded, file, error);
}

} // namespace chronomap
