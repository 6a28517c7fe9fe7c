// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace chronomap {

/// Where the bundled data lives. Looked up in this order: the CHRONOMAP_DATA_DIR environment
/// variable, the install location relative to the executable (`../share/chronomap`), then, only
/// for a binary running from its build tree, the source tree it was built from (so a build runs
/// without installing, and an installed copy never reads a checkout).
class DataPaths {
public:
    /// Folder holding `geodata/` and `resources/`; empty when none is found.
    static QString dataRoot();
    static QString baseMap();                         ///< geodata/basemap/basemap.gpkg
    static QString bundledEvents();                   ///< geodata/events/russia-north-korea.geojson
    static QString exampleBriefing();                 ///< geodata/briefings/treaty-to-kursk.chronomap-briefing.json
    static QString resource(const QString &relative); ///< resources/<relative>
    /// Folder holding the compiled UI translations (`chronomap_<lang>.qm`): `translations/` next
    /// to the data when installed, else the build tree's; empty when none is found.
    static QString translations();

    /// QCoreApplication::applicationDirPath() and applicationFilePath(), from any thread: Qt fills
    /// their caches unguarded on the first call, and two threads asking first at once corrupt the
    /// cached string (an --import-pg, which reads the base map while it reads its file, died of a
    /// std::bad_alloc in CI; helgrind showed the race). main() asks once before any thread starts.
    static QString applicationDir();
    static QString applicationFile();
};

} // namespace chronomap
