// SPDX-License-Identifier: GPL-3.0-or-later
// The test fixtures in tests/data, by name.
#pragma once

#include "test_paths.h"
#include <QByteArray>
#include <QFile>
#include <QString>
#include <QTemporaryDir>

#include <catch2/catch.hpp>

#include <string>

namespace chronomap::test {

/// A file of tests/data/formats/: one per format users have.
inline QString formatFile(const char *name)
{
    return chronomap::test::testDataDir() + QLatin1String("/formats/") + QLatin1String(name);
}

/// A file of tests/data/bad/: bad input, each with a test of its exact outcome.
inline QString badFile(const char *name)
{
    return chronomap::test::testDataDir() + QLatin1String("/bad/") + QLatin1String(name);
}

/// Writes `bytes` to the file `name` in `dir`; returns its path.
inline QString writeFile(const QTemporaryDir &dir, const char *name, const QByteArray &bytes)
{
    const QString path = dir.filePath(QLatin1String(name));
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly));
    REQUIRE(f.write(bytes) == bytes.size());
    return path;
}

/// For Catch2's messages and comparisons.
inline std::string str(const QString &s)
{
    return s.toStdString();
}

} // namespace chronomap::test
