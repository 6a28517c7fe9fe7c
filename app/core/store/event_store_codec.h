// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The event store's text arena and flag bits, shared by the store, its builder and its search.
// Private to core/store.

#include "core/model/event.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QHash>

#include <utility>

namespace chronomap::EventStoreCodec {

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

/// A quint64 takes at most ten 7-bit groups.
constexpr qsizetype kMaxVarintBytes = 10;
/// Writes `value` as a varint at `to` (room for kMaxVarintBytes); returns the bytes written.
qsizetype putVarint(char *to, quint64 value);
void appendVarint(QByteArray &out, quint64 value);

inline quint64 readVarint(const char *&p)
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

void appendField(QByteArray &out, Tag tag, QByteArrayView bytes);
bool isAscii(QStringView text);
/// Appends ASCII text as its bytes, without the temporary a UTF-8 conversion makes.
void appendAscii(QByteArray &out, QStringView text);
/// Appends `text` as a field unless it is empty; returns the bytes of its value in `out`.
QByteArrayView appendText(QByteArray &out, Tag tag, const QString &text);
void appendLocalized(QByteArray &out, Tag tag, const LocalizedText &text);

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

inline std::pair<QByteArrayView, QByteArrayView> splitLocalized(QByteArrayView bytes)
{
    const auto sep = bytes.indexOf(kLangSeparator);
    return {bytes.first(sep), bytes.sliced(sep + 1)};
}

inline quint32 idHash(QByteArrayView utf8)
{
    return quint32(qHash(utf8));
}

} // namespace chronomap::EventStoreCodec
