// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/change_triggers.h"

namespace chronomap {

QStringList changeTriggers(const QString &table, const QString &name, const QString &function)
{
    // One trigger a change: a trigger with transition tables may name one event only.
    const QString trigger = QStringLiteral("CREATE TRIGGER \"%1_%2_%3\" AFTER %4 ON \"%1\" %5 FOR EACH STATEMENT "
                                           "EXECUTE FUNCTION %6()");
    QStringList sql;
    sql << trigger.arg(table, name, QStringLiteral("insert"), QStringLiteral("INSERT"),
                       QStringLiteral("REFERENCING NEW TABLE AS chronomap_new"), function);
    sql << trigger.arg(table, name, QStringLiteral("update"), QStringLiteral("UPDATE"),
                       QStringLiteral("REFERENCING OLD TABLE AS chronomap_old NEW TABLE AS chronomap_new"), function);
    sql << trigger.arg(table, name, QStringLiteral("delete"), QStringLiteral("DELETE"),
                       QStringLiteral("REFERENCING OLD TABLE AS chronomap_old"), function);
    sql << trigger.arg(table, name, QStringLiteral("truncate"), QStringLiteral("TRUNCATE"), QString(), function);
    return sql;
}

} // namespace chronomap
