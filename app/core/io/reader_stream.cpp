// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/reader_stream.h"

#include "core/io/batch_converter.h"
#include "core/io/database_source.h"
#include "core/io/gdal_handles.h"
#include "core/io/gdal_session.h"
#include "core/io/id_set.h"
#include "core/io/layer_reader.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>

#include <algorithm>

namespace chronomap {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("EventLoader", text);
}

Issue fatal(const QString &file, const QString &message)
{
    return {Issue::Severity::Fatal, file, -1, {}, {}, message};
}

} // namespace

struct ReaderStream::State {
    ipc::FrameDecoder decoder;
    EventStoreBuilder builder;
    IdSet seenIds;
    std::unique_ptr<LayerReader> reader;
    std::unique_ptr<BatchConverter> converter; ///< of `reader`
    std::vector<int> columnTypes;
    FeatureBatch batch;
    QStringList readMessages, converterMessages;
    ipc::EndInfo end;
    qint64 fileBytes = 0;
};

ReaderStream::ReaderStream(QString path, LoadOptions options)
    // Issues name a database (DatabaseSource) without its password.
    : d(std::make_unique<State>()),
      m_path(DatabaseSource::isDatabase(path) ? DatabaseSource::redacted(path) : std::move(path)),
      m_options(std::move(options))
{
    d->fileBytes = QFileInfo(m_path).size();
}

ReaderStream::~ReaderStream()
{
    d->converter.reset();
    d->reader.reset();
}

qsizetype ReaderStream::eventsConverted() const
{
    return d->builder.size();
}

bool ReaderStream::feed(const char *data, qsizetype size)
{
    if (malformed()) return false;
    d->decoder.append(data, size);
    while (!malformed()) {
        QString error;
        const std::optional<ipc::Frame> frame = d->decoder.next(&error);
        if (!frame) {
            if (!error.isEmpty()) m_error = error;
            break;
        }
        if (m_ended)
            m_error = QStringLiteral("data after the end");
        else if (!handle(*frame) && m_error.isEmpty())
            m_error = QStringLiteral("a malformed frame of type %1").arg(int(frame->type));
    }
    return !malformed();
}

bool ReaderStream::handle(const ipc::Frame &frame)
{
    switch (frame.type) {
    case ipc::FrameType::Driver:
        return ipc::decodeString(frame.payload, &m_driver);
    case ipc::FrameType::Issue: {
        Issue issue;
        if (!ipc::decodeIssue(frame.payload, m_path, &issue)) return false;
        m_result.issues.append(issue);
        return true;
    }
    case ipc::FrameType::Total: {
        qint64 total = 0, estimated = 0;
        if (!ipc::decodeTotal(frame.payload, &total, &estimated)) return false;
        m_total = estimated;
        // As the in-process loader reserves, but never beyond what a file of this size can hold.
        // The estimate is the child's: bounded first, so that a wild one cannot overflow below.
        const qint64 atMost = d->fileBytes / 8 + 1024;
        const qint64 guess = std::clamp<qint64>(estimated, 0, atMost);
        const qint64 expected = std::min({m_options.maxRecords, total > 0 ? total : guess + guess / 16, atMost});
        if (expected > 0) {
            d->builder.reserve(expected, d->fileBytes); // the text: about the file's size
            d->seenIds.reserve(expected);
        }
        return true;
    }
    case ipc::FrameType::Layer: {
        ipc::LayerSchema schema;
        return ipc::decodeLayer(frame.payload, &schema) && beginLayer(schema);
    }
    case ipc::FrameType::Batch:
        return convertBatch(frame.payload);
    case ipc::FrameType::Progress:
        return ipc::decodeProgress(frame.payload, &m_done, &m_total);
    case ipc::FrameType::GdalMessage: {
        QString message;
        if (!ipc::decodeString(frame.payload, &message)) return false;
        if (d->readMessages.size() < 100 && !d->readMessages.contains(message)) d->readMessages.append(message);
        return true;
    }
    case ipc::FrameType::End:
        m_ended = ipc::decodeEnd(frame.payload, &d->end);
        return m_ended;
    case ipc::FrameType::OutOfMemory:
        m_outOfMemory = frame.payload.isEmpty();
        return m_outOfMemory;
    }
    return false;
}

qint64 ReaderStream::childPeakRssBytes() const
{
    return d->end.peakRssBytes;
}

