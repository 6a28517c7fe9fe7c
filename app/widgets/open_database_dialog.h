// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace chronomap {

class AppSettings;

/// File → Open Database… (issue 21): a PostGIS table named by host, port, database, user and
/// table, or by a whole `PG:` connection string. The password is asked for only when libpq's
/// password file has no line for the connection (PgPass); it is handed to the load alone
/// (LoadOptions::databasePassword), never written into the connection string or the settings,
/// which keep the other fields for next time.
class OpenDatabaseDialog : public QDialog {
    Q_OBJECT
public:
    /// Fills the fields from `settings` (the last ones used) when given.
    explicit OpenDatabaseDialog(const AppSettings *settings, QWidget *parent = nullptr);

    /// `PG:host=… port=… dbname=… user=… tables=…` from the fields (the empty ones left for libpq
    /// to default), or the connection string typed, with the table field's `tables=` when it
    /// names none.
    QString connectionString() const;
    /// The password typed; empty when the password file has one (the field is then hidden).
    QString password() const;
    /// True when the password field is shown: no password-file line matches the connection.
    bool asksForPassword() const;
    /// Keeps host, port, database, user and table (never the password) for next time.
    void remember(AppSettings &settings) const;

    QLineEdit *field(const QString &key) const; ///< "host", "port", "dbname", "user", "tables"
    QLineEdit *connectionEdit() const { return m_connection; }
    QLineEdit *passwordEdit() const { return m_password; }

private:
    void update();

    QLineEdit *m_host, *m_port, *m_database, *m_user, *m_table, *m_connection, *m_password;
    QLabel *m_passwordLabel, *m_passwordNote;
    QDialogButtonBox *m_buttons;
};

} // namespace chronomap
