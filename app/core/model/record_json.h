// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/event.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>

namespace chronomap {

/// The one place that knows the JSON members of a record's claims, sources and related links,
/// for the loader (GDAL hands nested properties over as JSON text), the event store (which keeps
/// them as compact JSON in its text arena) and the event writer. The schema is documented in
/// geodata/events/README.md.
namespace RecordJson {

inline constexpr char kName[] = "name";
inline constexpr char kUrl[] = "url";

/// A claim from its JSON object. `"source"` is an index into the record's `sources` when it is a
/// number, else a free-text name. `*valueIsBad` (when given) is set when `value` is present but
/// neither a number nor null.
Claim claimFromJson(const QJsonObject &o, bool *valueIsBad = nullptr);
Source sourceFromJson(const QJsonObject &o);
Related relatedFromJson(const QJsonObject &o);
/// A source given as plain text (an item of a `;`-separated cell): its address when it starts
/// with http:// or https://, else its name.
Source sourceFromText(const QString &item);

/// Full objects, every member present (empty text as ""), for files users read.
QJsonObject toJson(const Claim &c);
QJsonObject toJson(const Source &s);
QJsonObject toJson(const Related &r);
QJsonArray toJsonArray(const QList<Claim> &claims);
QJsonArray toJsonArray(const QList<Source> &sources);
QJsonArray toJsonArray(const QList<Related> &related);
/// The arrays above as compact JSON text, as files carry them in one column.
QByteArray toJsonText(const QList<Claim> &claims);
QByteArray toJsonText(const QList<Source> &sources);
QByteArray toJsonText(const QList<Related> &related);

/// Compact objects appended to `out`: empty text and absent numbers left out (the readers above
/// take a missing member as empty). Several times faster than building a QJsonObject, which
/// counts when a million records each carry a source.
void appendCompact(QByteArray &out, const Claim &c);
void appendCompact(QByteArray &out, const Source &s);
void appendCompact(QByteArray &out, const Related &r);
/// appendCompact(out, sourceFromText(item)) for an item given as UTF-8, without the QStrings.
void appendCompactSourceText(QByteArray &out, QByteArrayView utf8Item);
/// Readers of one compact object (UTF-8 JSON text).
Claim claimFromCompact(QByteArrayView json);
Source sourceFromCompact(QByteArrayView json);
Related relatedFromCompact(QByteArrayView json);

/// A JSON string's raw bytes between its quotes, with its escapes undone.
QByteArray unescapedString(QByteArrayView raw);

/// Calls `visit(utf8)` with the name and the URL of a compact source object (appendCompact()),
/// scanning it in place: a text search over a million sources cannot afford to parse each.
template<typename Visitor> void forEachSourceText(QByteArrayView json, Visitor &&visit)
{
    qsizetype p = 1; // past '{'
    // The raw bytes of the string starting at json[p] == '"'; p ends past its closing quote.
    auto readString = [&](bool *escaped) {
        const qsizetype from = ++p;
        *escaped = false;
        while (p < json.size() && json[p] != '"') {
            if (json[p] == '\\') {
                *escaped = true;
                ++p;
            }
            ++p;
        }
        const QByteArrayView raw = json.sliced(from, std::min(p, json.size()) - from);
        ++p;
        return raw;
    };
    while (p < json.size() && json[p] == '"') {
        bool escaped = false;
        const QByteArrayView key = readString(&escaped);
        if (p >= json.size() || json[p] != ':') return;
        ++p;
        if (p < json.size() && json[p] == '"') {
            const QByteArrayView value = readString(&escaped);
            if (key == kName || key == kUrl) {
                if (!escaped)
                    visit(value);
                else
                    visit(QByteArrayView(unescapedString(value)));
            }
        } else {
            while (p < json.size() && json[p] != ',' && json[p] != '}')
                ++p;
        }
        if (p < json.size() && json[p] == ',') ++p;
    }
}

} // namespace RecordJson

} // namespace chronomap
