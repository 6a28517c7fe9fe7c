// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/field_mapping.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace chronomap {

namespace {

struct RoleNames {
    FieldRole role;
    const char *name;
    QStringList candidates; ///< lower-case column names, most specific first
};

const QList<RoleNames> &roleNames()
{
    static const QList<RoleNames> names = {
        {FieldRole::Id, "id", {"id", "event_id", "eventid", "uid", "identifier"}},
        {FieldRole::Title, "title", {"title", "headline", "name", "event", "label"}},
        {FieldRole::Summary, "summary", {"summary", "description", "notes", "note", "details", "desc"}},
        {FieldRole::Start,
         "start",
         {"start", "start_date", "date", "event_date", "begin", "timestamp", "when", "datetime", "date_start", "from"}},
        {FieldRole::End, "end", {"end", "end_date", "date_end", "until", "to"}},
        {FieldRole::DatePrecision, "date_precision", {"date_precision", "precision", "time_precision"}},
        {FieldRole::Category, "category", {"category", "event_type", "type", "kind", "class"}},
        {FieldRole::Longitude, "lon", {"lon", "longitude", "lng", "long", "x"}},
        {FieldRole::Latitude, "lat", {"lat", "latitude", "y"}},
        {FieldRole::Wkt, "wkt", {"wkt", "geometry", "geom", "the_geom", "wkt_geom"}},
        {FieldRole::Actors, "actors", {"actors", "actor", "actor1"}},
        {FieldRole::Places, "places", {"places", "place", "location"}},
        {FieldRole::Regions, "regions", {"regions", "region", "region_code", "iso_3166_2", "admin1_code"}},
        {FieldRole::Claims, "claims", {"claims"}},
        {FieldRole::Sources, "sources", {"sources", "source", "source_url"}},
        {FieldRole::Provenance, "provenance", {"provenance"}},
        {FieldRole::Confidence, "confidence", {"confidence", "certainty"}},
        {FieldRole::LocationPrecision, "location_precision", {"location_precision", "geo_precision"}},
        {FieldRole::Related, "related", {"related"}},
    };
    return names;
}

} // namespace

QString toString(FieldRole role)
{
    for (const auto &r : roleNames())
        if (r.role == role) return QString::fromLatin1(r.name);
    return {};
}

QList<FieldRole> allFieldRoles()
{
    QList<FieldRole> roles;
    for (const auto &r : roleNames())
        roles.append(r.role);
    return roles;
}

FieldMapping FieldMapping::detect(const QStringList &columns, const FieldMapping &explicitMapping)
{
    FieldMapping mapping;
    QMap<QString, QString> byLower; // lower-case name → name as written
    for (const auto &c : columns)
        byLower.insert(c.toLower(), c);

    for (const auto &r : roleNames()) {
        if (explicitMapping.has(r.role)) {
            mapping.setColumn(r.role, explicitMapping.column(r.role));
            continue;
        }
        for (const auto &candidate : r.candidates) {
            if (const auto it = byLower.constFind(candidate); it != byLower.constEnd()) {
                mapping.setColumn(r.role, *it);
                break;
            }
        }
    }
    for (const QString &figure : explicitMapping.figures())
        mapping.addFigure(figure);
    // One detected column must not play two roles ("to" as end and nothing else, "date" as start
    // only); an explicit mapping stays as the user gave it.
    if (!explicitMapping.has(FieldRole::End) && mapping.column(FieldRole::End) == mapping.column(FieldRole::Start))
        mapping.setColumn(FieldRole::End, {});

    static const QRegularExpression localizedName(QStringLiteral("^(title|summary)_([a-z]{2,3})$"),
                                                  QRegularExpression::CaseInsensitiveOption);
    for (const auto &c : columns) {
        const auto match = localizedName.match(c);
        if (!match.hasMatch()) continue;
        const QString lang = match.captured(2).toLower();
        (match.captured(1).toLower() == u"title" ? mapping.m_localizedTitles : mapping.m_localizedSummaries)
            .insert(lang, c);
    }
    return mapping;
}

bool FieldMapping::parse(const QString &text, FieldMapping *out, QString *error)
{
    for (const auto &pair : text.split(u',', Qt::SkipEmptyParts)) {
        const auto eq = pair.indexOf(u'=');
        const QString role = pair.left(eq).trimmed().toLower();
        const QString column = eq < 0 ? QString() : pair.mid(eq + 1).trimmed();
        bool known = false;
        if (role == u"figure" && !column.isEmpty()) {
            out->addFigure(column);
            known = true;
        }
        for (const auto &r : roleNames()) {
            if (role == QLatin1String(r.name)) {
                out->setColumn(r.role, column);
                known = true;
            }
        }
        if (!known || column.isEmpty()) {
            if (error)
                *error =
                    QCoreApplication::translate("FieldMapping", "'%1' is not ROLE=COLUMN with a known role").arg(pair);
            return false;
        }
    }
    return true;
}

} // namespace chronomap
