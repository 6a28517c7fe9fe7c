// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QToolButton;

namespace chronomap {

class PlaybackController;

/// Play/pause, one step forward, the step size (a day … a year) and the speed (steps per
/// second) of a PlaybackController. Holds no state of its own: it shows the controller's.
class PlaybackBar : public QWidget {
    Q_OBJECT
public:
    explicit PlaybackBar(PlaybackController *controller, QWidget *parent = nullptr);

    QToolButton *playButton() const { return m_play; }
    QToolButton *stepButton() const { return m_stepForward; }
    QComboBox *stepCombo() const { return m_stepSize; }
    QDoubleSpinBox *speedSpin() const { return m_speed; }
    /// Puts `widget` at the right end of the bar (it becomes the bar's child).
    void addTrailingWidget(QWidget *widget);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void showPlaying(bool playing);
    void showStep();

    PlaybackController *m_controller;
    QToolButton *m_play;
    QToolButton *m_stepForward;
    QComboBox *m_stepSize;
    QDoubleSpinBox *m_speed;
    QLabel *m_stepLabel;
    QLabel *m_speedLabel;
};

} // namespace chronomap
