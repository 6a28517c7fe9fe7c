// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/batch_codec.h"

#include <ogr_core.h>

#include <cmath>
#include <cstring>
#include <type_traits>

namespace chronomap::ipc {

// ---- writing ----------------------------------------------------------------------------------

size_t FrameWriter::begin(FrameType type)
{
    const size_t header = m_buffer.size();
    putU8(quint8(type));
    const quint32 placeholder = 0;
    putRaw(&placeholder, sizeof placeholder);
    return header;
}

void FrameWriter::finish(size_t header)
{
    const quint32 length = quint32(m_buffer.size() - header - kHeaderBytes);
    std::memcpy(m_buffer.data() + header + 1, &length, sizeof length);
}

void FrameWriter::putString(QByteArrayView s)
{
    const quint32 n = quint32(s.size());
    putRaw(&n, sizeof n);
    putRaw(s.data(), size_t(s.size()));
}

namespace {

constexpr size_t kMaxVarintBytes = 10;
/// A geometry's first byte (else its state): no geometry, no vertices, no issues.
constexpr quint8 kBareGeometry = 0xff;

/// `v` as a varint at `out`; returns the byte after it. The batch's many small numbers are written
/// through a pointer into room made beforehand: a push_back per byte checked the capacity each time.
char *writeVarint(char *out, quint64 v)
{
    while (v >= 0x80) {
        *out++ = char(v | 0x80);
        v >>= 7;
    }
    *out++ = char(v);
    return out;
}

char *writeSigned(char *out, qint64 v)
{
    return writeVarint(out, (quint64(v) << 1) ^ quint64(v >> 63)); // zigzag
}

} // namespace

void FrameWriter::driver(const QString &name)
{
    const size_t h = begin(FrameType::Driver);
    putString(name.toUtf8());
    finish(h);
}

void FrameWriter::issue(const Issue &issue)
{
    const size_t h = begin(FrameType::Issue);
    putU8(quint8(issue.severity));
    putI64(issue.record);
    putString(issue.recordId.toUtf8());
    putString(issue.field.toUtf8());
    putString(issue.message.toUtf8());
    finish(h);
}

void FrameWriter::total(qint64 total, qint64 estimated)
{
    const size_t h = begin(FrameType::Total);
    putI64(total);
    putI64(estimated);
    finish(h);
}

void FrameWriter::layer(const LayerSchema &schema)
{
    const size_t h = begin(FrameType::Layer);
    putString(schema.name);
    putI64(schema.geometryType);
    putU8(schema.hasGeometryField ? 1 : 0);
    putI64(qint64(schema.fields.size()));
    for (const LayerField &f : schema.fields) {
        putString(f.name);
        putI64(f.type);
        putI64(f.subType);
    }
    finish(h);
}

namespace {

template<typename T> void putVector(FrameWriter &, std::string &buffer, const std::vector<T> &v)
{
    static_assert(std::is_trivially_copyable_v<T>);
    const qint64 n = qint64(v.size());
    buffer.append(reinterpret_cast<const char *>(&n), sizeof n);
    buffer.append(reinterpret_cast<const char *>(v.data()), v.size() * sizeof(T));
}

/// Varints written through a small block on the stack, appended to the buffer a block at a
/// time: sizing the buffer for every varint at its longest zero-filled 40 bytes per cell, most
/// of which were given back (3 % of the reader child's CPU at 100k GeoJSON features).
class VarintBlock {
public:
    explicit VarintBlock(std::string &buffer) : m_buffer(buffer) {}
    ~VarintBlock() { flush(); }
    /// Where to write up to `bytes` bytes; advance() past what was written.
    char *room(size_t bytes)
    {
        if (size_t(std::end(m_block) - m_at) < bytes) flush();
        return m_at;
    }
    void advance(char *to) { m_at = to; }
    void flush()
    {
        m_buffer.append(m_block, size_t(m_at - m_block));
        m_at = m_block;
    }

private:
    std::string &m_buffer;
    char m_block[4096];
    char *m_at = m_block;
};

} // namespace

void FrameWriter::batch(const FeatureBatch &batch)
{
    // Cells, records and ranges as small varints relative to the one before: most are a byte
    // each, where the structs would take 32 (a cell) or 35 bytes (a geometry). The text and the
    // numbers go first, so that the reader checks each cell against them as it decodes it.
    const size_t h = begin(FrameType::Batch);
    putI64(batch.columns);
    putI64(qint64(batch.records.size()));
    putString(QByteArrayView(batch.text.data(), qsizetype(batch.text.size())));
    putVector(*this, m_buffer, batch.numbers);
    {
        VarintBlock block(m_buffer);
        qint64 previous = 0;
        for (const qint64 record : batch.records) {
            block.advance(writeSigned(block.room(kMaxVarintBytes), record - previous));
            previous = record;
        }
        qint64 textEnd = 0;
        for (const FeatureBatch::Cell &c : batch.cells) {
            char *out = block.room(4 * kMaxVarintBytes);
            if (c.offset < 0) {
                *out++ = 0;
            } else {
                if (c.offset == textEnd && c.extra == -1 && c.extraCount == 0) {
                    // The common cell (every cell of a CSV): text right after the cell before, no
                    // list or number. One varint, odd: its size.
                    out = writeVarint(out, (quint64(c.size) << 1) | 1);
                } else {
                    const qint64 delta = c.offset - textEnd;
                    out = writeVarint(out, (((quint64(delta) << 1) ^ quint64(delta >> 63)) + 1) << 1); // even, not 0
                    out = writeVarint(out, quint64(c.size));
                    out = writeSigned(out, c.extra);
                    out = writeVarint(out, quint64(c.extraCount));
                }
                textEnd = c.offset + c.size + 1;
            }
            block.advance(out);
        }
        qint64 vertexEnd = 0, issueEnd = 0;
        for (const FeatureBatch::Geometry &g : batch.geometry) { // one per record
            char *out = block.room(3 + 4 * kMaxVarintBytes);
            if (g.state == FeatureBatch::Geometry::State::None && g.kind == GeometryKind::None && !g.regionPrecision &&
                g.vertexBegin == vertexEnd && g.vertexEnd == vertexEnd && g.issueBegin == issueEnd &&
                g.issueEnd == issueEnd) {
                *out++ = char(kBareGeometry); // a record without geometry (a CSV's): one byte, not seven
            } else {
                *out++ = char(quint8(g.state));
                *out++ = char(quint8(g.kind));
                *out++ = char(g.regionPrecision ? 1 : 0);
                out = writeSigned(out, g.vertexBegin - vertexEnd);
                out = writeSigned(out, g.vertexEnd - g.vertexBegin);
                out = writeSigned(out, g.issueBegin - issueEnd);
                out = writeSigned(out, g.issueEnd - g.issueBegin);
                vertexEnd = g.vertexEnd;
                issueEnd = g.issueEnd;
            }
            block.advance(out);
        }
    }
    putVector(*this, m_buffer, batch.lonLat);
    putI64(qint64(batch.issues.size()));
    for (const PendingIssue &issue : batch.issues) {
        putU8(quint8(issue.severity));
        putString(issue.field.toUtf8());
        putString(issue.message.toUtf8());
    }
    finish(h);
}

void FrameWriter::progress(qint64 done, qint64 total)
{
    const size_t h = begin(FrameType::Progress);
    putI64(done);
    putI64(total);
    finish(h);
}

void FrameWriter::gdalMessage(const QString &message)
{
    const size_t h = begin(FrameType::GdalMessage);
    putString(message.toUtf8());
    finish(h);
}

void FrameWriter::end(const EndInfo &info)
{
    const size_t h = begin(FrameType::End);
    putI64(info.recordsRead);
    putU8(info.anyStartColumn ? 1 : 0);
    putI64(info.total);
    putU8(info.overLimit ? 1 : 0);
    putI64(info.peakRssBytes);
    putI64(info.minorFaults);
    finish(h);
}

// ---- reading ----------------------------------------------------------------------------------

std::optional<Frame> FrameDecoder::next(QString *error)
{
    // Compact now and then, so a long stream does not keep every byte it ever held.
    if (m_start > 0 && (m_start == m_buffer.size() || m_start > (1 << 20))) {
        m_buffer.remove(0, m_start);
        m_start = 0;
    }
    if (pending() < kHeaderBytes) return std::nullopt;
    const char *p = m_buffer.constData() + m_start;
    const quint8 type = quint8(p[0]);
    quint32 length = 0;
    std::memcpy(&length, p + 1, sizeof length);
    if (type < quint8(FrameType::Driver) || type > quint8(FrameType::OutOfMemory)) {
        if (error) *error = QStringLiteral("unknown frame type %1").arg(type);
        return std::nullopt;
    }
    if (length > kMaxFrameBytes) {
        if (error) *error = QStringLiteral("a frame of %1 bytes").arg(length);
        return std::nullopt;
    }
    if (pending() < kHeaderBytes + qsizetype(length)) return std::nullopt;
    m_start += kHeaderBytes + qsizetype(length);
    return Frame{FrameType(type), QByteArrayView(p + kHeaderBytes, qsizetype(length))};
}

namespace {

/// Reads values from a payload; once anything runs past the end, every later read fails too.
class Cursor {
public:
    explicit Cursor(QByteArrayView payload) : m_data(payload) {}
    bool ok() const { return m_ok; }
    bool atEnd() const { return m_ok && m_pos == m_data.size(); }

