// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/db/live_browser.h"

#include "core/db/postgis_import.h"

#include <QMutexLocker>
#include <QSocketNotifier>

namespace chronomap {

/// The worker thread's side of LiveBrowser: owns the LiveTable and its connection.
class LiveWorker : public QObject {
    Q_OBJECT
public:
    LiveWorker(QString source, std::shared_ptr<LiveBrowser::Shared> shared, LiveBrowser *browser)
        : m_source(std::move(source)), m_shared(std::move(shared)), m_browser(browser)
    {}
    ~LiveWorker() override { setRunning(false); }

public slots:
    void open();
    void runPending();

private:
    /// Runs `tell` on the browser in its thread (queued; dropped once the browser is gone).
    template<typename Tell> void toBrowser(Tell tell)
    {
        QMetaObject::invokeMethod(
            m_browser, [browser = m_browser, tell] { tell(*browser); }, Qt::QueuedConnection);
    }
    void failed(const QString &message)
    {
        toBrowser([message](LiveBrowser &b) { emit b.failed(message); });
    }
    void setRunning(bool running);
    bool listen();
    void readNotifications();
    void lost(const QString &message);
    void dropNotifier();
    std::shared_ptr<const LiveAnswer> ask(const LiveRequest &request, quint64 number, PgStatus *status,
                                          QString *message);

