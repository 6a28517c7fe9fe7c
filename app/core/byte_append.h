// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <cstring>

namespace chronomap {

/// Makes `out` `n` bytes longer and returns where they start, as QByteArray::resize() does (the
/// bytes uninitialised, the terminator kept). When they fit the room already allocated they are
/// claimed inline: Qt 6.4's resize is out of line, and a CSV load's converting thread made
/// 13 calls per record (4.5 % of it, callgrind, issue 20).
inline char *extendBy(QByteArray &out, qsizetype n)
{
    QByteArray::DataPointer &d = out.data_ptr();
    if (!d.needsDetach() && d.freeSpaceAtEnd() > n) {
        char *at = d.data() + d.size;
        d.size += n;
        at[n] = '\0';
        return at;
    }
    const qsizetype at = out.size();
    out.resize(at + n);
    return out.data() + at;
}

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
    std::memcpy(extendBy(out, bytes.size()), bytes.data(), size_t(bytes.size()));
}

/// Appends `head` then `bytes` to `out` with one resize: a field's tag and length, then its text.
inline void appendBytes(QByteArray &out, QByteArrayView head, QByteArrayView bytes)
{
    const char *begin = out.constData();
    const auto inside = [&](QByteArrayView v) { return v.data() >= begin && v.data() < begin + out.capacity(); };
    if (inside(head) || inside(bytes)) {
        out.append(head);
        out.append(bytes);
        return;
    }
    char *at = extendBy(out, head.size() + bytes.size());
    if (!head.isEmpty()) std::memcpy(at, head.data(), size_t(head.size()));
    if (!bytes.isEmpty()) std::memcpy(at + head.size(), bytes.data(), size_t(bytes.size()));
}

} // namespace chronomap
