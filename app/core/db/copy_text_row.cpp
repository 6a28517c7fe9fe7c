// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/db/copy_text_row.h"

#include "core/db/pg_connection.h"
#include "core/time/utc_civil_time.h"

#include <charconv>
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

void CopyTextRow::textUtf8(QByteArrayView utf8)
{
    separate();
    escaped(utf8);
}

void CopyTextRow::listUtf8(const EventStore::RawValues &items)
{
    separate();
    escaped(pgArrayLiteral(items));
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
    // The civil date by arithmetic: a QDate and snprintf per timestamp were most of a member row's time.
    const UtcCivilTime civil = utcCivilTimeOf(utcMs);
    const qint64 msOfDay = civil.msOfDay;
    const int month = civil.month, day = civil.day;
    // Year 0 is 1 BC, as PostgreSQL's `1 BC` (QDate's -1).
    const bool bc = civil.year <= 0;
    const qint64 year = bc ? 1 - civil.year : civil.year;
    char text[64];
    char *p = writePaddedDecimal(text, year, 4);
    *p++ = '-';
    p = writePaddedDecimal(p, month, 2);
    *p++ = '-';
    p = writePaddedDecimal(p, day, 2);
    *p++ = ' ';
    p = writePaddedDecimal(p, msOfDay / 3'600'000, 2);
    *p++ = ':';
    p = writePaddedDecimal(p, msOfDay / 60'000 % 60, 2);
    *p++ = ':';
    p = writePaddedDecimal(p, msOfDay / 1000 % 60, 2);
    *p++ = '.';
    p = writePaddedDecimal(p, msOfDay % 1000, 3);
    std::memcpy(p, "+00", 3);
    p += 3;
    if (bc) {
        std::memcpy(p, " BC", 3);
        p += 3;
    }
    m_out.append(text, p - text);
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
