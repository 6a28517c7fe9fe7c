// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/playback_bar.h"

#include "widgets/playback_controller.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>
#include <QToolButton>

namespace chronomap {

namespace {

struct StepChoice {
    TimeStep step;
    const char *text;
};

// The steps offered, in the combo's order.
constexpr StepChoice kSteps[] = {
    {{TimeUnit::Hour, 1}, QT_TRANSLATE_NOOP("PlaybackBar", "1 hour")},
    {{TimeUnit::Day, 1}, QT_TRANSLATE_NOOP("PlaybackBar", "1 day")},
    {{TimeUnit::Week, 1}, QT_TRANSLATE_NOOP("PlaybackBar", "1 week")},
    {{TimeUnit::Month, 1}, QT_TRANSLATE_NOOP("PlaybackBar", "1 month")},
    {{TimeUnit::Month, 3}, QT_TRANSLATE_NOOP("PlaybackBar", "3 months")},
    {{TimeUnit::Year, 1}, QT_TRANSLATE_NOOP("PlaybackBar", "1 year")},
};

} // namespace

PlaybackBar::PlaybackBar(PlaybackController *controller, QWidget *parent)
    : QWidget(parent), m_controller(controller), m_play(new QToolButton(this)), m_stepForward(new QToolButton(this)),
      m_stepSize(new QComboBox(this)), m_speed(new QDoubleSpinBox(this)), m_stepLabel(new QLabel(this)),
      m_speedLabel(new QLabel(this))
{
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(4, 2, 4, 2);

    m_play->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_stepForward->setIcon(style()->standardIcon(QStyle::SP_MediaSkipForward));
    for (int k = 0; k < int(std::size(kSteps)); ++k)
        m_stepSize->addItem(QString());
    m_stepLabel->setBuddy(m_stepSize);
    m_stepSize->setSizeAdjustPolicy(QComboBox::AdjustToContents); // follows a switch of language

    m_speed->setRange(0.1, 50);
    m_speed->setDecimals(1);
    m_speed->setSingleStep(0.5);
    m_speed->setValue(controller->stepsPerSecond());
    m_speedLabel->setBuddy(m_speed);
    retranslate();

    row->addWidget(m_play);
    row->addWidget(m_stepForward);
    row->addSpacing(8);
    row->addWidget(m_stepLabel);
    row->addWidget(m_stepSize);
    row->addSpacing(8);
    row->addWidget(m_speedLabel);
    row->addWidget(m_speed);
    row->addStretch(1);

    connect(m_play, &QToolButton::clicked, controller, &PlaybackController::toggle);
    connect(m_stepForward, &QToolButton::clicked, controller, [controller] { controller->advance(); });
    connect(m_stepSize, &QComboBox::currentIndexChanged, controller, [controller](int index) {
        if (index >= 0 && index < int(std::size(kSteps))) controller->setStep(kSteps[index].step);
    });
    connect(m_speed, &QDoubleSpinBox::valueChanged, controller, &PlaybackController::setStepsPerSecond);
    connect(controller, &PlaybackController::playingChanged, this, &PlaybackBar::showPlaying);
    connect(controller, &PlaybackController::stepChanged, this, &PlaybackBar::showStep);
    connect(controller, &PlaybackController::stepsPerSecondChanged, m_speed, &QDoubleSpinBox::setValue);
    showPlaying(controller->isPlaying());
    showStep();
}

void PlaybackBar::addTrailingWidget(QWidget *widget)
{
    static_cast<QHBoxLayout *>(layout())->addWidget(widget);
}

void PlaybackBar::retranslate()
{
    setAccessibleName(tr("Playback"));
    m_stepForward->setText(tr("Step"));
    m_stepForward->setToolTip(tr("Move the time window one step forward"));
    m_stepForward->setAccessibleName(tr("Step forward"));
    for (int k = 0; k < int(std::size(kSteps)); ++k)
        m_stepSize->setItemText(k, tr(kSteps[k].text));
    m_stepSize->setToolTip(tr("How far the time window moves at each step"));
    m_stepSize->setAccessibleName(tr("Step size"));
    m_stepLabel->setText(tr("S&tep:"));
    m_speed->setSuffix(tr(" steps/s"));
    m_speed->setToolTip(tr("Steps per second while playing"));
    m_speed->setAccessibleName(tr("Speed"));
    m_speedLabel->setText(tr("Spee&d:"));
}

void PlaybackBar::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        showPlaying(m_controller->isPlaying());
    }
    QWidget::changeEvent(event);
}

void PlaybackBar::showPlaying(bool playing)
{
    m_play->setIcon(style()->standardIcon(playing ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
    m_play->setText(playing ? tr("Pause") : tr("Play"));
    m_play->setToolTip(playing ? tr("Pause playback") : tr("Play the time window forward through the data"));
    m_play->setAccessibleName(m_play->text());
}

void PlaybackBar::showStep()
{
    const TimeStep step = m_controller->step();
    for (int k = 0; k < int(std::size(kSteps)); ++k) {
        if (kSteps[k].step == step) {
            const QSignalBlocker block(m_stepSize);
            m_stepSize->setCurrentIndex(k);
            return;
        }
    }
}

} // namespace chronomap
