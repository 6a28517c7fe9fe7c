// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace chronomap::bench {

/// The same synthetic events written in two formats.
struct SyntheticFiles {
    QString geojsonPath;
    QString csvPath;
    qint64 events = 0;
};

/// Writes `events` deterministic (fixed-seed) event records into `dir` as `events.geojson` (a
/// FeatureCollection of points, one feature a line) and `events.csv`
/// (`id,title,start,end,date_precision,category,lat,lon,source,regions`).
///
/// The mix imitates real data: ids `ev-0000001`, titles of about 30 characters (a tenth in
/// Cyrillic), the eight categories of DESIGN.md, dates over 2022–2025 mostly to the day (some to
/// the month, year or minute), a tenth of them spans with an end, points mostly over Europe,
/// Russia and Korea (lon 20–140°, lat 35–65°) with some worldwide, a source name and, for two
/// records in five, one or two ISO 3166-2 region codes. Returns false and sets `error` when a
/// file cannot be written.
bool writeSyntheticEvents(const QString &dir, qint64 events, SyntheticFiles *out, QString *error);

} // namespace chronomap::bench
