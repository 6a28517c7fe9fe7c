// SPDX-License-Identifier: GPL-3.0-or-later
// The base map cache (issue 13's export figure): what it gives back is what reading and projecting
// the GeoPackage gives, field by field, and a stale, cut or damaged cache is never used.
#include "core/geo/region_index.h"
#include "render/map/base_map_cache.h"

#include "../bundled_data.h"
#include "../qt_string_maker.h"

#include <QDateTime>
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

TEST_CASE("A base map read from its cache points into the mapped file, which lives as long as any part of it",
          "[basemap][cache]")
{
    QTemporaryDir cache;
    REQUIRE(cache.isValid());
    const QString gpkg = test::sourcePath("geodata/basemap/basemap.gpkg");
    IssueList issues;
    const LoadedBaseMap fresh = BaseMapCache::load(gpkg, &issues, cache.path());
    REQUIRE(fresh.baseMap);
    CHECK_FALSE(fresh.baseMap->backing); // read from the GeoPackage: its own vertices

    LoadedBaseMap cached = BaseMapCache::load(gpkg, &issues, cache.path());
    REQUIRE(cached.fromCache);
    REQUIRE(cached.baseMap->backing);
    // The rings are Qt's raw data over the mapping, not copies: no allocation of their own.
    const LonLatRing &ring = cached.baseMap->regions->regions().front().rings.front();
    CHECK(ring.capacity() == 0);
    CHECK(cached.projected->coastline.front().parts.front().capacity() == 0);

    // The region index, held apart from the map by loads that name regions, kept alone: its
    // rings stay readable (the mapping goes with its last holder), the same as the GeoPackage's.
    const std::shared_ptr<const RegionIndex> regions = cached.baseMap->regions;
    cached = {};
    requireSameAreas(regions->regions(), fresh.baseMap->regions->regions());
    const int kursk = regions->find(QStringLiteral("RU-KRS"));
    REQUIRE(kursk >= 0);
    CHECK(regions->regionAt(36.19, 51.73) == kursk); // Kursk city
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

TEST_CASE("Writing a base map cache removes the caches no start has read for 60 days, and reading one keeps it",
          "[basemap][cache]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString cacheDir = dir.filePath(QStringLiteral("cache"));
    IssueList issues;
    // Two copies of the GeoPackage at two paths: two caches, as a moved installation leaves.
    const QString usedGpkg = dir.filePath(QStringLiteral("used.gpkg"));
    const QString goneGpkg = dir.filePath(QStringLiteral("gone.gpkg"));
    REQUIRE(QFile::copy(test::sourcePath("geodata/basemap/basemap.gpkg"), usedGpkg));
    REQUIRE(QFile::copy(test::sourcePath("geodata/basemap/basemap.gpkg"), goneGpkg));
    REQUIRE_FALSE(BaseMapCache::load(usedGpkg, &issues, cacheDir).fromCache);
    REQUIRE_FALSE(BaseMapCache::load(goneGpkg, &issues, cacheDir).fromCache);
    const QString usedCache = BaseMapCache::cacheFileFor(usedGpkg, cacheDir);
    const QString goneCache = BaseMapCache::cacheFileFor(goneGpkg, cacheDir);
    REQUIRE(usedCache != goneCache);
    // A file of another kind in the folder is none of the cache's business.
    const QString otherFile = dir.filePath(QStringLiteral("cache/notes.txt"));
    {
        QFile f(otherFile);
        REQUIRE(f.open(QIODevice::WriteOnly));
    }

    const auto age = [](const QString &path, int days) {
        QFile f(path);
        REQUIRE(f.open(QIODevice::ReadWrite));
        REQUIRE(f.setFileTime(QDateTime::currentDateTimeUtc().addDays(-days), QFileDevice::FileModificationTime));
    };
    age(usedCache, 90);
    age(goneCache, 90);
    age(otherFile, 90);
    // A start reads the first one: its time stamp says it is in use again.
    REQUIRE(BaseMapCache::load(usedGpkg, &issues, cacheDir).fromCache);
    CHECK(QFileInfo(usedCache).lastModified().daysTo(QDateTime::currentDateTimeUtc()) == 0);

    // A third GeoPackage's cache is written: the one unread for 90 days goes, the rest stay.
    const QString newGpkg = dir.filePath(QStringLiteral("new.gpkg"));
    REQUIRE(QFile::copy(test::sourcePath("geodata/basemap/basemap.gpkg"), newGpkg));
    REQUIRE_FALSE(BaseMapCache::load(newGpkg, &issues, cacheDir).fromCache);
    CHECK_FALSE(QFileInfo::exists(goneCache));
    CHECK(QFileInfo::exists(usedCache));
    CHECK(QFileInfo::exists(otherFile));
    CHECK(BaseMapCache::load(newGpkg, &issues, cacheDir).fromCache);
    CHECK(BaseMapCache::load(usedGpkg, &issues, cacheDir).fromCache);
    // The removed one is only a slower start: read again from its GeoPackage and cached anew.
    CHECK_FALSE(BaseMapCache::load(goneGpkg, &issues, cacheDir).fromCache);
    CHECK(BaseMapCache::load(goneGpkg, &issues, cacheDir).fromCache);
    CHECK(issues.isEmpty());
}
