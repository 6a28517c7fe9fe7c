// SPDX-License-Identifier: GPL-3.0-or-later
// Crisp at device pixel ratio 2: the map and the timeline paint at device resolution, not a
// 1x picture doubled. Hidden tests ([.hidpi]): CTest runs them with QT_SCALE_FACTOR=2.
#include "widgets/map_view.h"
#include "widgets/timeline_view.h"

#include "../render/prepared_data.h"

#include <QTest>

#include <catch2/catch.hpp>

using namespace chronomap;

namespace {

/// The share of aligned 2x2 device-pixel blocks whose four pixels are not all alike. A 1x
/// picture scaled up without smoothing has none; a painting at device resolution has edges
/// (borders, text, lane lines) that fall inside blocks.
double detailedBlockShare(const QImage &image)
{
    const QImage rgb = image.convertToFormat(QImage::Format_RGB32);
    qint64 blocks = 0, detailed = 0;
    for (int y = 0; y + 1 < rgb.height(); y += 2) {
        const auto *row0 = reinterpret_cast<const QRgb *>(rgb.constScanLine(y));
        const auto *row1 = reinterpret_cast<const QRgb *>(rgb.constScanLine(y + 1));
        for (int x = 0; x + 1 < rgb.width(); x += 2) {
            ++blocks;
            const QRgb p = row0[x];
            if (row0[x + 1] != p || row1[x] != p || row1[x + 1] != p) ++detailed;
        }
    }
    return blocks ? double(detailed) / double(blocks) : 0;
}

} // namespace

TEST_CASE("At device pixel ratio 2 the map and the timeline paint at device resolution", "[.hidpi]")
{
    ViewState state;
    MapView map(&state);
    TimelineView timeline(&state);
    map.resize(800, 500);
    timeline.resize(800, 260);
    map.show();
    timeline.show();
    REQUIRE(QTest::qWaitForWindowExposed(&map));
    REQUIRE(QTest::qWaitForWindowExposed(&timeline));
    REQUIRE(map.devicePixelRatioF() == Approx(2.0)); // QT_SCALE_FACTOR=2, set by CTest
    state.setDataset(test::preparedBundledDataset());
    map.zoomToData();
    timeline.fitAll();

    for (QWidget *view : {static_cast<QWidget *>(&map), static_cast<QWidget *>(&timeline)}) {
        INFO(view->metaObject()->className());
        const QImage image = view->grab().toImage();
        CHECK(image.devicePixelRatio() == Approx(2.0));
        CHECK(image.size() == view->size() * 2);
        const double share = detailedBlockShare(image);
        INFO("share of 2x2 blocks with detail: " << share);
        CHECK(share > 0.01);
        // For contrast, the same picture at 1x doubled has none: the measure tells them apart.
        QImage atOneX = image.scaled(view->size());
        atOneX.setDevicePixelRatio(1);
        CHECK(detailedBlockShare(atOneX.scaled(view->size() * 2)) == 0);
    }
}
