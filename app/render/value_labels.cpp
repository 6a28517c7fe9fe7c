// SPDX-License-Identifier: GPL-3.0-or-later
#include "value_labels.h"

#include <QCoreApplication>

namespace chronomap {

QString ValueLabels::confidence(Confidence confidence)
{
    switch (confidence) {
    case Confidence::Confirmed:
        return QCoreApplication::translate("ValueLabels", "Confirmed");
    case Confidence::Reported:
        return QCoreApplication::translate("ValueLabels", "Reported");
    case Confidence::Claimed:
        return QCoreApplication::translate("ValueLabels", "Claimed");
    case Confidence::Disputed:
        return QCoreApplication::translate("ValueLabels", "Disputed");
    case Confidence::Unknown:
        break;
    }
    return QCoreApplication::translate("ValueLabels", "Not given");
}

QString ValueLabels::provenance(const QString &provenance)
{
    if (provenance.isEmpty()) return QCoreApplication::translate("ValueLabels", "Not given");
    if (provenance == u"article") return QCoreApplication::translate("ValueLabels", "Article");
    if (provenance == u"context") return QCoreApplication::translate("ValueLabels", "Context");
    return provenance;
}

} // namespace chronomap
