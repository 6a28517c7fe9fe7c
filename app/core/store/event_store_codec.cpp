// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/store/event_store_codec.h"

#include "core/byte_append.h"

#include <algorithm>

namespace chronomap::EventStoreCodec {

qsizetype putVarint(char *to, quint64 value)
{
    qsizetype n = 0;
    while (value >= 0x80) {
        to[n++] = char(value | 0x80);
        value >>= 7;
    }
    to[n++] = char(value);
    return n;
}

void appendVarint(QByteArray &out, quint64 value)
{
    char bytes[kMaxVarintBytes];
    appendBytes(out, QByteArrayView(bytes, putVarint(bytes, value)));
}

void appendField(QByteArray &out, Tag tag, QByteArrayView bytes)
{
    // The tag, the length and the bytes in one append: each append is an out-of-line resize.
    char head[1 + kMaxVarintBytes];
    head[0] = char(tag);
    appendBytes(out, QByteArrayView(head, 1 + putVarint(head + 1, quint64(bytes.size()))), bytes);
}

bool isAscii(QStringView text)
{
    return std::all_of(text.begin(), text.end(), [](QChar c) { return c.unicode() < 0x80; });
}

void appendAscii(QByteArray &out, QStringView text)
{
    const qsizetype at = out.size();
    out.resize(at + text.size());
    char *p = out.data() + at;
    for (const QChar c : text)
        *p++ = char(c.unicode());
}

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

} // namespace chronomap::EventStoreCodec
