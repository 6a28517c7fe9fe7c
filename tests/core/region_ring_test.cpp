// SPDX-License-Identifier: GPL-3.0-or-later
// RegionIndex's own point-in-ring test against GDAL's OGRLinearRing::isPointInRing(point, FALSE),
// which it replaced so that an export need not load libgdal (issue 20): the same answer for every
// ring of the bundled regions at random points in the region's box, at every vertex, at the middle
// of every edge, 1e-12° beside both, and along horizontal edges; for hand-made rings (open, short,
// degenerate, with NaN and infinite points); and regionAt the same as the GDAL-based regionAt it had.
#include "core/geo/region_index.h"
#include "core/geo/base_map.h"

#include <catch2/catch.hpp>

#include "../qt_string_maker.h"
#include "../bundled_data.h"

#include <ogr_geometry.h>

#include <cmath>
#include <iomanip>
#include <limits>
#include <random>
#include <vector>

using namespace chronomap;
using chronomap::test::bundledBaseMap;

namespace {

constexpr double kHairDeg = 1e-12;

/// The ring as RegionIndex stored it before (issue 20): an OGR ring, closed by closeRings().
OGRLinearRing gdalRing(const LonLatRing &ring)
{
    OGRLinearRing gdal;
    gdal.setNumPoints(int(ring.size()), FALSE);
    for (int v = 0; v < ring.size(); ++v)
        gdal.setPoint(v, ring[v].x(), ring[v].y());
    gdal.closeRings();
    return gdal;
}

bool gdalContains(const OGRLinearRing &ring, QPointF lonLat)
{
    const OGRPoint point(lonLat.x(), lonLat.y());
    return ring.isPointInRing(&point, FALSE);
}

bool ownContains(const std::vector<double> &closedRing, QPointF lonLat)
{
    return RegionIndex::ringContains(closedRing, lonLat.x(), lonLat.y());
}

/// The points where a crossing rule can go wrong on this ring: each vertex, the middle of each
/// edge, both 1e-12° beside them in each direction, and points along each horizontal edge.
std::vector<QPointF> probesOf(const LonLatRing &ring)
{
    std::vector<QPointF> probes;
    const auto withHairs = [&](QPointF p) {
        probes.push_back(p);
        probes.emplace_back(p.x() - kHairDeg, p.y());
        probes.emplace_back(p.x() + kHairDeg, p.y());
        probes.emplace_back(p.x(), p.y() - kHairDeg);
        probes.emplace_back(p.x(), p.y() + kHairDeg);
    };
    for (qsizetype v = 0; v < ring.size(); ++v) {
        const QPointF a = ring[v], b = ring[(v + 1) % ring.size()];
        withHairs(a);
        withHairs((a + b) / 2);
        if (a.y() == b.y() && a.x() != b.x()) {
            probes.emplace_back(a.x() + (b.x() - a.x()) / 4, a.y());
            probes.emplace_back(a.x() + (b.x() - a.x()) * 3 / 4, a.y());
            probes.emplace_back(std::min(a.x(), b.x()) - 1, a.y()); // west of it, on its line
        }
    }
    return probes;
}

/// RegionIndex::regionAt as it was with GDAL (before issue 20's change), for comparison.
class GdalRegionIndex {
public:
    explicit GdalRegionIndex(const QList<AreaFeature> &regions) : m_regions(regions)
    {
        for (const AreaFeature &region : regions) {
            auto &rings = m_rings.emplace_back();
            for (const LonLatRing &ring : region.rings) {
                rings.push_back({gdalRing(ring), {}});
                rings.back().ring.getEnvelope(&rings.back().envelope);
            }
        }
    }

