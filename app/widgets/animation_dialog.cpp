// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/animation_dialog.h"

#include "widgets/app_settings.h"
#include "widgets/export_footer.h"
#include "widgets/map_view.h"
#include "widgets/playback_controller.h"
#include "render/snapshot/snapshot_formats.h"

#include <QComboBox>
#include <QDateEdit>
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
#include <QSpinBox>
#include <QStandardPaths>
#include <QTimeZone>
#include <QTimer>

#include <cmath>

namespace chronomap {

namespace {

QString suffixOf(AnimationFormat format)
{
    switch (format) {
    case AnimationFormat::Mp4:
        return QStringLiteral("mp4");
    case AnimationFormat::WebM:
        return QStringLiteral("webm");
    case AnimationFormat::Gif:
        return QStringLiteral("gif");
    }
    return QStringLiteral("mp4");
}

QDate dateOf(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc()).date();
}

qint64 msOf(const QDate &date)
{
    return QDateTime(date, QTime(0, 0), QTimeZone::utc()).toMSecsSinceEpoch();
}

} // namespace

AnimationDialog::AnimationDialog(ViewState *state, MapView *map, const PlaybackController *playback, QSize windowSizePx,
                                 double windowDpr, QWidget *parent)
    : QDialog(parent), m_state(state), m_map(map)
{
    setWindowTitle(tr("Export Animation"));
    setMinimumWidth(480);
    m_job = new AnimationExportJob(this);
    const auto dataset = m_state->dataset();

    m_title = new QLineEdit(this);
    m_title->setPlaceholderText(dataset ? dataset->fileNames() : QString());
    m_title->setAccessibleName(tr("Title"));

    m_format = new QComboBox(this);
    m_format->addItem(tr("MP4 video (H.264)"), int(AnimationFormat::Mp4));
    m_format->addItem(tr("WebM video (VP9)"), int(AnimationFormat::WebM));
    m_format->addItem(tr("Animated GIF"), int(AnimationFormat::Gif));

    m_size = new ExportSizeField(windowSizePx, windowDpr, this);

    m_step = new QComboBox(this);
    m_step->addItem(tr("A day"), int(TimeUnit::Day));
    m_step->addItem(tr("A week"), int(TimeUnit::Week));
    m_step->addItem(tr("A month"), int(TimeUnit::Month));
    m_step->setAccessibleName(tr("Step"));
    m_windowCount = new QSpinBox(this);
    m_windowCount->setRange(1, 365);
    m_windowCount->setAccessibleName(tr("Window length"));
    m_windowUnit = new QComboBox(this);
    m_windowUnit->addItem(tr("days"), int(TimeUnit::Day));
    m_windowUnit->addItem(tr("weeks"), int(TimeUnit::Week));
    m_windowUnit->addItem(tr("months"), int(TimeUnit::Month));
    m_windowUnit->setAccessibleName(tr("Window unit"));
    auto *windowRow = new QHBoxLayout;
    windowRow->addWidget(m_windowCount);
    windowRow->addWidget(m_windowUnit);
    windowRow->addStretch(1);

    m_fps = new QSpinBox(this);
    m_fps->setRange(AnimationWriter::kMinFps, AnimationWriter::kMaxFps);
    m_fps->setSuffix(tr(" frames per second"));
    m_fps->setAccessibleName(tr("Frames per second"));

    m_from = new QDateEdit(this);
    m_to = new QDateEdit(this);
    for (QDateEdit *edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        edit->setTimeSpec(Qt::UTC);
    }
    m_from->setAccessibleName(tr("From"));
    m_to->setAccessibleName(tr("To"));
    auto *rangeRow = new QHBoxLayout;
    rangeRow->addWidget(m_from);
    rangeRow->addWidget(new QLabel(QStringLiteral("–"), this));
    rangeRow->addWidget(m_to);
    rangeRow->addStretch(1);

    m_path = new ExportFileField(this);
    const QString dir = AppSettings().existingExportFolder(QStandardPaths::MoviesLocation);
    const QString base =
        dataset ? QFileInfo(Dataset::displayName(dataset->file())).completeBaseName() : QStringLiteral("chronomap");
    m_path->setPath(QDir(dir).filePath(base + QStringLiteral("-animation.mp4")));

    m_summary = new QLabel(this);
    m_footer = new ExportFooter(this);
    m_footer->progress()->setFormat(tr("%v of %m frames"));

    auto *form = new QFormLayout;
    form->addRow(tr("&Title:"), m_title);
    form->addRow(tr("&Format:"), m_format);
    form->addRow(tr("&Size:"), m_size);
    form->addRow(tr("S&tep:"), m_step);
    auto *windowLabel = new QLabel(tr("&Window:"), this);
    windowLabel->setBuddy(m_windowCount);
    form->addRow(windowLabel, windowRow);
    form->addRow(tr("&Speed:"), m_fps);
    auto *rangeLabel = new QLabel(tr("&Dates:"), this);
    rangeLabel->setBuddy(m_from);
    form->addRow(rangeLabel, rangeRow);
    form->addRow(tr("F&ile:"), m_path);
    // The first frame, painted as the export will paint it, scaled down.
    m_preview = new QLabel(this);
    m_preview->setObjectName(QStringLiteral("animationPreview"));
    m_preview->setAlignment(Qt::AlignCenter);
    m_preview->setMinimumSize(kPreviewWidthPx, kPreviewWidthPx * 9 / 16);
    m_preview->setAccessibleName(tr("Preview of the first frame"));
    m_previewDelay = new QTimer(this);
    m_previewDelay->setSingleShot(true);
    m_previewDelay->setInterval(150); // typing a title or a date repaints once it pauses
    connect(m_previewDelay, &QTimer::timeout, this, &AnimationDialog::updatePreview);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_preview);
    layout->addLayout(form);
    layout->addWidget(m_summary);
    layout->addWidget(m_footer);

    // Defaults: the playback bar's step and speed, the brush or else the data's extent.
    const TimeStep step = playback ? playback->step() : TimeStep{TimeUnit::Week, 1};
    setStep(step);
    setFps(playback ? int(std::lround(std::clamp(playback->stepsPerSecond(), 1.0, 60.0))) : 4);
    std::optional<TimeWindow> range = m_state->timeWindow();
    if (dataset && dataset->events && !dataset->events->isEmpty()) {
        const TimeWindow extent = dataset->events->extent();
        if (!range) range = extent;
        range->fromMs = std::max(range->fromMs, extent.fromMs);
        range->toMs = std::min(range->toMs, extent.toMs);
    }
    if (range && range->isValid()) setRange(dateOf(range->fromMs), dateOf(range->toMs - 1));

    connect(m_format, &QComboBox::currentIndexChanged, this, &AnimationDialog::syncSuffix);
    connect(m_path, &ExportFileField::browseRequested, this, &AnimationDialog::choosePath);
    connect(m_footer, &ExportFooter::exportClicked, this, &AnimationDialog::startExport);
    connect(m_footer, &ExportFooter::closeClicked, this, &AnimationDialog::reject);
    connect(m_job, &AnimationExportJob::progress, this, &AnimationDialog::onProgress);
    connect(m_job, &AnimationExportJob::finished, this, &AnimationDialog::onFinished);
    connect(m_size, &ExportSizeField::sizeChanged, this, &AnimationDialog::updateSummary);
    for (QComboBox *box : {m_format, m_step, m_windowUnit})
        connect(box, &QComboBox::currentIndexChanged, this, &AnimationDialog::updateSummary);
    for (QSpinBox *box : {m_windowCount, m_fps})
        connect(box, &QSpinBox::valueChanged, this, &AnimationDialog::updateSummary);
    for (QDateEdit *edit : {m_from, m_to})
        connect(edit, &QDateEdit::dateChanged, this, &AnimationDialog::updateSummary);
    // The first frame changes with the size, the title, the dates, the step and the window.
    connect(m_size, &ExportSizeField::sizeChanged, this, &AnimationDialog::schedulePreview);
    connect(m_title, &QLineEdit::textChanged, this, &AnimationDialog::schedulePreview);
    for (QComboBox *box : {m_format, m_step, m_windowUnit})
        connect(box, &QComboBox::currentIndexChanged, this, &AnimationDialog::schedulePreview);
    connect(m_windowCount, &QSpinBox::valueChanged, this, &AnimationDialog::schedulePreview);
    for (QDateEdit *edit : {m_from, m_to})
        connect(edit, &QDateEdit::dateChanged, this, &AnimationDialog::schedulePreview);
    updateSummary();
    updatePreview();
}

