// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/briefing_caption_band.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QMouseEvent>
#include <QToolButton>
#include <QVBoxLayout>

namespace chronomap {

BriefingCaptionBand::BriefingCaptionBand(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("briefingCaptionBand"));
    // Light text on a dark band, whatever the map shows under it: legible from the back of a room.
    // A style sheet, not a palette: the tool bar it sits in would repaint a palette's background.
    setAttribute(Qt::WA_StyledBackground);
    setStyleSheet(QStringLiteral("#briefingCaptionBand { background: #1f2630; }"
                                 "#briefingCaptionBand QLabel { color: #f4f6f8; }"));
    m_title = new QLabel(this);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.6);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_caption = new QLabel(this);
    QFont captionFont = m_caption->font();
    captionFont.setPointSizeF(captionFont.pointSizeF() * 1.25);
    m_caption->setFont(captionFont);
    m_caption->setWordWrap(true);
    m_position = new QLabel(this);
    m_previous = new QToolButton(this);
    m_previous->setText(QStringLiteral("◀"));
    m_next = new QToolButton(this);
    m_next->setText(QStringLiteral("▶"));
    for (QToolButton *b : {m_previous, m_next}) {
        b->setToolButtonStyle(Qt::ToolButtonTextOnly); // the tool bar would ask for icons only
        b->setMinimumSize(36, 36);
    }
    m_previous->setAccessibleName(tr("Previous step"));
    m_next->setAccessibleName(tr("Next step"));
    m_previous->setToolTip(tr("Previous step (Left, Page Up)"));
    m_next->setToolTip(tr("Next step (Right, Page Down); Escape leaves"));
    connect(m_previous, &QToolButton::clicked, this, &BriefingCaptionBand::previousRequested);
    connect(m_next, &QToolButton::clicked, this, &BriefingCaptionBand::nextRequested);

    auto *texts = new QVBoxLayout;
    texts->addWidget(m_title);
    texts->addWidget(m_caption);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(16, 10, 16, 10);
    layout->addLayout(texts, 1);
    layout->addWidget(m_previous);
    layout->addWidget(m_position);
    layout->addWidget(m_next);
}

void BriefingCaptionBand::showStep(const QString &title, const QString &caption, int index, int count)
{
    m_title->setText(title);
    m_caption->setText(caption);
    m_caption->setVisible(!caption.isEmpty());
    m_position->setText(tr("Step %1 of %2").arg(index + 1).arg(count));
    m_previous->setEnabled(index > 0);
    m_next->setEnabled(index + 1 < count);
}

QString BriefingCaptionBand::titleText() const
{
    return m_title->text();
}

QString BriefingCaptionBand::captionText() const
{
    return m_caption->text();
}

QString BriefingCaptionBand::positionText() const
{
    return m_position->text();
}

void BriefingCaptionBand::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton) emit nextRequested();
    QWidget::mousePressEvent(event);
}

} // namespace chronomap
