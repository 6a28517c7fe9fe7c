// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/db/copy_text_row.h"

#include "core/db/pg_connection.h"
#include "core/time/time_span.h"

#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace chronomap {

namespace {

/// Appends `bytes` of a little-endian value as upper-case hex.
void appendHex(QByteArray &out, const void *bytes, size_t size)
{
    static constexpr char kDigits[] = "0123456789ABCDEF";
    const auto *p = static_cast<const unsigned char *>(bytes);
    for (size_t i = 0; i < size; ++i) {
        out += kDigits[p[i] >> 4];
        out += kDigits[p[i] & 0xf];
    }
}

template<typename T> void appendHexValue(QByteArray &out, T value)
{
    static_assert(Q_BYTE_ORDER == Q_LITTLE_ENDIAN, "EWKB is written as the machine's bytes, flagged little-endian");
    appendHex(out, &value, sizeof value);
}

} // namespace

void CopyTextRow::separate()
{
    if (m_fields++ > 0) m_out += '\t';
}

void CopyTextRow::escaped(QByteArrayView utf8)
{
    // UTF-8's multi-byte sequences never hold these ASCII bytes, so a byte scan is exact.
    for (const char c : utf8) {
        switch (c) {
        case '\\':
            m_out += "\\\\";
            break;
        case '\t':
            m_out += "\\t";
            break;
        case '\n':
            m_out += "\\n";
            break;
        case '\r':
            m_out += "\\r";
            break;
        default:
            m_out += c;
        }
    }
}

void CopyTextRow::text(const QString &value)
{
    separate();
    escaped(value.toUtf8());
}

void CopyTextRow::json(const QByteArray &utf8)
{
    separate();
    escaped(utf8);
}

void CopyTextRow::list(const QStringList &items)
{
    separate();
    escaped(pgArrayLiteral(items));
}

void CopyTextRow::number(double value)
{
    separate();
    char digits[32];
    const auto end = std::to_chars(digits, digits + sizeof digits, value).ptr; // shortest exact text
    m_out.append(digits, end - digits);
}

void CopyTextRow::integer(qint64 value)
{
    separate();
    char digits[24];
    const auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
    m_out.append(digits, end - digits);
}

void CopyTextRow::timestamp(qint64 utcMs)
{
    separate();
    const QDate day = utcDateOf(utcMs);
    const qint64 msOfDay = utcMs - utcMidnightMs(day);
    // QDate has no year 0: 1 BC is -1, as PostgreSQL's `1 BC`.
    const int year = day.year();
    char text[64];
    const int length = std::snprintf(text, sizeof text, "%04d-%02d-%02d %02d:%02d:%02d.%03d+00%s", std::abs(year),
                                     day.month(), day.day(), int(msOfDay / 3'600'000), int(msOfDay / 60'000 % 60),
                                     int(msOfDay / 1000 % 60), int(msOfDay % 1000), year < 0 ? " BC" : "");
    m_out.append(text, length);
}

void CopyTextRow::null()
{
    separate();
    m_out += "\\N";
}

void CopyTextRow::geometry(GeometryKind kind, const QList<QGeoCoordinate> &lonLat)
{
    if (kind == GeometryKind::None || lonLat.isEmpty()) return null();
    separate();
    constexpr quint32 kSridFlag = 0x20000000, kPoint = 1, kLine = 2, kWgs84 = 4326;
    m_out += "01"; // little-endian
    appendHexValue(m_out, (kind == GeometryKind::Line ? kLine : kPoint) | kSridFlag);
    appendHexValue(m_out, kWgs84);
    if (kind == GeometryKind::Line) appendHexValue(m_out, quint32(lonLat.size()));
    const qsizetype vertices = kind == GeometryKind::Line ? lonLat.size() : 1;
    for (qsizetype i = 0; i < vertices; ++i) {
        appendHexValue(m_out, lonLat[i].longitude());
        appendHexValue(m_out, lonLat[i].latitude());
    }
}

} // namespace chronomap
