// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/playback_controller.h"

#include <QTimer>

#include <algorithm>
#include <cmath>

namespace chronomap {

PlaybackController::PlaybackController(ViewState *state, Clock clock, QObject *parent) : QObject(parent), m_state(state)
{
    if (clock == Clock::Timer) {
        m_timer = new QTimer(this);
        m_timer->setTimerType(Qt::PreciseTimer);
        connect(m_timer, &QTimer::timeout, this, &PlaybackController::advance);
    }
    // A new dataset has another extent: whatever was playing no longer applies.
    connect(m_state, &ViewState::datasetChanged, this, &PlaybackController::pause);
    updateTimer();
}

void PlaybackController::setStep(TimeStep step)
{
    step.count = std::max(1, step.count);
    if (step == m_step) return;
    m_step = step;
    emit stepChanged(step);
}

void PlaybackController::setStepsPerSecond(double steps)
{
    steps = std::clamp(steps, 0.1, 50.0);
    if (steps == m_stepsPerSecond) return;
    m_stepsPerSecond = steps;
    updateTimer();
    emit stepsPerSecondChanged(steps);
}

std::optional<TimeWindow> PlaybackController::dataExtent() const
{
    const auto dataset = m_state->dataset();
    if (!dataset || !dataset->events || dataset->events->isEmpty()) return std::nullopt;
    const TimeWindow extent = dataset->events->extent();
    return extent.isValid() ? std::optional(extent) : std::nullopt;
}

std::optional<TimeWindow> PlaybackController::firstWindow() const
{
    const auto extent = dataExtent();
    if (!extent) return std::nullopt;
    const qint64 from = m_step.floor(extent->fromMs);
    return TimeWindow{from, m_step.add(from)};
}

void PlaybackController::play()
{
    const auto extent = dataExtent();
    if (!extent) return;
    const auto window = m_state->timeWindow();
    if (!window || window->toMs >= extent->toMs || window->toMs <= extent->fromMs)
        m_state->setTimeWindow(firstWindow());
    setPlaying(true);
}

void PlaybackController::pause()
{
    setPlaying(false);
}

void PlaybackController::toggle()
{
    if (m_playing)
        pause();
    else
        play();
}

bool PlaybackController::advance()
{
    const auto extent = dataExtent();
    if (!extent) {
        pause();
        return false;
    }
    const auto window = m_state->timeWindow();
    if (!window) {
        m_state->setTimeWindow(firstWindow());
        return true;
    }
    if (window->toMs >= extent->toMs) {
        const bool was = m_playing;
        pause();
        if (was) emit finished();
        return false;
    }
    // Both edges move by the calendar step, so a one-month window stays one calendar month.
    const TimeWindow next{m_step.add(window->fromMs), m_step.add(window->toMs)};
    m_state->setTimeWindow(next);
    if (next.toMs >= extent->toMs && m_playing) {
        pause();
        emit finished();
    }
    return true;
}

void PlaybackController::setPlaying(bool playing)
{
    if (playing == m_playing) return;
    m_playing = playing;
    updateTimer();
    emit playingChanged(playing);
}

void PlaybackController::updateTimer()
{
    if (!m_timer) return;
    m_timer->setInterval(int(std::lround(1000.0 / m_stepsPerSecond)));
    if (m_playing && !m_timer->isActive()) m_timer->start();
    if (!m_playing) m_timer->stop();
}

} // namespace chronomap
