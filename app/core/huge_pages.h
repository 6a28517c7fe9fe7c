// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>

namespace chronomap {

/// Asks the kernel to back the whole pages of [data, data + bytes) with transparent huge pages
/// (THP "madvise" mode, Debian's default), before anything is written there.
///
/// Why: on the virtual machines we measure on, each fresh 4 KiB page costs about 4 µs to fault
/// in, and a million-record load fills some 280 MB of fresh columns, text and tables: huge pages
/// fault in 2 MiB at a time. Only for buffers of several MiB that are about to be filled; a
/// no-op for smaller ones, off Linux and under the sanitizers. Changes no byte of the buffer.
void adviseHugePages(const void *data, std::size_t bytes);

/// The same for the capacity of a std::vector, QByteArray or QList (call it after reserve()).
template<typename Container> void adviseHugePages(const Container &c)
{
    adviseHugePages(c.data(), std::size_t(c.capacity()) * sizeof(*c.data()));
}

} // namespace chronomap
