// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/db/pg_connection.h"

#include "core/io/database_source.h"

#include <QCoreApplication>
#include <QMutexLocker>

#include <libpq-fe.h>

#include <vector>

namespace chronomap {

/// The session's settings: dates in UTC; no JIT (a live query is short, compiling it costs
/// 100 ms and more); room to group a view's rows in memory (the planner underestimates how many
/// points a view has, and sorts them on disk with the default 4 MB).
constexpr const char *kSessionSettings =
    "SELECT set_config('TimeZone', 'UTC', false), set_config('jit', 'off', false), "
    "set_config('work_mem', '64MB', false)";

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("chronomap::PgConnection", text);
}

QString messageOf(const PGconn *connection)
{
    return QString::fromUtf8(PQerrorMessage(connection)).trimmed();
}

/// libpq's keyword=value string: the `PG:` string without its prefix and GDAL's `tables=`.
QByteArray connectionInfo(const QString &source)
{
    QString info = DatabaseSource::withoutOption(source, QStringLiteral("tables"));
    if (info.startsWith(QLatin1String("PG:"))) info = info.mid(3);
    return info.trimmed().toUtf8();
}

} // namespace

PgRows::PgRows(pg_result *result) : m_result(result) {}

void PgRows::Clear::operator()(pg_result *result) const
{
    PQclear(result);
}

int PgRows::size() const
{
    return m_result ? PQntuples(m_result.get()) : 0;
}

bool PgRows::isNull(int row, int column) const
{
    return PQgetisnull(m_result.get(), row, column) != 0;
}

QByteArray PgRows::bytes(int row, int column) const
{
    return QByteArray(PQgetvalue(m_result.get(), row, column), PQgetlength(m_result.get(), row, column));
}

QString PgRows::text(int row, int column) const
{
    return QString::fromUtf8(PQgetvalue(m_result.get(), row, column), PQgetlength(m_result.get(), row, column));
}

QByteArrayView PgRows::view(int row, int column) const
{
    return QByteArrayView(PQgetvalue(m_result.get(), row, column), PQgetlength(m_result.get(), row, column));
}

double PgRows::number(int row, int column) const
{
    return view(row, column).toDouble();
}

qint64 PgRows::integer(int row, int column) const
{
    return view(row, column).toLongLong();
}

std::unique_ptr<PgConnection> PgConnection::open(const QString &source, QString *error)
{
    const QString redacted = DatabaseSource::redacted(source);
    PGconn *connection = PQconnectdb(connectionInfo(source).constData());
    if (!connection || PQstatus(connection) != CONNECTION_OK) {
        if (error)
            *error = tr("cannot connect to the database %1: %2")
                         .arg(redacted, connection ? messageOf(connection) : tr("out of memory"));
        PQfinish(connection);
        return nullptr;
    }
    // The server's notices (and the FATAL of a terminated backend, read while idle) are not
    // printed on stderr: a loss is reported through PgStatus::Lost, in words of our own.
    PQsetNoticeProcessor(
        connection, [](void *, const char *) {}, nullptr);
    std::unique_ptr<PgConnection> opened(new PgConnection(connection, redacted));
    const PgOutcome utc = opened->query(kSessionSettings);
    if (utc.status != PgStatus::Ok) {
        if (error) *error = tr("cannot use the database %1: %2").arg(redacted, utc.message);
        return nullptr;
    }
    return opened;
}

PgConnection::PgConnection(pg_conn *connection, QString redacted)
    : m_connection(connection), m_redacted(std::move(redacted))
{
    refreshCancel();
}

PgConnection::~PgConnection()
{
    {
        QMutexLocker lock(&m_cancelMutex);
        PQfreeCancel(m_cancel);
        m_cancel = nullptr;
    }
    PQfinish(m_connection);
}

void PgConnection::refreshCancel()
{
    QMutexLocker lock(&m_cancelMutex);
    PQfreeCancel(m_cancel);
    m_cancel = PQgetCancel(m_connection);
}

PgOutcome PgConnection::query(const QByteArray &sql, const QByteArrayList &params)
{
    std::vector<const char *> values;
    values.reserve(size_t(params.size()));
    for (const QByteArray &p : params)
        values.push_back(p.isNull() ? nullptr : p.constData());
    return outcomeOf(
        PQexecParams(m_connection, sql.constData(), int(values.size()), nullptr, values.data(), nullptr, nullptr, 0));
}

