// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/export_target_fields.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace chronomap {

ExportSizeField::ExportSizeField(QSize windowSizePx, double windowDpr, QWidget *parent)
    : QWidget(parent), m_windowSize(windowSizePx), m_windowDpr(windowDpr)
{
    m_preset = new QComboBox(this);
    m_preset->setAccessibleName(tr("Size"));
    m_width = new QSpinBox(this);
    m_height = new QSpinBox(this);
    for (QSpinBox *box : {m_width, m_height}) {
        box->setRange(SnapshotFormats::kMinSidePx, SnapshotFormats::kMaxSidePx);
        box->setSuffix(tr(" px"));
    }
    m_width->setAccessibleName(tr("Width"));
    m_height->setAccessibleName(tr("Height"));
    const QSize window = presetSize(kCurrentWindow).pixels;
    m_preset->addItem(tr("Current window (%1 × %2)").arg(window.width()).arg(window.height()), kCurrentWindow);
    for (const SnapshotSizePreset &preset : SnapshotFormats::sizePresets())
        m_preset->addItem(preset.label(), QString::fromLatin1(preset.key));
    m_preset->addItem(tr("Custom"), kCustomSize);
    m_preset->setCurrentIndex(1);

    auto *sides = new QHBoxLayout;
    sides->addWidget(m_width);
    sides->addWidget(new QLabel(QStringLiteral("×"), this));
    sides->addWidget(m_height);
    sides->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_preset);
    layout->addLayout(sides);
    setFocusProxy(m_preset);

    connect(m_preset, &QComboBox::currentIndexChanged, this, [this] {
        updateFields();
        emit sizeChanged();
    });
    for (QSpinBox *box : {m_width, m_height})
        connect(box, &QSpinBox::valueChanged, this, [this] {
            if (preset() == kCustomSize) emit sizeChanged();
        });
    updateFields();
}

void ExportSizeField::setPreset(const QString &key)
{
    const int index = m_preset->findData(key);
    if (index >= 0) m_preset->setCurrentIndex(index);
}

QString ExportSizeField::preset() const
{
    return m_preset->currentData().toString();
}

void ExportSizeField::setCustomSize(QSize pixelSize)
{
    {
        const QSignalBlocker block(this);
        setPreset(kCustomSize);
        m_width->setValue(pixelSize.width());
        m_height->setValue(pixelSize.height());
    }
    emit sizeChanged();
}

SnapshotSize ExportSizeField::size() const
{
    return presetSize(preset());
}

SnapshotSize ExportSizeField::presetSize(const QString &key) const
{
    if (key == kCurrentWindow) return {(QSizeF(m_windowSize) * m_windowDpr).toSize(), m_windowDpr};
    for (const SnapshotSizePreset &preset : SnapshotFormats::sizePresets())
        if (key == QLatin1String(preset.key)) return preset.size;
    const QSize custom(m_width->value(), m_height->value());
    return {custom, SnapshotFormats::autoScale(custom)};
}

void ExportSizeField::updateFields()
{
    const bool custom = preset() == kCustomSize;
    if (!custom) {
        const QSignalBlocker blockWidth(m_width), blockHeight(m_height);
        const QSize size = presetSize(preset()).pixels;
        m_width->setValue(size.width());
        m_height->setValue(size.height());
    }
    m_width->setEnabled(custom);
    m_height->setEnabled(custom);
}

ExportFileField::ExportFileField(QWidget *parent) : QWidget(parent)
{
    m_path = new QLineEdit(this);
    m_path->setAccessibleName(tr("File"));
    m_browse = new QPushButton(tr("Browse…"), this);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_path, 1);
    layout->addWidget(m_browse);
    setFocusProxy(m_path);
    connect(m_browse, &QPushButton::clicked, this, &ExportFileField::browseRequested);
}

void ExportFileField::setPath(const QString &path)
{
    m_path->setText(path);
}

QString ExportFileField::path() const
{
    return m_path->text().trimmed();
}

} // namespace chronomap
