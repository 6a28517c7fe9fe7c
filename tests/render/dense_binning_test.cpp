// SPDX-License-Identifier: GPL-3.0-or-later
// Above PreparedDataset::kDenseThreshold point events, heat counts the events in rows north to
// south (PointRows) rather than in time order: the same surface as a smaller dataset of just the
// visible events, counted in time order. Hexagon bins (cells found by multiplication and inline
// rounding) give the same bins, in the same order, on both.
#include "render/map/heat_layer.h"
#include "render/map/hexbin_layer.h"
#include "render/map/marker_layer.h"
#include "render/map/web_mercator.h"
#include "core/view/view_state.h"

#include "synthetic_marks.h"

#include <QHash>
#include <QImage>
#include <QPainter>
#include <QSet>

#include <map>
#include <numeric>

#include <catch2/catch.hpp>

using namespace chronomap;
using namespace chronomap::test;

namespace {

/// `count` events spread over Europe and Asia (fixed seed); with `onlyCategory`, just the events
/// of that category (the same events, in the same order).
std::shared_ptr<const PreparedDataset> spreadEvents(int count, const QString &onlyCategory = {})
{
    std::mt19937 rng(7);
    std::uniform_real_distribution<double> lon(-10, 150), lat(25, 70);
    EventStoreBuilder builder;
    for (int i = 0; i < count; ++i) {
        const double x = lon(rng), y = lat(rng);
        const QString &category = markCategories()[i % markCategories().size()];
        if (onlyCategory.isEmpty() || category == onlyCategory) builder.add(pointEvent(i, x, y, category));
    }
    return PreparedDataset::make({QStringLiteral("spread")}, builder.build(), bundledBaseMap());
}

/// The same shown events twice: one category of a dataset past the dense threshold (counted in
/// rows), and a dataset of just those events (counted in time order).
struct DenseAndSparse {
    ViewState dense, sparse;
    DenseAndSparse()
    {
        const int count = int(PreparedDataset::kDenseThreshold) + 60'000;
        const QString shown = markCategories().front();
        dense.setDataset(spreadEvents(count));
        dense.setHiddenCategories(QSet<QString>(markCategories().begin() + 1, markCategories().end()));
        sparse.setDataset(spreadEvents(count, shown));
    }
};

} // namespace

TEST_CASE("Hexagon bins and heat of a dense dataset, counted row by row, match those counted in time order", "[render]")
{
    const DenseAndSparse views;
    const ViewState &dense = views.dense, &sparse = views.sparse;
    REQUIRE_FALSE(PreparedDataset::of(dense)->pointRowsNorthToSouth().empty()); // counted in rows
    REQUIRE(PreparedDataset::of(sparse)->pointRowsNorthToSouth().empty());      // counted in time order
    REQUIRE(dense.visibleEvents().size() == sparse.visibleEvents().size());

    const Viewport viewport(WebMercator::toMercatorM(QPointF(60, 50)), 6000, QSize(1000, 700));
    const MapFrame denseFrame{*PreparedDataset::of(dense), dense, viewport};
    const MapFrame sparseFrame{*PreparedDataset::of(sparse), sparse, viewport};

    const HexBinning rows = HexBinLayer::bin(denseFrame);    // of a filtered dense dataset
    const HexBinning inTime = HexBinLayer::bin(sparseFrame); // of just the events shown
    REQUIRE(rows.bins.size() > 100);
    REQUIRE(rows.bins.size() == inTime.bins.size());
    for (size_t k = 0; k < rows.bins.size(); ++k) {
        INFO("bin " << k);
        CHECK(rows.bins[k].hexCell == inTime.bins[k].hexCell);
        CHECK(rows.bins[k].count == inTime.bins[k].count);
        CHECK(rows.bins[k].categories == inTime.bins[k].categories);
    }
    // A click on a bin (which looks its events up in time order) finds as many as it counts.
    MapHits hits;
    HexBinLayer::record(rows, hits);
    const MarkGroup &some = hits.groups[hits.groups.size() / 2];
    CHECK(int(HexBinLayer::eventsIn(denseFrame, hits, some.hexCell).size()) == some.count);

    double densePeak = 0, sparsePeak = 0;
    const QImage denseHeat = HeatLayer::surface(denseFrame, &densePeak);
    const QImage sparseHeat = HeatLayer::surface(sparseFrame, &sparsePeak);
    CHECK(densePeak == sparsePeak);
    CHECK(densePeak > 0); // a surface, not an empty image
    CHECK(denseHeat == sparseHeat);
}

