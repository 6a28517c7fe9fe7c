// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/io/feature_batch.h"

#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <vector>

namespace chronomap {

/// How many features a batch holds, and how many batches may exist at once: a few thousand
/// records in flight, whatever the size of the file.
constexpr qsizetype kBatchRecords = 1024;
constexpr int kBatchesInFlight = 4;

/// Hands batches from the reading thread to the converting one and back for reuse. At most
/// `capacity` batches exist, so the reader waits when the converter falls behind.
class BatchQueue {
public:
    explicit BatchQueue(int capacity)
    {
        for (int i = 0; i < capacity; ++i)
            m_free.push_back(std::make_unique<FeatureBatch>());
    }

    /// Reader: an empty batch to fill; null when the converter has stopped.
    std::unique_ptr<FeatureBatch> acquire()
    {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [&] { return !m_free.empty() || m_stopped; });
        if (m_stopped) return nullptr;
        std::unique_ptr<FeatureBatch> batch = std::move(m_free.back());
        m_free.pop_back();
        return batch;
    }
    /// Reader: a filled batch for the converter.
    void push(std::unique_ptr<FeatureBatch> batch)
    {
        const std::lock_guard lock(m_mutex);
        m_full.push_back(std::move(batch));
        m_changed.notify_all();
    }
    /// Reader: no more batches; pop() returns null once the queue is empty.
    void close()
    {
        const std::lock_guard lock(m_mutex);
        m_closed = true;
        m_changed.notify_all();
    }

    /// Converter: the next filled batch, in order; null when closed and empty.
    std::unique_ptr<FeatureBatch> pop()
    {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [&] { return !m_full.empty() || m_closed; });
        if (m_full.empty()) return nullptr;
        std::unique_ptr<FeatureBatch> batch = std::move(m_full.front());
        m_full.pop_front();
        return batch;
    }
    /// Converter: a converted batch back to the reader; `stop` tells the reader to stop reading.
    void recycle(std::unique_ptr<FeatureBatch> batch, bool stop)
    {
        batch->clear();
        const std::lock_guard lock(m_mutex);
        m_free.push_back(std::move(batch));
        m_stopped = m_stopped || stop;
        m_changed.notify_all();
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::vector<std::unique_ptr<FeatureBatch>> m_free;
    std::deque<std::unique_ptr<FeatureBatch>> m_full;
    bool m_closed = false;
    bool m_stopped = false;
};

} // namespace chronomap
