// SPDX-License-Identifier: GPL-3.0-or-later
// EventStore's text search: searchableText() and matchesText().
#include "core/store/event_store.h"

#include "core/model/record_json.h"
#include "core/store/event_store_codec.h"

#include <algorithm>

namespace chronomap {

using namespace EventStoreCodec;

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
            const Source s = RecordJson::sourceFromCompact(bytes);
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
            RecordJson::forEachSourceText(bytes, [&](QByteArrayView value) { look(value); });
            return remaining > 0;
        default:
            return true;
        }
    });
    return remaining == 0;
}

} // namespace chronomap
