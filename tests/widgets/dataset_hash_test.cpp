// SPDX-License-Identifier: GPL-3.0-or-later
// The dataset's SHA-256 is taken as the window loads it: a snapshot names the content it shows,
// even when the file has changed on disk since.
#include "core/view/view_state.h"
#include "../test_paths.h"
#include "render/snapshot/snapshot_metadata.h"
#include "widgets/main_window.h"
#include "widgets/snapshot_export_job.h"

#include "window_loading.h"

#include <QCryptographicHash>
#include <QFile>
#include <QImageReader>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <catch2/catch.hpp>

#include "../qt_string_maker.h"

using namespace chronomap;

namespace {

QString sha256Hex(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

TEST_CASE("A snapshot names the content the window loaded, even when its file changed on disk since",
          "[widgets][export]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString file = dir.filePath(QStringLiteral("events.geojson"));
    REQUIRE(QFile::copy(chronomap::test::testDataDir() + QLatin1String("/export/events.geojson"), file));
    const QString loadedSha = sha256Hex(readAll(file));

    MainWindow window;
    window.resize(1000, 700);
    window.show();
    REQUIRE(test::loadFiles(window, {file}));
    CHECK(window.viewState()->dataset()->sha256 == loadedSha);

    // The file is edited while it is shown: the view still shows what was read.
    {
        QFile edited(file);
        REQUIRE(edited.open(QIODevice::Append));
        REQUIRE(edited.write("\n") == 1);
    }
    REQUIRE(sha256Hex(readAll(file)) != loadedSha);

    SnapshotExportJob job;
    SnapshotRequest request;
    request.dataset = window.viewState()->dataset();
    request.settings = window.viewState()->settings();
    request.path = dir.filePath(QStringLiteral("snapshot.png"));
    request.size.pixels = QSize(480, 270);
    QSignalSpy finished(&job, &SnapshotExportJob::finished);
    job.start(request);
    REQUIRE(finished.wait(60'000));
    INFO(finished.first().value(1).toString().toStdString());
    REQUIRE(finished.first().value(0).toBool());
    QImageReader snapshot(request.path);
    CHECK(snapshot.text(SnapshotMetadata::kDatasetSha256) == loadedSha);
    CHECK(snapshot.text(SnapshotMetadata::kViewState).contains(loadedSha));
}
