// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>

namespace chronomap {

/// Has the kernel back the whole pages of [data, data + bytes) now, in one call
/// (MADV_POPULATE_WRITE), for a buffer that is about to be filled to its end. Changes no byte
/// of it. Returns whether the pages were populated: false for buffers under 64 KiB, off
/// Linux, under the sanitizers and on kernels before 5.14, where the pages fault in as written.
///
/// Why: on the virtual machines we measure on, a fresh page faulted in by a write costs
/// 2.5–15 µs (0.65–3.6 ms per MiB); populated in one call, 0.4–1.4 ms per MiB.
/// Why not huge pages (what this did until 7 December 2026): those VMs return every free
/// 2 MiB block to the host (the balloon's free page reporting, order 9), and a transparent huge
/// page needs such a block, so it is nearly always memory the host must fault in again:
/// 2.1–2.9 ms per MiB, against 0.65 for small pages taken from the guest's free fragments. See
/// docs/PERFORMANCE.md ("Fresh memory").
///
/// Only for buffers filled wholly: an over-reserved one (the store's text, sized by the file)
/// would be populated past what is used.
bool prefaultPages(const void *data, std::size_t bytes);

/// The same for the whole capacity of a std::vector, QByteArray or QList (call it after reserve()).
template<typename Container> bool prefaultCapacity(const Container &c)
{
    return prefaultPages(c.data(), std::size_t(c.capacity()) * sizeof(*c.data()));
}

} // namespace chronomap
