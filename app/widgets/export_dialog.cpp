// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/export_dialog.h"

#include "widgets/app_settings.h"
#include "widgets/map_view.h"
#include "widgets/timeline_view.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QPainter>
#include <QStandardPaths>
#include <QTimer>

namespace chronomap {

namespace {

QString suffixOf(SnapshotFormat format)
{
    switch (format) {
    case SnapshotFormat::Png:
        return QStringLiteral("png");
    case SnapshotFormat::Jpeg:
        return QStringLiteral("jpg");
    case SnapshotFormat::Svg:
        return QStringLiteral("svg");
    case SnapshotFormat::Pdf:
        return QStringLiteral("pdf");
    }
    return QStringLiteral("png");
}

} // namespace

ExportDialog::ExportDialog(ViewState *state, MapView *map, QSize windowSizePx, double windowDpr, QWidget *parent)
    : QDialog(parent), m_state(state), m_map(map), m_windowSize(windowSizePx), m_windowDpr(windowDpr)
{
    setWindowTitle(tr("Export Snapshot"));
    m_job = new SnapshotExportJob(this);

    m_title = new QLineEdit(this);
    const auto dataset = m_state->dataset();
    m_title->setPlaceholderText(dataset ? QFileInfo(dataset->file).fileName() : QString());
    m_title->setAccessibleName(tr("Title"));

    m_format = new QComboBox(this);
    m_format->addItem(tr("PNG image"), int(SnapshotFormat::Png));
    m_format->addItem(tr("JPEG image"), int(SnapshotFormat::Jpeg));
    m_format->addItem(tr("SVG drawing"), int(SnapshotFormat::Svg));
    m_format->addItem(tr("PDF document"), int(SnapshotFormat::Pdf));

    m_size = new QComboBox(this);
    const QSize window = presetSize(SizePreset::CurrentWindow);
    m_size->addItem(tr("Current window (%1 × %2)").arg(window.width()).arg(window.height()),
                    int(SizePreset::CurrentWindow));
    m_size->addItem(tr("1920 × 1080 (Full HD)"), int(SizePreset::FullHd));
    m_size->addItem(tr("3840 × 2160 (4K)"), int(SizePreset::UltraHd));
    m_size->addItem(tr("A4 landscape, 300 dpi (3508 × 2480)"), int(SizePreset::A4Landscape300Dpi));
    m_size->addItem(tr("Custom"), int(SizePreset::Custom));
    m_size->setCurrentIndex(1);
    m_width = new QSpinBox(this);
    m_height = new QSpinBox(this);
    for (QSpinBox *box : {m_width, m_height}) {
        box->setRange(SnapshotWriter::kMinSidePx, SnapshotWriter::kMaxSidePx);
        box->setSuffix(tr(" px"));
    }
    m_width->setAccessibleName(tr("Width"));
    m_height->setAccessibleName(tr("Height"));
    auto *sizeRow = new QHBoxLayout;
    sizeRow->addWidget(m_width);
    sizeRow->addWidget(new QLabel(QStringLiteral("×"), this));
    sizeRow->addWidget(m_height);
    sizeRow->addStretch(1);

    m_path = new QLineEdit(this);
    m_path->setAccessibleName(tr("File"));
    m_browse = new QPushButton(tr("Browse…"), this);
    auto *pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(m_browse);
    // A folder that exists, so that the first Export never fails for want of ~/Pictures.
    const QString dir = AppSettings().existingExportFolder(QStandardPaths::PicturesLocation);
    const QString base = dataset ? QFileInfo(dataset->file).completeBaseName() : QStringLiteral("chronomap");
    m_path->setText(QDir(dir).filePath(base + QStringLiteral("-snapshot.png")));

    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 100);
    m_progress->hide();
    m_status = new QLabel(this);
    m_status->setWordWrap(true);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_export = m_buttons->addButton(tr("Export"), QDialogButtonBox::AcceptRole);
    m_export->setDefault(true);

