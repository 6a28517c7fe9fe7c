// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/geo/base_map.h"

#include "core/geo/region_index.h"
#include "core/io/gdal_session.h"

#include <QCoreApplication>
#include <QFile>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

namespace chronomap {

namespace {

QString field(const OGRFeature &f, const char *name)
{
    const int i = f.GetFieldIndex(name);
    return i >= 0 && f.IsFieldSetAndNotNull(i) ? QString::fromUtf8(f.GetFieldAsString(i)).simplified() : QString();
}

LonLatRing ringOf(const OGRSimpleCurve &curve)
{
    LonLatRing ring;
    ring.reserve(curve.getNumPoints());
    for (int i = 0; i < curve.getNumPoints(); ++i)
        ring.append(QPointF(curve.getX(i), curve.getY(i)));
    return ring;
}

QRectF boxOf(const OGRGeometry &g)
{
    OGREnvelope e;
    g.getEnvelope(&e);
    return QRectF(QPointF(e.MinX, e.MinY), QPointF(e.MaxX, e.MaxY));
}

void addPolygon(const OGRPolygon &polygon, QList<LonLatRing> &rings)
{
    for (const OGRLinearRing *ring : polygon)
        rings.append(ringOf(*ring));
}

QList<LonLatRing> ringsOf(const OGRGeometry *g)
{
    QList<LonLatRing> rings;
    if (!g) return rings;
    switch (wkbFlatten(g->getGeometryType())) {
    case wkbPolygon:
        addPolygon(*g->toPolygon(), rings);
        break;
    case wkbMultiPolygon:
        for (const OGRPolygon *p : *g->toMultiPolygon())
            addPolygon(*p, rings);
        break;
    default:
        break;
    }
    return rings;
}

LocalizedText namesOf(const OGRFeature &f, const char *en, const char *es, const char *ru, const char *uk,
                      const char *fallback)
{
    LocalizedText names;
    names.insert(QString(), field(f, en).isEmpty() ? field(f, fallback) : field(f, en));
    names.insert(QStringLiteral("es"), field(f, es));
    names.insert(QStringLiteral("ru"), field(f, ru));
    names.insert(QStringLiteral("uk"), field(f, uk));
    return names;
}

} // namespace

std::shared_ptr<const BaseMap> BaseMap::load(const QString &gpkgPath, IssueList *issues)
{
    ensureGdalReady();
    GdalMessageCollector messages;
    auto fail = [&](const QString &why) -> std::shared_ptr<const BaseMap> {
        if (issues)
            issues->append({Issue::Severity::Fatal,
                            gpkgPath,
                            -1,
                            {},
                            {},
                            QCoreApplication::translate("BaseMap", "cannot read the base map: %1").arg(why)});
        return nullptr;
    };
    const char *drivers[] = {"GPKG", nullptr};
    std::unique_ptr<GDALDataset> ds(
        GDALDataset::Open(QFile::encodeName(gpkgPath).constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY, drivers));
    if (!ds) return fail(messages.lastError().isEmpty() ? QStringLiteral("no such GeoPackage") : messages.lastError());

    auto map = std::make_shared<BaseMap>();
    auto layer = [&](const char *name) -> OGRLayer * { return ds->GetLayerByName(name); };
    for (const char *name : {"land", "coastline", "countries", "admin1", "places"})
        if (!layer(name)) return fail(QStringLiteral("layer '%1' is missing").arg(QLatin1String(name)));

    for (auto &f : *layer("land")) {
        AreaFeature area;
        area.rings = ringsOf(f->GetGeometryRef());
        area.lonLatBox = boxOf(*f->GetGeometryRef());
        map->land.append(std::move(area));
    }
    for (auto &f : *layer("coastline")) {
        LineFeature line;
        const OGRGeometry *g = f->GetGeometryRef();
        if (!g) continue;
        if (wkbFlatten(g->getGeometryType()) == wkbLineString)
            line.parts.append(ringOf(*g->toLineString()));
        else if (wkbFlatten(g->getGeometryType()) == wkbMultiLineString)
            for (const OGRLineString *part : *g->toMultiLineString())
                line.parts.append(ringOf(*part));
        line.lonLatBox = boxOf(*g);
        map->coastline.append(std::move(line));
    }
    for (auto &f : *layer("countries")) {
        AreaFeature country;
        country.code = field(*f, "ADM0_A3");
        country.countryCode = country.code;
        country.name = namesOf(*f, "NAME_EN", "NAME_ES", "NAME_RU", "NAME_UK", "NAME");
        country.rings = ringsOf(f->GetGeometryRef());
        if (!f->GetGeometryRef()) continue;
        country.lonLatBox = boxOf(*f->GetGeometryRef());
        country.labelLonLat = QPointF(f->GetFieldAsDouble("LABEL_X"), f->GetFieldAsDouble("LABEL_Y"));
        map->countries.append(std::move(country));
    }
    QList<AreaFeature> regions;
    for (auto &f : *layer("admin1")) {
        AreaFeature region;
        region.code = field(*f, "iso_3166_2");
        region.countryCode = field(*f, "adm0_a3");
        region.name = namesOf(*f, "name_en", "name_es", "name_ru", "name_uk", "name");
        if (!f->GetGeometryRef()) continue;
        region.rings = ringsOf(f->GetGeometryRef());
        region.lonLatBox = boxOf(*f->GetGeometryRef());
        region.labelLonLat = QPointF(f->GetFieldAsDouble("longitude"), f->GetFieldAsDouble("latitude"));
        regions.append(std::move(region));
    }
    map->regions = std::make_shared<RegionIndex>(std::move(regions));
    for (auto &f : *layer("places")) {
        const OGRGeometry *g = f->GetGeometryRef();
        if (!g || wkbFlatten(g->getGeometryType()) != wkbPoint) continue;
        Place place;
        place.name = namesOf(*f, "name_en", "name_es", "name_ru", "name_uk", "name");
        place.name.insert(QString(), field(*f, "name")); // v5.1.2's modern spellings (Kyiv)
        place.lonLat = QPointF(g->toPoint()->getX(), g->toPoint()->getY());
        place.population = f->GetFieldAsInteger64("pop_max");
        place.scaleRank = f->GetFieldAsInteger("scalerank");
        place.featureClass = field(*f, "featurecla");
        map->places.append(std::move(place));
    }
    return map;
}

} // namespace chronomap
