// SPDX-License-Identifier: GPL-3.0-or-later
// The README's command-line promises that no other test holds it to: `--mapping`, `--size a4`,
// the default size, and `chronomap --view-state FILE` reopening what `--export --view-state` wrote.
#include "core/geo/region_index.h"
#include "../test_paths.h"
#include "render/snapshot/snapshot_metadata.h"
#include "widgets/main_window.h"
#include "widgets/map_view.h"
#include "core/store/event_store.h"
#include "widgets/view_state_restorer.h"
#include "render/map/web_mercator.h"

#include "run_chronomap.h"
#include "../widgets/window_loading.h"

#include <QFile>
#include <QImageReader>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "../qt_string_maker.h"

#include <catch2/catch.hpp>

using namespace chronomap;
using test::runChronomap;

namespace {
const QString kExportData = chronomap::test::testDataDir() + QLatin1String("/export/events.geojson");
const QString kSpanishCsv = chronomap::test::testDataDir() + QLatin1String("/formats/events_spanish.csv");
} // namespace

TEST_CASE("A --mapping loads a file whose columns the loader does not know, and without it the file is refused",
          "[cli]")
{
    const auto without = runChronomap({QStringLiteral("--query"), QStringLiteral("--data"), kSpanishCsv});
    CHECK(without.exitCode != 0);
    CHECK(without.err.contains(QStringLiteral("events_spanish.csv")));

    const auto with =
        runChronomap({QStringLiteral("--query"), QStringLiteral("--data"), kSpanishCsv, QStringLiteral("--mapping"),
                      QStringLiteral("start=Fecha,title=Titular,lon=X,lat=Y,category=Tipo")});
    INFO(with.err.toStdString());
    REQUIRE(with.exitCode == 0);
    const QStringList lines = with.out.split(u'\n', Qt::SkipEmptyParts);
    REQUIRE(lines.size() == 4); // the header and the file's three rows
    CHECK(with.out.contains(QStringLiteral("Shoigú visita Pionyang")));
    CHECK(with.out.contains(QStringLiteral("2024-11-05")));
}

TEST_CASE("The export writes 1920x1080 by default and an A4 landscape page at 300 dpi with --size a4", "[cli][export]")
{
    QTemporaryDir dir;
    const QString byDefault = dir.filePath(QStringLiteral("default.png")), a4 = dir.filePath(QStringLiteral("a4.png"));
    REQUIRE(runChronomap({QStringLiteral("--export"), byDefault, QStringLiteral("--data"), kExportData}).exitCode == 0);
    CHECK(QImageReader(byDefault).size() == QSize(1920, 1080));

    REQUIRE(runChronomap({QStringLiteral("--export"), a4, QStringLiteral("--data"), kExportData,
                          QStringLiteral("--size"), QStringLiteral("a4")})
                .exitCode == 0);
    const QImage page(a4);
    CHECK(page.size() == QSize(3508, 2480));
    CHECK(page.dotsPerMeterX() == Approx(300 / 0.0254).margin(1)); // prints as A4, not as a poster
}

TEST_CASE("chronomap --view-state reopens the window on the view --export --view-state wrote", "[cli][widgets]")
{
    QTemporaryDir dir;
    const QString png = dir.filePath(QStringLiteral("kursk.png")), json = dir.filePath(QStringLiteral("kursk.json"));
    const auto exported =
        runChronomap({QStringLiteral("--export"), png, QStringLiteral("--data"), kExportData,
                      QStringLiteral("--region"), QStringLiteral("Kursk"), QStringLiteral("--from"),
                      QStringLiteral("2025-01"), QStringLiteral("--to"), QStringLiteral("2025-06"),
                      QStringLiteral("--select"), QStringLiteral("a4-kursk"), QStringLiteral("--view-state"), json});
    INFO(exported.err.toStdString());
    REQUIRE(exported.exitCode == 0);
    QFile file(json);
    REQUIRE(file.open(QIODevice::ReadOnly));
    const QJsonObject written = QJsonDocument::fromJson(file.readAll()).object();
    REQUIRE_FALSE(written.isEmpty());

    // As main() does for `chronomap --view-state FILE`.
    MainWindow window;
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    REQUIRE(test::openViewState(window, json));

    const ViewState &state = *window.viewState();
    const auto dataset = state.dataset();
    CHECK(QFileInfo(dataset->file()).canonicalFilePath() == QFileInfo(kExportData).canonicalFilePath());
    CHECK(dataset->events->id(state.selectedEvent()) == QStringLiteral("a4-kursk"));
    CHECK(state.selectedRegion() == dataset->baseMap->regions->find(QStringLiteral("RU-KRS")));
    REQUIRE(state.timeWindow());
    CHECK(state.timeWindow()->fromMs == FuzzyDate::parse(u"2025-01")->startMs);
    CHECK(state.timeWindow()->toMs == FuzzyDate::parse(u"2025-06")->endExclusiveMs());
    // The map shows the snapshot's map: the centre and scale the file recorded.
    const QJsonObject map = written.value(QStringLiteral("map")).toObject();
    REQUIRE_FALSE(map.isEmpty());
    const QPointF centre = WebMercator::toLonLatDeg(window.mapView()->viewport().centreMercatorM());
    INFO(QJsonDocument(map).toJson().toStdString());
    CHECK(window.mapView()->viewport().metresPerPixel() ==
          Approx(map.value(QStringLiteral("metres_per_pixel")).toDouble()).epsilon(1e-6));
    CHECK(centre.x() == Approx(map.value(QStringLiteral("centre_lon_deg")).toDouble()).margin(1e-6));
    CHECK(centre.y() == Approx(map.value(QStringLiteral("centre_lat_deg")).toDouble()).margin(1e-6));
}

TEST_CASE("An export of several --data files names them all, and its view state reopens them all", "[cli][widgets]")
{
    const QString acled = chronomap::test::testDataDir() + QLatin1String("/formats/acled_2023.csv");
    QTemporaryDir dir;
    const QString png = dir.filePath(QStringLiteral("both.png")), json = dir.filePath(QStringLiteral("both.json"));
    const auto exported = runChronomap({QStringLiteral("--export"), png, QStringLiteral("--data"), kExportData,
                                        QStringLiteral("--data"), acled, QStringLiteral("--size"),
                                        QStringLiteral("960x540"), QStringLiteral("--view-state"), json});
    INFO(exported.err.toStdString());
    REQUIRE(exported.exitCode == 0);

    const QStringList both = {QFileInfo(kExportData).absoluteFilePath(), QFileInfo(acled).absoluteFilePath()};
    QImageReader reader(png);
    CHECK(reader.text(SnapshotMetadata::kDataset) == both.join(QStringLiteral("; ")));
    CHECK(reader.text(SnapshotMetadata::kTitle) == QStringLiteral("events.geojson, acled_2023.csv"));
    QFile file(json);
    REQUIRE(file.open(QIODevice::ReadOnly));
    const QJsonObject written = QJsonDocument::fromJson(file.readAll()).object();
    CHECK(written.value(QStringLiteral("dataset")).toString() == both.first()); // what older readers open
    CHECK(written.value(QStringLiteral("datasets")).toVariant().toStringList() == both);

    MainWindow window;
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    REQUIRE(test::openViewState(window, json));
    CHECK(window.currentFiles() == both);
    CHECK(window.viewState()->dataset()->files == both);
}