    bool raw(void *out, qsizetype n)
    {
        if (!m_ok || n < 0 || n > m_data.size() - m_pos) return m_ok = false;
        if (n > 0) std::memcpy(out, m_data.data() + m_pos, size_t(n));
        m_pos += n;
        return true;
    }
    quint8 u8()
    {
        if (m_ok && m_pos < m_data.size()) return quint8(m_data[m_pos++]);
        m_ok = false;
        return 0;
    }
    qint64 i64()
    {
        qint64 v = 0;
        raw(&v, sizeof v);
        return v;
    }
    quint64 varint()
    {
        // Most of a batch's varints are one byte: those without the loop.
        if (m_ok && m_pos < m_data.size() && quint8(m_data[m_pos]) < 0x80) return quint8(m_data[m_pos++]);
        quint64 v = 0;
        for (int shift = 0; shift < 64 && m_ok; shift += 7) {
            const quint8 b = u8();
            v |= quint64(b & 0x7f) << shift;
            if (!(b & 0x80)) return v;
        }
        m_ok = false;
        return 0;
    }
    qint64 zigzag() { return unzigzag(varint()); }
    static qint64 unzigzag(quint64 v) { return qint64(v >> 1) ^ -qint64(v & 1); }
    QByteArrayView bytes()
    {
        quint32 n = 0;
        if (!raw(&n, sizeof n) || qsizetype(n) > m_data.size() - m_pos) {
            m_ok = false;
            return {};
        }
        const QByteArrayView v(m_data.data() + m_pos, qsizetype(n));
        m_pos += qsizetype(n);
        return v;
    }
    QString string() { return QString::fromUtf8(bytes()); }
    /// A count of items of `itemBytes` each that must still fit in the payload.
    qint64 count(qsizetype itemBytes)
    {
        const qint64 n = i64();
        if (!m_ok || n < 0 || n > (m_data.size() - m_pos) / std::max<qsizetype>(1, itemBytes)) {
            m_ok = false;
            return 0;
        }
        return n;
    }
    template<typename T> bool vector(std::vector<T> &out)
    {
        const qint64 n = count(sizeof(T));
        if (!m_ok) return false;
        out.resize(size_t(n));
        return raw(out.data(), qsizetype(n * qint64(sizeof(T))));
    }

private:
    QByteArrayView m_data;
    qsizetype m_pos = 0;
    bool m_ok = true;
};

/// a + b wrapping instead of overflowing: a lying child's deltas are refused later, not UB.
qint64 wrapAdd(qint64 a, qint64 b)
{
    return qint64(quint64(a) + quint64(b));
}

bool validSeverity(quint8 s)
{
    return s <= quint8(Issue::Severity::Fatal);
}

} // namespace

bool decodeString(QByteArrayView payload, QString *out)
{
    Cursor c(payload);
    *out = c.string();
    return c.atEnd();
}

bool decodeIssue(QByteArrayView payload, const QString &file, Issue *out)
{
    Cursor c(payload);
    const quint8 severity = c.u8();
    out->severity = Issue::Severity(severity);
    out->file = file;
    out->record = c.i64();
    out->recordId = c.string();
    out->field = c.string();
    out->message = c.string();
    return c.atEnd() && validSeverity(severity) && out->record >= -1;
}

bool decodeTotal(QByteArrayView payload, qint64 *total, qint64 *estimated)
{
    Cursor c(payload);
    *total = c.i64();
    *estimated = c.i64();
    return c.atEnd() && *total >= -1 && *estimated >= -1;
}

bool decodeLayer(QByteArrayView payload, LayerSchema *out)
{
    Cursor c(payload);
    out->name = c.bytes().toByteArray();
    out->geometryType = int(c.i64());
    out->hasGeometryField = c.u8() != 0;
    const qint64 n = c.count(4 + 16); // each field: a name (at least its length) and two numbers
    out->fields.clear();
    for (qint64 i = 0; i < n && c.ok(); ++i) {
        LayerField f;
        f.name = c.bytes().toByteArray();
        const qint64 type = c.i64(), subType = c.i64();
        if (type < 0 || type > OFTMaxType || subType < 0 || subType > OFSTMaxSubType) return false;
        f.type = int(type);
        f.subType = int(subType);
        out->fields.push_back(std::move(f));
    }
    return c.atEnd();
}

bool decodeProgress(QByteArrayView payload, qint64 *done, qint64 *total)
{
    Cursor c(payload);
    *done = c.i64();
    *total = c.i64();
    return c.atEnd() && *done >= 0 && *total >= -1;
}

bool decodeEnd(QByteArrayView payload, EndInfo *out)
{
    Cursor c(payload);
    out->recordsRead = c.i64();
    out->anyStartColumn = c.u8() != 0;
    out->total = c.i64();
    out->overLimit = c.u8() != 0;
    out->peakRssBytes = c.i64();
    out->minorFaults = c.i64();
    return c.atEnd() && out->recordsRead >= 0 && out->total >= -1;
}

bool decodeBatch(QByteArrayView payload, const std::vector<int> &columnTypes, FeatureBatch *out)
{
    FeatureBatch &b = *out;
    b.clear();
    Cursor c(payload);
    const qint64 columns = c.i64();
    if (!c.ok() || columns != qint64(columnTypes.size())) return false;
    b.columns = int(columns);
    const qint64 records = c.count(1 + 1 + qsizetype(columns)); // each: a byte or more, a geometry, its cells
    if (!c.ok()) return false;
    const QByteArrayView text = c.bytes();
    b.text.assign(text.data(), size_t(text.size()));
    if (!c.vector(b.numbers)) return false;
    b.records.resize(size_t(records));
    qint64 previous = 0;
    for (qint64 &record : b.records) {
        record = wrapAdd(previous, c.zigzag());
        if (record < 1) return false;
        previous = record;
    }

    // Every reference must stay inside the batch (the converter indexes without checking):
    // each cell is checked against the text and numbers, which came first, as it is decoded.
    const qint64 textSize = qint64(b.text.size()), numberCount = qint64(b.numbers.size());
    b.cells.resize(size_t(records * columns));
    qint64 textEnd = 0;
    size_t column = 0;
    for (FeatureBatch::Cell &cell : b.cells) {
        const int type = columnTypes[column];
        column = column + 1 == size_t(columns) ? 0 : column + 1;
        const quint64 head = c.varint();
        if (!c.ok()) return false;
        if (head == 0) {
            cell = {};
            continue;
        }
        if (head & 1) { // right after the cell before, no list or number
            cell.offset = textEnd;
            cell.size = qsizetype((head >> 1) & 0x7fff'ffff'ffffULL);
            cell.extra = -1;
            cell.extraCount = 0;
        } else {
            cell.offset = wrapAdd(textEnd, Cursor::unzigzag((head >> 1) - 1));
            cell.size = qsizetype(c.varint() & 0x7fff'ffff'ffffULL);
            cell.extra = c.zigzag();
            cell.extraCount = qsizetype(c.varint() & 0x7fff'ffff'ffffULL);
        }
        textEnd = wrapAdd(cell.offset, cell.size + 1);
        if (cell.offset < 0) continue; // unset: its other members are never read
        if (cell.offset > textSize || cell.size >= textSize - cell.offset ||
            b.text[size_t(cell.offset + cell.size)] != '\0')
            return false;
        if (cell.extra < 0) continue;
        switch (type) {
        case OFTStringList: {
            qint64 at = cell.extra;
            if (cell.extraCount < 0 || at > textSize) return false;
            for (qint64 item = 0; item < cell.extraCount; ++item) {
                const void *nul =
                    at < textSize ? std::memchr(b.text.data() + at, '\0', size_t(textSize - at)) : nullptr;
                if (!nul) return false;
                at = static_cast<const char *>(nul) - b.text.data() + 1;
            }
            break;
        }
        case OFTDate:
        case OFTDateTime:
            if (cell.extra > numberCount - 8) return false;
            break;
        case OFTReal:
        case OFTInteger:
            if (cell.extra > numberCount - 1) return false;
            break;
        default:
            break;
        }
    }

    b.geometry.resize(size_t(records));
    qint64 vertexEnd = 0, issueEnd = 0;
    for (FeatureBatch::Geometry &g : b.geometry) {
        const quint8 state = c.u8();
        if (state == kBareGeometry) {
            g = {};
            g.vertexBegin = g.vertexEnd = vertexEnd;
            g.issueBegin = g.issueEnd = issueEnd;
            continue;
        }
        const quint8 kind = c.u8();
        if (state > quint8(FeatureBatch::Geometry::State::Skipped) || kind > quint8(GeometryKind::Line)) return false;
        g.state = FeatureBatch::Geometry::State(state);
        g.kind = GeometryKind(kind);
        g.regionPrecision = c.u8() != 0;
        g.vertexBegin = wrapAdd(vertexEnd, c.zigzag());
        g.vertexEnd = wrapAdd(g.vertexBegin, c.zigzag());
        g.issueBegin = wrapAdd(issueEnd, c.zigzag());
        g.issueEnd = wrapAdd(g.issueBegin, c.zigzag());
        vertexEnd = g.vertexEnd;
        issueEnd = g.issueEnd;
    }
    if (!c.vector(b.lonLat)) return false;
    const qint64 issues = c.count(1 + 8);
    b.issues.resize(size_t(issues));
    for (PendingIssue &issue : b.issues) {
        const quint8 severity = c.u8();
        if (!validSeverity(severity)) return false;
        issue.severity = Issue::Severity(severity);
        issue.field = c.string();
        issue.message = c.string();
    }
    if (!c.atEnd()) return false;

    const qint64 vertices = qint64(b.lonLat.size()), pending = qint64(b.issues.size());
    for (const FeatureBatch::Geometry &g : b.geometry) {
        if (g.vertexBegin < 0 || g.vertexBegin > g.vertexEnd || g.vertexEnd > vertices) return false;
        if (g.issueBegin < 0 || g.issueBegin > g.issueEnd || g.issueEnd > pending) return false;
        if (g.state != FeatureBatch::Geometry::State::Usable) continue;
        for (qint64 i = g.vertexBegin; i + 1 < g.vertexEnd; i += 2) { // WGS 84, as extract() leaves them
            const double lon = b.lonLat[size_t(i)], lat = b.lonLat[size_t(i + 1)];
            if (!(std::abs(lon) <= 180.0 && std::abs(lat) <= 90.0)) return false; // NaN fails too
        }
    }
    return true;
}

} // namespace chronomap::ipc
