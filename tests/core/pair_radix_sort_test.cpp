// SPDX-License-Identifier: GPL-3.0-or-later
// radixSortPairs gives std::sort's order for the pairs a store sorts at the end of a load: the
// start times and id hashes of the bundled dataset in a shuffled file order, repeated past the
// radix threshold (equal keys), shifted before 1970 (negative keys), and with record numbers that
// do not ascend (std::sort's own path).
#include "core/store/pair_radix_sort.h"

#include "core/io/event_loader.h"
#include "core/store/event_store.h"

#include "../bundled_data.h"

#include <QHashFunctions>

#include <catch2/catch.hpp>

#include <algorithm>
#include <random>

using namespace chronomap;

namespace {

/// The bundled events in a shuffled order, as a file gives them: (start in ms, id).
std::vector<std::pair<qint64, QString>> shuffledBundledEvents()
{
    const LoadResult result = EventLoader::load(test::sourcePath("geodata/events/russia-north-korea.geojson"));
    REQUIRE_FALSE(result.hasFatal());
    const EventStore &store = *result.store;
    REQUIRE(store.size() > 20);
    std::vector<std::pair<qint64, QString>> events;
    for (EventStore::Index i = 0; i < EventStore::Index(store.size()); ++i)
        events.emplace_back(store.when(i).start().startMs, store.id(i));
    std::shuffle(events.begin(), events.end(), std::mt19937(20));
    return events;
}

template<typename First> void requireSortsAsStdSort(std::vector<std::pair<First, qint32>> pairs)
{
    auto expected = pairs;
    std::sort(expected.begin(), expected.end());
    radixSortPairs(pairs);
    REQUIRE(pairs == expected);
}

} // namespace

TEST_CASE("radixSortPairs orders a store's start times and id hashes as std::sort does", "[store]")
{
    const auto events = shuffledBundledEvents();
    const qint32 copies = qint32(20'000 / events.size() + 1); // past the radix threshold: equal keys
    std::vector<std::pair<qint64, qint32>> starts, beforeEpoch, notAscending;
    std::vector<std::pair<quint32, qint32>> idHashes;
    for (qint32 copy = 0; copy < copies; ++copy)
        for (const auto &[startMs, id] : events) {
            const auto record = qint32(starts.size());
            starts.emplace_back(startMs, record);
            beforeEpoch.emplace_back(startMs - qint64(copy) * 86'400'000LL * 365 * 60, record);
            idHashes.emplace_back(quint32(qHash(id, size_t(copy))), record);
            notAscending.emplace_back(startMs, qint32(events.size()) * copies - record);
        }
    REQUIRE(starts.size() > 4096);
    REQUIRE(std::any_of(beforeEpoch.begin(), beforeEpoch.end(), [](const auto &p) { return p.first < 0; }));
    requireSortsAsStdSort(starts);
    requireSortsAsStdSort(beforeEpoch);
    requireSortsAsStdSort(idHashes);
    requireSortsAsStdSort(notAscending);
    // Small inputs take std::sort; one pair and none too.
    requireSortsAsStdSort(std::vector<std::pair<qint64, qint32>>(starts.begin(), starts.begin() + 100));
    requireSortsAsStdSort(std::vector<std::pair<qint64, qint32>>(starts.begin(), starts.begin() + 1));
    requireSortsAsStdSort(std::vector<std::pair<qint64, qint32>>());
}
