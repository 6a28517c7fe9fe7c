// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The comparison of two loads of the same file two ways (GDAL's reader and a fast path, issue 20;
// in process and through the reader child, issue 19): the same records read, the same issues
// field by field, the same events.

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

/// `actual` has the same events, the same issues field by field and the same counts as
/// `expected`. `ignoreLoadNumbers`: messages may differ in the number GDAL's /vsimem/ file of each
/// load of bytes in memory carries.
inline void checkSameOutcome(const LoadResult &expected, const LoadResult &actual, bool ignoreLoadNumbers = false)
{
    INFO("one way:\n" << allIssues(expected) << "the other way:\n" << allIssues(actual));
    CHECK(actual.cancelled == expected.cancelled);
    CHECK(actual.recordsRead == expected.recordsRead);
    REQUIRE(actual.issues.size() == expected.issues.size());
    for (qsizetype i = 0; i < actual.issues.size(); ++i) {
        const Issue &a = expected.issues[i], &b = actual.issues[i];
        CHECK(int(b.severity) == int(a.severity));
        CHECK(b.file == a.file);
        CHECK(b.record == a.record);
        CHECK(b.recordId == a.recordId);
        CHECK(b.field == a.field);
        if (ignoreLoadNumbers)
            CHECK(withoutLoadNumber(b.message) == withoutLoadNumber(a.message));
        else
            CHECK(b.message == a.message);
    }
    REQUIRE(actual.store->size() == expected.store->size());
    for (EventStore::Index e = 0; e < actual.store->size(); ++e)
        CHECK(actual.store->event(e) == expected.store->event(e));
}

} // namespace chronomap::test
