// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/store/event_store.h"

#include <QByteArrayView>
#include <QGeoCoordinate>
#include <QHash>
#include <QList>
#include <QStringList>

#include <array>
#include <functional>
#include <utility>
#include <vector>

class OGRLayer;

namespace chronomap {

/// Chronomap's columns in an OGR layer, and its events as the layer's features: the one
/// definition of the event schema written out, shared by the file export (EventWriter) and the
/// PostGIS import (PostgisImport). Columns start `id,start,end,date_precision,category,title,
/// regions`, then the titles and summaries per language, actors, places, lon/lat, confidence,
/// provenance, sources, claims, related links and the location precision
/// (geodata/events/README.md, "Exported files").
class EventLayerWriter {
public:
    enum class Style : quint8 {
        /// Flat text: lists `;`-joined (JSON arrays when an item holds a separator), sources,
        /// claims and related links as JSON text, the geometry as exact WKT in a last `wkt` column.
        Flat,
        /// Lists as string lists, JSON as JSON-typed fields, the geometry as the feature's
        /// (WGS 84 longitude/latitude): GeoJSON, and PostGIS (text[], json, geometry).
        Nested,
    };

    /// Takes one event's values, in the order of the columns (createFields, sqlColumns), then its
    /// geometry (a last `wkt` text in the Flat style).
    class RowSink {
    public:
        virtual ~RowSink() = default;
        virtual void text(const QString &value) = 0;
        virtual void json(const QByteArray &utf8) = 0;
        virtual void list(const QStringList &items) = 0;
        /// text() of a stored value's UTF-8 bytes: a sink that writes bytes takes them as they are.
        virtual void textUtf8(QByteArrayView utf8) { text(QString::fromUtf8(utf8)); }
        /// list() of stored values' UTF-8 bytes.
        virtual void listUtf8(const EventStore::RawValues &items);
        virtual void number(double value) = 0;
        /// A column without a value (lon/lat of a place-less event).
        virtual void null() = 0;
        /// The Nested style's geometry: a point (one coordinate), a line, or none (empty).
        virtual void geometry(GeometryKind kind, const QList<QGeoCoordinate> &lonLat) = 0;
    };

    EventLayerWriter(const EventStore &store, const EventStore::IndexList &events, Style style);

    /// One more list column after Chronomap's, each event's items given by `items` (the PostGIS
    /// import's `located_in`). Call before createFields.
    void addListColumn(const QByteArray &name, std::function<QStringList(EventStore::Index)> items);

    /// Creates the columns in `layer`. False with `error` set when the driver refuses one.
    bool createFields(OGRLayer *layer, QString *error) const;
    /// The Nested style's columns as PostgreSQL column definitions (`"name" type`), in order and
    /// typed as GDAL's PostgreSQL driver makes them (PRECISION=NO): character varying, character
    /// varying[], json, double precision. The geometry is not among them.
    QByteArrayList sqlColumns() const;
    /// Gives `sink` the values of the event at `position` of the events given.
    void writeRow(qsizetype position, RowSink &sink) const;

    /// Writes every event as a feature of `layer`, in order. `progress` (may be empty) gets the
    /// features written every 4096; returning false stops the writing (`error` says so).
    bool writeFeatures(OGRLayer *layer, QString *error, const std::function<bool(qint64 written)> &progress = {}) const;

private:
    struct Column {
        QByteArray name;
        int type;        ///< OGRFieldType
        int subType = 0; ///< OGRFieldSubType
    };
    QList<Column> columns() const;

    const EventStore &m_store;
    const EventStore::IndexList &m_events;
    Style m_style;
    QStringList m_titleLanguages, m_summaryLanguages;
    QByteArrayList m_categoryUtf8; ///< the store's categories, as UTF-8
    std::vector<std::pair<QByteArray, std::function<QStringList(EventStore::Index)>>> m_extraLists;
    /// Each stored claim, source and related link (compact JSON) as writeRow's JSON array item, made
    /// once per distinct value: decoding and re-encoding them per row was a tenth of an import.
    enum class JsonKind : quint8 { Claim, Source, Related };
    QByteArray jsonArray(JsonKind kind, const EventStore::RawValues &items) const;
    mutable std::array<QHash<QByteArray, QByteArray>, 3> m_jsonItems;
};

} // namespace chronomap
