// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLabel;
class QToolButton;

namespace chronomap {

/// The band over the map in present mode: the step's title and caption in the UI language,
/// "Step 3 of 8", and buttons to step back and on. A click on the band steps on.
class BriefingCaptionBand : public QWidget {
    Q_OBJECT
public:
    explicit BriefingCaptionBand(QWidget *parent = nullptr);

    /// Shows step `index` (0-based) of `count`.
    void showStep(const QString &title, const QString &caption, int index, int count);
    QString titleText() const;
    QString captionText() const;
    QString positionText() const;
    QToolButton *previousButton() const { return m_previous; }
    QToolButton *nextButton() const { return m_next; }

signals:
    void previousRequested();
    void nextRequested();

protected:
    void mousePressEvent(QMouseEvent *event) override;

private:
    QLabel *m_title, *m_caption, *m_position;
    QToolButton *m_previous, *m_next;
};

} // namespace chronomap