PgOutcome PgConnection::execute(const QByteArray &sql)
{
    return outcomeOf(PQexec(m_connection, sql.constData()));
}

PgOutcome PgConnection::copyIn(const QByteArray &sql, const std::function<CopyStep(QByteArray &chunk)> &fill)
{
    PGresult *started = PQexec(m_connection, sql.constData());
    if (!started || PQresultStatus(started) != PGRES_COPY_IN) return outcomeOf(started);
    PQclear(started);
    QByteArray chunk;
    CopyStep step = CopyStep::More;
    const char *abortReason = nullptr;
    while (step == CopyStep::More) {
        chunk.clear();
        step = fill(chunk);
        // A blocking connection: PQputCopyData waits for the socket, -1 only when it is gone.
        if (step != CopyStep::Abort && !chunk.isEmpty() &&
            PQputCopyData(m_connection, chunk.constData(), int(chunk.size())) != 1)
            break;
    }
    if (step == CopyStep::Abort) abortReason = "cancelled";
    PQputCopyEnd(m_connection, abortReason);
    // The COPY's own result, then libpq's null; the outcome is the first one.
    PgOutcome outcome = outcomeOf(PQgetResult(m_connection));
    while (PGresult *more = PQgetResult(m_connection))
        PQclear(more);
    return outcome;
}

PgOutcome PgConnection::outcomeOf(pg_result *result)
{
    PgOutcome outcome;
    const ExecStatusType status = result ? PQresultStatus(result) : PGRES_FATAL_ERROR;
    if (status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK) {
        outcome.rows = PgRows(result);
        return outcome;
    }
    // Read before PQclear: the state and the message live in the result.
    const char *state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
    const bool cancelled = state && qstrcmp(state, "57014") == 0; // query_canceled
    outcome.message = result ? QString::fromUtf8(PQresultErrorMessage(result)).trimmed() : messageOf(m_connection);
    if (outcome.message.isEmpty()) outcome.message = messageOf(m_connection);
    PQclear(result);
    if (PQstatus(m_connection) == CONNECTION_BAD)
        outcome.status = PgStatus::Lost;
    else if (cancelled)
        outcome.status = PgStatus::Cancelled;
    else
        outcome.status = PgStatus::Failed;
    return outcome;
}

void PgConnection::cancel()
{
    QMutexLocker lock(&m_cancelMutex);
    if (!m_cancel) return;
    char why[256];
    PQcancel(m_cancel, why, int(sizeof why)); // a failed request leaves the query to finish
}

bool PgConnection::isLost() const
{
    return PQstatus(m_connection) == CONNECTION_BAD;
}

bool PgConnection::reset()
{
    PQreset(m_connection);
    if (PQstatus(m_connection) != CONNECTION_OK) return false;
    refreshCancel();
    return query(kSessionSettings).status == PgStatus::Ok;
}

int PgConnection::socket() const
{
    return PQsocket(m_connection);
}

QStringList PgConnection::takeNotifications(const QByteArray &channel, bool *lost)
{
    const bool read = PQconsumeInput(m_connection) != 0;
    if (lost) *lost = !read || PQstatus(m_connection) == CONNECTION_BAD;
    QStringList payloads;
    while (PGnotify *notify = PQnotifies(m_connection)) {
        if (channel == notify->relname) payloads.append(QString::fromUtf8(notify->extra));
        PQfreemem(notify);
    }
    return payloads;
}

QByteArray pgArrayLiteral(const QStringList &values)
{
    QByteArrayList utf8;
    utf8.reserve(values.size());
    for (const QString &value : values)
        utf8.append(value.toUtf8());
    return pgArrayLiteral(QVarLengthArray<QByteArrayView, 4>(utf8.cbegin(), utf8.cend()));
}

QByteArray pgArrayLiteral(const QVarLengthArray<QByteArrayView, 4> &utf8Values)
{
    QByteArray literal = "{";
    for (qsizetype i = 0; i < utf8Values.size(); ++i) {
        if (i) literal += ',';
        literal += '"';
        for (const char c : utf8Values[i]) {
            if (c == '"' || c == '\\') literal += '\\';
            literal += c;
        }
        literal += '"';
    }
    return literal + '}';
}

} // namespace chronomap
