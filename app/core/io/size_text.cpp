// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/size_text.h"

#include <QLocale>

namespace chronomap {

std::pair<QString, QString> sizesOverLimit(qint64 size, qint64 limit)
{
    const QLocale c = QLocale::c();
    for (int decimals = 1; decimals <= 3; ++decimals) {
        QString sizeText = c.formattedDataSize(size, decimals, QLocale::DataSizeTraditionalFormat);
        QString limitText = c.formattedDataSize(limit, decimals, QLocale::DataSizeTraditionalFormat);
        if (sizeText != limitText || size == limit) return {sizeText, limitText};
    }
    // English digit grouping, as the rest of the message is written before translation.
    const QLocale english(QLocale::English, QLocale::UnitedStates);
    return {QStringLiteral("%1 bytes").arg(english.toString(size)),
            QStringLiteral("%1 bytes").arg(english.toString(limit))};
}

} // namespace chronomap
