// SPDX-License-Identifier: GPL-3.0-or-later
// The test fixtures in tests/data, by name.
#pragma once

#include <QString>

#include <string>

namespace chronomap::test {

/// A file of tests/data/formats/: one per format users have.
inline QString formatFile(const char *name)
{
    return QStringLiteral(CHRONOMAP_TEST_DATA "/formats/") + QLatin1String(name);
}

/// A file of tests/data/bad/: bad input, each with a test of its exact outcome.
inline QString badFile(const char *name)
{
    return QStringLiteral(CHRONOMAP_TEST_DATA "/bad/") + QLatin1String(name);
}

/// For Catch2's messages and comparisons.
inline std::string str(const QString &s)
{
    return s.toStdString();
}

} // namespace chronomap::test
