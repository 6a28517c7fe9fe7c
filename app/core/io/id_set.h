// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/byte_append.h"
#include "core/prefault_pages.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QHashFunctions>
#include <QStringView>

#include <algorithm>
#include <bit>
#include <vector>

namespace chronomap {

/// The ids read so far, to find duplicates without a heap-allocated string per id: the ids'
/// UTF-8 text in one buffer and an open-addressing table of (hash, id number) into it.
class IdSet {
public:
    void reserve(qint64 ids)
    {
        m_begin.reserve(size_t(ids) + 1);
        m_text.reserve(qsizetype(std::min<qint64>(ids, 1 << 26) * 16)); // most ids are shorter: no copying as it grows
        prefaultCapacity(m_begin); // not the text: most ids are shorter than reserved
        if (!roomFor(size_t(ids) + 1)) rehash(std::bit_ceil((size_t(ids) + 1) * 3 / 2 + 1));
    }

    /// Starts loading the table's line where `utf8` would go: the table is too big for the
    /// cache, and a probe that waits for memory cost more than the rest of insert() (profiled
    /// over a million ids). Call it a few ids ahead of their insert(); changes nothing.
    void prefetch(QByteArrayView utf8) const { prefetchHash(hashOf(utf8)); }
    /// prefetch() by the id's hashOf(), for a caller that keeps the hash for its insert().
    void prefetchHash(size_t hash) const
    {
        if (m_slots.empty()) return;
        const Slot *slot = &m_slots[hash & (m_slots.size() - 1)];
#if defined(__x86_64__) || defined(__i386__)
        // gcc 12 drops a __builtin_prefetch whose address comes from a pure call (qHash).
        asm volatile("prefetcht0 %0" : : "m"(*slot));
#else
        __builtin_prefetch(slot);
#endif
    }

    /// Adds `id`; false when it was there already.
    bool insert(QStringView id)
    {
        m_scratch.resize(0); // keeps its capacity
        if (std::all_of(id.begin(), id.end(), [](QChar c) { return c.unicode() < 0x80; })) {
            m_scratch.resize(id.size()); // ASCII is its own UTF-8
            std::transform(id.begin(), id.end(), m_scratch.begin(), [](QChar c) { return char(c.unicode()); });
        } else {
            m_scratch = id.toUtf8();
        }
        return insert(QByteArrayView(m_scratch));
    }

    /// The hash the set files `utf8` under: qHash(), as EventStoreCodec::idHash() takes it.
    static size_t hashOf(QByteArrayView utf8)
    {
        return qHash(utf8);
    }

    /// Adds the id given as UTF-8; false when it was there already (as either form).
    bool insert(QByteArrayView utf8)
    {
        return insert(utf8, hashOf(utf8));
    }
    /// insert() with the id's hashOf() known.
    bool insert(QByteArrayView utf8, size_t hash)
    {
        // m_begin holds one more than the ids: the count after this one is at most that.
        if (!roomFor(m_begin.size() + 1)) rehash(std::max<size_t>(64, m_slots.size() * 2));
        const auto tag = quint32(hash ^ (quint64(hash) >> 32));
        const size_t mask = m_slots.size() - 1;
        for (size_t i = hash & mask;; i = (i + 1) & mask) {
            Slot &slot = m_slots[i];
            if (slot.idPlusOne == 0) {
                if (m_begin.empty()) m_begin.push_back(0);
                appendBytes(m_text, utf8);
                m_begin.push_back(m_text.size());
                slot = {tag, quint32(m_begin.size() - 1)};
                return true;
            }
            if (slot.tag == tag && idText(slot.idPlusOne - 1) == utf8) return false;
        }
    }

private:
    struct Slot {
        quint32 tag = 0;
        quint32 idPlusOne = 0; ///< 0 = empty
    };
    /// Whether `ids` fit at most two thirds full: linear probing stays short, and a million ids
    /// take a 16 MB table, not 32.
    bool roomFor(size_t ids) const
    {
        return ids * 3 <= m_slots.size() * 2;
    }
    QByteArrayView idText(quint32 n) const
    {
        return QByteArrayView(m_text).sliced(m_begin[n], m_begin[n + 1] - m_begin[n]);
    }
    void rehash(size_t capacity) // a power of two ("slots" is a Qt keyword)
    {
        std::vector<Slot> old;
        old.reserve(capacity);
        prefaultCapacity(old); // the zeros written next: populated in one call (see prefaultPages)
        old.resize(capacity);
        old.swap(m_slots);
        for (const Slot &slot : old) {
            if (slot.idPlusOne == 0) continue;
            const size_t hash = qHash(idText(slot.idPlusOne - 1));
            for (size_t i = hash & (capacity - 1);; i = (i + 1) & (capacity - 1))
                if (m_slots[i].idPlusOne == 0) {
                    m_slots[i] = slot;
                    break;
                }
        }
    }

    QByteArray m_text;              ///< the ids' UTF-8, one after another
    std::vector<qsizetype> m_begin; ///< where id n starts in m_text; one more entry for the end
    std::vector<Slot> m_slots;      ///< a power of two, at most two thirds full
    QByteArray m_scratch;           ///< the UTF-8 of the id insert(QStringView) is adding
};

} // namespace chronomap
