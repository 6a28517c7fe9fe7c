// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArrayView>

#include <charconv>

namespace chronomap {

/// Reads the elements of a one-dimensional PostgreSQL integer array in libpq's text form
/// (`{3,-1,7}`) in order, without copying: the bin pyramid's packed rows are millions of them.
class PgIntegerArray {
public:
    explicit PgIntegerArray(QByteArrayView text) : m_at(text.data()), m_end(text.data() + text.size())
    {
        if (m_at != m_end && *m_at == '{') ++m_at;
    }

    /// The next element into `value`; false at the end (or at anything that is not a number).
    bool next(qint64 *value)
    {
        if (m_at != m_end && *m_at == ',') ++m_at;
        const auto [end, error] = std::from_chars(m_at, m_end, *value);
        if (error != std::errc()) return false;
        m_at = end;
        return true;
    }

private:
    const char *m_at;
    const char *m_end;
};

} // namespace chronomap
