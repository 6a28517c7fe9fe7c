// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/io/feature_batch.h"
#include "core/store/event_row.h"

#include <QString>

#include <array>

namespace chronomap {

class EventStoreBuilder;
class IdSet;
class LayerReader;

/// Turns the records of batches into store records, in order, for EventLoader and ReaderStream:
/// LayerReader::readRow() straight into the columns where the record fits it, else read() and an
/// Event; a record whose id an earlier one has is skipped with an issue. One thread.
class BatchConverter {
public:
    /// `rowLane` false: every record through read() and an Event (LoadOptions::rowLane).
    BatchConverter(LayerReader &reader, IdSet &ids, EventStoreBuilder &builder, bool rowLane);

    /// Converts record `row` of `batch`.
    void convert(const FeatureBatch &batch, qsizetype row);
    /// The id of the last record read (kept or skipped as a duplicate); empty before any.
    QString lastId() const { return m_lastIsRow ? QString::fromLatin1(m_lastRowId) : m_lastId; }

private:
    LayerReader &m_reader;
    IdSet &m_ids;
    EventStoreBuilder &m_builder;
    bool m_rowLane;
    EventRow m_row;
    /// The id hashes computed for IdSet::prefetch() a few records ahead, kept for their insert():
    /// each id hashed once, not three times (prefetch, insert, the store's id index).
    struct AheadHash {
        const char *id = nullptr; ///< where the raw id lies in the batch
        qsizetype size = 0;
        size_t hash = 0;
    };
    std::array<AheadHash, 16> m_aheadHashes{};
    QByteArray m_lastRowId; ///< ASCII; reused
    QString m_lastId;
    bool m_lastIsRow = false;
};

} // namespace chronomap
