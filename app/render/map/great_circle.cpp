// SPDX-License-Identifier: GPL-3.0-or-later
#include "render/map/great_circle.h"

#include <QGeoCoordinate>

namespace chronomap {

QList<QPointF> greatCircleSteps(QPointF fromLonLat, QPointF toLonLat, int steps)
{
    const QGeoCoordinate a(fromLonLat.y(), fromLonLat.x()), b(toLonLat.y(), toLonLat.x());
    const double distance = a.distanceTo(b), azimuth = a.azimuthTo(b);
    QList<QPointF> points;
    points.reserve(steps);
    for (int s = 1; s < steps; ++s) {
        const QGeoCoordinate c = a.atDistanceAndAzimuth(distance * s / steps, azimuth);
        points.append(QPointF(c.longitude(), c.latitude()));
    }
    points.append(toLonLat);
    return points;
}

} // namespace chronomap
