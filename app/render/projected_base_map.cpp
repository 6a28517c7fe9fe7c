// SPDX-License-Identifier: GPL-3.0-or-later
#include "projected_base_map.h"

#include "geo/region_index.h"
#include "screen_geometry.h"
#include "vector_unit_state.h"
#include "web_mercator.h"

#include <cmath>

namespace chronomap {

namespace {

bool onAntimeridian(QPointF a, QPointF b)
{
    return std::abs(a.x()) > 179.9999 && std::abs(b.x()) > 179.9999;
}

ProjectedArea project(const AreaFeature &area)
{
    ProjectedArea out;
    for (const LonLatRing &ring : area.rings) {
        QPolygonF projected;
        projected.reserve(ring.size());
        QPolygonF outline;
        for (qsizetype i = 0; i < ring.size(); ++i) {
            const QPointF m = WebMercator::toMercatorM(ring[i]);
            projected.append(m);
            if (i > 0 && onAntimeridian(ring[i - 1], ring[i])) {
                if (outline.size() > 1) out.outlines.append(outline);
                outline.clear();
            }
            outline.append(m);
        }
        if (outline.size() > 1) out.outlines.append(outline);
        out.box |= projected.boundingRect();
        out.rings.append(std::move(projected));
    }
    for (const QPolygonF &outline : std::as_const(out.outlines))
        out.outlineDetailM.append(douglasPeuckerDetail(outline));
    return out;
}

} // namespace

ProjectedBaseMap::ProjectedBaseMap(std::shared_ptr<const BaseMap> baseMap) : source(std::move(baseMap))
{
    if (!source) return;
    clearUpperVectorState(); // 15x faster projection after Qt has hashed a string on this thread
    for (const AreaFeature &a : source->land)
        land.append(project(a));
    for (const AreaFeature &a : source->countries)
        countries.append(project(a));
    for (const AreaFeature &a : source->regions->regions())
        regions.append(project(a));
    for (const LineFeature &line : source->coastline) {
        ProjectedLines out;
        for (const LonLatLine &part : line.parts) {
            QPolygonF projected;
            projected.reserve(part.size());
            for (const QPointF &p : part)
                projected.append(WebMercator::toMercatorM(p));
            out.box |= projected.boundingRect();
            out.partDetailM.append(douglasPeuckerDetail(projected));
            out.parts.append(std::move(projected));
        }
        coastline.append(std::move(out));
    }
}

} // namespace chronomap
