// SPDX-License-Identifier: GPL-3.0-or-later
#include "figure_groups.h"

namespace chronomap::bench {

const QList<FigureGroup> &figureGroups()
{
    static const QList<FigureGroup> groups = {
        {QStringLiteral("load"), QStringLiteral("EventLoader on CSV and GeoJSON against plain OGR iteration"),
         loadFigures},
        {QStringLiteral("acled"),
         QStringLiteral("EventLoader on an ACLED-shaped export (schema profile) against plain OGR iteration"),
         acledFigures},
        {QStringLiteral("store"), QStringLiteral("EventStore resident memory and time-window queries"), storeFigures},
        {QStringLiteral("map"), QStringLiteral("Map frames (full, pan, 1M events) and the point-to-region lookup"),
         mapFigures},
        {QStringLiteral("timeline"), QStringLiteral("Timeline frame and EventFilter::apply over the run's events"),
         timelineFigures},
        {QStringLiteral("export"),
         QStringLiteral("Base map load (GeoPackage vs GeoJSON) and `chronomap --export` timed from outside"),
         exportAndBaseMapFigures},
        {QStringLiteral("animation"),
         QStringLiteral("`chronomap --export-animation` (MP4 1080p, 100k events, GIF 960) timed from outside"),
         animationFigures},
        {QStringLiteral("briefing"),
         QStringLiteral("`chronomap --export-briefing` of the bundled eight-step example timed from outside"),
         briefingFigures},
        {QStringLiteral("db"),
         QStringLiteral("A PostGIS table browsed live: bins, a pan, a region click (needs CHRONOMAP_BENCH_PG)"),
         dbFigures},
    };
    return groups;
}

} // namespace chronomap::bench
