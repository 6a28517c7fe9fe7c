// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/huge_pages.h"

#include <QFile>

#include <catch2/catch.hpp>

#include <sys/resource.h>

#include <vector>

namespace {

long minorFaults()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_minflt;
}

/// The kernel's THP mode, the bracketed word of /sys/kernel/mm/transparent_hugepage/enabled.
QByteArray hugePageMode()
{
    QFile file(QStringLiteral("/sys/kernel/mm/transparent_hugepage/enabled"));
    if (!file.open(QIODevice::ReadOnly)) return {};
    const QByteArray line = file.readAll();
    const qsizetype open = line.indexOf('['), close = line.indexOf(']');
    return open >= 0 && close > open ? line.mid(open + 1, close - open - 1) : QByteArray();
}

} // namespace

TEST_CASE("A big buffer advised before it is filled keeps its contents and faults in far fewer pages")
{
    const std::size_t count = std::size_t(64) << 17; // 64 MiB of qint64
    std::vector<qint64> column;
    column.reserve(count);
    chronomap::adviseHugePages(column);
    const long before = minorFaults();
    for (std::size_t i = 0; i < count; ++i)
        column.push_back(qint64(i) * 3);
    [[maybe_unused]] const long faults = minorFaults() - before; // unread under the sanitizers
    bool same = true;
    for (std::size_t i = 0; i < count; ++i)
        same = same && column[i] == qint64(i) * 3;
    CHECK(same);
    [[maybe_unused]] const long smallPages = long(count * sizeof(qint64) / 4096);
    const QByteArray mode = hugePageMode();
#if defined(__linux__) && !defined(__SANITIZE_ADDRESS__) && !defined(__SANITIZE_THREAD__)
    if (mode == "madvise" || mode == "always") {
        INFO(faults << " faults for " << smallPages << " small pages, THP " << mode.constData());
        CHECK(faults < smallPages / 8);
        return;
    }
#endif
    WARN("transparent huge pages are off here (" << mode.constData() << "): only the contents were checked");
}

TEST_CASE("Advising a buffer too small for a huge page, or none, changes nothing")
{
    QByteArray text(1000, 'x');
    chronomap::adviseHugePages(text);
    chronomap::adviseHugePages(nullptr, std::size_t(64) << 20);
    CHECK(text == QByteArray(1000, 'x'));
}
