// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The differential tests' comparison of two loads of the same file by two readers (GDAL's and a
// fast path, issue 20): the same records read, the same issues field by field, the same events.

#include "core/io/event_loader.h"
#include "../test_files.h"
#include "../test_paths.h"

#include <QDirIterator>
#include <QRegularExpression>
#include <QStringList>

#include "../qt_string_maker.h"

#include <catch2/catch.hpp>

#include <string>

namespace chronomap::test {

/// The files under tests/ whose names match `patterns`, but the translations', sorted.
inline QStringList fixturesMatching(const QStringList &patterns)
{
    QStringList files;
    QDirIterator it(sourceDir() + QLatin1String("/tests"), patterns, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        if (!path.contains(u"/i18n/")) files.append(path);
    }
    files.sort();
    return files;
}

inline std::string allIssues(const LoadResult &result)
{
    std::string all;
    for (const Issue &i : result.issues)
        all += str(i.toString()) + "\n";
    return all;
}

/// GDAL's messages about bytes in memory name their /vsimem/ file, numbered anew for every load.
inline QString withoutLoadNumber(QString message)
{
    static const QRegularExpression number(QStringLiteral("/vsimem/chronomap-load-[0-9]+/"));
    return message.replace(number, QStringLiteral("/vsimem/chronomap-load/"));
}

/// `fast` (a fast path's load) has the same events, issues and counts as `gdal` (GDAL's).
inline void checkSameOutcome(const LoadResult &gdal, const LoadResult &fast)
{
    INFO("GDAL:\n" << allIssues(gdal) << "fast path:\n" << allIssues(fast));
    CHECK(fast.cancelled == gdal.cancelled);
    CHECK(fast.recordsRead == gdal.recordsRead);
    REQUIRE(fast.issues.size() == gdal.issues.size());
    for (qsizetype i = 0; i < fast.issues.size(); ++i) {
        const Issue &a = gdal.issues[i], &b = fast.issues[i];
        CHECK(int(b.severity) == int(a.severity));
        CHECK(b.file == a.file);
        CHECK(b.record == a.record);
        CHECK(b.recordId == a.recordId);
        CHECK(b.field == a.field);
        CHECK(withoutLoadNumber(b.message) == withoutLoadNumber(a.message));
    }
    REQUIRE(fast.store->size() == gdal.store->size());
    for (EventStore::Index e = 0; e < fast.store->size(); ++e)
        CHECK(fast.store->event(e) == gdal.store->event(e));
}

} // namespace chronomap::test