    int regionAt(double lonDeg, double latDeg) const
    {
        const OGRPoint point(lonDeg, latDeg);
        for (int r = 0; r < m_regions.size(); ++r) {
            const QRectF &box = m_regions[r].lonLatBox;
            if (lonDeg < box.left() || lonDeg > box.right() || latDeg < box.top() || latDeg > box.bottom()) continue;
            bool inside = false;
            for (const Ring &ring : m_rings[size_t(r)]) {
                const OGREnvelope &e = ring.envelope;
                if (lonDeg < e.MinX || lonDeg > e.MaxX || latDeg < e.MinY || latDeg > e.MaxY) continue;
                if (ring.ring.isPointInRing(&point, FALSE)) inside = !inside;
            }
            if (inside) return r;
        }
        return -1;
    }

private:
    struct Ring {
        OGRLinearRing ring;
        OGREnvelope envelope;
    };
    const QList<AreaFeature> &m_regions;
    std::vector<std::vector<Ring>> m_rings;
};

} // namespace

TEST_CASE("Each bundled region ring contains the points GDAL's isPointInRing finds in it, at and beside every vertex "
          "and edge",
          "[geo]")
{
    const QList<AreaFeature> &regions = bundledBaseMap()->regions->regions();
    REQUIRE(regions.size() > 100);
    std::mt19937_64 random(20);
    qint64 compared = 0, inside = 0, rings = 0, horizontalEdges = 0;
    for (const AreaFeature &region : regions) {
        const QRectF &box = region.lonLatBox;
        std::uniform_real_distribution<double> lon(box.left(), box.right()), lat(box.top(), box.bottom());
        std::vector<QPointF> inBox(200);
        for (QPointF &p : inBox)
            p = {lon(random), lat(random)};
        for (const LonLatRing &ring : region.rings) {
            ++rings;
            const OGRLinearRing gdal = gdalRing(ring);
            const std::vector<double> own = RegionIndex::closedRing(ring);
            REQUIRE(own.size() == size_t(gdal.getNumPoints()) * 2);
            for (qsizetype v = 0; v + 1 < ring.size(); ++v)
                horizontalEdges += ring[v].y() == ring[v + 1].y();
            const auto compare = [&](QPointF p) {
                const bool expected = gdalContains(gdal, p);
                ++compared;
                inside += expected;
                if (ownContains(own, p) != expected)
                    FAIL_CHECK(region.code.toStdString()
                               << " ring of " << ring.size() << " vertices at " << std::setprecision(17) << p.x()
                               << ", " << p.y() << ": GDAL says " << expected);
            };
            for (const QPointF &p : inBox)
                compare(p);
            for (const QPointF &p : probesOf(ring))
                compare(p);
        }
    }
    // The counts of what was compared (issue 20's report): every ring, both answers well represented.
    CHECK(rings >= regions.size());
    CHECK(horizontalEdges > 100);
    CHECK(compared > 1'000'000);
    CHECK(inside > compared / 10);
    CHECK(compared - inside > compared / 10);
}

