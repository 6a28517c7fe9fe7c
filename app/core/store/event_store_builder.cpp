// SPDX-License-Identifier: GPL-3.0-or-later
// EventStoreBuilder (declared in event_store.h beside the store it fills).
#include "core/store/event_store.h"

#include "core/store/event_row.h"

#include "core/byte_append.h"
#include "core/model/record_json.h"
#include "core/prefault_pages.h"
#include "core/store/event_store_codec.h"
#include "core/store/pair_radix_sort.h"

#include <algorithm>
#include <cstring>
#include <future>
#include <new>
#include <type_traits>

namespace chronomap {

using namespace EventStoreCodec;

EventStoreBuilder::EventStoreBuilder() : m_store(new EventStore) {}

void EventStoreBuilder::reserve(qsizetype events, qsizetype textBytes)
{
    auto &s = *m_store;
    const auto n = size_t(events);
    try { // a hint: without the room the arena grows as it goes
        if (textBytes > s.m_text.capacity()) s.m_text.reserve(std::min<qsizetype>(textBytes, kMaxTextReserve));
    } catch (const std::bad_alloc &) {
    }
    m_idHashes.reserve(n);
    m_provenanceOf.reserve(n);
    s.m_startMs.reserve(n);
    s.m_endMs.reserve(n);
    s.m_flags.reserve(n);
    s.m_confidence.reserve(n);
    s.m_category.reserve(n);
    s.m_lonDeg.reserve(n);
    s.m_latDeg.reserve(n);
    s.m_textOffset.reserve(n);
    // Filled record by record to about `events`: populated now rather than faulted in a page at
    // a time (see prefaultPages). Not the text: it is reserved by the file's size.
    prefaultCapacity(m_idHashes);
    prefaultCapacity(m_provenanceOf);
    prefaultCapacity(s.m_startMs);
    prefaultCapacity(s.m_endMs);
    prefaultCapacity(s.m_flags);
    prefaultCapacity(s.m_confidence);
    prefaultCapacity(s.m_category);
    prefaultCapacity(s.m_lonDeg);
    prefaultCapacity(s.m_latDeg);
    prefaultCapacity(s.m_textOffset);
}

void EventStoreBuilder::addColumns(const TimeSpan &when, GeometryKind kind, LocationPrecision precision,
                                   Confidence confidence, double lonDeg, double latDeg)
{
    auto &s = *m_store;
    s.m_startMs.push_back(when.start().startMs);
    s.m_endMs.push_back(when.end().startMs);
    s.m_flags.push_back(quint8(quint8(when.start().precision) << kStartPrecisionShift |
                               quint8(when.end().precision) << kEndPrecisionShift | quint8(kind) << kGeometryShift |
                               quint8(precision) << kLocationPrecisionShift));
    s.m_confidence.push_back(quint8(confidence));
    s.m_lonDeg.push_back(lonDeg);
    s.m_latDeg.push_back(latDeg);
}

namespace {

/// QByteArrayView's == inline: Qt 6.4's calls QtPrivate::compareMemory out of line, 7 M more
/// instructions over a 100,000-row CSV load's converting process (callgrind).
bool sameBytes(QByteArrayView a, QByteArrayView b)
{
    return a.size() == b.size() && (a.isEmpty() || std::memcmp(a.data(), b.data(), size_t(a.size())) == 0);
}

constexpr size_t kCategoriesByBytes = 16; ///< the first categories of addRow() remembered by their bytes

} // namespace

template<typename Text> void EventStoreBuilder::addCategory(Text category)
{
    auto &s = *m_store;
    if constexpr (std::is_same_v<Text, QLatin1StringView>) {
        const QByteArrayView bytes(category.data(), category.size());
        for (const auto &[seen, number] : m_categoryNumbersByBytes)
            if (sameBytes(seen, bytes)) {
                s.m_category.push_back(number);
                return;
            }
    }
    // Most files have a handful of categories: comparing with each beats hashing the text.
    qsizetype number = -1;
    if (s.m_categories.size() <= 16) {
        for (qsizetype k = 0; k < s.m_categories.size() && number < 0; ++k)
            if (s.m_categories[k] == category) number = k;
    } else if (const auto it = m_categoryIndex.constFind(QString(category)); it != m_categoryIndex.constEnd()) {
        number = *it;
    }
    if (number < 0) {
        number = s.m_categories.size();
        m_categoryIndex.insert(QString(category), quint16(number));
        s.m_categories.append(QString(category));
    }
    s.m_category.push_back(quint16(number));
    if constexpr (std::is_same_v<Text, QLatin1StringView>)
        if (m_categoryNumbersByBytes.size() < kCategoriesByBytes)
            m_categoryNumbersByBytes.emplace_back(QByteArray(category.data(), category.size()), quint16(number));
}

EventStore::Index EventStoreBuilder::beginText()
{
    auto &s = *m_store;
    s.m_textOffset.push_back(s.m_text.size());
    return EventStore::Index(s.m_textOffset.size() - 1);
}

void EventStoreBuilder::noteId(QByteArrayView utf8, EventStore::Index record)
{
    if (!utf8.isEmpty()) m_idHashes.emplace_back(idHash(utf8), record);
}

void EventStoreBuilder::noteRegion(const QString &code, EventStore::Index record)
{
    const auto number = m_regionNumbers.constFind(code);
    if (number == m_regionNumbers.constEnd()) {
        m_regionNumbers.insert(code, quint32(m_regionMembers.size()));
        m_regionMembers.push_back({record});
    } else {
        m_regionMembers[*number].push_back(record);
    }
}

template<typename Text> void EventStoreBuilder::noteProvenance(Text provenance)
{
    // Neighbours mostly share their provenance: the hash is looked up when it changes.
    bool same = !m_provenanceOf.empty();
    if constexpr (std::is_same_v<Text, QLatin1StringView>)
        same = same && m_lastProvenanceFromBytes &&
               sameBytes(m_lastProvenanceBytes, QByteArrayView(provenance.data(), provenance.size()));
    else
        same = same && m_lastProvenance == provenance;
    if (!same) {
        m_lastProvenance = QString(provenance);
        m_lastProvenanceNumber = m_provenanceNumbers.value(m_lastProvenance, quint32(m_provenanceNumbers.size()));
        m_provenanceNumbers.insert(m_lastProvenance, m_lastProvenanceNumber);
        m_lastProvenanceFromBytes = std::is_same_v<Text, QLatin1StringView>;
        m_lastProvenanceBytes.resize(0); // keeps its capacity
        if constexpr (std::is_same_v<Text, QLatin1StringView>)
            appendBytes(m_lastProvenanceBytes, QByteArrayView(provenance.data(), provenance.size()));
    }
    m_provenanceOf.push_back(m_lastProvenanceNumber);
}

void EventStoreBuilder::add(const Event &e)
{
    auto &s = *m_store;
    const QGeoCoordinate anchor = e.anchor();
    addColumns(e.when, e.geometryKind, e.locationPrecision, e.confidence,
               anchor.isValid() ? anchor.longitude() : qQNaN(), anchor.isValid() ? anchor.latitude() : qQNaN());
    addCategory(e.category);

    QByteArray &t = s.m_text;
    const EventStore::Index record = beginText();
    noteId(appendText(t, Tag::Id, e.id), record);
    for (const auto &r : e.regions)
        noteRegion(r, record);
    noteProvenance(e.provenance);
    appendLocalized(t, Tag::Title, e.title);
    appendLocalized(t, Tag::Summary, e.summary);
    for (const auto &a : e.actors)
        appendText(t, Tag::Actor, a);
    for (const auto &p : e.places)
        appendText(t, Tag::Place, p);
    for (const auto &r : e.regions)
        appendText(t, Tag::Region, r);
    for (const auto &c : e.claims) {
        m_scratch.resize(0); // keeps its capacity: no allocation per claim or source
        RecordJson::appendCompact(m_scratch, c);
        appendField(t, Tag::Claim, QByteArrayView(m_scratch));
    }
    for (const auto &src : e.sources) {
        m_scratch.resize(0);
        RecordJson::appendCompact(m_scratch, src);
        appendField(t, Tag::Source, QByteArrayView(m_scratch));
    }
    for (const auto &r : e.related) {
        m_referrerHashes.emplace_back(idHash(r.id.toUtf8()), record);
        m_scratch.resize(0);
        RecordJson::appendCompact(m_scratch, r);
        appendField(t, Tag::Related, QByteArrayView(m_scratch));
    }
    appendText(t, Tag::Provenance, e.provenance);
    if (e.geometryKind == GeometryKind::Line) {
        QByteArray vertices;
        for (const auto &c : e.geometry) {
            const double lonLat[2] = {c.longitude(), c.latitude()};
            vertices.append(reinterpret_cast<const char *>(lonLat), sizeof lonLat);
        }
        appendField(t, Tag::LineVertices, QByteArrayView(vertices));
    }
    t.append(char(Tag::End));
}

void EventStoreBuilder::addRow(const EventRow &r)
{
    auto &s = *m_store;
    addColumns(r.when, r.geometryKind, r.locationPrecision, r.confidence, r.lonDeg, r.latDeg);
    addCategory(QLatin1StringView(r.view(r.category)));

    const EventStore::Index record = beginText();
    if (r.idQHash) // EventStoreCodec::idHash() of an id never empty
        m_idHashes.emplace_back(quint32(*r.idQHash), record);
    else
        noteId(r.view(r.id), record);
    for (const EventRow::Span &region : r.regions) {
        // By its bytes: a QString per region and record was one allocation per ACLED row.
        const QByteArrayView code = r.view(region);
        if (const auto it = m_regionNumbersByBytes.constFind(QByteArray::fromRawData(code.data(), code.size()));
            it != m_regionNumbersByBytes.constEnd()) {
            m_regionMembers[*it].push_back(record);
        } else {
            const QString text = QString::fromLatin1(code);
            noteRegion(text, record);
            m_regionNumbersByBytes.insert(code.toByteArray(), m_regionNumbers.value(text));
        }
    }
    noteProvenance(QLatin1StringView(r.view(r.provenance)));

    // The record's fields sized first, then written into the arena extended once.
    const auto varintBytes = [](quint64 value) {
        qsizetype n = 1;
        for (; value >= 0x80; value >>= 7)
            ++n;
        return n;
    };
    const auto fieldBytes = [&](qsizetype size) { return 1 + varintBytes(quint64(size)) + size; };
    // Title and summary as appendLocalized() writes the default language: an empty key, the
    // separator, the text.
    const std::pair<Tag, EventRow::Span> localized[] = {{Tag::Title, r.title}, {Tag::Summary, r.summary}};
    const std::pair<Tag, const std::vector<EventRow::Span> *> lists[] = {{Tag::Actor, &r.actors},
                                                                         {Tag::Place, &r.places},
                                                                         {Tag::Region, &r.regions},
                                                                         {Tag::Claim, &r.claims},
                                                                         {Tag::Source, &r.sources}};
    qsizetype bytes = fieldBytes(r.id.size) + 1; // and Tag::End
    for (const auto &[tag, text] : localized)
        if (text.size > 0) bytes += fieldBytes(1 + text.size);
    for (const auto &[tag, spans] : lists)
        for (const EventRow::Span &span : *spans)
            bytes += fieldBytes(span.size);
    if (r.provenance.size > 0) bytes += fieldBytes(r.provenance.size);

    QByteArray &t = s.m_text;
    char *out = extendBy(t, bytes);
    const auto put = [&](Tag tag, qsizetype size) {
        *out++ = char(tag);
        out += putVarint(out, quint64(size));
    };
    const auto copy = [&](EventRow::Span span) {
        std::memcpy(out, r.view(span).data(), size_t(span.size));
        out += span.size;
    };
    put(Tag::Id, r.id.size);
    copy(r.id);
    for (const auto &[tag, text] : localized) {
        if (text.size == 0) continue;
        put(tag, 1 + text.size);
        *out++ = kLangSeparator;
        copy(text);
    }
    for (const auto &[tag, spans] : lists)
        for (const EventRow::Span &span : *spans) {
            put(tag, span.size);
            copy(span);
        }
    if (r.provenance.size > 0) {
        put(Tag::Provenance, r.provenance.size);
        copy(r.provenance);
    }
    *out++ = char(Tag::End);
    Q_ASSERT(out == t.constData() + t.size());
}

void EventStoreBuilder::renumberNotes(EventStore &s, const std::vector<EventStore::Index> &order,
                                      const std::vector<EventStore::Index> &rank)
{
    // Sorted by (hash, record) while the records were sorted: renumbering keeps that order
    // except among equal hashes, which are rare.
    s.m_idHashes = std::move(m_idHashes);
    for (auto &entry : s.m_idHashes)
        entry.second = rank[size_t(entry.second)];
    for (auto run = s.m_idHashes.begin(); run != s.m_idHashes.end();) {
        const auto end = std::find_if(run, s.m_idHashes.end(), [&](const auto &e) { return e.first != run->first; });
        if (end - run > 1) std::sort(run, end);
        run = end;
    }

    // Few records have links: renumbered and sorted whole.
    s.m_referrerHashes = std::move(m_referrerHashes);
    for (auto &entry : s.m_referrerHashes)
        entry.second = rank[size_t(entry.second)];
    std::sort(s.m_referrerHashes.begin(), s.m_referrerHashes.end());
    s.m_referrerHashes.erase(std::unique(s.m_referrerHashes.begin(), s.m_referrerHashes.end()),
                             s.m_referrerHashes.end());

    s.m_byRegionCode.clear();
    for (auto it = m_regionNumbers.cbegin(); it != m_regionNumbers.cend(); ++it) {
        EventStore::IndexList &members = m_regionMembers[it.value()];
        for (EventStore::Index &i : members)
            i = rank[size_t(i)];
        std::sort(members.begin(), members.end());
        s.m_byRegionCode.insert(it.key(), std::move(members));
    }

    // Provenances numbered in sorted order, so that numbers compare as the names do.
    std::vector<std::pair<QString, quint32>> provenances;
    for (auto it = m_provenanceNumbers.cbegin(); it != m_provenanceNumbers.cend(); ++it)
        provenances.emplace_back(it.key(), it.value());
    std::sort(provenances.begin(), provenances.end());
    std::vector<quint32> renumber(provenances.size());
    s.m_provenances.clear();
    for (size_t k = 0; k < provenances.size(); ++k) {
        s.m_provenances.append(provenances[k].first);
        renumber[provenances[k].second] = quint32(k);
    }
    s.m_provenanceIndex.resize(order.size());
    for (size_t i = 0; i < order.size(); ++i)
        s.m_provenanceIndex[i] = renumber[m_provenanceOf[size_t(order[i])]];

    m_idHashes = {};
    m_referrerHashes = {};
    m_regionNumbers.clear();
    m_regionNumbersByBytes.clear();
    m_regionMembers = {};
    m_provenanceNumbers.clear();
    m_provenanceOf = {};
    m_lastProvenance.clear();
}

std::shared_ptr<const EventStore> EventStoreBuilder::build()
{
    std::unique_ptr<EventStore> store = std::move(m_store);
    m_store.reset(new EventStore);
    m_categoryIndex.clear();
    auto &s = *store;
    const size_t n = s.m_startMs.size();

    // The end of a big load is waited for: its independent steps run two at a time. Small
    // stores are built on this thread alone (deferred tasks run at get()).
    const auto launch = n >= kParallelBuildFrom ? std::launch::async : std::launch::deferred;
    // Sort by earliest start, ties in file order, with the ids by hash beside it. Sorting the
    // keys with their indices reads memory in order, where comparing through the index would not.
    // Both are noted in record order, which lets a radix sort give std::sort's order.
    auto idsByHash = std::async(launch, [&] { radixSortPairs(m_idHashes); });
    std::vector<std::pair<qint64, EventStore::Index>> keyed;
    keyed.reserve(n);
    prefaultCapacity(keyed);
    for (size_t i = 0; i < n; ++i)
        keyed.emplace_back(s.m_startMs[i], EventStore::Index(i));
    radixSortPairs(keyed);
    idsByHash.get();
    std::vector<EventStore::Index> order, rank; // sorted position -> file index, and back
    order.reserve(n);
    rank.reserve(n);
    prefaultCapacity(order);
    prefaultCapacity(rank);
    order.resize(n);
    rank.resize(n);
    for (size_t i = 0; i < n; ++i) {
        order[i] = keyed[i].second;
        rank[size_t(keyed[i].second)] = EventStore::Index(i);
    }
    keyed = {};

    auto notes = std::async(launch, [&] { renumberNotes(s, order, rank); });
    // Each column is gathered into the buffer the previous column of its type left behind, when
    // that holds about n: fresh memory faults in at a cost on the machines we measure on (see
    // prefaultPages), reused memory does not: 33 of the 52 MB here at a million events.
    auto emptied = [n](auto &buffer) -> auto &
    {
        if (buffer.capacity() < n || buffer.capacity() > n + n / 8) {
            buffer = {};
            buffer.reserve(n);
            prefaultCapacity(buffer);
        }
        buffer.clear();
        return buffer;
    };
    std::vector<qint64> spareInt64;
    std::vector<double> spareDouble;
    std::vector<quint8> spareByte;
    std::vector<quint16> spareShort;
    auto permute = [&](auto &column, auto &spare) {
        for (auto &sorted = emptied(spare); auto i : order)
            sorted.push_back(column[size_t(i)]);
        column.swap(spare); // the old column is the next one's buffer
    };
    permute(s.m_startMs, spareInt64);
    permute(s.m_endMs, spareInt64);
    permute(s.m_flags, spareByte);
    permute(s.m_confidence, spareByte);
    permute(s.m_category, spareShort);
    permute(s.m_lonDeg, spareDouble);
    permute(s.m_latDeg, spareDouble);
    permute(s.m_textOffset, spareInt64);
    s.m_text.squeeze();
    s.m_latestEndMs.swap(emptied(spareInt64));
    for (size_t i = 0; i < n; ++i)
        s.m_latestEndMs.push_back(s.when(EventStore::Index(i)).latestEndMs());
    s.buildIndexes();
    notes.get(); // rethrows what the other half threw (out of memory)
    return std::shared_ptr<const EventStore>(store.release());
}

} // namespace chronomap
