// SPDX-License-Identifier: GPL-3.0-or-later
#include "synthetic_layouts.h"

#include <QGeoCoordinate>

#include <array>
#include <random>

namespace chronomap::bench {

namespace {

const std::array<QString, 6> kCategories = {QStringLiteral("battle"),     QStringLiteral("shelling"),
                                            QStringLiteral("air-strike"), QStringLiteral("protest"),
                                            QStringLiteral("deployment"), QStringLiteral("treaty")};

Event pointEvent(qint64 n, double lonDeg, double latDeg, const QString &category)
{
    Event e;
    e.id = QStringLiteral("ev-%1").arg(n, 7, 10, QChar(u'0'));
    e.title.insert({}, QStringLiteral("Synthetic event %1").arg(n));
    e.when = *TimeSpan::parse(QDate(2024, 1, 1).addDays(int(n % 366)).toString(Qt::ISODate));
    e.category = category;
    e.geometryKind = GeometryKind::Point;
    e.geometry = {QGeoCoordinate(latDeg, lonDeg)};
    return e;
}

} // namespace

std::shared_ptr<const EventStore> uniformWorldStore(qint64 events)
{
    std::mt19937_64 rng(22);
    std::uniform_real_distribution<double> lon(-180, 180), lat(-60, 70);
    EventStoreBuilder builder;
    builder.reserve(events);
    for (qint64 i = 0; i < events; ++i) {
        const double x = lon(rng), y = lat(rng);
        builder.add(pointEvent(i, x, y, kCategories[size_t(i % 6)]));
    }
    return builder.build();
}

std::shared_ptr<const EventStore> frontLineStore(qint64 events)
{
    // The line's vertices (lon, lat), south-west to north-east.
    const std::array<std::pair<double, double>, 7> line = {
        {{32.6, 46.6}, {35.2, 47.4}, {36.6, 47.6}, {37.6, 47.9}, {38.0, 48.6}, {37.9, 49.4}, {37.0, 50.2}}};
    std::mt19937_64 rng(23);
    std::uniform_real_distribution<double> along(0.0, double(line.size() - 1));
    std::normal_distribution<double> across(0.0, 0.06), spot(0.0, 0.015);
    std::uniform_int_distribution<int> hotSpot(0, 11), pick(0, 2);
    std::discrete_distribution<int> category({40, 35, 12, 3, 8, 2});
    EventStoreBuilder builder;
    builder.reserve(events);
    for (qint64 i = 0; i < events; ++i) {
        double t = along(rng);
        const bool hot = pick(rng) == 0;
        if (hot) t = (hotSpot(rng) + 0.5) * double(line.size() - 1) / 12.0;
        const size_t k = std::min(size_t(t), line.size() - 2);
        const double f = t - double(k);
        double lon = line[k].first + (line[k + 1].first - line[k].first) * f;
        double lat = line[k].second + (line[k + 1].second - line[k].second) * f;
        lon += hot ? spot(rng) : across(rng);
        lat += hot ? spot(rng) : across(rng);
        builder.add(pointEvent(i, lon, lat, kCategories[size_t(category(rng))]));
    }
    return builder.build();
}

} // namespace chronomap::bench
