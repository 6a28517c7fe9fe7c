// SPDX-License-Identifier: GPL-3.0-or-later
#include "figure_groups.h"

namespace chronomap::bench {

const QList<FigureGroup> &figureGroups()
{
    static const QList<FigureGroup> groups = {
        {QStringLiteral("load"), QStringLiteral("EventLoader on CSV and GeoJSON against plain OGR iteration"),
         loadFigures},
        {QStringLiteral("store"), QStringLiteral("EventStore resident memory and time-window queries"), storeFigures},
    };
    return groups;
}

} // namespace chronomap::bench
