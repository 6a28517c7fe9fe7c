// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/byte_append.h"
#include "core/model/event.h"

#include <QByteArray>
#include <QByteArrayView>

#include <cmath>
#include <optional>
#include <vector>

namespace chronomap {

/// One record as EventStoreBuilder::addRow() stores it: the fields an Event of one point (or no
/// geometry) with a default-language title, claims and sources carries, as UTF-8 text (ASCII but
/// for the title and summary) in one reused buffer. The loader fills it straight from a batch's raw cells,
/// so that the common record costs no QString, QMap or QList (EventStoreBuilder::add() takes the full Event).
///
/// Memory is reused: clear() keeps the capacity.
struct EventRow {
    /// A run of `text`.
    struct Span {
        qsizetype offset = 0, size = 0;
    };

    QByteArray text; ///< UTF-8 bytes of every field below (ASCII but for title and summary)
    Span id, title;  ///< never empty
    Span summary;    ///< the default-language summary; empty: none
    Span category;   ///< as the store keeps it: trimmed, lower case
    Span provenance; ///< trimmed; empty: none
    std::vector<Span> actors, places;
    std::vector<Span> regions; ///< trimmed, upper case
    std::vector<Span> claims;  ///< compact JSON objects (RecordJson::appendCompact)
    std::vector<Span> sources; ///< compact JSON objects (RecordJson::appendCompactSourceText)
    TimeSpan when;
    Confidence confidence = Confidence::Unknown;
    GeometryKind geometryKind = GeometryKind::None; ///< None or Point
    LocationPrecision locationPrecision = LocationPrecision::Unstated;
    double lonDeg = std::nan(""), latDeg = std::nan(""); ///< WGS 84 degrees; NaN without geometry
    /// qHash() of the id when the producer has it already (BatchConverter hashes each id once,
    /// for its id set and for the store's id index); else addRow() hashes it.
    std::optional<size_t> idQHash;

    QByteArrayView view(Span s) const { return QByteArrayView(text).sliced(s.offset, s.size); }
    Span append(QByteArrayView bytes)
    {
        const Span s{text.size(), bytes.size()};
        appendBytes(text, bytes);
        return s;
    }

    void clear()
    {
        text.resize(0); // keeps its capacity
        id = title = summary = category = provenance = {};
        actors.clear();
        places.clear();
        regions.clear();
        claims.clear();
        sources.clear();
        when = {};
        confidence = Confidence::Unknown;
        geometryKind = GeometryKind::None;
        locationPrecision = LocationPrecision::Unstated;
        lonDeg = latDeg = std::nan("");
        idQHash.reset();
    }
};

} // namespace chronomap