AnimationDialog::~AnimationDialog() = default;

void AnimationDialog::setPath(const QString &path)
{
    m_path->setPath(path);
    if (const auto f = AnimationWriter::formatForPath(path)) {
        const QSignalBlocker block(m_format);
        m_format->setCurrentIndex(m_format->findData(int(*f)));
    }
    updateSummary();
}

QString AnimationDialog::path() const
{
    return m_path->path();
}

void AnimationDialog::setSize(QSize pixelSize)
{
    m_size->setCustomSize(pixelSize);
}

void AnimationDialog::setSizePreset(const QString &key)
{
    m_size->setPreset(key);
}

void AnimationDialog::setFps(int fps)
{
    m_fps->setValue(fps);
}

void AnimationDialog::setRange(const QDate &from, const QDate &to)
{
    m_from->setDate(from);
    m_to->setDate(to);
}

void AnimationDialog::setStep(TimeStep step)
{
    // The dialog offers one day, week or month per step; longer steps keep their unit.
    const int index = m_step->findData(int(step.unit));
    m_step->setCurrentIndex(index >= 0 ? index : 1);
    m_windowCount->setValue(step.count);
    const int unit = m_windowUnit->findData(int(step.unit));
    m_windowUnit->setCurrentIndex(unit >= 0 ? unit : 1);
}

