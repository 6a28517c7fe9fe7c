// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/store/event_store.h"

#include "core/model/record_json.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <future>
#include <numeric>

namespace chronomap {

namespace {

// Text arena layout, per event: a run of (tag, varint length, UTF-8 bytes), ended by Tag::End.
// Localized entries carry "lang\x1f text"; claims, sources and related links are compact JSON
// objects (RecordJson).
enum class Tag : quint8 {
    End = 0,
    Id,
    Title,
    Summary,
    Actor,
    Place,
    Region,
    Claim,
    Source,
    Provenance,
    LineVertices,
    Related,
};
constexpr char kLangSeparator = '\x1f';

// Flag bits in m_flags.
constexpr int kStartPrecisionShift = 0;    // 2 bits
constexpr int kEndPrecisionShift = 2;      // 2 bits
constexpr int kGeometryShift = 4;          // 2 bits
constexpr int kLocationPrecisionShift = 6; // 2 bits

constexpr int kGridColumns = 360; // one-degree cells
constexpr int kGridRows = 180;

void appendVarint(QByteArray &out, quint64 value)
{
    while (value >= 0x80) {
        out.append(char(value | 0x80));
        value >>= 7;
    }
    out.append(char(value));
}

quint64 readVarint(const char *&p)
{
    quint64 value = 0;
    int shift = 0;
    while (true) {
        const auto byte = quint8(*p++);
        value |= quint64(byte & 0x7f) << shift;
        if (!(byte & 0x80)) return value;
        shift += 7;
    }
}

void appendField(QByteArray &out, Tag tag, QByteArrayView bytes)
{
    out.append(char(tag));
    appendVarint(out, quint64(bytes.size()));
    out.append(bytes.data(), bytes.size());
}

bool isAscii(QStringView text)
{
    return std::all_of(text.begin(), text.end(), [](QChar c) { return c.unicode() < 0x80; });
}

/// Appends ASCII text as its bytes, without the temporary a UTF-8 conversion makes.
void appendAscii(QByteArray &out, QStringView text)
{
    const qsizetype at = out.size();
    out.resize(at + text.size());
    char *p = out.data() + at;
    for (const QChar c : text)
        *p++ = char(c.unicode());
}

/// Appends `text` as a field unless it is empty; returns the bytes of its value in `out`.
QByteArrayView appendText(QByteArray &out, Tag tag, const QString &text)
{
    if (text.isEmpty()) return {};
    if (!isAscii(text)) {
        const QByteArray utf8 = text.toUtf8();
        appendField(out, tag, QByteArrayView(utf8));
        return QByteArrayView(out).last(utf8.size());
    }
    out.append(char(tag));
    appendVarint(out, quint64(text.size()));
    appendAscii(out, text);
    return QByteArrayView(out).last(text.size());
}

void appendLocalized(QByteArray &out, Tag tag, const LocalizedText &text)
{
    for (auto it = text.cbegin(); it != text.cend(); ++it) {
        if (it.value().isEmpty()) continue;
        out.append(char(tag));
        if (isAscii(it.key()) && isAscii(it.value())) { // most text: no UTF-8 temporaries
            appendVarint(out, quint64(it.key().size() + 1 + it.value().size()));
            appendAscii(out, it.key());
            out.append(kLangSeparator);
            appendAscii(out, it.value());
            continue;
        }
        const QByteArray lang = it.key().toUtf8(), value = it.value().toUtf8();
        appendVarint(out, quint64(lang.size() + 1 + value.size()));
        out.append(lang).append(kLangSeparator).append(value);
    }
}

/// Calls `visit(tag, bytes)` for each field of one event's text; stops when it returns false.
template<typename Visitor> void forEachField(const char *p, Visitor &&visit)
{
    while (true) {
        const auto tag = Tag(quint8(*p++));
        if (tag == Tag::End) return;
        const auto length = qsizetype(readVarint(p));
        if (!visit(tag, QByteArrayView(p, length))) return;
        p += length;
    }
}

std::pair<QByteArrayView, QByteArrayView> splitLocalized(QByteArrayView bytes)
{
    const auto sep = bytes.indexOf(kLangSeparator);
    return {bytes.first(sep), bytes.sliced(sep + 1)};
}

Claim claimFromJson(QByteArrayView bytes)
{
    return RecordJson::claimFromJson(QJsonDocument::fromJson(bytes.toByteArray()).object());
}

Source sourceFromJson(QByteArrayView bytes)
{
    return RecordJson::sourceFromJson(QJsonDocument::fromJson(bytes.toByteArray()).object());
}

quint32 idHash(QByteArrayView utf8)
{
    return quint32(qHash(utf8));
}

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
            e.claims.append(claimFromJson(bytes));
            break;
        case Tag::Source:
            e.sources.append(sourceFromJson(bytes));
            break;
        case Tag::Related:
            e.related.append(RecordJson::relatedFromJson(QJsonDocument::fromJson(bytes.toByteArray()).object()));
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
        if (tag == Tag::Source) result.append(sourceFromJson(bytes));
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

QString EventStore::searchableText(Index i) const
{
    QString result;
    const auto appendLine = [&](QByteArrayView utf8) {
        if (!result.isEmpty()) result.append(u'\n');
        result.append(QString::fromUtf8(utf8));
    };
    forEachField(text(i), [&](Tag tag, QByteArrayView bytes) {
        switch (tag) {
        case Tag::Title:
        case Tag::Summary:
            appendLine(splitLocalized(bytes).second);
            break;
        case Tag::Actor:
            appendLine(bytes);
            for (const QByteArray &name : actors().searchNames(bytes))
                appendLine(name);
            break;
        case Tag::Place:
            appendLine(bytes);
            break;
        case Tag::Source: {
            const Source s = sourceFromJson(bytes);
            appendLine(QByteArrayView(s.name.toUtf8()));
            appendLine(QByteArrayView(s.url.toUtf8()));
            break;
        }
        default:
            break;
        }
        return true;
    });
    return result;
}

namespace {

char asciiLower(char c)
{
    return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c;
}

/// Whether `lowerNeedle` (ASCII, lower case) occurs in `haystack` (UTF-8), ASCII letters folded.
bool containsAsciiFolded(QByteArrayView haystack, const QByteArray &lowerNeedle)
{
    const qsizetype n = lowerNeedle.size();
    if (n == 0) return true;
    const char first = lowerNeedle[0];
    for (qsizetype at = 0; at + n <= haystack.size(); ++at) {
        if (asciiLower(haystack[at]) != first) continue;
        qsizetype k = 1;
        while (k < n && asciiLower(haystack[at + k]) == lowerNeedle[k])
            ++k;
        if (k == n) return true;
    }
    return false;
}

/// Calls `visit(bytes)` with the "name" and "url" string values of a compact source object as
/// JsonObjectWriter wrote it, unescaped where needed.
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
            if (key == RecordJson::kName || key == RecordJson::kUrl) {
                if (!escaped) {
                    visit(value);
                } else {
                    const QByteArray quoted = '"' + value.toByteArray() + '"';
                    const QJsonDocument doc = QJsonDocument::fromJson('[' + quoted + ']');
                    visit(QByteArrayView(doc.array().at(0).toString().toUtf8()));
                }
            }
        } else {
            while (p < json.size() && json[p] != ',' && json[p] != '}')
                ++p;
        }
        if (p < json.size() && json[p] == ',') ++p;
    }
}

} // namespace

