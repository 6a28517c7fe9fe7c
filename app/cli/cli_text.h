// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QTextStream>

namespace chronomap::cli {

/// Translates a command-line message (context "cli").
QString tr(const char *text);
/// Standard output and standard error as text streams, shared by every headless mode.
QTextStream &out();
QTextStream &err();

} // namespace chronomap::cli
