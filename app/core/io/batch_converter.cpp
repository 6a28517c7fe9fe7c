// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/batch_converter.h"

#include "core/io/id_set.h"
#include "core/io/layer_reader.h"
#include "core/store/event_store.h"

namespace chronomap {

BatchConverter::BatchConverter(LayerReader &reader, IdSet &ids, EventStoreBuilder &builder, bool rowLane)
    : m_reader(reader), m_ids(ids), m_builder(builder), m_rowLane(rowLane)
{}

void BatchConverter::convert(const FeatureBatch &batch, qsizetype row)
{
    // The id set's probe for a record a few ahead, so that its memory has arrived by then.
    constexpr qsizetype kIdsAhead = 8;
    static_assert(kIdsAhead < qsizetype(std::tuple_size_v<decltype(m_aheadHashes)>));
    if (row == 0) m_aheadHashes.fill({}); // a new batch: the hashes kept are another's
    if (row + kIdsAhead < batch.size()) {
        const QByteArrayView ahead = m_reader.rawId(batch, row + kIdsAhead);
        AheadHash &kept = m_aheadHashes[size_t(row + kIdsAhead) % m_aheadHashes.size()];
        kept = {ahead.data(), ahead.size(), IdSet::hashOf(ahead)};
        m_ids.prefetchHash(kept.hash);
    }
    if (m_rowLane && m_reader.readRow(batch, row, m_row)) {
        const QByteArrayView id = m_row.view(m_row.id);
        m_lastRowId.resize(id.size()); // keeps its capacity
        std::copy(id.begin(), id.end(), m_lastRowId.begin());
        m_lastIsRow = true;
        // readRow() copies the raw id cell: the hash kept for those bytes is this id's.
        const QByteArrayView raw = m_reader.rawId(batch, row);
        const AheadHash &kept = m_aheadHashes[size_t(row) % m_aheadHashes.size()];
        const size_t hash =
            kept.id && kept.id == raw.data() && kept.size == raw.size() && raw == id ? kept.hash : IdSet::hashOf(id);
        m_row.idQHash = hash;
        if (!m_ids.insert(id, hash))
            m_reader.reportDuplicateId(QString::fromLatin1(id));
        else
            m_builder.addRow(m_row);
        return;
    }
    if (auto e = m_reader.read(batch, row)) {
        m_lastId = e->id;
        m_lastIsRow = false;
        if (!m_ids.insert(QStringView(e->id)))
            m_reader.reportDuplicateId(e->id);
        else
            m_builder.add(*e);
    }
}

} // namespace chronomap