qint64 ReaderStream::childMinorFaults() const
{
    return d->end.minorFaults;
}

bool ReaderStream::beginLayer(const ipc::LayerSchema &schema)
{
    // The conversion needs a LayerReader made from the same layer definition the child read:
    // the same fields give it the same columns, mapping and roles. The child converted the
    // coordinates, so there is no coordinate system here.
    d->converter.reset();
    d->reader.reset();
    // The child has sent the issues its own LayerReader found in this definition; drop ours.
    const qsizetype before = m_result.issues.size();
    d->reader = std::make_unique<LayerReader>(m_path, schema, nullptr, m_options, m_result.issues);
    m_result.issues.resize(before);
    if (!d->reader->usable() || !d->reader->hasStartColumn()) return false;
    d->columnTypes.assign(d->reader->columnTypes().begin(), d->reader->columnTypes().end());
    d->converter = std::make_unique<BatchConverter>(*d->reader, d->seenIds, d->builder, m_options.rowLane);
    return true;
}

bool ReaderStream::convertBatch(QByteArrayView payload)
{
    if (!d->reader || !ipc::decodeBatch(payload, d->columnTypes, &d->batch)) return false;
    const FeatureBatch &batch = d->batch;
    if (batch.size() == 0) return true;
    for (const qint64 record : batch.records)
        if (record <= m_lastRecord || record > m_options.maxRecords) return false; // in order, within the limit
    m_lastRecord = batch.records.back();
    m_done = std::max(m_done, m_lastRecord);
    if (m_converterFailed) return true;
    QElapsedTimer clock;
    clock.start();
    GdalMessageCollector messages;
    try {
        for (qsizetype row = 0; row < batch.size(); ++row)
            d->converter->convert(batch, row);
    } catch (const std::exception &) { // out of memory
        m_converterFailed = true;
    }
    if (QString id = d->converter->lastId(); !id.isEmpty()) m_lastRecordId = std::move(id);
    for (const QString &message : messages.take())
        if (!d->converterMessages.contains(message)) d->converterMessages.append(message);
    m_convertNs += clock.nsecsElapsed();
    return true;
}

LoadResult ReaderStream::build()
{
    LoadResult result = std::move(m_result);
    m_result = {};
    result.recordsRead = std::max(d->end.recordsRead, m_lastRecord);
    d->converter.reset();
    d->reader.reset();
    result.store = d->builder.build();
    d->builder = EventStoreBuilder();
    d->seenIds = IdSet();
    return result;
}

LoadResult ReaderStream::finish()
{
    // The tail of EventLoader's readDataset(), with the child's findings.
    if (d->end.overLimit) {
        d->builder = EventStoreBuilder();
        LoadResult result = build();
        result.recordsRead = d->end.recordsRead;
        return result;
    }
    if (m_converterFailed) {
        m_result.issues.append(fatal(m_path, tr("not enough memory to convert the records")));
        d->builder = EventStoreBuilder();
    } else if (!d->end.anyStartColumn && !m_result.hasFatal() && d->end.total == 0) {
        m_result.issues.append(fatal(m_path, tr("the file holds no records")));
    } else if (!d->end.anyStartColumn && !m_result.hasFatal()) {
        m_result.issues.append(fatal(m_path, tr("no column holds a start date (start, date, event_date, timestamp… "
                                                "or give one with a field mapping such as start=Fecha)")));
    }
    if (!m_converterFailed) {
        QStringList messages = d->readMessages;
        for (const QString &message : std::as_const(d->converterMessages))
            if (messages.size() < 100 && !messages.contains(message)) messages.append(message);
        for (const QString &message : std::as_const(messages))
            m_result.issues.append({Issue::Severity::Warning, m_path, -1, {}, {}, tr("GDAL: %1").arg(message)});
    }
    LoadResult result = build();
    result.recordsRead = d->end.recordsRead;
    if (result.store->isEmpty() && !result.hasFatal()) result.issues.append(fatal(m_path, tr("no usable records")));
    return result;
}

LoadResult ReaderStream::fail(const QString &message)
{
    return fail(message, build());
}

LoadResult ReaderStream::fail(const QString &message, LoadResult result) const
{
    result.partial = std::move(result.store);
    result.store = EventStoreBuilder().build();
    Issue issue = fatal(m_path, message);
    issue.record = m_lastRecord;
    issue.recordId = m_lastRecordId;
    result.issues.append(issue);
    return result;
}

} // namespace chronomap