    auto *form = new QFormLayout;
    form->addRow(tr("&Title:"), m_title);
    form->addRow(tr("&Format:"), m_format);
    form->addRow(tr("&Size:"), m_size);
    form->addRow(QString(), sizeRow);
    // A row holding a layout gets a label without a buddy, which would show its '&' as text.
    auto *pathLabel = new QLabel(tr("F&ile:"), this);
    pathLabel->setBuddy(m_path);
    form->addRow(pathLabel, pathRow);
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
    layout->addWidget(m_progress);
    layout->addWidget(m_status);
    layout->addWidget(m_buttons);

    connect(m_size, &QComboBox::currentIndexChanged, this, &ExportDialog::updateSizeFields);
    connect(m_format, &QComboBox::currentIndexChanged, this, &ExportDialog::syncSuffix);
    connect(m_browse, &QPushButton::clicked, this, &ExportDialog::choosePath);
    connect(m_export, &QPushButton::clicked, this, &ExportDialog::startExport);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ExportDialog::reject);
    connect(m_job, &SnapshotExportJob::progress, m_progress, &QProgressBar::setValue);
    connect(m_job, &SnapshotExportJob::finished, this, &ExportDialog::onFinished);
    connect(m_size, &QComboBox::currentIndexChanged, this, &ExportDialog::schedulePreview);
    connect(m_format, &QComboBox::currentIndexChanged, this, &ExportDialog::schedulePreview);
    connect(m_title, &QLineEdit::textChanged, this, &ExportDialog::schedulePreview);
    connect(m_width, &QSpinBox::valueChanged, this, &ExportDialog::schedulePreview);
    connect(m_height, &QSpinBox::valueChanged, this, &ExportDialog::schedulePreview);
    updateSizeFields();
    updatePreview();
}

void ExportDialog::schedulePreview()
{
    m_previewDelay->start();
}

