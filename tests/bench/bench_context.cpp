// SPDX-License-Identifier: GPL-3.0-or-later
#include "bench_context.h"

#include "core/io/event_loader.h"

namespace chronomap::bench {

std::shared_ptr<const EventStore> BenchContext::store()
{
    if (!m_store) m_store = EventLoader::load(m_files.csvPath).store;
    return m_store;
}

} // namespace chronomap::bench
