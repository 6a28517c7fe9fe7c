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
    if (row + kIdsAhead < batch.size()) m_ids.prefetch(m_reader.rawId(batch, row + kIdsAhead));
    if (m_rowLane && m_reader.readRow(batch, row, m_row)) {
        const QByteArrayView id = m_row.view(m_row.id);
        m_lastRowId.resize(id.size()); // keeps its capacity
        std::copy(id.begin(), id.end(), m_lastRowId.begin());
        m_lastIsRow = true;
        if (!m_ids.insert(id))
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
