// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMap>
#include <QString>
#include <QStringList>

namespace chronomap {

/// The roles a column can play in an event record.
enum class FieldRole : quint8 {
    Id,
    Title,
    Summary,
    Start,
    End,
    DatePrecision,
    Category,
    Longitude,
    Latitude,
    Wkt,
    Actors,
    Places,
    Regions,
    Claims,
    Sources,
    Provenance,
    Confidence,
    LocationPrecision,
    Related, // the last: kFieldRoleCount follows it
};
/// How many roles there are: the size of arrays indexed by role.
inline constexpr int kFieldRoleCount = int(FieldRole::Related) + 1;
QString toString(FieldRole role);
/// All roles, in declaration order.
QList<FieldRole> allFieldRoles();

/// Which column of a file holds which part of an event record.
///
/// `detect()` recognises the common names (`date`, `event_date`, `lat`, `longitude`, `event_type`,
/// `notes`, `source`…) case-insensitively; an explicit mapping (for example from the command
/// line, `start=Fecha`) wins over detection. Localized columns `title_xx` / `summary_xx` are
/// found by their suffix.
class FieldMapping {
public:
    /// Column for `role`, or empty when the file has none.
    QString column(FieldRole role) const { return m_columns.value(role); }
    void setColumn(FieldRole role, const QString &column) { m_columns.insert(role, column); }
    bool has(FieldRole role) const { return !m_columns.value(role).isEmpty(); }

    /// Language code → column, for titles and summaries in other languages (`title_es` → "es").
    const QMap<QString, QString> &localizedTitles() const { return m_localizedTitles; }
    const QMap<QString, QString> &localizedSummaries() const { return m_localizedSummaries; }

    /// Columns holding a number each record claims, named after the column (`figure=Muertos`): a
    /// claim of that quantity, attributed to the record's first source. Any number of them.
    const QStringList &figures() const { return m_figures; }
    void addFigure(const QString &column)
    {
        if (!m_figures.contains(column)) m_figures.append(column);
    }

    /// Detects the mapping for a file with these column names; `explicitMapping` wins.
    static FieldMapping detect(const QStringList &columns, const FieldMapping &explicitMapping = {});

    /// Parses `role=column` pairs separated by commas, e.g. `start=Fecha,title=Titular,figure=Muertos`
    /// (`figure` may repeat). Returns false and sets `error` for an unknown role.
    static bool parse(const QString &text, FieldMapping *out, QString *error);

    bool operator==(const FieldMapping &) const = default;

private:
    QMap<FieldRole, QString> m_columns;
    QMap<QString, QString> m_localizedTitles;
    QMap<QString, QString> m_localizedSummaries;
    QStringList m_figures;
};

} // namespace chronomap
