// SPDX-License-Identifier: GPL-3.0-or-later
// The throwaway PostGIS cluster of tests/db/with-postgis.sh, for the tests labelled `db`.
#pragma once

#include "../test_paths.h"
#include "../cli/run_chronomap.h"
#include "../test_files.h"

#include "core/db/postgis_import.h"

#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

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
    return chronomap::test::sourceDir() + QLatin1String("/geodata/events/russia-north-korea.geojson");
}

/// The test database's string naming `table`.
inline QString tableSource(const QString &table)
{
    return testDatabase() + QStringLiteral(" tables=") + table;
}

/// Drops `table`, its bin pyramid and its regions if they are there (the cluster lives for one run of the
/// suite); returns its name.
inline QString dropTable(const QString &table)
{
    QStringList tables{table};
    tables << PostgisImport::tablesBeside(table);
    psql(QStringLiteral("DROP TABLE IF EXISTS \"%1\"").arg(tables.join(QStringLiteral("\", \""))));
    return table;
}

/// `chronomap --import-pg FILE <test database> --table TABLE`.
inline Run importFile(const QString &file, const QString &table)
{
    return runChronomap({QStringLiteral("--import-pg"), file, testDatabase(), QStringLiteral("--table"), table});
}

/// What scatteredPointsCsv writes.
struct ScatteredPoints {
    int rows = 1000;
    quint32 seed = 12345;
    const char *file = "scattered.csv";
    QString idPrefix = QStringLiteral("ev-");
    QString title = QStringLiteral("Scattered event");
    /// Every 7th record dated by its month alone, every 50th without a place (coded to RU-BEL
    /// in a `regions` column), titles "… near the border" every 3rd, else "… inland".
    bool varied = true;
};

/// A CSV of `options.rows` point events around Kursk and Belgorod at pseudo-random places
/// (a seeded generator: the same file each run), of three categories, dated over 2022–2025.
inline QString scatteredPointsCsv(const QTemporaryDir &dir, const ScatteredPoints &options)
{
    QByteArray csv = options.varied ? "id,date,lat,lon,title,category,regions\n" : "id,date,lat,lon,title,category\n";
    quint32 seed = options.seed;
    const auto next = [&seed] {
        seed = seed * 1664525u + 1013904223u;
        return double(seed >> 8) / double(1u << 24);
    };
    const char *categories[] = {"deployment", "strike", "diplomacy"};
    for (int i = 0; i < options.rows; ++i) {
        const QString month = QStringLiteral("%1-%2").arg(2022 + i % 4).arg(1 + i % 12, 2, 10, QLatin1Char('0'));
        const QString date = options.varied && i % 7 == 0
                                 ? month
                                 : QStringLiteral("%1-%2").arg(month).arg(1 + i % 28, 2, 10, QLatin1Char('0'));
        const bool placeless = options.varied && i % 50 == 0;
        const QString lat = placeless ? QString() : QString::number(50.3 + 1.7 * next(), 'f', 6);
        const QString lon = placeless ? QString() : QString::number(35.0 + 3.5 * next(), 'f', 6);
        QString title = QStringLiteral("%1 %2").arg(options.title).arg(i);
        if (options.varied) title += i % 3 == 0 ? QStringLiteral(" near the border") : QStringLiteral(" inland");
        QString line = QStringLiteral("%1%2,%3,%4,%5,%6,%7")
                           .arg(options.idPrefix)
                           .arg(i)
                           .arg(date, lat, lon, title, QLatin1String(categories[i % 3]));
        if (options.varied) line += u',' + (placeless ? QStringLiteral("RU-BEL") : QString());
        csv += line.toUtf8() + '\n';
    }
    return writeFile(dir, options.file, csv);
}

} // namespace chronomap::test
