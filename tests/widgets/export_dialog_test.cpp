// SPDX-License-Identifier: GPL-3.0-or-later
// File → Export snapshot…: the dialog's export runs off the GUI thread and can be cancelled;
// a saved view state reopens the window on the same view.
#include "render/prepared_dataset.h"
#include "../test_paths.h"
#include "core/io/dataset_loader.h"
#include "widgets/export_dialog.h"
#include "core/geo/region_index.h"
#include "widgets/main_window.h"
#include "render/map/map_style.h"
#include "widgets/map_view.h"
#include "render/snapshot/snapshot_metadata.h"
#include "core/view/view_state_json.h"
#include "widgets/view_state_restorer.h"
#include "render/map/viewport_json.h"
#include "render/map/web_mercator.h"

#include "../render/prepared_data.h"
#include "window_loading.h"

#include <QImageReader>
#include <QSemaphore>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>

#include <catch2/catch.hpp>

#include "../qt_string_maker.h"

using namespace chronomap;

namespace {

std::shared_ptr<const PreparedDataset> exportDataset()
{
    static const auto dataset = [] {
        const QString file = chronomap::test::testDataDir() + QLatin1String("/export/events.geojson");
        const LoadResult result = EventLoader::load(file);
        REQUIRE_FALSE(result.hasFatal());
        return PreparedDataset::make({file}, result.store, test::bundledBaseMap(), DatasetLoader::sha256OfFile(file));
    }();
    return dataset;
}

} // namespace

TEST_CASE("The export dialog writes the view in the background and reports it", "[export][widgets]")
{
    loadBundledFonts();
    ViewState state;
    MapView map(&state);
    map.resize(900, 600);
    state.setDataset(exportDataset());
    map.zoomToData();
    state.setSelectedRegion(exportDataset()->baseMap->regions->find(QStringLiteral("RU-KRS")));

    ExportDialog dialog(&state, &map, QSize(1000, 700), 1.0);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("dialog.png"));
    dialog.setPath(path);
    CHECK(dialog.format() == SnapshotFormat::Png);
    dialog.setCustomSize(QSize(1200, 800));
    dialog.setTitle(QStringLiteral("From the dialog"));
    const auto request = dialog.request();
    CHECK(request.size.pixels == QSize(1200, 800));
    CHECK(request.content.mapViewport == map.viewport());

    QSignalSpy finished(&dialog, &ExportDialog::exportFinished);
    dialog.startExport();
    CHECK(dialog.isExporting());
    // The GUI thread is free while the worker paints: the event loop keeps turning.
    REQUIRE(finished.wait(30'000));
    const QList<QVariant> args = finished.takeFirst();
    INFO(args.value(2).toString().toStdString());
    CHECK(args.value(0).toBool());
    QImageReader reader(path);
    CHECK(reader.size() == QSize(1200, 800));
    CHECK(reader.text(SnapshotMetadata::kTitle) == QStringLiteral("From the dialog"));
    CHECK(reader.text(SnapshotMetadata::kRegion).startsWith(QStringLiteral("RU-KRS")));

    SECTION("Presets")
    {
        dialog.setSizePreset(QStringLiteral("a4"));
        CHECK(dialog.request().size.pixels == QSize(3508, 2480));
        CHECK(dialog.request().size.scale == Approx(300.0 / 96.0));
        dialog.setSizePreset(ExportDialog::kCurrentWindow);
        CHECK(dialog.request().size.pixels == QSize(1000, 700));
        dialog.setFormat(SnapshotFormat::Pdf);
        CHECK(dialog.path().endsWith(QStringLiteral("dialog.pdf")));
    }
    SECTION("A cancelled export leaves no file")
    {
        const QString big = dir.filePath(QStringLiteral("cancelled.pdf"));
        dialog.setPath(big);
        dialog.setSizePreset(QStringLiteral("4k"));
        // The worker waits at its first step until the cancel has been pressed: the cancel
        // always lands mid-write, never after the file is done.
        auto *job = dialog.findChild<SnapshotExportJob *>();
        REQUIRE(job);
        QSemaphore cancelPressed, workerWaiting;
        std::atomic<int> steps = 0;
        job->setWorkerStepHook([&](int) {
            if (steps++ == 0) {
                workerWaiting.release();
                cancelPressed.acquire();
            }
        });
        dialog.startExport();
        REQUIRE(workerWaiting.tryAcquire(1, 30'000));
        QTest::keyClick(&dialog, Qt::Key_Escape); // the Close button reads Cancel while exporting
        cancelPressed.release();
        REQUIRE(finished.wait(30'000));
        const QList<QVariant> cancelled = finished.takeFirst();
        CHECK_FALSE(cancelled.value(0).toBool());
        CHECK_FALSE(QFileInfo::exists(big));
        // Nothing else was left either: the folder holds the earlier export only.
        CHECK(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden) == QStringList{QStringLiteral("dialog.png")});
        job->setWorkerStepHook({});
    }
}

TEST_CASE("A saved view state reopens the window on the same view", "[export][widgets]")
{
    ViewState saved;
    saved.setDataset(exportDataset());
    saved.setTimeWindow(TimeWindow{FuzzyDate::parse(u"2025")->startMs, FuzzyDate::parse(u"2025")->endExclusiveMs()});
    saved.setSelectedRegion(exportDataset()->baseMap->regions->find(QStringLiteral("RU-KRS")));
    saved.setSelectedEvent(exportDataset()->events->findId(QStringLiteral("a1-call")));
    saved.setHiddenCategories({QStringLiteral("combat")});
    saved.setLanguage(QStringLiteral("es"));
    const Viewport viewport(WebMercator::toMercatorM(QPointF(60.0, 50.0)), 3000, QSize(800, 600));
    QJsonObject json = ViewStateJson::toJson(saved, exportDataset()->sha256);
    json.insert(QStringLiteral("map"), ViewportJson::toJson(viewport));
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("view.json"));
    REQUIRE(ViewStateJson::writeFile(json, file, nullptr));

    MainWindow window;
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    REQUIRE(test::openViewState(window, file));

    const ViewState &state = *window.viewState();
    CHECK(state.dataset()->file() == exportDataset()->file());
    CHECK(state.timeWindow() == saved.timeWindow());
    CHECK(state.selectedRegion() == saved.selectedRegion());
    CHECK(state.dataset()->events->id(state.selectedEvent()) == QStringLiteral("a1-call"));
    CHECK(state.hiddenCategories() == saved.hiddenCategories());
    CHECK(state.language() == QStringLiteral("es"));
    CHECK(window.mapView()->viewport().metresPerPixel() == Approx(3000));
    const QPointF centre = WebMercator::toLonLatDeg(window.mapView()->viewport().centreMercatorM());
    CHECK(centre.x() == Approx(60.0).margin(1e-6));
    CHECK(centre.y() == Approx(50.0).margin(1e-6));
}
