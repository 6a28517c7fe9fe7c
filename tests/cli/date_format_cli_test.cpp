// SPDX-License-Identifier: GPL-3.0-or-later
// `--date-format` and the ACLED / UCDP profiles through the real `chronomap` binary, without a display.

#include <catch2/catch.hpp>

#include "../qt_string_maker.h"
#include "run_chronomap.h"
#include "../test_files.h"

using namespace chronomap::test;

namespace {

const QString kMapping = QStringLiteral("start=Fecha,title=Titular,lon=X,lat=Y");

} // namespace

TEST_CASE("The date form dmy of the command line reads 12/08/2025 as 12 August, and without it such dates are refused",
          "[cli]")
{
    const QString file = formatFile("fechas_dmy.csv");
    const Run dmy = runChronomap({"--query", "--data", file, "--mapping", kMapping, "--date-format", "dmy"});
    INFO(str(dmy.err));
    REQUIRE(dmy.exitCode == 0);
    const QStringList lines = dmy.out.trimmed().split(u'\n');
    REQUIRE(lines.size() == 4); // the header and three events
    CHECK(lines[1].contains(",2025-08-12,"));
    CHECK(lines[1].contains("Llamada telefónica entre Kim Jong-un y Putin"));
    CHECK(lines[3].contains(",2025-09-03,"));

    const Run mdy = runChronomap({"--validate", file, "--mapping", kMapping, "--date-format", "mdy"});
    CHECK(mdy.exitCode == 1); // 20/08/2025 has no 20th month
    CHECK(mdy.out.contains(file + ": record 2: Fecha: '20/08/2025' is not a date in the form month/day/year "
                                  "(08/12/2025); record skipped"));

    const Run iso = runChronomap({"--validate", file, "--mapping", kMapping});
    CHECK(iso.exitCode == 2);
    CHECK(iso.out.contains("'12/08/2025' is not an ISO 8601 date"));

    const Run bad = runChronomap({"--validate", file, "--mapping", kMapping, "--date-format", "ymd"});
    CHECK(bad.exitCode == 2);
    CHECK(bad.err.contains("--date-format: 'ymd' is not iso, dmy or mdy"));
}

TEST_CASE("Validating ACLED and UCDP exports on the command line loads every row with no mapping", "[cli]")
{
    for (const char *name : {"acled_2023.csv", "acled_2022.csv", "acled_2023.xlsx", "ucdp_ged.csv"}) {
        INFO(name);
        const Run run = runChronomap({"--validate", formatFile(name)});
        INFO(str(run.out) << str(run.err));
        CHECK(run.exitCode == 0);
    }
    // Region codes come from ACLED's admin1 names: --region filters on them.
    const Run belgorod = runChronomap({"--query", "--data", formatFile("acled_2023.csv"), "--region", "RU-BEL"});
    REQUIRE(belgorod.exitCode == 0);
    CHECK(belgorod.out.trimmed().split(u'\n').size() == 4); // the header and RUS12346, RUS12348, RUS12349
}
