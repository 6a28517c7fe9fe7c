// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/io/feature_batch.h"
#include "core/model/issue.h"

#include <QByteArray>
#include <QString>

#include <optional>
#include <string>
#include <vector>

namespace chronomap {

/// The stream a reader child writes on its stdout and the app decodes: length-prefixed binary
/// frames `[type: u8][length: u32, host order][payload]`. Child and app are the same binary, so
/// numbers travel in host order. The decoder trusts nothing: every length, offset and range is
/// checked before a batch reaches LayerReader::read().
namespace ipc {

enum class FrameType : quint8 {
    Driver = 1,  ///< the GDAL driver that opened the file (short name)
    Issue,       ///< an issue found by the reading side, in order
    Total,       ///< records the file holds (-1: unknown) and the estimate progress uses
    Layer,       ///< the schema of the layer whose batches follow
    Batch,       ///< a FeatureBatch of the current layer
    Progress,    ///< records read so far and the total progress shows
    GdalMessage, ///< a GDAL warning or error collected while reading
    End,         ///< the reading finished; nothing follows
    OutOfMemory, ///< the child hit its address-space limit (written from its new handler)
};

/// The largest frame accepted: a batch of huge text cells, but not a gigabyte of garbage.
constexpr quint32 kMaxFrameBytes = 512u << 20;
constexpr int kHeaderBytes = 5;

/// One OGR field of a layer, as the child's layer definition has it.
struct LayerField {
    QByteArray name;
    int type = 0;    ///< OGRFieldType
    int subType = 0; ///< OGRFieldSubType
};

struct LayerSchema {
    QByteArray name;
    int geometryType = 0; ///< OGRwkbGeometryType of the first geometry field; 0 (wkbUnknown) also when none
    bool hasGeometryField = false;
    std::vector<LayerField> fields;
};

struct EndInfo {
    qint64 recordsRead = 0;
    bool anyStartColumn = false;
    qint64 total = 0;
    bool overLimit = false;  ///< refused for its record count while reading; keep nothing
    qint64 peakRssBytes = 0; ///< the child's own peak resident set (VmHWM), for the bench
    qint64 minorFaults = 0;  ///< page faults the child served without I/O (fresh memory)
};

/// Appends frames to a byte buffer; the child writes the buffer out.
class FrameWriter {
public:
    void driver(const QString &name);
    void issue(const Issue &issue);
    void total(qint64 total, qint64 estimated);
    void layer(const LayerSchema &schema);
    void batch(const FeatureBatch &batch);
    void progress(qint64 done, qint64 total);
    void gdalMessage(const QString &message);
    void end(const EndInfo &info);

    const std::string &bytes() const { return m_buffer; }
    void clear() { m_buffer.clear(); }

private:
    size_t begin(FrameType type);
    void finish(size_t header);
    void putU8(quint8 v) { m_buffer.push_back(char(v)); }
    void putI64(qint64 v) { putRaw(&v, sizeof v); }
    void putString(QByteArrayView s);
    void putRaw(const void *data, size_t size) { m_buffer.append(static_cast<const char *>(data), size); }

    std::string m_buffer;
};

/// A frame as cut from the stream: valid until the next call to FrameDecoder::next().
struct Frame {
    FrameType type;
    QByteArrayView payload;
};

/// Cuts frames out of the bytes read from the pipe, whatever sizes they arrive in.
class FrameDecoder {
public:
    void append(const char *data, qsizetype size) { m_buffer.append(data, size); }
    /// The next whole frame; nullopt when more bytes are needed or on error (`error` set).
    std::optional<Frame> next(QString *error);
    /// Bytes received that do not make a whole frame yet.
    qsizetype pending() const { return m_buffer.size() - m_start; }

private:
    QByteArray m_buffer;
    qsizetype m_start = 0;
};

/// Payload decoders: false when the payload is malformed (short, out of range, inconsistent).
bool decodeString(QByteArrayView payload, QString *out);
bool decodeIssue(QByteArrayView payload, const QString &file, Issue *out);
bool decodeTotal(QByteArrayView payload, qint64 *total, qint64 *estimated);
bool decodeLayer(QByteArrayView payload, LayerSchema *out);
bool decodeProgress(QByteArrayView payload, qint64 *done, qint64 *total);
bool decodeEnd(QByteArrayView payload, EndInfo *out);

/// Decodes a batch into `out` (reusing its memory) and checks it against the column types the
/// app's own LayerReader copies (`columnTypes`, OGRFieldType each): every cell, string list,
/// number, geometry range and pending issue must lie inside the batch.
bool decodeBatch(QByteArrayView payload, const std::vector<int> &columnTypes, FeatureBatch *out);

} // namespace ipc

} // namespace chronomap
