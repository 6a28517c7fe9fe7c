// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "render/map/projected_base_map.h"

#include <QString>

#include <memory>

namespace chronomap {

/// The base map with its projection, as the map, the snapshot and every export draw it.
struct LoadedBaseMap {
    std::shared_ptr<const BaseMap> baseMap;            ///< null when the GeoPackage failed
    std::shared_ptr<const ProjectedBaseMap> projected; ///< null with it
    bool fromCache = false;
};

/// Reading the GeoPackage and projecting it (borders found once, levels of detail) is the
/// largest part of a `chronomap --export`; both depend on the GeoPackage alone, so their result
/// is kept in the user's cache folder and read back in a few milliseconds. The cache is keyed by
/// the GeoPackage's path, size and time stamp and checked whole (format, sizes, a hash of the
/// payload) before use; anything unexpected means the GeoPackage is read again and the cache
/// rewritten. It is a copy, never a source: deleting it costs one slower start. Writing one removes
/// the other GeoPackages' caches in that folder that no start has read for 60 days.
namespace BaseMapCache {

/// The base map at `gpkgPath` with its projection: from the cache in `cacheDir` when it is
/// current, else from the GeoPackage (then written to the cache, atomically). An empty
/// `cacheDir` means QStandardPaths' cache location; "-" means no cache at all.
LoadedBaseMap load(const QString &gpkgPath, IssueList *issues, const QString &cacheDir = {});

/// The cache file `load` reads and writes for `gpkgPath` (for tests and the README).
QString cacheFileFor(const QString &gpkgPath, const QString &cacheDir = {});

} // namespace BaseMapCache

} // namespace chronomap
