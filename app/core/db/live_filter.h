// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/io/sql_dates.h"
#include "core/model/event.h"
#include "core/time/time_span.h"

#include <QByteArrayList>
#include <QRectF>
#include <QSet>
#include <QString>
#include <QStringList>

#include <optional>

namespace chronomap {

/// The parameters ($1, $2…) of one SQL statement, as libpq's text values.
class SqlParams {
public:
    /// Adds a value; returns its placeholder (`$3`).
    QString add(const QByteArray &value);
    QString add(const QString &value) { return add(value.toUtf8()); }
    QString add(double value);
    const QByteArrayList &values() const { return m_values; }

private:
    QByteArrayList m_values;
};

/// What the view asks of a live table: the view's settings that go to SQL. The same rules as
/// the in-memory filters: the time window by TimeSpan::matches, categories the user hid,
/// EventFilter's search (every word, case-insensitive), the map's extent.
struct LiveFilter {
    std::optional<TimeWindow> window; ///< nullopt = all time
    WindowMatch match = WindowMatch::Possibly;
    QSet<QString> hiddenCategories; ///< "" = records without a category
    /// Confidence::Unknown = records that give none, or none of the four (confidenceFromString).
    QSet<Confidence> hiddenConfidences;
    QSet<QString> hiddenProvenances; ///< "" = records without a provenance
    QString searchText;
    /// The map's extent in Web Mercator metres (x east, y north; normalized so top() is the
    /// south edge); nullopt = everywhere.
    std::optional<QRectF> mercatorBoxM;

    /// The SQL condition on the table's rows (columns unqualified), its values added to
    /// `params`. `searchableText` is the SQL of the text a search looks in (LiveTable's).
    QString where(SqlParams &params, const QString &searchableText) const;
    /// The same condition on a row of a table's region members (RegionTable: start_at, end_at,
    /// category), values added to `params`; nullopt when the filter asks what those rows do not
    /// carry (a search, a hidden confidence or provenance, "certainly in the window", a map box).
    std::optional<QString> memberWhere(SqlParams &params) const;
    /// Whether a confidence or a provenance is hidden: what the bin pyramid, kept per
    /// category only, cannot answer.
    bool hidesConfidenceOrProvenance() const { return !hiddenConfidences.isEmpty() || !hiddenProvenances.isEmpty(); }
    /// The SQL of a row's provenance as the loader reads it (trimmed; "" for none).
    static QString provenanceSql();

    bool operator==(const LiveFilter &) const = default;

private:
    /// The window's and the hidden categories' conditions, a row's earliest start and the first
    /// instant after its latest end given as SQL (the certain match reads the text dates).
    void addWindowAndCategories(QStringList &conditions, SqlParams &params, const QString &earliestStart,
                                const QString &latestEndExclusive) const;
};

} // namespace chronomap
