// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <cstring>

namespace chronomap {

/// Appends `bytes` to `out` by a resize (amortised growth) and a copy. Qt 6.4's
/// QByteArray::append(const char *, qsizetype) is an out-of-line insert: on a CSV load's
/// converting thread, where records append a few short fields each, the inserts cost 13 % of
/// it (callgrind, issue 20). Bytes inside `out` itself go to Qt's append, which copes.
inline void appendBytes(QByteArray &out, QByteArrayView bytes)
{
    if (bytes.isEmpty()) return;
    const char *begin = out.constData();
    if (bytes.data() >= begin && bytes.data() < begin + out.capacity()) {
        out.append(bytes);
        return;
    }
    const qsizetype at = out.size();
    out.resize(at + bytes.size());
    std::memcpy(out.data() + at, bytes.data(), size_t(bytes.size()));
}

} // namespace chronomap
