// SPDX-License-Identifier: GPL-3.0-or-later
// The base map cache (issue 13's export figure): what it gives back is what reading and projecting
// the GeoPackage gives, field by field, and a stale, cut or damaged cache is never used.
#include "core/geo/region_index.h"
#include "render/map/base_map_cache.h"

#include "../bundled_data.h"
#include "../qt_string_maker.h"

#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

#include <catch2/catch.hpp>

using namespace chronomap;

namespace {

void requireSameAreas(const QList<AreaFeature> &a, const QList<AreaFeature> &b)
{
    REQUIRE(a.size() == b.size());
    for (qsizetype i = 0; i < a.size(); ++i) {
        INFO("area " << i << " " << a[i].code.toStdString());
        CHECK(a[i].code == b[i].code);
        CHECK(a[i].name == b[i].name);
        CHECK(a[i].countryCode == b[i].countryCode);
        CHECK(a[i].rings == b[i].rings);
        CHECK(a[i].lonLatBox == b[i].lonLatBox);
        CHECK(a[i].labelLonLat == b[i].labelLonLat);
    }
}

void requireSameProjectedAreas(const QList<ProjectedArea> &a, const QList<ProjectedArea> &b)
{
    REQUIRE(a.size() == b.size());
    for (qsizetype i = 0; i < a.size(); ++i) {
        CHECK(a[i].rings == b[i].rings);
        CHECK(a[i].outlines == b[i].outlines);
        CHECK(a[i].box == b[i].box);
        CHECK(a[i].outlineDetailM == b[i].outlineDetailM);
    }
}

void requireSameLines(const QList<ProjectedLines> &a, const QList<ProjectedLines> &b)
{
    REQUIRE(a.size() == b.size());
    for (qsizetype i = 0; i < a.size(); ++i) {
        CHECK(a[i].parts == b[i].parts);
        CHECK(a[i].box == b[i].box);
        CHECK(a[i].partDetailM == b[i].partDetailM);
    }
}

void requireSameAsFresh(const LoadedBaseMap &loaded)
{
    REQUIRE(loaded.baseMap);
    REQUIRE(loaded.projected);
    REQUIRE(loaded.projected->source == loaded.baseMap);
    const auto fresh = test::bundledBaseMap();
    const ProjectedBaseMap freshProjected(fresh);
    const BaseMap &m = *loaded.baseMap;
    requireSameAreas(m.land, fresh->land);
    requireSameAreas(m.countries, fresh->countries);
    requireSameAreas(m.regions->regions(), fresh->regions->regions());
    REQUIRE(m.coastline.size() == fresh->coastline.size());
    for (qsizetype i = 0; i < m.coastline.size(); ++i) {
        CHECK(m.coastline[i].parts == fresh->coastline[i].parts);
        CHECK(m.coastline[i].lonLatBox == fresh->coastline[i].lonLatBox);
    }
    REQUIRE(m.places.size() == fresh->places.size());
    for (qsizetype i = 0; i < m.places.size(); ++i) {
        CHECK(m.places[i].name == fresh->places[i].name);
        CHECK(m.places[i].lonLat == fresh->places[i].lonLat);
        CHECK(m.places[i].population == fresh->places[i].population);
        CHECK(m.places[i].scaleRank == fresh->places[i].scaleRank);
        CHECK(m.places[i].featureClass == fresh->places[i].featureClass);
    }
    const ProjectedBaseMap &p = *loaded.projected;
    requireSameProjectedAreas(p.land, freshProjected.land);
    requireSameProjectedAreas(p.countries, freshProjected.countries);
    requireSameProjectedAreas(p.regions, freshProjected.regions);
    requireSameLines(p.regionBorders, freshProjected.regionBorders);
    requireSameLines(p.nationalBorders, freshProjected.nationalBorders);
    requireSameLines(p.coastline, freshProjected.coastline);
    // The region index is rebuilt from the cached rings: Sudzha is in Kursk, Belgorod city in Belgorod.
    const int kursk = m.regions->regionAt(35.27, 51.19);
    REQUIRE(kursk >= 0);
    CHECK(m.regions->regions()[kursk].code == u"RU-KRS");
    CHECK(m.regions->find(QStringLiteral("Belgorod")) == m.regions->regionAt(36.59, 50.6));
}

} // namespace

