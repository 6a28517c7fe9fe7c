// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayList>
#include <QByteArrayView>
#include <QMutex>
#include <QString>
#include <QStringList>
#include <QVarLengthArray>

#include <functional>
#include <memory>

// libpq's handles, declared here so that only this folder's sources include libpq-fe.h.
struct pg_conn;
struct pg_result;
struct pg_cancel;

namespace chronomap {

/// The rows of one query, as libpq's text values. Owns its PGresult.
class PgRows {
public:
    PgRows() = default;
    explicit PgRows(pg_result *result);
    int size() const;
    bool isNull(int row, int column) const;
    QString text(int row, int column) const;
    QByteArray bytes(int row, int column) const;
    /// The value's bytes, valid while the rows are (no copy: for the million rows of a bins answer).
    QByteArrayView view(int row, int column) const;
    double number(int row, int column) const;
    qint64 integer(int row, int column) const;

private:
    struct Clear {
        void operator()(pg_result *result) const;
    };
    std::unique_ptr<pg_result, Clear> m_result;
};

/// How a query ended.
enum class PgStatus : quint8 {
    Ok,
    Cancelled, ///< PgConnection::cancel() (or the server's statement_timeout)
    Failed,    ///< an SQL error; the connection is still there
    Lost,      ///< the connection is gone (server stopped, backend terminated, network)
};

struct PgOutcome {
    PgStatus status = PgStatus::Ok;
    PgRows rows;
    QString message; ///< the server's or libpq's message when not Ok
};

/// One libpq connection to the database of a `PG:` connection string (`tables=` left out, as
/// libpq does not know it). The password comes from `~/.pgpass` or PGPASSWORD, read by libpq;
/// nothing here stores one. Used from one thread at a time, except cancel(), which any thread
/// may call while a query runs. The session's time zone is UTC (the table's dates are UTC).
class PgConnection {
public:
    /// Connects; nullptr with `error` set (naming the database, password redacted) on failure.
    static std::unique_ptr<PgConnection> open(const QString &source, QString *error);
    ~PgConnection();
    PgConnection(const PgConnection &) = delete;
    PgConnection &operator=(const PgConnection &) = delete;

    /// Runs `sql` with text parameters `$1…` and waits for its rows.
    PgOutcome query(const QByteArray &sql, const QByteArrayList &params = {});
    /// Runs `sql`, which may hold several statements (PQexec), and waits for the last one's rows.
    PgOutcome execute(const QByteArray &sql);

    enum class CopyStep : quint8 { More, Done, Abort };
    /// Runs `sql`, a `COPY … FROM STDIN`, and sends what `fill` appends to `chunk` (rows in the
    /// COPY's format) until it returns Done; Abort ends the COPY with an error (nothing stays).
    PgOutcome copyIn(const QByteArray &sql, const std::function<CopyStep(QByteArray &chunk)> &fill);

    /// Asks the server to cancel the query running on this connection (PQcancel); thread-safe,
    /// harmless when nothing runs.
    void cancel();
    /// True when the connection is gone.
    bool isLost() const;
    /// Reconnects a lost connection (PQreset); true when it is back.
    bool reset();

    /// The socket to watch for notifications (PQsocket), -1 when lost.
    int socket() const;
    /// Reads what arrived on the socket and returns the payloads of the notifications received
    /// on `channel` since the last call. Sets `lost` when reading found the connection gone.
    QStringList takeNotifications(const QByteArray &channel, bool *lost = nullptr);

    /// The connection string to show: `PG:…` with any password replaced by `***`.
    QString redactedSource() const { return m_redacted; }

private:
    PgConnection(pg_conn *connection, QString redacted);
    void refreshCancel();
    /// The outcome of `result` (taken over); a null result is libpq's failure.
    PgOutcome outcomeOf(pg_result *result);

    pg_conn *m_connection = nullptr;
    QString m_redacted;
    QMutex m_cancelMutex;
    pg_cancel *m_cancel = nullptr; ///< guarded by m_cancelMutex
};

/// Quotes a text value as an element of a PostgreSQL array literal (`{"a","b\"c"}`).
QByteArray pgArrayLiteral(const QStringList &values);
/// The same of values already in UTF-8 (views into a store, say): no QString per value.
QByteArray pgArrayLiteral(const QVarLengthArray<QByteArrayView, 4> &utf8Values);

} // namespace chronomap