EventStore::TextQuery::TextQuery(const QStringList &words) : m_words(words)
{
    for (const QString &w : words) {
        const bool ascii = std::all_of(w.begin(), w.end(), [](QChar c) { return c.unicode() < 0x80; });
        m_ascii = m_ascii && ascii;
        if (ascii) m_asciiLower.push_back(w.toLatin1().toLower());
    }
    if (!m_ascii) m_asciiLower.clear();
}

bool EventStore::matchesText(Index i, const TextQuery &query) const
{
    if (query.m_words.isEmpty()) return true;
    if (!query.m_ascii) {
        const QString text = searchableText(i);
        return std::all_of(query.m_words.begin(), query.m_words.end(),
                           [&](const QString &w) { return text.contains(w, Qt::CaseInsensitive); });
    }
    const size_t n = query.m_asciiLower.size();
    std::vector<bool> found(n, false);
    size_t remaining = n;
    auto look = [&](QByteArrayView field) {
        for (size_t k = 0; k < n; ++k) {
            if (!found[k] && containsAsciiFolded(field, query.m_asciiLower[k])) {
                found[k] = true;
                --remaining;
            }
        }
        return remaining > 0; // keep going while words are missing
    };
    forEachField(text(i), [&](Tag tag, QByteArrayView bytes) {
        switch (tag) {
        case Tag::Title:
        case Tag::Summary:
            return look(splitLocalized(bytes).second);
        case Tag::Actor:
            if (!look(bytes)) return false;
            for (const QByteArray &name : actors().searchNames(bytes))
                if (!look(name)) return false;
            return true;
        case Tag::Place:
            return look(bytes);
        case Tag::Source:
            forEachSourceText(bytes, [&](QByteArrayView value) { look(value); });
            return remaining > 0;
        default:
            return true;
        }
    });
    return remaining == 0;
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
                      bytes(m_idHashes) + bytes(m_provenanceIndex);
    for (const auto &list : m_byRegionCode)
        total += bytes(list);
    return total;
}

