// SPDX-License-Identifier: GPL-3.0-or-later
// DatasetLoader: several files as one dataset, and the hash of what was read.
#include "core/io/dataset_loader.h"

#include <QCryptographicHash>
#include <QFile>
#include <QTemporaryDir>

#include <catch2/catch.hpp>

#include <algorithm>

#include "../qt_string_maker.h"
#include "../test_files.h"

using namespace chronomap;
using test::writeFile;

namespace {

QByteArray sha256Hex(const QByteArray &bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
}

const QByteArray kGeoJson = R"({"type": "FeatureCollection", "features": [
  {"type": "Feature", "geometry": {"type": "Point", "coordinates": [36.19, 51.73]},
   "properties": {"id": "kursk-1", "title": "Deployment reported in Kursk", "start": "2024-11"}},
  {"type": "Feature", "geometry": {"type": "Point", "coordinates": [125.75, 39.03]},
   "properties": {"id": "shared", "title": "Visit to Pyongyang", "start": "2024-06-19"}}
]})";

const QByteArray kCsv = "id,start,lat,lon,title\n"
                        "belgorod-1,2025-01-10,50.6,36.6,Strike reported in Belgorod\n"
                        "shared,2025-02,55.75,37.62,Talks in Moscow\n";

} // namespace

TEST_CASE("DatasetLoader loads several files as one store and hashes what it read", "[io]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString geojson = writeFile(dir, "first.geojson", kGeoJson);
    const QString csv = writeFile(dir, "second.csv", kCsv);

    const LoadResult one = DatasetLoader::load({geojson});
    REQUIRE_FALSE(one.hasFatal());
    CHECK(one.store->size() == 2);
    CHECK(one.sha256 == QString::fromLatin1(sha256Hex(kGeoJson))); // what `sha256sum FILE` prints
    const LoadResult unhashed = DatasetLoader::load({geojson}, {}, {}, DatasetLoader::Hashing::None);
    CHECK(unhashed.store->size() == 2);
    CHECK(unhashed.sha256.isEmpty()); // --validate and --query have no use for it

    const LoadResult both = DatasetLoader::load({geojson, csv});
    REQUIRE_FALSE(both.hasFatal());
    CHECK(both.recordsRead == 4);
    REQUIRE(both.store->size() == 4);
    for (const char *id : {"kursk-1", "shared", "belgorod-1"})
        CHECK(both.store->findId(QLatin1String(id)) >= 0);
    // The second file's "shared" is renamed after its file, and the rename is reported.
    const EventStore::Index renamed = both.store->findId(QStringLiteral("second:shared"));
    REQUIRE(renamed >= 0);
    CHECK(both.store->title(renamed) == QStringLiteral("Talks in Moscow"));
    CHECK(std::any_of(both.issues.begin(), both.issues.end(), [&](const Issue &issue) {
        return issue.severity == Issue::Severity::Warning && issue.file == csv;
    }));
    // Several files: the hash of their hex digests, in load order.
    CHECK(both.sha256 == QString::fromLatin1(sha256Hex(sha256Hex(kGeoJson) + sha256Hex(kCsv))));
    CHECK(DatasetLoader::load({csv, geojson}).sha256 != both.sha256);
}

TEST_CASE("DatasetLoader reports progress over all files and stops when told to", "[io]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString geojson = writeFile(dir, "first.geojson", kGeoJson);
    const QString csv = writeFile(dir, "second.csv", kCsv);

    std::vector<int> permilles;
    DatasetLoader::Callbacks callbacks;
    callbacks.progress = [&](int permille) {
        if (permille >= 0) permilles.push_back(permille); // -1: a file that does not tell
        return true;
    };
    const LoadResult whole = DatasetLoader::load({geojson, csv}, {}, callbacks);
    CHECK(whole.store->size() == 4);
    REQUIRE_FALSE(permilles.empty());
    CHECK(std::all_of(permilles.begin(), permilles.end(), [](int p) { return p >= 0 && p <= 1000; }));
    CHECK(permilles.back() == 1000);

    callbacks.progress = [](int) { return false; };
    const LoadResult cancelled = DatasetLoader::load({geojson, csv}, {}, callbacks);
    CHECK(cancelled.cancelled);
    REQUIRE(cancelled.store);
    CHECK(cancelled.store->isEmpty());
    CHECK(cancelled.issues.isEmpty());
    CHECK(cancelled.sha256.isEmpty());
}
