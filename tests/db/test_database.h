// SPDX-License-Identifier: GPL-3.0-or-later
// The throwaway PostGIS cluster of tests/db/with-postgis.sh, for the tests labelled `db`.
#pragma once

#include "../cli/run_chronomap.h"

#include <QProcess>
#include <QString>
#include <QStringList>

#include <catch2/catch.hpp>

namespace chronomap::test {

/// The cluster's connection string ("PG:host=… dbname=… user=…"). The db tests FAIL when it is
/// missing: run them through tests/db/with-postgis.sh, which starts a cluster and sets it.
inline QString testDatabase()
{
    const QString pg = qEnvironmentVariable("CHRONOMAP_TEST_PG");
    INFO("CHRONOMAP_TEST_PG is not set: run the db tests through tests/db/with-postgis.sh "
         "(e.g. tests/db/with-postgis.sh ctest --test-dir build -L db)");
    REQUIRE(pg.startsWith(QLatin1String("PG:")));
    return pg;
}

/// Runs one SQL text with psql against the test database; returns its unaligned output.
/// Fails the test when psql does.
inline QString psql(const QString &sql, int *exitCode = nullptr)
{
    QProcess process;
    process.start(QStringLiteral("psql"), {QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-tA"),
                                           QStringLiteral("-v"), QStringLiteral("ON_ERROR_STOP=1"),
                                           QStringLiteral("-d"), testDatabase().mid(3), QStringLiteral("-c"), sql});
    REQUIRE(process.waitForFinished(60'000));
    const QString out = QString::fromUtf8(process.readAllStandardOutput()).trimmed();
    if (exitCode) {
        *exitCode = process.exitCode();
    } else {
        INFO(QString::fromUtf8(process.readAllStandardError()).toStdString());
        REQUIRE(process.exitCode() == 0);
    }
    return out;
}

/// The bundled dataset, a file to import.
inline QString bundledEvents()
{
    return QStringLiteral(CHRONOMAP_SOURCE_DIR "/geodata/events/russia-north-korea.geojson");
}

/// The test database's string naming `table`.
inline QString tableSource(const QString &table)
{
    return testDatabase() + QStringLiteral(" tables=") + table;
}

/// Drops `table` and its bin pyramid if they are there (the cluster lives for one run of the
/// suite); returns its name.
inline QString dropTable(const QString &table)
{
    psql(QStringLiteral("DROP TABLE IF EXISTS \"%1\", \"%1_bins\", \"%1_bins_span\"").arg(table));
    return table;
}

/// `chronomap --import-pg FILE <test database> --table TABLE`.
inline Run importFile(const QString &file, const QString &table)
{
    return runChronomap({QStringLiteral("--import-pg"), file, testDatabase(), QStringLiteral("--table"), table});
}

} // namespace chronomap::test
