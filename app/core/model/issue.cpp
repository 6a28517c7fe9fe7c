// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/model/issue.h"

namespace chronomap {

QString Issue::toString() const
{
    QString line = file + QStringLiteral(": ");
    if (record >= 0) {
        line += QStringLiteral("record %1").arg(record);
        if (!recordId.isEmpty()) line += QStringLiteral(" (%1)").arg(recordId);
        line += QStringLiteral(": ");
    }
    if (!field.isEmpty()) line += field + QStringLiteral(": ");
    return line + message;
}

} // namespace chronomap
