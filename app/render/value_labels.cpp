// SPDX-License-Identifier: GPL-3.0-or-later
#include "render/value_labels.h"

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

const QStringList &ValueLabels::claimUnits()
{
    static const QStringList units{
        QStringLiteral("soldiers"),   QStringLiteral("troops"),     QStringLiteral("personnel"),
        QStringLiteral("containers"), QStringLiteral("casualties"), QStringLiteral("deaths"),
        QStringLiteral("workers"),    QStringLiteral("deminers"),   QStringLiteral("builders"),
        QStringLiteral("missiles"),   QStringLiteral("shells"),     QStringLiteral("systems"),
    };
    return units;
}

QString ValueLabels::unit(const QString &unit)
{
    // Plural nouns, as they follow a figure ("1,000 containers"); QT_TRANSLATE_NOOP keeps lupdate
    // seeing each word.
    static const char *const words[][2] = {
        {"soldiers", QT_TRANSLATE_NOOP("ValueLabels", "soldiers")},
        {"troops", QT_TRANSLATE_NOOP("ValueLabels", "troops")},
        {"personnel", QT_TRANSLATE_NOOP("ValueLabels", "personnel")},
        {"containers", QT_TRANSLATE_NOOP("ValueLabels", "containers")},
        {"casualties", QT_TRANSLATE_NOOP("ValueLabels", "casualties")},
        {"deaths", QT_TRANSLATE_NOOP("ValueLabels", "deaths")},
        {"workers", QT_TRANSLATE_NOOP("ValueLabels", "workers")},
        {"deminers", QT_TRANSLATE_NOOP("ValueLabels", "deminers")},
        {"builders", QT_TRANSLATE_NOOP("ValueLabels", "builders")},
        {"missiles", QT_TRANSLATE_NOOP("ValueLabels", "missiles")},
        {"shells", QT_TRANSLATE_NOOP("ValueLabels", "shells")},
        {"systems", QT_TRANSLATE_NOOP("ValueLabels", "systems")},
    };
    for (const auto &w : words)
        if (unit == QLatin1String(w[0])) return QCoreApplication::translate("ValueLabels", w[1]);
    return unit;
}

QString ValueLabels::relation(const QString &relation)
{
    if (relation == u"follows-up") return QCoreApplication::translate("ValueLabels", "follows up");
    if (relation == u"ratifies") return QCoreApplication::translate("ValueLabels", "ratifies");
    if (relation == u"enters-into-force-of") return QCoreApplication::translate("ValueLabels", "entry into force of");
    if (relation == u"reports-on") return QCoreApplication::translate("ValueLabels", "reports on");
    if (relation == u"disputes") return QCoreApplication::translate("ValueLabels", "disputes");
    return relation;
}

QString ValueLabels::inverseRelation(const QString &relation)
{
    if (relation == u"follows-up") return QCoreApplication::translate("ValueLabels", "followed up by");
    if (relation == u"ratifies") return QCoreApplication::translate("ValueLabels", "ratified by");
    if (relation == u"enters-into-force-of") return QCoreApplication::translate("ValueLabels", "brought into force by");
    if (relation == u"reports-on") return QCoreApplication::translate("ValueLabels", "reported on by");
    if (relation == u"disputes") return QCoreApplication::translate("ValueLabels", "disputed by");
    //: A relation the app has no wording for, seen from the record it names: "<relation> (from)"
    return QCoreApplication::translate("ValueLabels", "%1 (from)").arg(relation);
}

} // namespace chronomap