void AnimationDialog::setTitle(const QString &title)
{
    m_title->setText(title);
}

AnimationFormat AnimationDialog::format() const
{
    return AnimationFormat(m_format->currentData().toInt());
}

QSize AnimationDialog::pixelSize() const
{
    const QSize size = m_size->size().pixels;
    if (format() == AnimationFormat::Gif) return size;
    // H.264 and VP9 want even sides (4:2:0): a window 1001 pixels wide makes a 1000-pixel video.
    return QSize(size.width() & ~1, size.height() & ~1);
}

AnimationPlan AnimationDialog::plan() const
{
    AnimationPlan plan;
    plan.step = TimeStep{TimeUnit(m_step->currentData().toInt()), 1};
    plan.window = TimeStep{TimeUnit(m_windowUnit->currentData().toInt()), m_windowCount->value()};
    // The dates are whole days: `to` is the last day shown.
    plan.range = TimeWindow{msOf(m_from->date()), msOf(m_to->date().addDays(1))};
    return plan;
}

AnimationExportJob::Request AnimationDialog::request() const
{
    AnimationExportJob::Request r;
    r.path = path();
    r.options.pixelSize = pixelSize();
    r.options.scale = m_size->size().scale;
    r.options.fps = m_fps->value();
    const AnimationPlan clipPlan = plan();
    r.options.frames = clipPlan.frames();
    r.options.step = clipPlan.step;
    r.options.window = clipPlan.window;
    r.content.title = m_title->text().trimmed();
    r.content.mapViewport = m_map->viewport();
    if (!r.options.frames.isEmpty()) {
        // The timeline spans the clip, so the window moves across it.
        const TimeWindow clip{r.options.frames.front().fromMs, r.options.frames.back().toMs};
        const qint64 margin = (clip.toMs - clip.fromMs) / 40;
        r.content.timelineRange = TimeWindow{clip.fromMs - margin, clip.toMs + margin};
        r.content.sourcesSinceMs = clip.fromMs; // the footer names the sources shown so far
    }
    r.content.exportedAt = QDateTime::currentDateTimeUtc();
    return r;
}

bool AnimationDialog::isExporting() const
{
    return m_job->isRunning();
}

void AnimationDialog::updateSummary()
{
    const auto frames = plan().frames().size();
    const int fps = m_fps->value();
    m_summary->setText(tr("%1 frames, %2 s").arg(frames).arg(double(frames) / fps, 0, 'f', 1));
    const QString problem = AnimationWriter::checkOptions(format(), request().options);
    if (!isExporting()) m_footer->setStatus(frames > 0 ? problem : tr("The dates hold no frame."));
}

void AnimationDialog::schedulePreview()
{
    m_previewDelay->start();
}