void ExportDialog::updatePreview()
{
    const SnapshotExportJob::Request r = request();
    if (!m_state->dataset() || !r.pixelSize.isValid() || r.pixelSize.isEmpty()) {
        m_previewImage = QImage();
        m_preview->setText(tr("No preview"));
        return;
    }
    // The whole composition at its logical size, scaled into the preview: the same layout,
    // fonts and framing as the file, a fraction of the pixels.
    const QSizeF logical = QSizeF(r.pixelSize) / r.scale;
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

QSize ExportDialog::presetSize(SizePreset preset) const
{
    switch (preset) {
    case SizePreset::CurrentWindow:
        return (QSizeF(m_windowSize) * m_windowDpr).toSize();
    case SizePreset::FullHd:
        return {1920, 1080};
    case SizePreset::UltraHd:
        return {3840, 2160};
    case SizePreset::A4Landscape300Dpi:
        return {3508, 2480};
    case SizePreset::Custom:
        break;
    }
    return {m_width->value(), m_height->value()};
}

double ExportDialog::presetScale(SizePreset preset, QSize pixelSize) const
{
    switch (preset) {
    case SizePreset::CurrentWindow:
        return m_windowDpr;
    case SizePreset::A4Landscape300Dpi:
        return 300.0 / 96.0;
    default:
        return SnapshotWriter::autoScale(pixelSize);
    }
}

void ExportDialog::updateSizeFields()
{
    const auto preset = SizePreset(m_size->currentData().toInt());
    const bool custom = preset == SizePreset::Custom;
    if (!custom) {
        const QSize size = presetSize(preset);
        m_width->setValue(size.width());
        m_height->setValue(size.height());
    }
    m_width->setEnabled(custom);
    m_height->setEnabled(custom);
}

void ExportDialog::syncSuffix()
{
    const QFileInfo info(m_path->text());
    if (m_path->text().isEmpty()) return;
    m_path->setText(info.dir().filePath(info.completeBaseName() + u'.' + suffixOf(format())));
}

void ExportDialog::choosePath()
{
    const QString filter =
        tr("PNG image (*.png);;JPEG image (*.jpg *.jpeg);;SVG drawing (*.svg);;PDF document (*.pdf)");
    QString selected = filter.split(QStringLiteral(";;")).value(m_format->currentIndex());
    const QString chosen = QFileDialog::getSaveFileName(this, tr("Export Snapshot"), m_path->text(), filter, &selected);
    if (chosen.isEmpty()) return;
    setPath(chosen);
}

void ExportDialog::setPath(const QString &path)
{
    m_path->setText(path);
    if (const auto f = SnapshotWriter::formatForPath(path)) {
        const QSignalBlocker block(m_format);
        m_format->setCurrentIndex(m_format->findData(int(*f)));
    }
}

QString ExportDialog::path() const
{
    return m_path->text().trimmed();
}

void ExportDialog::setFormat(SnapshotFormat format)
{
    m_format->setCurrentIndex(m_format->findData(int(format)));
}

SnapshotFormat ExportDialog::format() const
{
    return SnapshotFormat(m_format->currentData().toInt());
}

void ExportDialog::setSizePreset(SizePreset preset)
{
    m_size->setCurrentIndex(m_size->findData(int(preset)));
}

void ExportDialog::setCustomSize(QSize pixelSize)
{
    setSizePreset(SizePreset::Custom);
    m_width->setValue(pixelSize.width());
    m_height->setValue(pixelSize.height());
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

SnapshotExportJob::Request ExportDialog::request() const
{
    SnapshotExportJob::Request r;
    r.path = path();
    const auto preset = SizePreset(m_size->currentData().toInt());
    r.pixelSize = presetSize(preset);
    r.scale = presetScale(preset, r.pixelSize);
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
    const SnapshotExportJob::Request r = request();
    QString problem;
    if (r.path.isEmpty())
        problem = tr("Choose a file to export to.");
    else if (!SnapshotWriter::formatForPath(r.path))
        problem = tr("The file name must end in .png, .jpg, .svg or .pdf.");
    else
        problem = SnapshotWriter::checkSize(r.pixelSize);
    if (!m_state->dataset()) problem = tr("There is nothing to export yet: no dataset is open.");
    if (!problem.isEmpty()) {
        m_status->setText(problem);
        return;
    }
    if (QFileInfo::exists(r.path) &&
        QMessageBox::question(this, tr("Export Snapshot"),
                              tr("%1 exists. Replace it?").arg(QFileInfo(r.path).fileName())) != QMessageBox::Yes)
        return;
    AppSettings().setExportFolder(QFileInfo(r.path).absolutePath());
    setBusy(true);
    m_status->setText(tr("Exporting %1…").arg(QFileInfo(r.path).fileName()));
    m_job->start(*m_state, r);
}

void ExportDialog::reject()
{
    if (isExporting()) {
        m_status->setText(tr("Cancelling…"));
        m_job->cancel();
        return;
    }
    QDialog::reject();
}

void ExportDialog::setBusy(bool busy)
{
    m_progress->setValue(0);
    m_progress->setVisible(busy);
    m_export->setEnabled(!busy);
    for (QWidget *w : std::initializer_list<QWidget *>{m_title, m_format, m_size, m_path, m_browse})
        w->setEnabled(!busy);
    if (!busy)
        updateSizeFields();
    else {
        m_width->setEnabled(false);
        m_height->setEnabled(false);
    }
    m_buttons->button(QDialogButtonBox::Close)->setText(busy ? tr("Cancel") : tr("Close"));
}

void ExportDialog::onFinished(bool succeeded, const QString &error)
{
    setBusy(false);
    const QString file = path();
    m_status->setText(succeeded ? tr("Saved %1.").arg(QDir::toNativeSeparators(file))
                                : tr("Export failed: %1").arg(error));
    emit exportFinished(succeeded, file, error);
}

} // namespace chronomap
