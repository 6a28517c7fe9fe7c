// SPDX-License-Identifier: GPL-3.0-or-later
// Helpers for the reader child tests (issue 19): a fault the child commits on purpose, the
// processes this test binary has left, and a CSV of many real records.
#pragma once

#include "core/io/reader_child.h"

#include <QDate>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <catch2/catch.hpp>

#include <unistd.h>

namespace chronomap::test {

/// Processes whose parent is this one, reaped or not.
inline int childProcesses()
{
    int n = 0;
    const QByteArray self = QByteArray::number(::getpid());
    for (const QString &entry : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs)) {
        QFile stat(QStringLiteral("/proc/%1/stat").arg(entry));
        if (!stat.open(QIODevice::ReadOnly)) continue;
        const QByteArray text = stat.readAll();
        // pid (comm) state ppid …: comm may hold spaces, so split after its closing parenthesis.
        if (text.mid(text.lastIndexOf(')') + 2).split(' ').value(1) == self) ++n;
    }
    return n;
}

/// Makes every reader child started in this scope commit `spec` (ReaderChild::kFaultVariable).
struct ReaderFault {
    explicit ReaderFault(const char *spec) { qputenv(ReaderChild::kFaultVariable, spec); }
    ~ReaderFault() { qunsetenv(ReaderChild::kFaultVariable); }
    ReaderFault(const ReaderFault &) = delete;
    ReaderFault &operator=(const ReaderFault &) = delete;
};

/// A CSV of `rows` events ev-1…ev-N, one a day from 2020 on, near Kursk.
inline QString writeEventsCsv(const QTemporaryDir &dir, int rows, const QString &name = QStringLiteral("events.csv"))
{
    const QString path = dir.filePath(name);
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly));
    file.write("id,date,lat,lon,title,category\n");
    const QDate first(2020, 1, 1);
    for (int i = 1; i <= rows; ++i)
        file.write(QStringLiteral("ev-%1,%2,51.%3,36.%3,Event %1,deployment\n")
                       .arg(i)
                       .arg(first.addDays(i).toString(Qt::ISODate))
                       .arg(i % 1000, 3, 10, QChar(u'0'))
                       .toUtf8());
    return path;
}

} // namespace chronomap::test
