// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArrayView>

#include <cstring>

namespace chronomap {

/// True when every byte is below 0x80. Eight bytes at a time: the CSV load's converting process
/// checks every cell of every record (issue 20).
inline bool isAscii(QByteArrayView bytes)
{
    const char *p = bytes.data(), *const end = p + bytes.size();
    quint64 any = 0;
    for (; end - p >= 8; p += 8) {
        quint64 word;
        std::memcpy(&word, p, sizeof word);
        any |= word;
    }
    for (; p != end; ++p)
        any |= quint8(*p);
    return (any & 0x8080'8080'8080'8080ULL) == 0;
}

/// QByteArrayView::trimmed, inline: C's white space (space, \t \n \v \f \r), which for ASCII is
/// QStringView::trimmed's too. Qt's is out of line, and the converting process trims most
/// fields of every record.
inline QByteArrayView trimmedAscii(QByteArrayView bytes)
{
    const auto space = [](char c) { return c == ' ' || (c >= '\t' && c <= '\r'); };
    const char *begin = bytes.data(), *end = begin + bytes.size();
    while (end != begin && space(end[-1])) // the end first, as Qt: white space alone leaves `begin`
        --end;
    while (begin != end && space(*begin))
        ++begin;
    return QByteArrayView(begin, end - begin);
}

} // namespace chronomap
