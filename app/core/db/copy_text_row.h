// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/io/event_layer_writer.h"

#include <QByteArray>

namespace chronomap {

/// An event's values as one row of PostgreSQL's `COPY … FROM STDIN` text format, appended to a
/// buffer: tab-separated, `\N` for a missing value, backslash, tab, newline and carriage return
/// escaped (the COPY text rules), lists as array literals, the geometry as hex EWKB with SRID 4326
/// (what GDAL's PostgreSQL driver sends for a feature).
class CopyTextRow final : public EventLayerWriter::RowSink {
public:
    explicit CopyTextRow(QByteArray &out) : m_out(out) {}
    /// Ends the row (after its geometry); returns the number of its fields.
    int end()
    {
        m_out += '\n';
        return m_fields;
    }

    void text(const QString &value) override;
    void json(const QByteArray &utf8) override;
    void list(const QStringList &items) override;
    void textUtf8(QByteArrayView utf8) override;
    void listUtf8(const EventStore::RawValues &items) override;
    void number(double value) override;
    void null() override;
    void geometry(GeometryKind kind, const QList<QGeoCoordinate> &lonLat) override;
    void integer(qint64 value);
    /// A timestamptz: the instant `utcMs` (ms since the epoch) as UTC text with its offset, read the
    /// same whatever the session's time zone.
    void timestamp(qint64 utcMs);

private:
    void separate();
    /// Appends `utf8` with the COPY text format's escapes.
    void escaped(QByteArrayView utf8);

    QByteArray &m_out;
    int m_fields = 0;
};

} // namespace chronomap
