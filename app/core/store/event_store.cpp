// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/store/event_store.h"

#include "core/prefault_pages.h"
#include "core/model/record_json.h"
#include "core/store/event_store_codec.h"
#include "core/store/pair_radix_sort.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <numeric>

namespace chronomap {

using namespace EventStoreCodec;

namespace {

constexpr int kGridColumns = 360; // one-degree cells
constexpr int kGridRows = 180;

int gridCell(double lonDeg, double latDeg)
{
    const int col = std::clamp(int(std::floor(lonDeg + 180.0)), 0, kGridColumns - 1);
    const int row = std::clamp(int(std::floor(latDeg + 90.0)), 0, kGridRows - 1);
    return row * kGridColumns + col;
}

} // namespace

// ---- queries ---------------------------------------------------------------------------------

Event EventStore::event(Index i) const
{
    Event e;
    e.when = when(i);
    e.category = category(i);
    e.confidence = confidence(i);
    e.geometryKind = geometryKind(i);
    e.locationPrecision = locationPrecision(i);
    if (e.geometryKind == GeometryKind::Point) e.geometry = {QGeoCoordinate(latDeg(i), lonDeg(i))};
    forEachField(text(i), [&](Tag tag, QByteArrayView bytes) {
        switch (tag) {
        case Tag::Id:
            e.id = QString::fromUtf8(bytes);
            break;
        case Tag::Title:
        case Tag::Summary: {
            const auto [lang, value] = splitLocalized(bytes);
            (tag == Tag::Title ? e.title : e.summary).insert(QString::fromUtf8(lang), QString::fromUtf8(value));
            break;
        }
        case Tag::Actor:
            e.actors.append(QString::fromUtf8(bytes));
            break;
        case Tag::Place:
            e.places.append(QString::fromUtf8(bytes));
            break;
        case Tag::Region:
            e.regions.append(QString::fromUtf8(bytes));
            break;
        case Tag::Claim:
            e.claims.append(RecordJson::claimFromCompact(bytes));
            break;
        case Tag::Source:
            e.sources.append(RecordJson::sourceFromCompact(bytes));
            break;
        case Tag::Related:
            e.related.append(RecordJson::relatedFromCompact(bytes));
            break;
        case Tag::Provenance:
            e.provenance = QString::fromUtf8(bytes);
            break;
        case Tag::LineVertices:
            for (const QPointF &v : lonLatVertices(i))
                e.geometry.append(QGeoCoordinate(v.y(), v.x()));
            break;
        case Tag::End:
            break;
        }
        return true;
    });
    return e;
}

QString EventStore::id(Index i) const
{
    QString result;
    forEachField(text(i), [&](Tag tag, QByteArrayView bytes) {
        if (tag != Tag::Id) return true;
        result = QString::fromUtf8(bytes);
        return false;
    });
    return result;
}

QString EventStore::title(Index i, const QString &lang) const
{
    const QByteArray wanted = lang.toUtf8();
    QString fallback;
    QString result;
    forEachField(text(i), [&](Tag tag, QByteArrayView bytes) {
        if (tag != Tag::Title) return true;
        const auto [l, value] = splitLocalized(bytes);
        if (l.isEmpty()) fallback = QString::fromUtf8(value);
        if (!wanted.isEmpty() && l == wanted) {
            result = QString::fromUtf8(value);
            return false;
        }
        return true;
    });
    return result.isEmpty() ? fallback : result;
}

QList<Source> EventStore::sources(Index i) const
{
    QList<Source> result;
    forEachField(text(i), [&](Tag tag, QByteArrayView bytes) {
        if (tag == Tag::Source) result.append(RecordJson::sourceFromCompact(bytes));
        return true;
    });
    return result;
}

QStringList EventStore::regionCodes(Index i) const
{
    QStringList codes;
    forEachField(text(i), [&](Tag tag, QByteArrayView bytes) {
        if (tag == Tag::Region) codes.append(QString::fromUtf8(bytes));
        return true;
    });
    return codes;
}

namespace {

EventStore::RawValues rawValuesOf(const char *text, EventStoreCodec::Tag wanted)
{
    EventStore::RawValues values;
    forEachField(text, [&](EventStoreCodec::Tag tag, QByteArrayView bytes) {
        if (tag == wanted) values.append(bytes);
        return true;
    });
    return values;
}

} // namespace

EventStore::RawValues EventStore::rawRegionCodes(Index i) const
{
    return rawValuesOf(text(i), Tag::Region);
}

EventStore::RawValues EventStore::rawSources(Index i) const
{
    return rawValuesOf(text(i), Tag::Source);
}

EventStore::IndexList EventStore::inStoredOrder(IndexList events) const
{
    std::vector<std::pair<qint64, Index>> byOffset;
    byOffset.reserve(events.size());
    for (const Index i : events)
        byOffset.emplace_back(m_textOffset[size_t(i)], i);
    radixSortPairs(byOffset); // linear when `events` ascend, as visible and whole lists do
    for (size_t k = 0; k < byOffset.size(); ++k)
        events[k] = byOffset[k].second;
    return events;
}

EventStore::RawFields EventStore::rawFields(Index i) const
{
    RawFields raw;
    forEachField(text(i), [&](Tag tag, QByteArrayView bytes) {
        switch (tag) {
        case Tag::Id:
            raw.id = bytes;
            break;
        case Tag::Title:
            raw.titles.append(splitLocalized(bytes));
            break;
        case Tag::Summary:
            raw.summaries.append(splitLocalized(bytes));
            break;
        case Tag::Actor:
            raw.actors.append(bytes);
            break;
        case Tag::Place:
            raw.places.append(bytes);
            break;
        case Tag::Region:
            raw.regions.append(bytes);
            break;
        case Tag::Claim:
            raw.claims.append(bytes);
            break;
        case Tag::Source:
            raw.sources.append(bytes);
            break;
        case Tag::Related:
            raw.related.append(bytes);
            break;
        case Tag::Provenance:
            raw.provenance = bytes;
            break;
        case Tag::LineVertices:
            raw.lineVertices = bytes;
            break;
        case Tag::End:
            break;
        }
        return true;
    });
    return raw;
}

QByteArrayView EventStore::rawId(Index i) const
{
    QByteArrayView result;
    forEachField(text(i), [&](Tag tag, QByteArrayView bytes) {
        if (tag != Tag::Id) return true;
        result = bytes;
        return false;
    });
    return result;
}

QList<QPointF> EventStore::lonLatVertices(Index i) const
{
    QList<QPointF> vertices;
    if (geometryKind(i) == GeometryKind::Point) {
        vertices.append(QPointF(lonDeg(i), latDeg(i)));
    } else if (geometryKind(i) == GeometryKind::Line) {
        forEachField(text(i), [&](Tag tag, QByteArrayView bytes) {
            if (tag != Tag::LineVertices) return true;
            const auto count = bytes.size() / qsizetype(2 * sizeof(double));
            for (qsizetype v = 0; v < count; ++v) {
                double lonLat[2];
                std::memcpy(lonLat, bytes.data() + v * sizeof lonLat, sizeof lonLat);
                vertices.append(QPointF(lonLat[0], lonLat[1]));
            }
            return false;
        });
    }
    return vertices;
}

TimeSpan EventStore::when(Index i) const
{
    const quint8 f = m_flags[size_t(i)];
    return TimeSpan(FuzzyDate{m_startMs[size_t(i)], DatePrecision((f >> kStartPrecisionShift) & 3)},
                    FuzzyDate{m_endMs[size_t(i)], DatePrecision((f >> kEndPrecisionShift) & 3)});
}

GeometryKind EventStore::geometryKind(Index i) const
{
    return GeometryKind((m_flags[size_t(i)] >> kGeometryShift) & 3);
}

LocationPrecision EventStore::locationPrecision(Index i) const
{
    return LocationPrecision((m_flags[size_t(i)] >> kLocationPrecisionShift) & 3);
}

EventStore::Index EventStore::findId(const QString &id) const
{
    const QByteArray utf8 = id.toUtf8();
    const quint32 h = idHash(utf8);
    auto it = std::lower_bound(m_idHashes.begin(), m_idHashes.end(), std::pair<quint32, Index>(h, 0));
    for (; it != m_idHashes.end() && it->first == h; ++it)
        if (this->id(it->second) == id) return it->second;
    return -1;
}

QList<EventStore::Referrer> EventStore::referrers(Index i) const
{
    QList<Referrer> result;
    if (m_referrerHashes.empty()) return result;
    const QString target = id(i);
    if (target.isEmpty()) return result;
    const quint32 h = idHash(target.toUtf8());
    // Equal hashes sit together, sorted by the referring index: time order.
    auto it = std::lower_bound(m_referrerHashes.begin(), m_referrerHashes.end(), std::pair<quint32, Index>(h, 0));
    for (; it != m_referrerHashes.end() && it->first == h; ++it)
        forEachField(text(it->second), [&](Tag tag, QByteArrayView bytes) {
            if (tag != Tag::Related) return true;
            const Related link = RecordJson::relatedFromCompact(bytes);
            if (link.id == target) result.append({it->second, link.relation});
            return true;
        });
    return result;
}

EventStore::IndexList EventStore::inWindow(const TimeWindow &window, WindowMatch mode) const
{
    IndexList out;
    if (!window.isValid()) return out;
    queryTree(0, m_startMs.size(), window, out);
    if (mode == WindowMatch::Certainly) std::erase_if(out, [&](Index i) { return !when(i).certainlyOverlaps(window); });
    return out;
}

// Interval tree laid over the time-sorted arrays: the node of range [lo, hi) is its middle
// index, and m_subtreeMaxEndMs[mid] is the latest end in the range. Subtrees whose latest end
// is before the window, and right halves starting after it, are skipped: O(log n + k).
void EventStore::queryTree(size_t lo, size_t hi, const TimeWindow &w, IndexList &out) const
{
    while (lo < hi) {
        const size_t mid = lo + (hi - lo) / 2;
        if (m_subtreeMaxEndMs[mid] <= w.fromMs) return;
        queryTree(lo, mid, w, out);
        if (m_startMs[mid] >= w.toMs) return;
        if (m_latestEndMs[mid] > w.fromMs) out.push_back(Index(mid));
        lo = mid + 1;
    }
}

const EventStore::IndexList &EventStore::codedTo(const QString &code) const
{
    static const IndexList none;
    const auto it = m_byRegionCode.constFind(code);
    return it == m_byRegionCode.constEnd() ? none : *it;
}

EventStore::IndexList EventStore::anchoredIn(const QRectF &box) const
{
    IndexList out;
    if (m_gridCellStart.empty()) return out;
    const int c0 = gridCell(box.left(), box.top()), c1 = gridCell(box.right(), box.bottom());
    const int col0 = c0 % kGridColumns, row0 = c0 / kGridColumns;
    const int col1 = c1 % kGridColumns, row1 = c1 / kGridColumns;
    for (int row = row0; row <= row1; ++row) {
        for (int col = col0; col <= col1; ++col) {
            const int cell = row * kGridColumns + col;
            for (quint32 k = m_gridCellStart[size_t(cell)]; k < m_gridCellStart[size_t(cell) + 1]; ++k) {
                const Index i = m_gridIndices[k];
                const double lon = m_lonDeg[size_t(i)], lat = m_latDeg[size_t(i)];
                if (lon >= box.left() && lon <= box.right() && lat >= box.top() && lat <= box.bottom())
                    out.push_back(i);
            }
        }
    }
    return out;
}

TimeWindow EventStore::extent() const
{
    if (isEmpty()) return {};
    return {m_startMs.front(), *std::max_element(m_latestEndMs.begin(), m_latestEndMs.end())};
}

qsizetype EventStore::memoryBytes() const
{
    auto bytes = [](const auto &v) { return qsizetype(v.capacity() * sizeof(v[0])); };
    qsizetype total = bytes(m_startMs) + bytes(m_endMs) + bytes(m_latestEndMs) + bytes(m_subtreeMaxEndMs) +
                      bytes(m_flags) + bytes(m_confidence) + bytes(m_category) + bytes(m_lonDeg) + bytes(m_latDeg) +
                      bytes(m_textOffset) + m_text.capacity() + bytes(m_gridCellStart) + bytes(m_gridIndices) +
                      bytes(m_idHashes) + bytes(m_referrerHashes) + bytes(m_provenanceIndex);
    for (const auto &list : m_byRegionCode)
        total += bytes(list);
    return total;
}

void EventStore::buildIndexes()
{
    const size_t n = m_startMs.size();
    // Interval-tree augmentation, bottom-up over the implicit tree (see queryTree()).
    m_subtreeMaxEndMs.reserve(n);
    prefaultCapacity(m_subtreeMaxEndMs);
    m_subtreeMaxEndMs.assign(n, 0);
    auto fill = [&](auto &&self, size_t lo, size_t hi) -> qint64 {
        if (lo >= hi) return std::numeric_limits<qint64>::min();
        const size_t mid = lo + (hi - lo) / 2;
        const qint64 m = std::max({m_latestEndMs[mid], self(self, lo, mid), self(self, mid + 1, hi)});
        m_subtreeMaxEndMs[mid] = m;
        return m;
    };
    fill(fill, 0, n);

    // Anchor grid, counting sort into compressed rows.
    m_gridCellStart.assign(kGridColumns * kGridRows + 1, 0);
    for (size_t i = 0; i < n; ++i)
        if (!std::isnan(m_lonDeg[i])) ++m_gridCellStart[size_t(gridCell(m_lonDeg[i], m_latDeg[i])) + 1];
    std::partial_sum(m_gridCellStart.begin(), m_gridCellStart.end(), m_gridCellStart.begin());
    m_gridIndices.reserve(m_gridCellStart.back());
    prefaultCapacity(m_gridIndices);
    m_gridIndices.assign(m_gridCellStart.back(), 0);
    std::vector<quint32> cursor(m_gridCellStart.begin(), m_gridCellStart.end() - 1);
    for (size_t i = 0; i < n; ++i)
        if (!std::isnan(m_lonDeg[i])) m_gridIndices[cursor[size_t(gridCell(m_lonDeg[i], m_latDeg[i]))]++] = Index(i);

    m_lineEvents.clear();
    for (size_t i = 0; i < n; ++i)
        if (geometryKind(Index(i)) == GeometryKind::Line) m_lineEvents.push_back(Index(i));
}

} // namespace chronomap