void AnimationDialog::updatePreview()
{
    const AnimationExportJob::Request r = request();
    const auto dataset = m_state->dataset();
    if (!dataset || r.options.frames.isEmpty() || r.options.pixelSize.isEmpty()) {
        m_previewImage = QImage();
        m_preview->setText(tr("No preview"));
        return;
    }
    // The first frame as the export paints it (AnimationWriter::paintFrame: same layout, fonts
    // and dates), on a copy of the view, at the file's logical size, then scaled down.
    const QSize logical = (QSizeF(r.options.pixelSize) / r.options.scale).toSize();
    const double dpr = devicePixelRatioF();
    AnimationWriter::Options options = r.options;
    options.pixelSize = logical;
    options.scale = 1.0;
    ViewState copy;
    copy.setDataset(dataset);
    copy.setSettings(m_state->settings());
    const SnapshotComposer composer(copy, r.content, options.scale);
    const QImage frame = AnimationWriter::paintFrame(copy, composer, options.frames.front(), options);
    const QSize box = (QSizeF(kPreviewWidthPx, kPreviewWidthPx * 0.75) * dpr).toSize();
    QImage image = frame.scaled(box, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    image.setDevicePixelRatio(dpr);
    m_previewImage = image;
    m_preview->setPixmap(QPixmap::fromImage(image));
}

void AnimationDialog::syncSuffix()
{
    const QFileInfo info(m_path->path());
    if (m_path->path().isEmpty()) return;
    m_path->setPath(info.dir().filePath(info.completeBaseName() + u'.' + suffixOf(format())));
    // A GIF's default is half HD: smaller, and under the GIF width limit.
    if (format() == AnimationFormat::Gif && pixelSize().width() > AnimationWriter::kMaxGifWidthPx)
        setSize(QSize(960, 540));
}

void AnimationDialog::choosePath()
{
    const QString filter = tr("MP4 video (*.mp4);;WebM video (*.webm);;Animated GIF (*.gif)");
    QString selected = filter.split(QStringLiteral(";;")).value(m_format->currentIndex());
    const QString chosen =
        QFileDialog::getSaveFileName(this, tr("Export Animation"), m_path->path(), filter, &selected);
    if (!chosen.isEmpty()) setPath(chosen);
}

void AnimationDialog::startExport()
{
    if (isExporting()) return;
    const AnimationExportJob::Request r = request();
    const auto format = AnimationWriter::formatForPath(r.path);
    QString problem = ExportFooter::pathProblem(r.path);
    if (problem.isEmpty() && !format)
        problem = tr("The file name must end in .mp4, .webm or .gif.");
    else if (problem.isEmpty() && !AnimationWriter::encoderProblem(*format).isEmpty())
        problem = tr("Cannot export animations: %1.").arg(AnimationWriter::encoderProblem(*format));
    else if (problem.isEmpty())
        problem = AnimationWriter::checkOptions(*format, r.options);
    if (!m_state->dataset()) problem = tr("There is nothing to export yet: no dataset is open.");
    if (!problem.isEmpty()) {
        m_footer->setStatus(problem);
        return;
    }
    if (!m_footer->mayReplace(r.path, tr("Export Animation"))) return;
    AppSettings().setExportFolder(QFileInfo(r.path).absolutePath());
    setBusy(true);
    m_footer->progress()->setRange(0, int(r.options.frames.size()));
    m_footer->showStarted(r.path);
    m_job->start(*m_state, r);
}

void AnimationDialog::reject()
{
    if (isExporting()) {
        m_footer->showCancelling();
        m_job->cancel();
        return;
    }
    QDialog::reject();
}

void AnimationDialog::onProgress(int done, int total)
{
    m_footer->progress()->setRange(0, total);
    m_footer->progress()->setValue(done);
}

void AnimationDialog::setBusy(bool busy)
{
    m_footer->setBusy(busy,
                      {m_title, m_format, m_size, m_step, m_windowCount, m_windowUnit, m_fps, m_from, m_to, m_path});
}

void AnimationDialog::onFinished(bool succeeded, const QString &error)
{
    setBusy(false);
    const QString file = path();
    m_footer->showFinished(succeeded, file, error);
    emit exportFinished(succeeded, file, error);
}

} // namespace chronomap
