// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/io/batch_codec.h"
#include "core/io/event_loader.h"
#include "core/io/feature_batch.h"
#include "core/io/gdal_handles.h"
#include "core/io/geojson_scan.h"
#include "core/io/profile_transform.h"
#include "core/store/event_row.h"

#include <QJsonArray>

#include <ogr_api.h>
#include <ogr_srs_api.h>

#include <cmath>
#include <optional>
#include <vector>

namespace chronomap {

/// Reads one layer's records into Events, reporting problems as Issues: maps the layer's columns
/// to field roles once, then copies each feature out of GDAL (extract(), on the thread that owns
/// the dataset) and converts the copy (read(), on any one thread). Internal to the loader.
class LayerReader : private ProfileRecord {
public:
    /// The reader of a layer described by `schema` whose coordinates are in `srs` (null: WGS 84,
    /// or no geometry). Calls GDAL only for a coordinate system to convert from.
    LayerReader(const QString &file, const ipc::LayerSchema &schema, OGRSpatialReferenceH srs,
                const LoadOptions &options, IssueList &issues);
    /// The reader of GDAL's `layer`, from its schema and coordinate system.
    LayerReader(const QString &file, OGRLayerH layer, const LoadOptions &options, IssueList &issues);

    /// Copies what read() needs of one feature into `batch`. Runs on the thread that owns the
    /// dataset; touches nothing read() uses except the batch, so both may run at once.
    void extract(OGRFeatureH f, qint64 record, FeatureBatch &batch) const;
    /// One cell of extract(): OGR field `index` of `f`, of `type`, appended to `batch.cells`.
    static void appendCell(OGRFeatureH f, int index, OGRFieldType type, FeatureBatch &batch);
    /// What extract() appends for a feature of text fields and no geometry (a CSV row read by
    /// CsvRowReader): `values[i]` is field i's text for i < `count`; fields past them are unset.
    void extractText(const char *const *values, int count, qint64 record, FeatureBatch &batch) const;
    /// extract()'s geometry of a feature of the GeoJSON fast path (which fills the cells): points
    /// and lines straight from the parsed numbers, the same vertices and issues as through OGR.
    void extractGeometry(const geojson::Geometry &g, FeatureBatch &batch) const;

    bool usable() const { return !m_fatal; }
    bool hasStartColumn() const { return has(FieldRole::Start); }
    bool hasLocation() const { return m_hasLocation; }
    /// The known schema the layer's columns were recognised as, or null.
    const SchemaProfile *profile() const { return m_profile ? &m_profile->profile() : nullptr; }
    /// The type of each column extract() copies, in batch order.
    const std::vector<OGRFieldType> &columnTypes() const { return m_types; }
    /// The OGR field index of each column extract() copies: the only fields it reads.
    const std::vector<int> &fieldIndexes() const { return m_columns; }

    /// Converts one feature; returns nullopt (with an Issue) when the record cannot be used.
    std::optional<Event> read(const FeatureBatch &batch, qsizetype row);

    /// The fast lane of read() (layer_reader_row.cpp): fills `out` straight from the batch's raw
    /// cells for the common record (every cell ASCII, but for the title's and summary's, which
    /// may be any UTF-8 read() keeps byte for byte, and within the text limit; a point or no
    /// geometry; text actors, places, regions and sources; no claims column; a schema profile's
    /// titles, codes, regions and figures through ProfileTransform::applyRow(); nothing to
    /// report), so that
    /// EventStoreBuilder::addRow() stores what add(*read()) would. False, with nothing reported,
    /// when the record needs read().
    bool readRow(const FeatureBatch &batch, qsizetype row, EventRow &out);

    /// The raw bytes of record `row`'s id cell, as readRow() takes them; empty when unset. For
    /// looking ahead (IdSet::prefetch): reads nothing but the batch.
    QByteArrayView rawId(const FeatureBatch &batch, qsizetype row) const
    {
        const int index = m_index[int(FieldRole::Id)];
        if (index < 0) return {};
        const FeatureBatch::Cell &c = batch.cell(row, m_columnOf[size_t(index)]);
        return c.offset < 0 ? QByteArrayView() : batch.bytes(c);
    }

