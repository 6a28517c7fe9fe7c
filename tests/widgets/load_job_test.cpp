// SPDX-License-Identifier: GPL-3.0-or-later
// LoadJob: a cancel halfway through a file ends the job as cancelled with nothing loaded.
#include "widgets/load_job.h"

#include <QFile>
#include <algorithm>
#include <QSignalSpy>
#include <QTemporaryDir>

#include "../qt_string_maker.h"
#include "../test_files.h"

#include <catch2/catch.hpp>

using namespace chronomap;
using test::writeFile;

TEST_CASE("Cancelling a load job halfway ends it as cancelled with an empty store", "[widgets][io]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    // GeoJSON: GDAL counts its records up front, so the job reports progress as it reads.
    constexpr int rows = 50'000;
    QByteArray json = "{\"type\":\"FeatureCollection\",\"features\":[";
    for (int i = 0; i < rows; ++i)
        json += QByteArray(i ? "," : "") +
                "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[36.2,51.7]},"
                "\"properties\":{\"id\":\"ev-" +
                QByteArray::number(i) + "\",\"start\":\"2020-01-01\",\"title\":\"Event\"}}";
    json += "]}";
    const QString path = writeFile(dir, "moderate.geojson", json);

    LoadJob job(path);
    QSignalSpy finished(&job, &LoadJob::finished);
    LoadResult result;
    qint64 progressAtCancel = -1;
    QObject::connect(&job, &LoadJob::finished, [&](const LoadResult &r) { result = r; });
    QObject::connect(&job, &LoadJob::progress, [&](qint64 done, qint64) {
        if (progressAtCancel < 0 && done > 0) { // the first sign of records read: cancel
            progressAtCancel = done;
            job.cancel();
        }
    });
    job.start();
    REQUIRE(finished.wait(120'000));
    CHECK(finished.count() == 1);
    CHECK(progressAtCancel > 0);
    CHECK(progressAtCancel < 1000); // in thousandths: cancelled before the end
    CHECK(result.cancelled);
    REQUIRE(result.store); // LoadResult's store is never null
    CHECK(result.store->isEmpty());
    CHECK(result.issues.isEmpty());

    // The same file loads whole when left alone.
    LoadJob whole(path);
    QSignalSpy done(&whole, &LoadJob::finished);
    LoadResult complete;
    QObject::connect(&whole, &LoadJob::finished, [&](const LoadResult &r) { complete = r; });
    whole.start();
    REQUIRE(done.wait(120'000));
    CHECK_FALSE(complete.cancelled);
    REQUIRE(complete.store);
    CHECK(complete.store->size() == rows);
}

TEST_CASE("A CSV load job reports progress before the end from the estimated number of rows", "[widgets][io]")
{
    // GDAL's CSV driver cannot count rows without reading the whole file; the loader estimates
    // the total from line lengths so the progress bar moves on the big files users open.
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    constexpr int rows = 60'000;
    QByteArray csv = "id,date,lat,lon,title\n";
    for (int i = 0; i < rows; ++i)
        csv += "ev-" + QByteArray::number(i) + ",2020-01-01,51.7,36.2,Event " + QByteArray::number(i) + '\n';
    const QString path = writeFile(dir, "moderate.csv", csv);

    LoadJob job(path);
    QSignalSpy finished(&job, &LoadJob::finished);
    std::vector<qint64> permilles;
    QObject::connect(&job, &LoadJob::progress, [&](qint64 done, qint64) { permilles.push_back(done); });
    LoadResult result;
    QObject::connect(&job, &LoadJob::finished, [&](const LoadResult &r) { result = r; });
    job.start();
    REQUIRE(finished.wait(120'000));
    CHECK(result.store->size() == rows);
    // Progress is queued to this thread, so values may be coalesced, but some lie strictly
    // between the start and the end.
    CHECK(std::any_of(permilles.begin(), permilles.end(), [](qint64 p) { return p > 0 && p < 1000; }));
}
