// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/io/field_mapping.h"
#include "core/model/event.h"
#include "core/time/date_forms.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace chronomap {

/// What a schema profile does with one column of a known export.
enum class ColumnUse : quint8 {
    Role,              ///< plays `role` as in any file (id, start, lon…)
    DatePrecisionCode, ///< a code of the profile's date scale (`dateCodes`)
    PlaceCode,         ///< a code of the profile's location scale (`placeCodes`)
    TitlePart,         ///< joined with the other parts, in order, into the title
    Actor,             ///< one actor, or several separated by ';'
    RegionName,        ///< an admin-1 name, looked up among the base map's regions
    Figure,            ///< a number: a claim of `quantity` by the profile's source
    SourceHeadline,    ///< headlines, ';'-separated, paired with the sources in order
    CategoryCode,      ///< a code of the profile's categories (`categoryCodes`)
};

struct ProfileColumn {
    QString column; ///< lower case; files may write it in any case
    ColumnUse use;
    FieldRole role = FieldRole::Id; ///< for ColumnUse::Role
    QString quantity = {};          ///< for ColumnUse::Figure
};

/// One code of a date precision scale: the date names a day, a month or a year, or a day give
/// or take `aroundDays` (ACLED's "the week around the date").
struct DateCode {
    int code;
    DatePrecision precision;
    int aroundDays = 0;
};

/// One code of a location precision scale.
struct PlaceCode {
    int code;
    LocationPrecision precision;
};

/// A spelling of an admin-1 region some exports use that the base map does not (ACLED's
/// "Odesa", "Zaporizhia", "Kyiv City").
struct RegionAlias {
    QString name;   ///< lower case
    QString target; ///< the ISO 3166-2 code, or a name the base map uses (in any of its languages)
};

/// A known export schema (ACLED, UCDP GED…), recognised by its header alone. Profiles are data:
/// the table in schema_profiles.cpp; ProfileTransform applies one to each record.
struct SchemaProfile {
    QString name;          ///< "ACLED", "UCDP GED"
    QStringList signature; ///< lower-case columns that must all be present to recognise the schema
    QList<ProfileColumn> columns;
    DateForm dateForm = DateForm::Iso; ///< how all-number dates are ordered
    QList<DateCode> dateCodes;
    QList<PlaceCode> placeCodes;
    QList<std::pair<int, QString>> categoryCodes;
    QList<RegionAlias> regionAliases;
    QString figureSource; ///< the source named by the claims made from figures

    /// The profile whose signature `columns` (a file's header, any case) holds, or null.
    static const SchemaProfile *recognise(const QStringList &columns);
    /// Every known profile, in the order they are tried.
    static const QList<SchemaProfile> &all();

    /// The roles of this profile's columns, as written in `columns`; `explicitMapping` wins.
    FieldMapping mapping(const QStringList &header, const FieldMapping &explicitMapping) const;
};

} // namespace chronomap
