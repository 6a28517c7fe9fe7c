// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/actor_vocabulary.h"
#include "core/model/event.h"

#include <QByteArray>
#include <QHash>
#include <QPointF>
#include <QRectF>
#include <QStringList>
#include <QVarLengthArray>

#include <memory>
#include <utility>
#include <vector>

namespace chronomap {

class EventStoreBuilder;
struct EventRow;

/// All events of a dataset, immutable once built and shared between threads as
/// `std::shared_ptr<const EventStore>`.
///
/// Events are kept column by column (times, anchor coordinates, category, flags) with their
/// text in one UTF-8 arena, so a million events cost about a hundred bytes each. Indices run in
/// the order of each event's earliest possible start, so index order is time order.
class EventStore {
public:
    using Index = qint32;
    using IndexList = std::vector<Index>;

    qsizetype size() const { return qsizetype(m_startMs.size()); }
    bool isEmpty() const { return m_startMs.empty(); }

    /// The whole record, decoded from the columns and the text arena.
    Event event(Index i) const;
    QString id(Index i) const;
    QString title(Index i, const QString &lang = {}) const;
    TimeSpan when(Index i) const;
    /// Longitude/latitude of the point standing for the event (WGS 84 degrees); NaN when the
    /// event has no geometry.
    double lonDeg(Index i) const { return m_lonDeg[size_t(i)]; }
    double latDeg(Index i) const { return m_latDeg[size_t(i)]; }
    GeometryKind geometryKind(Index i) const;
    LocationPrecision locationPrecision(Index i) const;
    Confidence confidence(Index i) const { return Confidence(m_confidence[size_t(i)]); }
    quint16 categoryIndex(Index i) const { return m_category[size_t(i)]; }
    const QStringList &categories() const { return m_categories; }
    QString category(Index i) const { return m_categories.value(m_category[size_t(i)]); }
    QStringList regionCodes(Index i) const;
    /// The record's sources, decoded without the rest of the record.
    QList<Source> sources(Index i) const;
    /// The stored bytes of the record's region codes (UTF-8) and of its sources (each a compact
    /// JSON object that RecordJson::sourceFromCompact decodes), in order; views into the store,
    /// valid while it lives. For passes over many records that decode each distinct value once:
    /// regionCodes() and sources() allocate and decode per record.
    using RawValues = QVarLengthArray<QByteArrayView, 4>;
    RawValues rawRegionCodes(Index i) const;
    RawValues rawSources(Index i) const;
    /// `events` in the order their records lie in the store, which is the order they were read
    /// in. A pass over many records' stored bytes (the two above) is sequential in this order;
    /// in time order each record is a jump across the arena (for 100,000 synthetic events, a
    /// cache miss each: 130 ns a record).
    IndexList inStoredOrder(IndexList events) const;
    /// A localized text's stored bytes: its language ("" the default) and its UTF-8 text.
    using RawLocalized = QVarLengthArray<std::pair<QByteArrayView, QByteArrayView>, 2>;
    /// Every stored text field of one record, as views into the store (valid while it lives), in
    /// the record's order: what event() decodes, for passes that write the bytes out again.
    struct RawFields {
        QByteArrayView id, provenance;
        RawLocalized titles, summaries;
        RawValues actors, places, regions;
        /// Compact JSON objects (RecordJson::claimFromCompact, sourceFromCompact, relatedFromCompact).
        RawValues claims, sources, related;
        /// A line's vertices as (lon, lat) doubles, machine byte order; empty for a point.
        QByteArrayView lineVertices;
    };
    RawFields rawFields(Index i) const;
    /// The record's id as stored (UTF-8), a view into the store.
    QByteArrayView rawId(Index i) const;
    /// How the record entered the dataset (`article`, `context`, …); empty when not given.
    QString provenance(Index i) const { return m_provenances.value(qsizetype(m_provenanceIndex[size_t(i)])); }
    /// Index of the event's provenance in provenances().
    quint32 provenanceIndex(Index i) const { return m_provenanceIndex[size_t(i)]; }
    /// The distinct provenance values of all events, sorted; "" stands for records without one.
    const QStringList &provenances() const { return m_provenances; }
    /// The dataset's actor vocabulary (empty when its file has none): names for actor ids.
    const ActorVocabulary &actors() const { return m_actors; }
    /// The text a search looks in, one field per line: titles and summaries in every language,
    /// actors (ids and every name the vocabulary gives them), places, and the sources' names and URLs.
    QString searchableText(Index i) const;

    /// Search words prepared once for matchesText().
    class TextQuery {
    public:
        explicit TextQuery(const QStringList &words);
        bool isEmpty() const { return m_words.isEmpty(); }

    private:
        friend class EventStore;
        QStringList m_words;
        std::vector<QByteArray> m_asciiLower; ///< when every word is ASCII
        bool m_ascii = true;
    };
    /// Whether every word of `query` occurs, case-insensitively, in searchableText(i). ASCII words
    /// are matched on the stored UTF-8 text in place (ASCII letters fold), others through
    /// QString's case folding; about ten times faster than searching searchableText().
    bool matchesText(Index i, const TextQuery &query) const;

    /// The index of the event with this id, or -1.
    Index findId(const QString &id) const;

    /// A record whose `related` list names another: the referring record and the relation it states.
    struct Referrer {
        Index from;
        QString relation;
        friend bool operator==(const Referrer &, const Referrer &) = default;
    };
    /// The records whose `related` lists name event `i`, in time order (the other end of
    /// Event::related, which only the referring record holds).
    QList<Referrer> referrers(Index i) const;

