// SPDX-License-Identifier: GPL-3.0-or-later
// Synthetic point events for the map styles (clusters, hexagon bins): uniform over the world, or
// piled up in one place; fixed seeds.
#pragma once

#include "core/store/event_store.h"
#include "render/prepared_dataset.h"

#include "../bundled_data.h"

#include <QGeoCoordinate>

#include <random>

namespace chronomap::test {

inline const QStringList &markCategories()
{
    static const QStringList categories = {QStringLiteral("treaty"),          QStringLiteral("deployment"),
                                           QStringLiteral("labour-dispatch"), QStringLiteral("strike"),
                                           QStringLiteral("diplomacy"),       QStringLiteral("sanctions")};
    return categories;
}

inline Event pointEvent(int n, double lonDeg, double latDeg, const QString &category)
{
    Event e;
    e.id = QStringLiteral("e%1").arg(n);
    e.title.insert({}, QStringLiteral("Event %1").arg(n));
    e.when = *TimeSpan::parse(
        QStringLiteral("2024-%1-%2").arg(1 + n % 12, 2, 10, QChar(u'0')).arg(1 + n % 28, 2, 10, QChar(u'0')));
    e.category = category;
    e.geometryKind = GeometryKind::Point;
    e.geometry = {QGeoCoordinate(latDeg, lonDeg)};
    return e;
}

/// `count` point events spread uniformly over longitudes -180..180 and latitudes -60..70, over
/// the bundled base map.
inline std::shared_ptr<const PreparedDataset> uniformEvents(int count)
{
    std::mt19937 rng(22);
    std::uniform_real_distribution<double> lon(-180, 180), lat(-60, 70);
    EventStoreBuilder builder;
    builder.reserve(count);
    for (int i = 0; i < count; ++i) {
        const double x = lon(rng), y = lat(rng);
        builder.add(pointEvent(i, x, y, markCategories()[i % markCategories().size()]));
    }
    return PreparedDataset::make({QStringLiteral("uniform")}, builder.build(), bundledBaseMap());
}

} // namespace chronomap::test
