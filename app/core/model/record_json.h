// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/event.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>

namespace chronomap {

/// The one place that knows the JSON members of a record's claims, sources and related links,
/// for the loader (GDAL hands nested properties over as JSON text), the event store (which keeps
/// them as compact JSON in its text arena) and the event writer. The schema is documented in
/// geodata/events/README.md.
namespace RecordJson {

// Member names, shared with code that scans the compact form without parsing it.
inline constexpr char kName[] = "name";
inline constexpr char kUrl[] = "url";

/// A claim from its JSON object. `"source"` is an index into the record's `sources` when it is a
/// number, else a free-text name. `*valueIsBad` (when given) is set when `value` is present but
/// neither a number nor null.
Claim claimFromJson(const QJsonObject &o, bool *valueIsBad = nullptr);
Source sourceFromJson(const QJsonObject &o);
Related relatedFromJson(const QJsonObject &o);

/// Full objects, every member present (empty text as ""), for files users read.
QJsonObject toJson(const Claim &c);
QJsonObject toJson(const Source &s);
QJsonObject toJson(const Related &r);
QJsonArray toJsonArray(const QList<Claim> &claims);
QJsonArray toJsonArray(const QList<Source> &sources);
QJsonArray toJsonArray(const QList<Related> &related);

/// Compact objects appended to `out`: empty text and absent numbers left out (the readers above
/// take a missing member as empty). Several times faster than building a QJsonObject, which
/// counts when a million records each carry a source.
void appendCompact(QByteArray &out, const Claim &c);
void appendCompact(QByteArray &out, const Source &s);
void appendCompact(QByteArray &out, const Related &r);

} // namespace RecordJson

} // namespace chronomap
