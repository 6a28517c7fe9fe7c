// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/open_database_dialog.h"

#include "core/io/database_source.h"
#include "core/io/pg_pass.h"
#include "widgets/app_settings.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFormLayout>
#include <QIntValidator>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace chronomap {

OpenDatabaseDialog::OpenDatabaseDialog(const AppSettings *settings, QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("Open Database"));
    setMinimumWidth(480); // the note under the password reads as a sentence, not a column
    auto edit = [this](const QString &name, const QString &placeholder) {
        auto *e = new QLineEdit(this);
        e->setObjectName(name);
        e->setPlaceholderText(placeholder);
        connect(e, &QLineEdit::textChanged, this, &OpenDatabaseDialog::update);
        return e;
    };
    m_host = edit(QStringLiteral("host"), tr("this computer"));
    m_port = edit(QStringLiteral("port"), QStringLiteral("5432"));
    m_port->setValidator(new QIntValidator(1, 65535, m_port));
    m_database = edit(QStringLiteral("dbname"), tr("the user's name"));
    m_user = edit(QStringLiteral("user"), tr("your login name"));
    m_table = edit(QStringLiteral("tables"), QStringLiteral("events"));
    m_connection = edit(QStringLiteral("connection"), QStringLiteral("PG:host=… dbname=… tables=…"));
    m_password = edit(QStringLiteral("password"), QString());
    m_password->setEchoMode(QLineEdit::Password);

    auto *form = new QFormLayout;
    form->addRow(tr("&Host:"), m_host);
    form->addRow(tr("&Port:"), m_port);
    form->addRow(tr("&Database:"), m_database);
    form->addRow(tr("&User:"), m_user);
    form->addRow(tr("&Table:"), m_table);
    auto *or_ = new QLabel(tr("Or a whole connection string, which then stands for the fields above "
                              "(the table field adds its table when the string names none):"),
                           this);
    or_->setWordWrap(true);
    form->addRow(or_);
    form->addRow(tr("&Connection:"), m_connection);
    m_passwordLabel = new QLabel(tr("Pass&word:"), this);
    m_passwordLabel->setBuddy(m_password);
    form->addRow(m_passwordLabel, m_password);
    m_passwordNote = new QLabel(this);
    m_passwordNote->setWordWrap(true);
    form->addRow(m_passwordNote);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Open | QDialogButtonBox::Cancel, this);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_buttons);
    // Filled last: each field's change updates the password row and the Open button.
    if (settings)
        for (const QString &key : AppSettings::databaseFieldKeys())
            field(key)->setText(settings->databaseField(key));
    update();
}

QLineEdit *OpenDatabaseDialog::field(const QString &key) const
{
    if (key == u"host") return m_host;
    if (key == u"port") return m_port;
    if (key == u"dbname") return m_database;
    if (key == u"user") return m_user;
    return key == u"tables" ? m_table : nullptr;
}

QString OpenDatabaseDialog::connectionString() const
{
    const QString table = m_table->text().trimmed();
    QString typed = m_connection->text().trimmed();
    if (!typed.isEmpty()) {
        if (!DatabaseSource::isDatabase(typed)) typed.prepend(QStringLiteral("PG:"));
        if (DatabaseSource::option(typed, QStringLiteral("tables")).isEmpty() && !table.isEmpty())
            typed = DatabaseSource::withOption(typed, QStringLiteral("tables"), table);
        return typed;
    }
    QString source = QStringLiteral("PG:");
    for (const QString &key : AppSettings::databaseFieldKeys())
        if (const QString value = field(key)->text().trimmed(); !value.isEmpty())
            source = DatabaseSource::withOption(source, key, value);
    return source;
}

QString OpenDatabaseDialog::password() const
{
    return asksForPassword() ? m_password->text() : QString();
}

bool OpenDatabaseDialog::asksForPassword() const
{
    return !PgPass::hasPassword(connectionString());
}

void OpenDatabaseDialog::remember(AppSettings &settings) const
{
    for (const QString &key : AppSettings::databaseFieldKeys())
        settings.setDatabaseField(key, field(key)->text().trimmed());
}

void OpenDatabaseDialog::update()
{
    const QString source = connectionString();
    const bool ask = asksForPassword();
    m_passwordLabel->setVisible(ask);
    m_password->setVisible(ask);
    m_passwordNote->setText(
        ask ? tr("No line of %1 matches this connection: type the password if the server asks for one. "
                 "It is used for this connection only and never saved.")
                  .arg(QDir::toNativeSeparators(PgPass::filePath()))
        : !DatabaseSource::option(source, QStringLiteral("password")).isEmpty()
            ? tr("The connection string gives the password.")
            : tr("The password comes from %1.").arg(QDir::toNativeSeparators(PgPass::filePath())));
    // GDAL opens every table of the database without `tables=`: one table is asked for.
    m_buttons->button(QDialogButtonBox::Open)
        ->setEnabled(!DatabaseSource::option(source, QStringLiteral("tables")).isEmpty());
}

} // namespace chronomap
