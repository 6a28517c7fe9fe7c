// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace chronomap::bench {

/// What one floor pass read; the checksum keeps the compiler from dropping the reads.
struct FloorPass {
    qint64 features = 0;
    double checksum = 0;
    QString error; ///< empty on success
};

/// The least any GDAL-based loader must pay for `path`: open it as EventLoader does (same drivers,
/// same open options: `DATE_AS_STRING=YES` for GeoJSON), iterate every feature and fetch each of
/// `fields` as a string (OGR_F_GetFieldAsString, skipping unset or null fields as the loader
/// does), plus the point geometry when `readGeometry`, and nothing else. For CSV the `lat`/`lon`
/// text is converted to numbers with strtod, the least conversion the loader needs.
FloorPass gdalFloorPass(const QString &path, const QStringList &fields, bool readGeometry,
                        const QStringList &numericFields = {});

} // namespace chronomap::bench