void EventStore::buildIndexes()
{
    const size_t n = m_startMs.size();
    // Interval-tree augmentation, bottom-up over the implicit tree (see queryTree()).
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
    m_gridIndices.assign(m_gridCellStart.back(), 0);
    std::vector<quint32> cursor(m_gridCellStart.begin(), m_gridCellStart.end() - 1);
    for (size_t i = 0; i < n; ++i)
        if (!std::isnan(m_lonDeg[i])) m_gridIndices[cursor[size_t(gridCell(m_lonDeg[i], m_latDeg[i]))]++] = Index(i);

    m_lineEvents.clear();
    for (size_t i = 0; i < n; ++i)
        if (geometryKind(Index(i)) == GeometryKind::Line) m_lineEvents.push_back(Index(i));
}

// ---- builder ---------------------------------------------------------------------------------

EventStoreBuilder::EventStoreBuilder() : m_store(new EventStore) {}

void EventStoreBuilder::reserve(qsizetype events)
{
    auto &s = *m_store;
    const auto n = size_t(events);
    s.m_startMs.reserve(n);
    s.m_endMs.reserve(n);
    s.m_flags.reserve(n);
    s.m_confidence.reserve(n);
    s.m_category.reserve(n);
    s.m_lonDeg.reserve(n);
    s.m_latDeg.reserve(n);
    s.m_textOffset.reserve(n);
}

