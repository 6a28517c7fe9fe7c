// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/cli_text.h"

#include <QCoreApplication>

namespace chronomap::cli {

QString tr(const char *text)
{
    return QCoreApplication::translate("cli", text);
}

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

} // namespace chronomap::cli