TEST_CASE("Hand-made rings: open, short, repeated and horizontal, with NaN and infinite points, answer as GDAL's",
          "[geo]")
{
    const double nan = std::numeric_limits<double>::quiet_NaN(), inf = std::numeric_limits<double>::infinity();
    const std::vector<LonLatRing> rings = {
        {{0, 0}, {1, 0}, {1, 1}, {0, 1}},                                 // open: closed by a fifth vertex
        {{0, 0}, {1, 0}, {1, 1}, {0, 1}, {0, 0}},                         // already closed
        {{0, 0}, {0, 1}, {1, 1}, {1, 0}},                                 // the other way round
        {{0, 0}, {2, 0}, {1, 1}},                                         // a triangle: four vertices once closed
        {{0, 0}, {2, 0}, {0, 0}},                                         // three vertices closed: never inside
        {{0, 0}, {2, 0}},                                                 // two
        {{5, 5}},                                                         // one: stays open
        {},                                                               // none
        {{0, 0}, {1, 0}, {1, 0}, {2, 0}, {2, 2}, {0, 2}},                 // a repeated vertex on a horizontal edge
        {{0, 0}, {3, 0}, {3, 1}, {2, 1}, {2, 2}, {1, 2}, {1, 1}, {0, 1}}, // horizontal steps at y = 1
        {{0, 0}, {4, 0}, {2, 2}, {2, 1}, {2, 2}, {0, 2}},                 // a spike in and back out
        {{nan, 0}, {1, 0}, {1, 1}, {0, 1}},                               // a NaN first vertex
        {{0, 0}, {1e-300, 0}, {1e-300, 1e-300}, {0, 1e-300}},             // quotients that underflow
        {{-180, -90}, {180, -90}, {180, 90}, {-180, 90}},
        {{0, 0}, {1, 0}, {1, inf}, {0, 1}}, // infinite vertices
        {{0, -inf}, {1, 0}, {1, 1}, {-inf, 1}},
    };
    std::vector<QPointF> points = {{nan, 0.5}, {0.5, nan},  {nan, nan},  {inf, 0.5},       {-inf, 0.5},
                                   {0.5, inf}, {0.5, -inf}, {0, 1e-301}, {-1e-301, 5e-301}};
    for (double x = -0.5; x <= 4.5; x += 0.25)
        for (double y = -0.5; y <= 2.5; y += 0.25)
            points.emplace_back(x, y);
    qint64 compared = 0;
    for (const LonLatRing &ring : rings) {
        const OGRLinearRing gdal = gdalRing(ring);
        const std::vector<double> own = RegionIndex::closedRing(ring);
        CHECK(own.size() == size_t(gdal.getNumPoints()) * 2);
        std::vector<QPointF> ringPoints = probesOf(ring);
        ringPoints.insert(ringPoints.end(), points.begin(), points.end());
        for (const QPointF &p : ringPoints) {
            ++compared;
            if (ownContains(own, p) != gdalContains(gdal, p))
                FAIL_CHECK("ring " << (&ring - rings.data()) << " at " << p.x() << ", " << p.y() << ": GDAL says "
                                   << gdalContains(gdal, p));
        }
    }
    CHECK(compared > 4000);
    // GDAL's rule in plain words, on the unit square: the west and south edges are inside, the
    // east and north edges outside, and so are the corners but the south-west one.
    const std::vector<double> square = RegionIndex::closedRing(rings[0]);
    CHECK(RegionIndex::ringContains(square, 0, 0.5));
    CHECK(RegionIndex::ringContains(square, 0.5, 0));
    CHECK(RegionIndex::ringContains(square, 0, 0));
    CHECK_FALSE(RegionIndex::ringContains(square, 1, 0.5));
    CHECK_FALSE(RegionIndex::ringContains(square, 0.5, 1));
    CHECK_FALSE(RegionIndex::ringContains(square, 1, 0));
    CHECK_FALSE(RegionIndex::ringContains(square, 1, 1));
    CHECK_FALSE(RegionIndex::ringContains(square, 0, 1));
}

TEST_CASE("regionAt answers as the GDAL-based regionAt it replaced, in and beside every bundled region", "[geo]")
{
    const RegionIndex &index = *bundledBaseMap()->regions;
    const GdalRegionIndex gdal(index.regions());
    std::mt19937_64 random(2020);
    qint64 compared = 0, inSome = 0;
    const auto compare = [&](QPointF p) {
        const int expected = gdal.regionAt(p.x(), p.y());
        ++compared;
        inSome += expected >= 0;
        if (index.regionAt(p.x(), p.y()) != expected)
            FAIL_CHECK("at " << std::setprecision(17) << p.x() << ", " << p.y() << ": GDAL's index says " << expected);
    };
    for (const AreaFeature &region : index.regions()) {
        const QRectF box = region.lonLatBox.adjusted(-0.5, -0.5, 0.5, 0.5);
        std::uniform_real_distribution<double> lon(box.left(), box.right()), lat(box.top(), box.bottom());
        for (int i = 0; i < 500; ++i)
            compare({lon(random), lat(random)});
        // Every third vertex's probes: the per-ring test above takes every one.
        for (const LonLatRing &ring : region.rings) {
            const std::vector<QPointF> probes = probesOf(ring);
            for (size_t i = 0; i < probes.size(); i += 3)
                compare(probes[i]);
        }
    }
    CHECK(compared > 200'000);
    CHECK(inSome > compared / 4);
    CHECK(compared - inSome > compared / 20);
}