    /// Events whose time span matches `window`, in time order. O(log n + k) for
    /// WindowMatch::Possibly (an interval tree over the time-sorted columns).
    IndexList inWindow(const TimeWindow &window, WindowMatch mode = WindowMatch::Possibly) const;
    /// Events whose `regions` list names `code` (exact ISO 3166-2 code), in time order.
    const IndexList &codedTo(const QString &code) const;
    /// Events whose anchor point lies in the lon/lat box (degrees, edges included), unordered.
    IndexList anchoredIn(const QRectF &lonLatBox) const;

    /// Events whose geometry is a line (contacts between places), in time order.
    const IndexList &lineEvents() const { return m_lineEvents; }
    /// Vertices of event `i` as (lon, lat) degrees: one for a point, several for a line.
    QList<QPointF> lonLatVertices(Index i) const;

    /// From the earliest possible start to the latest possible end of all events.
    TimeWindow extent() const;
    /// Bytes held by the columns, arena and indexes.
    qsizetype memoryBytes() const;

private:
    friend class EventStoreBuilder;
    const char *text(Index i) const { return m_text.constData() + m_textOffset[size_t(i)]; }
    void buildIndexes();
    void queryTree(size_t lo, size_t hi, const TimeWindow &w, IndexList &out) const;

    std::vector<qint64> m_startMs;
    std::vector<qint64> m_endMs;
    std::vector<qint64> m_latestEndMs;
    std::vector<qint64> m_subtreeMaxEndMs; ///< interval-tree augmentation, see buildIndexes()
    std::vector<quint8> m_flags;           ///< precisions, geometry kind, location precision
    std::vector<quint8> m_confidence;
    std::vector<quint16> m_category;
    std::vector<double> m_lonDeg;
    std::vector<double> m_latDeg;
    std::vector<qint64> m_textOffset;
    QByteArray m_text;
    QStringList m_categories;
    QStringList m_provenances;
    std::vector<quint32> m_provenanceIndex; ///< into m_provenances, per event
    QHash<QString, IndexList> m_byRegionCode;
    std::vector<std::pair<quint32, Index>> m_idHashes; ///< (hash of the UTF-8 id, index), sorted
    /// (hash of a related id, the record naming it), sorted; empty when no record has links.
    std::vector<std::pair<quint32, Index>> m_referrerHashes;
    IndexList m_lineEvents;
    ActorVocabulary m_actors;
    // Uniform lon/lat grid over anchor points (compressed rows: cell start offsets, indices).
    std::vector<quint32> m_gridCellStart;
    std::vector<Index> m_gridIndices;
};

/// Collects events, then builds an immutable EventStore. Not thread-safe; one builder per load.
class EventStoreBuilder {
public:
    EventStoreBuilder();
    /// Room for `events` and `textBytes` of their text (about the file's size: pages never written
    /// cost nothing, while growing the text arena copies it into fresh memory, which is slow to touch).
    void reserve(qsizetype events, qsizetype textBytes = 0);
    void add(const Event &event);
    /// Adds a record given as raw text (the loader's common case): the same as add() of the Event
    /// with these fields, without building one.
    void addRow(const EventRow &row);
    /// Adds actor names for the store (ids already known keep theirs).
    void addActors(const ActorVocabulary &actors) { m_store->m_actors.merge(actors); }
    qsizetype size() const { return qsizetype(m_store->m_startMs.size()); }
    /// Sorts by time, builds the indexes and hands the store over; the builder is empty after.
    std::shared_ptr<const EventStore> build();

private:
    void addColumns(const TimeSpan &when, GeometryKind kind, LocationPrecision precision, Confidence confidence,
                    double lonDeg, double latDeg);
    template<typename Text> void addCategory(Text category);
    /// Starts the record's text in the arena; returns its number in file order.
    EventStore::Index beginText();
    void noteId(QByteArrayView utf8, EventStore::Index record);
    void noteRegion(const QString &code, EventStore::Index record);
    template<typename Text> void noteProvenance(Text provenance);
    /// Moves the ids, regions and provenances noted by add() into `store`, in sorted order.
    void renumberNotes(EventStore &store, const std::vector<EventStore::Index> &order,
                       const std::vector<EventStore::Index> &rank);

    static constexpr size_t kParallelBuildFrom = 50'000;    ///< events; fewer build on one thread
    static constexpr qsizetype kMaxTextReserve = 512 << 20; ///< bytes reserve() sets aside at most

    std::unique_ptr<EventStore> m_store;
    QHash<QString, quint16> m_categoryIndex;
    QByteArray m_scratch; ///< one source's JSON at a time
    // Noted per record as added (file order); build() renumbers them into the store's indexes.
    std::vector<std::pair<quint32, EventStore::Index>> m_idHashes;       ///< (hash of the UTF-8 id, record)
    std::vector<std::pair<quint32, EventStore::Index>> m_referrerHashes; ///< (hash of a related id, record)
    QHash<QString, quint32> m_regionNumbers;                             ///< region code -> m_regionMembers
    QHash<QByteArray, quint32> m_regionNumbersByBytes;                   ///< the same for addRow()'s ASCII codes
    std::vector<EventStore::IndexList> m_regionMembers;
    QHash<QString, quint32> m_provenanceNumbers;
    std::vector<quint32> m_provenanceOf; ///< per record, into m_provenanceNumbers
    QString m_lastProvenance;
    quint32 m_lastProvenanceNumber = 0;
    // addRow()'s Latin-1 text compared by its bytes (QString == QLatin1StringView widens: 2 % of
    // a CSV load's converting thread): the last provenance's bytes, and the first categories'.
    QByteArray m_lastProvenanceBytes;
    bool m_lastProvenanceFromBytes = false; ///< m_lastProvenanceBytes is m_lastProvenance's
    std::vector<std::pair<QByteArray, quint16>> m_categoryNumbersByBytes;
};

} // namespace chronomap
