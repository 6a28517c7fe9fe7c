// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "synthetic_events.h"

#include "core/store/event_store.h"

#include <memory>

namespace chronomap::bench {

/// What every figure group gets: the run's size, the synthetic files, and the CSV file loaded
/// into an EventStore once and shared (a group that loads it anyway hands it over with setStore()).
class BenchContext {
public:
    BenchContext(SyntheticFiles files, int repetitions) : m_files(std::move(files)), m_repetitions(repetitions) {}

    qint64 events() const { return m_files.events; }
    /// How many times each timed measurement is repeated; figures report the median.
    int repetitions() const { return m_repetitions; }
    const SyntheticFiles &files() const { return m_files; }
    /// The chronomap executable the export figures run.
    QString chronomapPath() const { return m_chronomapPath; }
    void setChronomapPath(const QString &path) { m_chronomapPath = path; }

    /// The synthetic CSV file as a loaded store; loads it on first use. Never null.
    std::shared_ptr<const EventStore> store();
    void setStore(std::shared_ptr<const EventStore> store) { m_store = std::move(store); }

private:
    SyntheticFiles m_files;
    int m_repetitions;
    std::shared_ptr<const EventStore> m_store;
    QString m_chronomapPath;
};

} // namespace chronomap::bench