    /// Reports that the record just read repeats the id of an earlier one (it is skipped).
    void reportDuplicateId(const QString &id);

    void recordIssue(Issue::Severity severity, const QString &field, const QString &message);
    void fileIssue(Issue::Severity severity, const QString &message);

private:
    /// The loader's messages, under the context lupdate gives a member of this class. The
    /// members are split by subject: layer_reader_geometry.cpp (where a record is),
    /// layer_reader_fields.cpp (dates, claims, sources, related), layer_reader_row.cpp (fast lane).
    static QString tr(const char *text);

    QStringView profileCell(int fieldIndex, const QString &field, QString &buffer) override;
    void profileIssue(Issue::Severity severity, const QString &field, const QString &message) override;
    QByteArrayView profileBytes(int fieldIndex) override;

    bool has(FieldRole role) const { return m_index[int(role)] >= 0; }
    /// Whether readRow() may take this layer's records (no localized text, no figure columns, no
    /// KML fallback, only text, number and date columns).
    bool rowLaneFits() const;

    /// The raw bytes of the current record's cell for `role`; empty when absent.
    QByteArrayView raw(FieldRole role) const;
    /// list()'s items of `role` appended to `out.text` (upper case when `upper`); false when the
    /// cell is a JSON array, which needs list().
    bool rowList(FieldRole role, bool upper, EventRow &out, std::vector<EventRow::Span> &items);
    /// rowList() of an OFTStringList field (a GeoJSON array of strings) at field `index`.
    bool rowStringList(int index, bool upper, EventRow &out, std::vector<EventRow::Span> &items);
    /// readGeometry() for readRow(); false when the record needs it.
    bool rowGeometry(EventRow &out);
    /// readSources() for readRow(); false when the record needs it.
    bool rowSources(EventRow &out);

    /// The current record's cell of OGR field `index`; null when the field is absent, unset or null.
    const FeatureBatch::Cell *cell(int index) const;
    OGRFieldType fieldType(int index) const { return m_types[size_t(m_columnOf[size_t(index)])]; }

    QString text(FieldRole role);
    QString text(int index, const QString &field);

    /// What text() returns, as a view of `buffer`, which keeps its capacity from record to record:
    /// a short ASCII cell (most cells) is widened into it without an allocation and has nothing to
    /// report; anything else goes through text(), with its issues. Valid until `buffer` changes.
    QStringView textView(int index, const QString &field, QString &buffer);
    QStringView textView(FieldRole role, QString &buffer);

    /// A list field: a GDAL string list, a JSON array, or text separated by ';' or '|'.
    QStringList list(FieldRole role);

    std::optional<FuzzyDate> date(FieldRole role, bool *present);

    bool readWhen(Event &e);

    /// A plain decimal such as `-12.34567` parsed straight from GDAL's bytes; nullopt for
    /// anything else (signs, exponents, spaces, text), which takes the general path through
    /// text() and QString::toDouble. Both round correctly, so the value is the same; this skips
    /// two string conversions for each coordinate cell of a CSV file.
    std::optional<double> plainDecimal(const char *raw) const;

    /// Takes the location from the feature geometry (as extract() took it), else lon/lat columns,
    /// else a WKT column.
    bool readGeometry(Event &e);

    /// Where takeGeometry() puts what it finds; it may run on the reading thread.
    struct GeometrySink {
        GeometryKind kind;
        bool regionPrecision;
        std::vector<double> &lonLat;
        std::vector<PendingIssue> &issues;
    };

