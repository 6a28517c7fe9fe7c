// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/event.h"
#include "core/model/issue.h"

#include <QList>
#include <QPointF>
#include <QRectF>
#include <QString>

#include <memory>

namespace chronomap {

/// A closed ring of lon/lat vertices in WGS 84 degrees (x = longitude, y = latitude).
using LonLatRing = QList<QPointF>;
/// An open line of lon/lat vertices in WGS 84 degrees.
using LonLatLine = QList<QPointF>;

/// A polygon feature: outer rings and holes, all as rings (even-odd filling gives holes).
struct AreaFeature {
    QString code;       ///< ISO 3166-2 for regions, ISO A3 for countries; empty for land
    LocalizedText name; ///< "" = English, "es", "ru", "uk"
    QString countryCode;
    QList<LonLatRing> rings;
    QRectF lonLatBox; ///< bounding box, x = lon, y = lat
    QPointF labelLonLat;
};

struct LineFeature {
    QList<LonLatLine> parts;
    QRectF lonLatBox;
};

struct Place {
    LocalizedText name;
    QPointF lonLat;
    qint64 population = 0;
    int scaleRank = 10; ///< Natural Earth's importance, 0 (most) to 10
    QString featureClass;
};

class RegionIndex;

/// The bundled base map (Natural Earth): land, coastline, countries, admin-1 regions, places.
/// Immutable once loaded; shared between threads.
struct BaseMap {
    QList<AreaFeature> land;
    QList<LineFeature> coastline;
    QList<AreaFeature> countries;
    QList<Place> places;
    std::shared_ptr<const RegionIndex> regions;
    /// What the vertex arrays point into when they were not copied: a base map read back from
    /// BaseMapCache borrows its rings and lines (and its projection's and its RegionIndex's) from
    /// the mapped cache file, held here for as long as the map is. Null for a map read from the
    /// GeoPackage. A ring copied out of the map shares the bytes: one that may outlive the map
    /// takes its own (QList::detach(), as LiveSession's region request does).
    std::shared_ptr<const void> backing;

    /// Reads the GeoPackage written by geodata/basemap/build-basemap.sh. On failure returns
    /// null and appends a Fatal issue.
    static std::shared_ptr<const BaseMap> load(const QString &gpkgPath, IssueList *issues);
};

} // namespace chronomap
