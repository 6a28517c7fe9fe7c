// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/io/batch_codec.h"
#include "core/io/event_loader.h"

#include <memory>

namespace chronomap {

/// The app's side of a reader child's stream: decodes frames and converts each batch into events
/// with the same LayerReader conversion an in-process load uses, building the store as batches
/// arrive. Fed whatever bytes the pipe gives; never trusts them (a malformed stream is an error,
/// never undefined behaviour). One thread.
class ReaderStream {
public:
    ReaderStream(QString path, LoadOptions options);
    ~ReaderStream();
    ReaderStream(const ReaderStream &) = delete;
    ReaderStream &operator=(const ReaderStream &) = delete;

    /// Decodes and converts every whole frame in `data`; false once the stream is malformed.
    bool feed(const char *data, qsizetype size);

    bool malformed() const { return !m_error.isEmpty(); }
    QString error() const { return m_error; } ///< what was wrong with the stream (not translated)
    bool ended() const { return m_ended; }    ///< the End frame arrived
    bool outOfMemory() const { return m_outOfMemory; }
    QString driver() const { return m_driver; }        ///< empty until the file is open
    qint64 lastRecord() const { return m_lastRecord; } ///< the last record received; -1 before any
    QString lastRecordId() const { return m_lastRecordId; }
    qint64 recordsDone() const { return m_done; }
    qint64 recordsTotal() const { return m_total; } ///< as progress shows it; -1 when unknown
    qsizetype eventsConverted() const;
    qint64 conversionNs() const { return m_convertNs; } ///< time spent converting batches into events
    /// The child's peak resident set and minor page faults, as its End frame gives them; 0 before.
    qint64 childPeakRssBytes() const;
    qint64 childMinorFaults() const;

    /// After ended(): the result an in-process EventLoader::load gives for the same file.
    LoadResult finish();
    /// When the reader failed: an empty store, a fatal issue with `message`, and in `partial`
    /// the events converted before the failure.
    LoadResult fail(const QString &message);
    /// The same for a result finish() gave before the reader's exit status showed a failure.
    LoadResult fail(const QString &message, LoadResult finished) const;

private:
    bool handle(const ipc::Frame &frame);
    bool beginLayer(const ipc::LayerSchema &schema);
    bool convertBatch(QByteArrayView payload);
    LoadResult build();

    struct State;
    std::unique_ptr<State> d;
    QString m_path;
    LoadOptions m_options;
    LoadResult m_result;
    QString m_error, m_driver, m_lastRecordId;
    qint64 m_lastRecord = -1, m_done = 0, m_total = -1, m_convertNs = 0;
    bool m_ended = false, m_outOfMemory = false, m_converterFailed = false;
};

} // namespace chronomap
