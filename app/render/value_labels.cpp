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

namespace {

/// Each related-record relation as the record stating it reads, and as the record it names reads.
struct RelationWords {
    const char *id, *forward, *inverse;
};
constexpr RelationWords kRelations[] = {
    {"follows-up", QT_TRANSLATE_NOOP("ValueLabels", "follows up"), QT_TRANSLATE_NOOP("ValueLabels", "followed up by")},
    {"ratifies", QT_TRANSLATE_NOOP("ValueLabels", "ratifies"), QT_TRANSLATE_NOOP("ValueLabels", "ratified by")},
    {"enters-into-force-of", QT_TRANSLATE_NOOP("ValueLabels", "entry into force of"),
     QT_TRANSLATE_NOOP("ValueLabels", "brought into force by")},
    {"reports-on", QT_TRANSLATE_NOOP("ValueLabels", "reports on"), QT_TRANSLATE_NOOP("ValueLabels", "reported on by")},
    {"disputes", QT_TRANSLATE_NOOP("ValueLabels", "disputes"), QT_TRANSLATE_NOOP("ValueLabels", "disputed by")},
};

const RelationWords *relationWords(const QString &relation)
{
    for (const RelationWords &words : kRelations)
        if (relation == QLatin1String(words.id)) return &words;
    return nullptr;
}

} // namespace

QString ValueLabels::relation(const QString &relation)
{
    const RelationWords *words = relationWords(relation);
    return words ? QCoreApplication::translate("ValueLabels", words->forward) : relation;
}

QString ValueLabels::inverseRelation(const QString &relation)
{
    if (const RelationWords *words = relationWords(relation))
        return QCoreApplication::translate("ValueLabels", words->inverse);
    //: A relation the app has no wording for, seen from the record it names: "<relation> (from)"
    return QCoreApplication::translate("ValueLabels", "%1 (from)").arg(relation);
}

} // namespace chronomap
