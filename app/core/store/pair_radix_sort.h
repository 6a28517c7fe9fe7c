// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/prefault_pages.h"

#include <algorithm>
#include <array>
#include <concepts>
#include <cstddef>
#include <type_traits>
#include <utility>
#include <vector>

namespace chronomap {

/// Sorts pairs of integers ascending exactly as std::sort does (by first, then by second), in
/// linear time when `second` already ascends, as the record numbers a store notes in file order
/// do: a stable least-significant-digit radix sort on `first` alone then gives std::sort's order,
/// byte digits that every pair shares skipped. Any other input, or a small one, goes to std::sort.
///
/// Why: at the end of a million-event load, sorting the start times and the id hashes with
/// std::sort took a third of the time spent after the reader child had finished (perf, 1M CSV
/// rows), and that time is all added to the load's.
template<std::integral First, std::integral Second> void radixSortPairs(std::vector<std::pair<First, Second>> &pairs)
{
    using Pair = std::pair<First, Second>;
    using Key = std::make_unsigned_t<First>;
    constexpr size_t kRadixFrom = 4096; // below this, std::sort is as quick and needs no second buffer
    const size_t n = pairs.size();
    const bool secondAscends =
        std::is_sorted(pairs.begin(), pairs.end(), [](const Pair &a, const Pair &b) { return a.second < b.second; });
    if (n < kRadixFrom || !secondAscends) {
        std::sort(pairs.begin(), pairs.end());
        return;
    }
    // Signed keys with the sign bit flipped order as unsigned ones.
    constexpr Key kFlip = std::is_signed_v<First> ? Key(Key(1) << (8 * sizeof(First) - 1)) : Key(0);
    constexpr size_t kDigits = sizeof(First);
    std::array<std::array<size_t, 256>, kDigits> counts{};
    for (const Pair &p : pairs) {
        const Key key = Key(p.first) ^ kFlip;
        for (size_t d = 0; d < kDigits; ++d)
            ++counts[d][size_t(key >> (8 * d)) & 0xff];
    }
    std::vector<Pair> other;
    Pair *from = pairs.data(), *to = nullptr;
    for (size_t d = 0; d < kDigits; ++d) {
        const std::array<size_t, 256> &count = counts[d];
        if (*std::max_element(count.begin(), count.end()) == n) continue; // every pair shares this digit
        if (!to) {
            other.reserve(n);
            prefaultCapacity(other); // filled wholly (resize writes it first)
            other.resize(n);
            to = other.data();
        }
        std::array<size_t, 256> next{};
        for (size_t b = 1; b < 256; ++b)
            next[b] = next[b - 1] + count[b - 1];
        for (const Pair *p = from, *end = from + n; p != end; ++p)
            to[next[size_t((Key(p->first) ^ kFlip) >> (8 * d)) & 0xff]++] = *p;
        std::swap(from, to);
    }
    if (from != pairs.data()) pairs.swap(other); // the last pass wrote the other buffer
}

} // namespace chronomap
