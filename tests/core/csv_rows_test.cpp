// SPDX-License-Identifier: GPL-3.0-or-later
// CSV rows read with GDAL's CSV tokenizer (CsvRowReader, issue 20) against GDAL's CSV layer:
// every CSV fixture under tests/ and a few thousand crafted files (separators, quoting, line
// breaks in values, blank lines, short and long rows, byte order marks, odd headers, line limits)
// load to the same store and the same issues both ways, in process and through the reader child;
// what GDAL would not read as plain text columns goes to GDAL's layer before any row is read.
#include "core/io/csv_row_reader.h"
#include "../test_paths.h"
#include "core/io/event_loader.h"
#include "core/io/gdal_handles.h"
#include "core/io/gdal_session.h"
#include "core/io/reader_process.h"
#include "core/io/user_dataset.h"

#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QTemporaryDir>

#include "../qt_string_maker.h"
#include "same_load.h"
#include "../test_files.h"

#include <catch2/catch.hpp>

#include <random>
#include <string>

using namespace chronomap;
using namespace chronomap::test;

namespace {

constexpr const char *kReaderVariable = "CHRONOMAP_CSV_READER";

template<typename Load> LoadResult withGdalLayer(Load load)
{
    qputenv(kReaderVariable, "gdal");
    const auto restore = qScopeGuard([] { qunsetenv(kReaderVariable); });
    return load();
}

/// Whether the rows of `path` are read with GDAL's tokenizer (why not, in the test's log).
bool takesRowPath(const QString &path)
{
    const QFileInfo info(path);
    const QByteArray gdalPath = QFile::encodeName(info.absoluteFilePath());
    ensureGdalReady();
    GdalMessageCollector quiet;
    const DatasetPtr dataset = openUserDataset(gdalPath, info.suffix());
    QString declined = QStringLiteral("GDAL cannot open it");
    const bool rows = dataset && CsvRowReader::open(gdalPath, info.suffix(), dataset.get(), &declined) != nullptr;
    UNSCOPED_INFO(str(path) << ": " << (rows ? std::string("GDAL's tokenizer") : str(declined)));
    return rows;
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

void checkBothWays(const QString &path, const LoadOptions &options = {})
{
    checkSameOutcome(withGdalLayer([&] { return EventLoader::load(path, options); }), EventLoader::load(path, options));
}

/// A CSV file drawn from `random`: a header of event columns (now and then numeric, empty,
/// spaced, duplicated or a geometry's name), rows of dates, coordinates, text and quoted text
/// with separators, doubled quotes and line breaks, blank lines, rows short or long of cells,
/// and now and then a byte order mark, CRLF endings, an unclosed quote or another separator.
QByteArray craftedCsv(std::mt19937 &random)
{
    auto pick = [&](int n) { return int(random() % unsigned(n)); };
    static const char *const separators[] = {",", ",", ",", ";", "\t", " ", "|"};
    const QByteArray separator = separators[pick(7)];
    const QByteArray newline = pick(4) == 0 ? "\r\n" : "\n";
    static const char *const columns[] = {"id",       "title",  "start",   "end",        "lat",  "lon",
                                          "category", "source", "sources", "regions",    "",     " start ",
                                          "WKT",      "2024",   "x",       "\"ti,tle\"", "Start"};
    QList<QByteArray> header = {"start"};
    for (int n = pick(7); n > 0; --n)
        header.insert(pick(int(header.size()) + 1), columns[pick(17)]);
    static const char *const values[] = {"2024-05-01",
                                         "2023",
                                         "2024-13-40",
                                         "",
                                         "50.5",
                                         "-12,5",
                                         "ev-1",
                                         "ev-1",
                                         "\"quoted, with separator\"",
                                         "\"doubled \"\" quote\"",
                                         "\"two\nlines\"",
                                         "\"cr\rin value\"",
                                         "  spaced  ",
                                         "POINT (30 50)",
                                         "RU-KRS",
                                         "Переговоры",
                                         "\"a;b\tc|d\"",
                                         "x\"y",
                                         "\"unclosed"};
    QByteArray csv = pick(6) == 0 ? "\xEF\xBB\xBF" : "";
    csv += header.join(separator) + newline;
    for (int row = pick(12); row > 0; --row) {
        if (pick(8) == 0) csv += newline; // a blank line
        QList<QByteArray> cells;
        for (qsizetype c = int(header.size()) + pick(3) - 1; c > 0; --c)
            cells.append(values[pick(pick(10) == 0 ? 19 : 18)]); // an unclosed quote now and then
        csv += cells.join(separator) + newline;
    }
    if (pick(5) == 0) csv.chop(newline.size()); // no line break at the end
    return csv;
}

} // namespace

TEST_CASE("Every CSV fixture loads the same with GDAL's CSV tokenizer as through GDAL's CSV layer", "[io]")
{
    const QStringList files = fixturesMatching({QStringLiteral("*.csv")});
    REQUIRE(files.size() >= 15);
    int rows = 0;
    for (const QString &path : files) {
        INFO(str(path));
        rows += takesRowPath(path);
        checkBothWays(path);
        // Low limits: the text limit and the record limit apply the same.
        LoadOptions low;
        low.maxTextBytes = 16;
        low.maxRecords = 2;
        checkBothWays(path, low);
        // The reader child (the window's and the exports' load) too.
        checkSameOutcome(withGdalLayer([&] { return ReaderProcess::load(path); }), ReaderProcess::load(path));
    }
    // Most of them are text columns (those with a WKT column are GDAL's).
    CHECK(rows >= files.size() / 2);
}

TEST_CASE("GDAL's CSV tokenizer reads the files GDAL's layer reads as text, and leaves the rest to the layer", "[io]")
{
    CHECK(takesRowPath(formatFile("events_latlon.csv")));
    CHECK(takesRowPath(formatFile("acled_2023.csv")));
    CHECK(takesRowPath(badFile("latin1.csv")));
    CHECK_FALSE(takesRowPath(formatFile("events_wkt.csv"))); // a WKT column is a geometry
    CHECK_FALSE(takesRowPath(formatFile("events.geojson")));
    qputenv(kReaderVariable, "gdal");
    CHECK_FALSE(takesRowPath(formatFile("events_latlon.csv")));
    qunsetenv(kReaderVariable);

    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const auto check = [&](const QByteArray &csv, bool expected, const char *name = "probe.csv") {
        INFO(csv.toStdString());
        const QString path = dir.filePath(QString::fromLatin1(name));
        REQUIRE(writeFile(path, csv));
        CHECK(takesRowPath(path) == expected);
        checkBothWays(path);
    };
    check("id,start,title\nq-1,2024-05-01,Kursk\n\nq-2,2024-06,\"Belgorod,\n\"\"north\"\"\"\nq-3,2024\n", true);
    check("id;start;title\nq-1;2024-05-01;Kursk\n", true);               // GDAL's separator detection
    check("\xEF\xBB\xBFstart,\n2024-05-01,x\n", true);                   // one column and a trailing comma
    check(" id , start ,,title\r\nq-1,2024-05-01,x,y,z\r\n", true);      // names trimmed, field_3
    check("id,start,2024\nq-1,2024-05-01,x\n", false);                   // a number: no header
    check("id\tstart,title\nq-1\t2024-05-01,x\nq-2\t2024,y\n", false);   // a tab: GDAL may choose it
    check("id,start,WKT\nq-1,2024-05-01,POINT (30 50)\n", false);        // a geometry column
    check("id,start,_WKT_POINT\nq-1,2024-05-01,POINT (30 50)\n", false); // another
    check("id,start\nq-1,2024-05-01\n", false, "probe.tsv");             // not .csv
    REQUIRE(writeFile(dir.filePath("typed.csvt"), "String,Integer\n"));  // GDAL types a column
    check("start,n\n2024-05-01,3\n", false, "typed.csv");
    REQUIRE(writeFile(dir.filePath("texts.csvt"), "String,String\n")); // text by .csvt: the same
    check("start,n\n2024-05-01,3\n", true, "texts.csv");
}

TEST_CASE("Crafted CSV files load the same with GDAL's CSV tokenizer as through GDAL's CSV layer", "[io]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    std::mt19937 random(20261206);
    int rows = 0;
    const int files = 1500;
    for (int n = 0; n < files; ++n) {
        const QByteArray csv = craftedCsv(random);
        INFO("file " << n << ":\n" << csv.toStdString());
        const QString path = dir.filePath(QStringLiteral("crafted.csv"));
        REQUIRE(writeFile(path, csv));
        rows += takesRowPath(path);
        checkBothWays(path);
        // A line limit (GDAL's configuration, from the environment) ends both reads at the same row.
        if (n % 10 == 0) {
            qputenv("OGR_CSV_MAX_LINE_SIZE", "40");
            const auto restore = qScopeGuard([] { qunsetenv("OGR_CSV_MAX_LINE_SIZE"); });
            checkBothWays(path);
        }
        // Bytes in memory (GDAL's /vsimem/) now and then.
        if (n % 7 == 0)
            checkSameOutcome(withGdalLayer([&] { return EventLoader::loadBytes(csv, path); }),
                             EventLoader::loadBytes(csv, path), true);
    }
    // Most headers are plain text columns: the comparison really exercises the tokenizer's path.
    CHECK(rows >= files / 3);
}
