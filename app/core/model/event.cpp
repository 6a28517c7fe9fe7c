// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/model/event.h"

namespace chronomap {

QString toString(Confidence confidence)
{
    switch (confidence) {
    case Confidence::Unknown:
        return {};
    case Confidence::Confirmed:
        return QStringLiteral("confirmed");
    case Confidence::Reported:
        return QStringLiteral("reported");
    case Confidence::Claimed:
        return QStringLiteral("claimed");
    case Confidence::Disputed:
        return QStringLiteral("disputed");
    }
    return {};
}

Confidence confidenceFromString(QStringView text)
{
    const QString lower = text.trimmed().toString().toLower();
    if (lower == u"confirmed") return Confidence::Confirmed;
    if (lower == u"reported") return Confidence::Reported;
    if (lower == u"claimed") return Confidence::Claimed;
    if (lower == u"disputed") return Confidence::Disputed;
    return Confidence::Unknown;
}

QString toString(LocationPrecision precision)
{
    switch (precision) {
    case LocationPrecision::Unstated:
        return {};
    case LocationPrecision::Exact:
        return QStringLiteral("exact");
    case LocationPrecision::Place:
        return QStringLiteral("place");
    case LocationPrecision::Region:
        return QStringLiteral("region");
    }
    return {};
}

std::optional<LocationPrecision> locationPrecisionFromString(QStringView text)
{
    const QStringView trimmed = text.trimmed();
    for (const LocationPrecision p : {LocationPrecision::Exact, LocationPrecision::Place, LocationPrecision::Region})
        if (trimmed.compare(toString(p), Qt::CaseInsensitive) == 0) return p;
    return std::nullopt;
}

QString localized(const LocalizedText &text, const QString &lang)
{
    if (!lang.isEmpty()) {
        const auto it = text.constFind(lang);
        if (it != text.constEnd() && !it->isEmpty()) return *it;
    }
    return text.value(QString());
}

QString Claim::quantityIn(const QString &lang) const
{
    return lang == u"es" && !quantityEs.isEmpty() ? quantityEs : quantity;
}

QString Claim::noteIn(const QString &lang) const
{
    return lang == u"es" && !noteEs.isEmpty() ? noteEs : note;
}

QString Claim::sourceName(const QList<Source> &sources) const
{
    if (sourceIndex >= 0 && sourceIndex < sources.size()) return sources[sourceIndex].name;
    return source;
}

} // namespace chronomap
