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

void CopyTextRow::textUtf8(QByteArrayView utf8)
{
    separate();
    escaped(utf8);
}

void CopyTextRow::listUtf8(const EventStore::RawValues &items)
{
    separate();
    // pgArrayLiteral's text, without a QString per item.
    QByteArray literal = "{";
    for (qsizetype k = 0; k < items.size(); ++k) {
        if (k > 0) literal += ',';
        literal += '"';
        for (const char c : items[k]) {
            if (c == '"' || c == '\\') literal += '\\';
            literal += c;
        }
        literal += '"';
    }
    literal += '}';
    escaped(literal);
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
    // Whole days since the epoch (rounded down before 1970 too) and the civil date of that day by
    // arithmetic (Howard Hinnant's civil_from_days, proleptic Gregorian as QDate): a QDate and
    // snprintf per timestamp were most of a member row's time.
    constexpr qint64 kDayMs = 86'400'000;
    const qint64 days = utcMs >= 0 ? utcMs / kDayMs : -((-utcMs + kDayMs - 1) / kDayMs);
    const qint64 msOfDay = utcMs - days * kDayMs;
    const qint64 z = days + 719'468;
    const qint64 era = (z >= 0 ? z : z - 146'096) / 146'097;
    const qint64 dayOfEra = z - era * 146'097;
    const qint64 yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36'524 - dayOfEra / 146'096) / 365;
    const qint64 dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    const qint64 mp = (5 * dayOfYear + 2) / 153;
    const int day = int(dayOfYear - (153 * mp + 2) / 5 + 1);
    const int month = int(mp < 10 ? mp + 3 : mp - 9);
    const qint64 astronomicalYear = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
    // Year 0 is 1 BC, as PostgreSQL's `1 BC` (QDate's -1).
    const bool bc = astronomicalYear <= 0;
    const qint64 year = bc ? 1 - astronomicalYear : astronomicalYear;
    char text[64];
    char *p = text;
    auto digits = [&p](qint64 value, int width) {
        char reversed[24];
        int n = 0;
        do {
            reversed[n++] = char('0' + value % 10);
            value /= 10;
        } while (value > 0);
        for (int pad = n; pad < width; ++pad)
            *p++ = '0';
        while (n > 0)
            *p++ = reversed[--n];
    };
    digits(year, 4);
    *p++ = '-';
    digits(month, 2);
    *p++ = '-';
    digits(day, 2);
    *p++ = ' ';
    digits(msOfDay / 3'600'000, 2);
    *p++ = ':';
    digits(msOfDay / 60'000 % 60, 2);
    *p++ = ':';
    digits(msOfDay / 1000 % 60, 2);
    *p++ = '.';
    digits(msOfDay % 1000, 3);
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
