// SPDX-License-Identifier: GPL-3.0-or-later
#include "playback_bar.h"

#include "playback_controller.h"

#include <QComboBox>
#include <QDoubleSpinBox>
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
      m_stepSize(new QComboBox(this)), m_speed(new QDoubleSpinBox(this))
{
    setAccessibleName(tr("Playback"));
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(4, 2, 4, 2);

    m_play->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_stepForward->setIcon(style()->standardIcon(QStyle::SP_MediaSkipForward));
    m_stepForward->setText(tr("Step"));
    m_stepForward->setToolTip(tr("Move the time window one step forward"));
    m_stepForward->setAccessibleName(tr("Step forward"));

    for (const StepChoice &c : kSteps)
        m_stepSize->addItem(tr(c.text));
    m_stepSize->setToolTip(tr("How far the time window moves at each step"));
    m_stepSize->setAccessibleName(tr("Step size"));
    auto *stepLabel = new QLabel(tr("S&tep:"), this);
    stepLabel->setBuddy(m_stepSize);

    m_speed->setRange(0.1, 50);
    m_speed->setDecimals(1);
    m_speed->setSingleStep(0.5);
    m_speed->setSuffix(tr(" steps/s"));
    m_speed->setValue(controller->stepsPerSecond());
    m_speed->setToolTip(tr("Steps per second while playing"));
    m_speed->setAccessibleName(tr("Speed"));
    auto *speedLabel = new QLabel(tr("Spee&d:"), this);
    speedLabel->setBuddy(m_speed);

    row->addWidget(m_play);
    row->addWidget(m_stepForward);
    row->addSpacing(8);
    row->addWidget(stepLabel);
    row->addWidget(m_stepSize);
    row->addSpacing(8);
    row->addWidget(speedLabel);
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
