// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/geo/base_map.h"

#include <QPolygonF>
#include <QSet>

#include <memory>
#include <vector>

namespace chronomap {

/// An area projected to Web Mercator once, so a frame only scales and shifts it.
struct ProjectedArea {
    QList<QPolygonF> rings;    ///< closed rings in Mercator metres
    QList<QPolygonF> outlines; ///< the same rings as open lines, cut where they run along the
                               ///< antimeridian (those edges are not borders and must not show)
    QRectF box;                ///< Mercator bounding box
    /// Parallel to outlines for countries (empty for land and regions, whose outlines are not
    /// drawn as they are): each vertex's Douglas–Peucker detail in metres (see
    /// douglasPeuckerDetail()), so a frame keeps only what its scale can show.
    QList<std::vector<float>> outlineDetailM;
};

struct ProjectedLines {
    QList<QPolygonF> parts;
    QRectF box;
    QList<std::vector<float>> partDetailM; ///< parallel to parts, as ProjectedArea::outlineDetailM
};

/// The base map in Mercator metres, built once per base map (≈ 400k vertices, some 50 ms, and
/// the level of detail of every border and coast line).
struct ProjectedBaseMap {
    explicit ProjectedBaseMap(std::shared_ptr<const BaseMap> baseMap);
    /// For BaseMapCache, which fills the lists with what an earlier projection gave: nothing is
    /// projected here.
    struct Restored {};
    ProjectedBaseMap(std::shared_ptr<const BaseMap> baseMap, Restored) : source(std::move(baseMap)) {}

    std::shared_ptr<const BaseMap> source;
    QList<ProjectedArea> land;
    QList<ProjectedArea> countries; ///< parallel to source->countries
    QList<ProjectedArea> regions;   ///< parallel to source->regions->regions()
    /// Parallel to regions: the stretches of each region's outlines that no earlier region's
    /// outline runs along, so a border shared by two regions is drawn once, not twice; less the
    /// stretches in nationalBorders.
    QList<ProjectedLines> regionBorders;
    /// Parallel to regions: the stretches of each region's outlines shared with a region of
    /// another country (Russia–Ukraine, Russia–North Korea), drawn as national borders.
    QList<ProjectedLines> nationalBorders;
    QList<ProjectedLines> coastline;
};

} // namespace chronomap
