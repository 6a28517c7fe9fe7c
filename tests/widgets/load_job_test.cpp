// SPDX-License-Identifier: GPL-3.0-or-later
// LoadJob: a cancel halfway through a file ends the job as cancelled with nothing loaded.
#include "load_job.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>

#include "../qt_string_maker.h"

#include <catch2/catch.hpp>

using namespace chronomap;

TEST_CASE("Cancelling a load job halfway ends it as cancelled with an empty store", "[widgets][io]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    // GeoJSON: GDAL counts its records up front, so the job reports progress as it reads (for a
    // CSV the total is unknown and the job's progress stays at 0 until the end).
    constexpr int rows = 50'000;
    QByteArray json = "{\"type\":\"FeatureCollection\",\"features\":[";
    for (int i = 0; i < rows; ++i)
        json += QByteArray(i ? "," : "") +
                "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[36.2,51.7]},"
                "\"properties\":{\"id\":\"ev-" +
                QByteArray::number(i) + "\",\"start\":\"2020-01-01\",\"title\":\"Event\"}}";
    json += "]}";
    const QString path = dir.filePath("moderate.geojson");
    {
        QFile f(path);
        REQUIRE(f.open(QIODevice::WriteOnly));
        REQUIRE(f.write(json) == json.size());
    }

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