    QString m_source;
    std::shared_ptr<LiveBrowser::Shared> m_shared;
    LiveBrowser *m_browser; ///< outlives this worker: its destructor waits for the thread
    std::unique_ptr<LiveTable> m_table;
    std::unique_ptr<QSocketNotifier> m_notifier;
    bool m_lossReported = false;
};

void LiveWorker::setRunning(bool running)
{
    QMutexLocker lock(&m_shared->mutex);
    m_shared->running = running && m_table ? &m_table->connection() : nullptr;
}

void LiveWorker::open()
{
    QString error;
    m_table = LiveTable::open(m_source, &error);
    if (!m_table) {
        failed(error);
        return;
    }
    const LiveResult<qint64> rows = m_table->estimatedRows();
    if (!rows.ok() || !listen()) {
        failed(rows.ok() ? tr("cannot listen for changes on %1").arg(m_table->connection().redactedSource())
                         : rows.message);
        return;
    }
    setRunning(true);
    toBrowser([estimate = rows.value](LiveBrowser &b) { emit b.opened(estimate); });
    runPending();
}

bool LiveWorker::listen()
{
    PgConnection &connection = m_table->connection();
    if (connection.query(QByteArray("LISTEN ") + PostgisImport::kNotifyChannel).status != PgStatus::Ok) return false;
    // libpq reads notifications when the socket has data; between queries the event loop of
    // this thread watches it.
    dropNotifier();
    m_notifier = std::make_unique<QSocketNotifier>(connection.socket(), QSocketNotifier::Read);
    connect(m_notifier.get(), &QSocketNotifier::activated, this, &LiveWorker::readNotifications);
    return true;
}

void LiveWorker::readNotifications()
{
    if (!m_table) return;
    bool gone = false;
    const QStringList tables = m_table->connection().takeNotifications(PostgisImport::kNotifyChannel, &gone);
    if (tables.contains(m_table->table())) {
        m_table->forgetHeldBins();
        toBrowser([](LiveBrowser &b) { emit b.tableChanged(); });
    }
    if (gone)
        lost(tr("the connection to the database %1 was lost (table %2)")
                 .arg(m_table->connection().redactedSource(), m_table->table()));
}

void LiveWorker::lost(const QString &message)
{
    dropNotifier(); // the socket is closed: nothing more to read from it
    if (!m_lossReported) failed(message);
    m_lossReported = true;
}

void LiveWorker::dropNotifier()
{
    // Possibly from its own activated(): deleted once back in the event loop.
    if (!m_notifier) return;
    m_notifier->setEnabled(false);
    m_notifier.release()->deleteLater();
}

void LiveWorker::runPending()
{
    if (!m_table) return;
    for (;;) {
        std::optional<LiveRequest> request;
        quint64 number = 0;
        {
            QMutexLocker lock(&m_shared->mutex);
            if (m_shared->stopping) return;
            request.swap(m_shared->pending);
            number = m_shared->newest;
        }
        if (!request) return;
        if (m_table->connection().isLost()) {
            if (!m_table->connection().reset() || !listen()) {
                lost(tr("the database %1 cannot be reached again (table %2)")
                         .arg(m_table->connection().redactedSource(), m_table->table()));
                return;
            }
            setRunning(true);
            m_lossReported = false;
        }
        PgStatus status = PgStatus::Ok;
        QString message;
        auto answer = ask(*request, number, &status, &message);
        // A cancel meant for the query before may land on this one: asked again while newest.
        if (status == PgStatus::Cancelled) {
            QMutexLocker lock(&m_shared->mutex);
            if (m_shared->newest == number && !m_shared->pending) m_shared->pending = std::move(request);
            continue;
        }
        readNotifications(); // those that came in while the query ran
        if (status == PgStatus::Lost) {
            lost(message);
            return;
        }
        if (status == PgStatus::Failed) {
            failed(message);
            continue;
        }
        toBrowser([answer](LiveBrowser &b) { b.deliver(answer); });
    }
}

std::shared_ptr<const LiveAnswer> LiveWorker::ask(const LiveRequest &request, quint64 number, PgStatus *status,
                                                  QString *message)
{
    auto answer = std::make_shared<LiveAnswer>();
    answer->request = number;
    answer->kind = request.kind;
    const auto take = [&](auto result, auto &into) { // whether it succeeded
        *status = result.status;
        *message = result.message;
        into = std::move(result.value);
        return result.ok();
    };
    switch (request.kind) {
    case LiveRequest::Kind::Bins:
        take(m_table->bins(request.filter, request.grid), answer->bins);
        break;
    case LiveRequest::Kind::TimelineDensity:
        take(m_table->timelineDensity(request.filter, request.timeUnit), answer->timeline);
        break;
    case LiveRequest::Kind::RegionEvents:
        take(m_table->regionEvents(request.filter, request.region, request.eventLimit), answer->events);
        break;
    case LiveRequest::Kind::Events:
        take(m_table->events(request.filter, request.eventLimit), answer->events);
        break;
    case LiveRequest::Kind::EventPage:
        take(m_table->eventPage(request.filter, request.eventLimit), answer->events);
        break;
    case LiveRequest::Kind::EventById:
        take(m_table->eventById(request.eventId), answer->events);
        break;
    case LiveRequest::Kind::Categories:
        if (take(m_table->categories(), answer->categories)) take(m_table->provenances(), answer->provenances);
        break;
    }
    return answer;
}

LiveBrowser::LiveBrowser(const QString &source, QObject *parent) : QObject(parent), m_shared(std::make_shared<Shared>())
{
    qRegisterMetaType<std::shared_ptr<const LiveAnswer>>();
    m_worker = new LiveWorker(source, m_shared, this);
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.setObjectName(QStringLiteral("chronomap live table"));
    m_thread.start();
    QMetaObject::invokeMethod(m_worker, &LiveWorker::open, Qt::QueuedConnection);
}

LiveBrowser::~LiveBrowser()
{
    {
        QMutexLocker lock(&m_shared->mutex);
        m_shared->stopping = true;
        m_shared->pending.reset();
        if (m_shared->running) m_shared->running->cancel();
    }
    m_thread.quit();
    m_thread.wait();
}

quint64 LiveBrowser::request(const LiveRequest &request)
{
    quint64 number = 0;
    {
        QMutexLocker lock(&m_shared->mutex);
        number = ++m_shared->newest;
        m_shared->pending = request;
        if (m_shared->running) m_shared->running->cancel();
    }
    QMetaObject::invokeMethod(m_worker, &LiveWorker::runPending, Qt::QueuedConnection);
    return number;
}

void LiveBrowser::deliver(const std::shared_ptr<const LiveAnswer> &answer)
{
    QMutexLocker lock(&m_shared->mutex);
    const bool newest = answer->request == m_shared->newest;
    lock.unlock();
    if (!newest) return; // a newer request is on its way
    m_last[int(answer->kind)] = answer;
    emit answered(answer);
}

std::shared_ptr<const LiveAnswer> LiveBrowser::lastAnswer(LiveRequest::Kind kind) const
{
    return m_last[int(kind)];
}

} // namespace chronomap

#include "live_browser.moc"
