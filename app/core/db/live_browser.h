// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/db/live_table.h"

#include <QMutex>
#include <QObject>
#include <QThread>

#include <memory>
#include <optional>

namespace chronomap {

/// One question of the view to a live table.
struct LiveRequest {
    enum class Kind : quint8 { Bins, TimelineDensity, RegionEvents, Events, EventPage, EventById, Categories };
    static constexpr int kKinds = 7;
    Kind kind = Kind::Bins;
    LiveFilter filter;
    SquareBinGrid grid;                         ///< Bins
    QString timeUnit = QStringLiteral("month"); ///< TimelineDensity (date_trunc's unit)
    AreaFeature region;                         ///< RegionEvents
    qsizetype eventLimit = 5000;                ///< Events: at most; RegionEvents, EventPage: the page
    QString eventId;                            ///< EventById
};

/// The answer to a LiveRequest (the field of its kind is set).
struct LiveAnswer {
    quint64 request = 0; ///< the number LiveBrowser::request returned
    LiveRequest::Kind kind = LiveRequest::Kind::Bins;
    std::vector<LiveBin> bins;
    std::vector<LiveTimeBin> timeline;
    LiveEvents events;
    QStringList categories;  ///< Categories
    QStringList provenances; ///< Categories: the table's provenances too
};

class LiveWorker;

/// A live table browsed from the GUI thread: the queries run on a worker thread with its own
/// connection; a new request cancels the one running (PQcancel) and only the newest is
/// answered. The worker LISTENs on PostgisImport's channel and says when the table changed. A
/// dropped connection is reported once (naming the database, password redacted); the answers
/// already given stay, and the next request reconnects.
class LiveBrowser : public QObject {
    Q_OBJECT
public:
    /// Connects on the worker thread to `source` (a `PG:` string with `tables=NAME`); opened()
    /// or failed() follows.
    explicit LiveBrowser(const QString &source, QObject *parent = nullptr);
    ~LiveBrowser() override;

    /// Queues `request`, cancelling the query running; returns its number (LiveAnswer::request).
    quint64 request(const LiveRequest &request);
    /// The last answer of `kind` delivered, kept through failures (null before the first).
    std::shared_ptr<const LiveAnswer> lastAnswer(LiveRequest::Kind kind) const;

signals:
    /// The table is open: its estimated rows.
    void opened(qint64 estimatedRows);
    void answered(std::shared_ptr<const LiveAnswer> answer);
    /// A query failed, or the connection was lost (once per loss), or it could not open.
    void failed(const QString &message);
    /// Another session changed the table (its NOTIFY): the view asks again.
    void tableChanged();

private:
    friend class LiveWorker;
    /// What the GUI thread and the worker share.
    struct Shared {
        QMutex mutex;
        std::optional<LiveRequest> pending;
        quint64 newest = 0;
        PgConnection *running = nullptr; ///< the worker's connection, for cancel()
        bool stopping = false;           ///< the browser is going: ask nothing more
    };
    /// Keeps and announces `answer` unless a newer request was made since.
    void deliver(const std::shared_ptr<const LiveAnswer> &answer);

    std::shared_ptr<Shared> m_shared;
    QThread m_thread;
    LiveWorker *m_worker = nullptr; ///< lives in m_thread
    std::shared_ptr<const LiveAnswer> m_last[LiveRequest::kKinds];
};

} // namespace chronomap

Q_DECLARE_METATYPE(std::shared_ptr<const chronomap::LiveAnswer>)