TEST_CASE("The base map cache gives back what the GeoPackage and its projection give", "[basemap][cache]")
{
    QTemporaryDir cache;
    REQUIRE(cache.isValid());
    const QString gpkg = test::sourcePath("geodata/basemap/basemap.gpkg");
    IssueList issues;
    const LoadedBaseMap first = BaseMapCache::load(gpkg, &issues, cache.path());
    CHECK_FALSE(first.fromCache);
    CHECK(issues.isEmpty());
    CHECK(QFileInfo::exists(BaseMapCache::cacheFileFor(gpkg, cache.path())));
    requireSameAsFresh(first);

    const LoadedBaseMap second = BaseMapCache::load(gpkg, &issues, cache.path());
    CHECK(second.fromCache);
    CHECK(issues.isEmpty());
    requireSameAsFresh(second);
}

TEST_CASE("A stale, cut or damaged base map cache is read past, and rewritten", "[basemap][cache]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    // A copy of the GeoPackage, so its time stamp can change without touching the bundled one.
    const QString gpkg = dir.filePath(QStringLiteral("basemap.gpkg"));
    REQUIRE(QFile::copy(test::sourcePath("geodata/basemap/basemap.gpkg"), gpkg));
    const QString cacheDir = dir.filePath(QStringLiteral("cache"));
    IssueList issues;
    REQUIRE_FALSE(BaseMapCache::load(gpkg, &issues, cacheDir).fromCache);
    const QString cacheFile = BaseMapCache::cacheFileFor(gpkg, cacheDir);
    REQUIRE(BaseMapCache::load(gpkg, &issues, cacheDir).fromCache);

    const auto rewrite = [&](const std::function<void(QByteArray &)> &damage) {
        QFile f(cacheFile);
        REQUIRE(f.open(QIODevice::ReadOnly));
        QByteArray bytes = f.readAll();
        f.close();
        damage(bytes);
        REQUIRE(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        REQUIRE(f.write(bytes) == bytes.size());
    };

    SECTION("cut short")
    {
        rewrite([](QByteArray &bytes) { bytes.chop(bytes.size() / 3); });
    }
    SECTION("one byte of the payload changed")
    {
        rewrite([](QByteArray &bytes) { bytes[bytes.size() / 2] = char(bytes[bytes.size() / 2] ^ 0x5a); });
    }
    SECTION("only a header")
    {
        rewrite([](QByteArray &bytes) { bytes.truncate(48); });
    }
    SECTION("the GeoPackage changed since")
    {
        QFile f(gpkg);
        REQUIRE(f.open(QIODevice::ReadWrite));
        REQUIRE(f.setFileTime(QFileInfo(gpkg).lastModified().addSecs(60), QFileDevice::FileModificationTime));
    }

    const LoadedBaseMap again = BaseMapCache::load(gpkg, &issues, cacheDir);
    CHECK_FALSE(again.fromCache);
    CHECK(issues.isEmpty());
    requireSameAsFresh(again);
    CHECK(BaseMapCache::load(gpkg, &issues, cacheDir).fromCache); // rewritten by the load above
}

TEST_CASE("Without a usable cache folder the base map still loads", "[basemap][cache]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    // A file where the cache folder would be: nothing can be written there.
    const QString blocked = dir.filePath(QStringLiteral("not-a-folder"));
    {
        QFile f(blocked);
        REQUIRE(f.open(QIODevice::WriteOnly));
    }
    IssueList issues;
    const QString gpkg = test::sourcePath("geodata/basemap/basemap.gpkg");
    const LoadedBaseMap loaded = BaseMapCache::load(gpkg, &issues, blocked);
    CHECK_FALSE(loaded.fromCache);
    REQUIRE(loaded.baseMap);
    CHECK(BaseMapCache::load(gpkg, &issues, QStringLiteral("-")).baseMap); // "-": no cache at all
    CHECK_FALSE(BaseMapCache::load(gpkg, &issues, blocked).fromCache);

    // A GeoPackage that is not there fails as BaseMap::load does, cache or not.
    IssueList missing;
    CHECK_FALSE(BaseMapCache::load(dir.filePath(QStringLiteral("none.gpkg")), &missing, dir.path()).baseMap);
    CHECK_FALSE(missing.isEmpty());
}