TEST_CASE("Hexagon bins of more events than one thread counts are those of one pass in time order", "[render]")
{
    // Past 200,000 visible events the newer and the older half are counted on two threads and
    // merged: the bins must be those of a plain pass over the events, newest first.
    ViewState state;
    state.setDataset(spreadEvents(260'000));
    REQUIRE(state.visibleEvents().size() == 260'000);
    const Viewport viewport(WebMercator::toMercatorM(QPointF(60, 50)), 6000, QSize(1000, 700));
    const PreparedDataset &data = *PreparedDataset::of(state);
    const MapFrame frame{data, state, viewport};
    const HexBinning binning = HexBinLayer::bin(frame);

    std::vector<QPoint> cells; // first met, newest event first
    QHash<quint64, size_t> numberOf;
    std::vector<std::map<int, int>> counts;
    const QTransform toScreen = viewport.mercatorToScreen();
    const double reach = binning.grid.radiusPx;
    const auto &visible = state.visibleEvents();
    for (auto it = visible.rbegin(); it != visible.rend(); ++it) {
        const QPointF px = toScreen.map(data.pointsMercator()[size_t(*it)]);
        if (px.x() < -reach || px.y() < -reach || px.x() > 1000 + reach || px.y() > 700 + reach) continue;
        const QPoint cell = binning.grid.cellOf(px);
        const quint64 key = (quint64(quint32(cell.x())) << 32) | quint32(cell.y());
        if (!numberOf.contains(key)) {
            numberOf.insert(key, cells.size());
            cells.push_back(cell);
            counts.emplace_back();
        }
        ++counts[numberOf.value(key)][data.events->categoryIndex(*it)];
    }
    REQUIRE(cells.size() > 100);
    REQUIRE(binning.bins.size() == cells.size());
    for (size_t k = 0; k < cells.size(); ++k) {
        INFO("bin " << k);
        CHECK(binning.bins[k].hexCell == cells[k]);
        std::map<int, int> found;
        int total = 0;
        for (const auto &[category, n] : binning.bins[k].categories) {
            found[category] = n;
            total += n;
        }
        CHECK(found == counts[k]);
        CHECK(binning.bins[k].count == total);
    }
}

TEST_CASE("Density counts, row by row or in time order, are each visible event's SquareBinGrid cell", "[render]")
{
    const DenseAndSparse views;
    const ViewState &dense = views.dense, &sparse = views.sparse;
    REQUIRE_FALSE(PreparedDataset::of(dense)->pointRowsNorthToSouth().empty()); // counted in rows
    REQUIRE(PreparedDataset::of(sparse)->pointRowsNorthToSouth().empty());      // counted in time order

    const Viewport viewport(WebMercator::toMercatorM(QPointF(60, 50)), 3000, QSize(1001, 701));
    const DensityCounts rows = MarkerLayer::countDensity({*PreparedDataset::of(dense), dense, viewport});
    const DensityCounts inTime = MarkerLayer::countDensity({*PreparedDataset::of(sparse), sparse, viewport});
    // The cells of SquareBinGrid::forView at the view's corner, each event in the one cellOf names.
    DensityCounts expected = DensityCounts::forViewport(viewport);
    const PreparedDataset &data = *PreparedDataset::of(sparse);
    for (EventStore::Index i : sparse.visibleEvents())
        if (data.isPoint(i)) expected.add(expected.grid.cellOf(data.pointsMercator()[size_t(i)]), 1);
    REQUIRE(expected.columns > 0);
    const auto total = [](const DensityCounts &d) { return std::accumulate(d.counts.begin(), d.counts.end(), 0ULL); };
    CHECK(total(expected) > 1000); // a good share of the shown events
    CHECK(rows.counts == expected.counts);
    CHECK(inTime.counts == expected.counts);
    CHECK(rows.grid.northWestM == expected.grid.northWestM);
    CHECK(rows.grid.cellM == expected.grid.cellM);
}

TEST_CASE("Density counts paint each cell at its grid's place and size, nearest neighbour", "[render]")
{
    // Cells of 3.5 pixels whose grid starts 1.3 px west and 0.7 px north of the view's corner:
    // what world-anchored cells look like on screen.
    const Viewport viewport(QPointF(0, 0), 100, QSize(200, 100));
    const QPointF corner = viewport.toMercatorM(QPointF(0, 0));
    DensityCounts d;
    d.grid = SquareBinGrid{corner + QPointF(-130, 70), 350};
    d.columns = 10;
    d.rows = 5;
    d.counts.assign(50, 0);
    d.add({2, 1}, 5);
    d.add({6, 3}, 1);
    QImage image(viewport.sizePx(), QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    MarkerLayer::paintDensity(painter, viewport, d, MapStyle::standard());
    painter.end();
    // Cell (2, 1) covers x 5.7–9.2 and y 2.8–6.3; cell (6, 3) x 19.7–23.2, y 9.8–13.3.
    CHECK(qAlpha(image.pixel(7, 4)) > 0);
    CHECK(qAlpha(image.pixel(21, 11)) > 0);
    CHECK(image.pixel(7, 4) != image.pixel(21, 11)); // the peak and the least, two colours
    for (const QPoint outside : {QPoint(4, 4), QPoint(10, 4), QPoint(7, 1), QPoint(7, 7), QPoint(15, 11)})
        CHECK(qAlpha(image.pixel(outside)) == 0);
    QSet<QRgb> colours; // no antialiased edge: the two cells' colours and transparency only
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            colours.insert(image.pixel(x, y));
    CHECK(colours.size() == 3);
}