    /// Vertices (WGS 84) of a point, line or area's centre into `out`; false, with the reason in
    /// `out.issues`, when the record must be skipped. Touches only `g`, never a dataset.
    bool takeGeometry(OGRGeometryH g, const QString &field, GeometrySink &out) const;
    /// takeGeometry()'s `n` vertices of one point or line, `lonLatAt(i)` giving vertex i.
    template<typename LonLatAt>
    bool takeVertices(qint64 n, LonLatAt lonLatAt, const QString &field, GeometrySink &out) const;
    /// The warning for a multi-point or multi-line (`out.kind`) of several `parts`.
    void warnOfParts(qint64 parts, const QString &field, GeometrySink &out) const;
    /// extract()'s geometry of a GDAL feature (null: none).
    void extractGeometry(OGRGeometryH g, FeatureBatch &batch) const;
    static QString notWgs84(double lon, double lat);
    static bool validCoordinate(double lon, double lat)
    {
        return std::isfinite(lon) && std::isfinite(lat) && std::abs(lon) <= 180.0 && std::abs(lat) <= 90.0;
    }
    QString tooManyVertices(qint64 vertices) const;

    QJsonArray jsonArray(FieldRole role, bool *isJson);
    void readClaims(Event &e);
    void readSources(Event &e);
    /// The mapping's figure columns as claims named after their column (after readSources():
    /// a figure is attributed to the record's first source).
    void readFigures(Event &e);
    /// Warns of claims whose `source` index lies past the record's sources.
    void checkClaimSources(Event &e);
    void readRelated(Event &e);

    QString m_file;
    const LoadOptions &m_options;
    IssueList &m_issues;
    FieldMapping m_mapping;
    std::unique_ptr<ProfileTransform> m_profile; ///< for a recognised schema (ACLED, UCDP GED)
    DateForm m_dateForm = DateForm::Iso;
    int m_index[kFieldRoleCount];
    int m_startFallback = -1; ///< KML's `timestamp` when the start column is `begin`
    QList<std::pair<QString, int>> m_titleColumns, m_summaryColumns;
    QList<std::pair<QString, int>> m_figureColumns; ///< column name, OGR field index
    TransformPtr m_toWgs84;
    bool m_hasGeometryColumn = false;
    bool m_hasLocation = false;
    bool m_fatal = false;
    std::vector<int> m_columns;        ///< OGR field index of each column extract() copies
    std::vector<OGRFieldType> m_types; ///< per column
    std::vector<int> m_columnOf;       ///< per OGR field index: column, or -1
    QString m_geometryField;
    QString m_columnName[kFieldRoleCount];      ///< m_mapping.column(role), looked up once
    QString m_startField;                       ///< the start column's name in issues
    QStringList m_titleFields, m_summaryFields; ///< `title_xx` per entry of m_titleColumns…
    // Reused text of transient fields: ASCII cells are widened into these without allocating.
    QString m_dateBuffer, m_precisionBuffer, m_listBuffer, m_jsonBuffer, m_claimsBuffer;
    bool m_rowLane = false; ///< rowLaneFits(), decided once
    /// Per column: readRow() copies it as it is, so it may hold UTF-8 (the title and summary).
    std::vector<bool> m_rowUtf8Column;
    /// While set (readRow()), recordIssue() reports nothing and only notes that it would have.
    bool m_dryRun = false, m_wouldReport = false;
    Event m_rowEvent;                             ///< readRow()'s scratch for readWhen(): only its `when` is set
    QString m_numberBuffer;                       ///< readRow()'s text of a source that might be a number
    std::vector<EventRow::Span> m_rowSourceItems; ///< readRow()'s source items as written, reused
    QByteArray m_rowSourceText;                   ///< readRow()'s copy of the source item it converts
    // The record read() converts; only the converting thread touches these.
    const FeatureBatch *m_batch = nullptr;
    qsizetype m_row = 0;
    qint64 m_record = -1;
    QString m_recordId;
};

// Called for every cell of every record on the converting thread: inline, not a call each.
inline const FeatureBatch::Cell *LayerReader::cell(int index) const
{
    if (index < 0) return nullptr;
    const FeatureBatch::Cell &c = m_batch->cell(m_row, m_columnOf[size_t(index)]);
    return c.offset < 0 ? nullptr : &c;
}

inline QByteArrayView LayerReader::raw(FieldRole role) const
{
    const FeatureBatch::Cell *c = cell(m_index[int(role)]);
    return c ? m_batch->bytes(*c) : QByteArrayView();
}

} // namespace chronomap
