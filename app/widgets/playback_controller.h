// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "render/timeline/time_step.h"
#include "core/view/view_state.h"

#include <QObject>

class QTimer;

namespace chronomap {

/// Plays the data back: moves the ViewState's time window forward by a calendar step (a day,
/// a week, a month…) a number of times per second, and pauses when the window reaches the end
/// of the data. The window keeps its length; with no window, playback starts with one step's
/// worth at the beginning of the data.
///
/// The tick source is injectable: with Clock::Timer a QTimer calls advance(); with
/// Clock::Manual nothing does, and whoever owns the clock (a test, an export of frames) calls
/// advance() itself.
class PlaybackController : public QObject {
    Q_OBJECT
public:
    enum class Clock : quint8 { Timer, Manual };

    explicit PlaybackController(ViewState *state, Clock clock = Clock::Timer, QObject *parent = nullptr);

    /// How far one step moves the window (calendar units, UTC). Default: one week.
    TimeStep step() const { return m_step; }
    void setStep(TimeStep step);
    /// Steps per second while playing (0.1–50). Default: 2.
    double stepsPerSecond() const { return m_stepsPerSecond; }
    void setStepsPerSecond(double steps);
    bool isPlaying() const { return m_playing; }

    /// The window playback starts from: one step from the start of the data (aligned to the step).
    std::optional<TimeWindow> firstWindow() const;

public slots:
    /// Starts playing; from the beginning when there is no window or it is at the end already.
    void play();
    void pause();
    void toggle();
    /// Moves the window one step forward (also while paused: a single step). Returns false,
    /// and pauses, when the window already reaches the end of the data or there is no data.
    /// Pauses after the step that reaches the end.
    bool advance();

signals:
    void playingChanged(bool playing);
    void stepChanged(chronomap::TimeStep step);
    void stepsPerSecondChanged(double steps);
    /// The window reached the end of the data and playback paused.
    void finished();

private:
    std::optional<TimeWindow> dataExtent() const;
    void setPlaying(bool playing);
    void updateTimer();

    ViewState *m_state;
    QTimer *m_timer = nullptr;
    TimeStep m_step{TimeUnit::Week, 1};
    double m_stepsPerSecond = 2.0;
    bool m_playing = false;
};

} // namespace chronomap
