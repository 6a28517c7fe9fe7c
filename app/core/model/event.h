// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/time/time_span.h"

#include <QGeoCoordinate>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace chronomap {

/// How well the sources support a record.
enum class Confidence : quint8 { Unknown, Confirmed, Reported, Claimed, Disputed };
QString toString(Confidence confidence);
Confidence confidenceFromString(QStringView text);
/// For QSet<Confidence>.
inline size_t qHash(Confidence confidence, size_t seed = 0) noexcept
{
    return ::qHash(quint8(confidence), seed);
}

/// What a record's geometry stands for.
enum class GeometryKind : quint8 {
    None,  ///< no location; placed through its `regions` only
    Point, ///< one place
    Line,  ///< a contact between places, drawn as great-circle arcs between the vertices
};

/// What a record's geometry stands for: the schema's `location_precision`.
enum class LocationPrecision : quint8 {
    Unstated, ///< the data does not say; drawn as a place
    Exact,    ///< `exact`: a precise spot
    Place,    ///< `place`: a named town or city (or a capital standing for its country)
    Region,   ///< `region`: only the record's regions; the map fills them instead of a pin
};
/// `exact`, `place`, `region`; empty for Unstated.
QString toString(LocationPrecision precision);
/// Case-insensitive; nullopt for anything but `exact`, `place`, `region`.
std::optional<LocationPrecision> locationPrecisionFromString(QStringView text);

/// Who reported a record.
struct Source {
    QString name;
    QString url; ///< as written in the data; opened only on an explicit click, only http(s)
    QString published;
    QString language; ///< ISO 639-1 code
    friend bool operator==(const Source &, const Source &) = default;
};

/// A figure as one source states it. Disputed figures stay side by side, one Claim each.
/// JSON keys: see model/record_json.h.
struct Claim {
    QString quantity;            ///< what is counted, e.g. "troops deployed" (English, the fallback)
    std::optional<double> value; ///< absent when the source gives no number ("thousands")
    QString unit;                ///< a ClaimUnits id (`soldiers`, `containers`…) or free text
    QString source;              ///< free-text source name, for data that names no `sources` entry
    QString asOf;
    QString note;
    QString quantityEs;   ///< `quantity_es`
    QString noteEs;       ///< `note_es`
    int sourceIndex = -1; ///< index into the record's `sources` (`"source": 0`); -1 when free text

    QString quantityIn(const QString &lang) const;
    QString noteIn(const QString &lang) const;
    /// The name of the source: the indexed entry's, else the free text.
    QString sourceName(const QList<Source> &sources) const;
    friend bool operator==(const Claim &, const Claim &) = default;
};

/// A link from one record to another: `{"id": "…", "relation": "ratifies"}`.
struct Related {
    QString id;
    QString relation; ///< follows-up, ratifies, enters-into-force-of, reports-on, disputes…
    friend bool operator==(const Related &, const Related &) = default;
};

/// Text in several languages; the empty key holds the default (`title`), "es" holds `title_es`.
using LocalizedText = QMap<QString, QString>;

/// Picks `lang` with fallback to the default text.
QString localized(const LocalizedText &text, const QString &lang);

/// One curated event record, as a plain value. See DESIGN.md for the schema.
struct Event {
    QString id;
    LocalizedText title;
    LocalizedText summary;
    TimeSpan when;
    QString category;
    QStringList actors; ///< ids of an ActorVocabulary where the data has one, else names
    QStringList places;
    QStringList regions; ///< ISO 3166-2 codes
    QList<Claim> claims;
    QList<Source> sources;
    QList<Related> related;
    QString provenance;
    Confidence confidence = Confidence::Unknown;
    GeometryKind geometryKind = GeometryKind::None;
    LocationPrecision locationPrecision = LocationPrecision::Unstated;
    QList<QGeoCoordinate> geometry; ///< WGS 84; one vertex for a point, two or more for a line

    QString titleIn(const QString &lang) const { return localized(title, lang); }
    QString summaryIn(const QString &lang) const { return localized(summary, lang); }
    /// The point that stands for the record on a map: the point, or a line's first vertex.
    QGeoCoordinate anchor() const { return geometry.isEmpty() ? QGeoCoordinate() : geometry.first(); }

    friend bool operator==(const Event &, const Event &) = default;
};

} // namespace chronomap