void EventStoreBuilder::add(const Event &e)
{
    auto &s = *m_store;
    s.m_startMs.push_back(e.when.start().startMs);
    s.m_endMs.push_back(e.when.end().startMs);
    s.m_flags.push_back(quint8(quint8(e.when.start().precision) << kStartPrecisionShift |
                               quint8(e.when.end().precision) << kEndPrecisionShift |
                               quint8(e.geometryKind) << kGeometryShift |
                               quint8(e.locationPrecision) << kLocationPrecisionShift));
    s.m_confidence.push_back(quint8(e.confidence));

    // Most files have a handful of categories: comparing with each beats hashing the text.
    qsizetype category = -1;
    if (s.m_categories.size() <= 16) {
        for (qsizetype k = 0; k < s.m_categories.size() && category < 0; ++k)
            if (s.m_categories[k] == e.category) category = k;
    } else if (const auto it = m_categoryIndex.constFind(e.category); it != m_categoryIndex.constEnd()) {
        category = *it;
    }
    if (category < 0) {
        category = s.m_categories.size();
        m_categoryIndex.insert(e.category, quint16(category));
        s.m_categories.append(e.category);
    }
    s.m_category.push_back(quint16(category));

    const QGeoCoordinate anchor = e.anchor();
    s.m_lonDeg.push_back(anchor.isValid() ? anchor.longitude() : qQNaN());
    s.m_latDeg.push_back(anchor.isValid() ? anchor.latitude() : qQNaN());

    const auto record = EventStore::Index(s.m_textOffset.size());
    QByteArray &t = s.m_text;
    s.m_textOffset.push_back(t.size());
    if (const QByteArrayView id = appendText(t, Tag::Id, e.id); !id.isEmpty())
        m_idHashes.emplace_back(idHash(id), record);
    for (const auto &r : e.regions) {
        const auto number = m_regionNumbers.constFind(r);
        if (number == m_regionNumbers.constEnd()) {
            m_regionNumbers.insert(r, quint32(m_regionMembers.size()));
            m_regionMembers.push_back({record});
        } else {
            m_regionMembers[*number].push_back(record);
        }
    }
    // Neighbours mostly share their provenance: the hash is looked up when it changes.
    if (m_provenanceOf.empty() || e.provenance != m_lastProvenance) {
        m_lastProvenance = e.provenance;
        m_lastProvenanceNumber = m_provenanceNumbers.value(e.provenance, quint32(m_provenanceNumbers.size()));
        m_provenanceNumbers.insert(e.provenance, m_lastProvenanceNumber);
    }
    m_provenanceOf.push_back(m_lastProvenanceNumber);
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
    m_regionNumbers.clear();
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
    auto idsByHash = std::async(launch, [&] { std::sort(m_idHashes.begin(), m_idHashes.end()); });
    std::vector<std::pair<qint64, EventStore::Index>> keyed(n);
    for (size_t i = 0; i < n; ++i)
        keyed[i] = {s.m_startMs[i], EventStore::Index(i)};
    const auto middle = keyed.begin() + qsizetype(n / 2);
    auto firstHalf = std::async(launch, [&] { std::sort(keyed.begin(), middle); });
    std::sort(middle, keyed.end());
    firstHalf.get();
    std::inplace_merge(keyed.begin(), middle, keyed.end());
    idsByHash.get();
    std::vector<EventStore::Index> order(n), rank(n); // sorted position -> file index, and back
    for (size_t i = 0; i < n; ++i) {
        order[i] = keyed[i].second;
        rank[size_t(keyed[i].second)] = EventStore::Index(i);
    }
    keyed = {};

    auto notes = std::async(launch, [&] { renumberNotes(s, order, rank); });
    auto permute = [&](auto &column) {
        std::remove_reference_t<decltype(column)> sorted;
        sorted.reserve(n);
        for (auto i : order)
            sorted.push_back(column[size_t(i)]);
        column = std::move(sorted);
    };
    permute(s.m_startMs);
    permute(s.m_endMs);
    permute(s.m_flags);
    permute(s.m_confidence);
    permute(s.m_category);
    permute(s.m_lonDeg);
    permute(s.m_latDeg);
    permute(s.m_textOffset);
    s.m_text.squeeze();
    s.m_latestEndMs.resize(n);
    for (size_t i = 0; i < n; ++i)
        s.m_latestEndMs[i] = s.when(EventStore::Index(i)).latestEndMs();
    s.buildIndexes();
    notes.get(); // rethrows what the other half threw (out of memory)
    return std::shared_ptr<const EventStore>(store.release());
}

} // namespace chronomap
