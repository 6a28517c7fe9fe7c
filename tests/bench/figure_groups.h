// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "bench_context.h"
#include "figures.h"

#include "core/geo/base_map.h"

#include <QList>
#include <QString>

#include <memory>

namespace chronomap::bench {

/// Measures one group of related figures and adds them to `figures`.
using FigureGroupFunction = void (*)(BenchContext &context, Figures &figures);

struct FigureGroup {
    QString name;    ///< as given to --only
    QString summary; ///< one line for --list
    FigureGroupFunction run;
};

/// Every figure group, in the order a run measures them. To add figures, write a
/// `void somethingFigures(BenchContext &, Figures &)` in its own `something_figures.cpp`, declare
/// it below and list it in figureGroups() (figure_groups.cpp).
const QList<FigureGroup> &figureGroups();

/// load.{csv,geojson}.ms, gdal_floor.{csv,geojson}.ms and their ratios (load_figures.cpp).
void loadFigures(BenchContext &context, Figures &figures);
/// `--internal-floor FILE`: one GDAL floor pass over FILE, for its peak RSS and page faults.
int floorPassInChild(const QString &path);
/// load.acled.ms, gdal_floor.acled.ms, load.acled.ratio on ACLED-shaped rows (acled_figures.cpp).
void acledFigures(BenchContext &context, Figures &figures);
/// store.rss.*, store.bytes_per_event, store.query.window.* (store_figures.cpp).
void storeFigures(BenchContext &context, Figures &figures);
/// map.frame.{full,pan,1m}.ms, map.hit.region.us (map_figures.cpp).
void mapFigures(BenchContext &context, Figures &figures);
/// map.marks.*, map.overlap.*, map.style.<style>.{100k,1m}.ms, part of the map group
/// (map_style_figures.cpp).
void mapStyleFigures(BenchContext &context, Figures &figures, const std::shared_ptr<const BaseMap> &baseMap);
/// map.switch.{style,zoom}.{100k,1m}.ms, part of the map group (map_switch_figures.cpp).
void mapSwitchFigures(BenchContext &context, Figures &figures, const std::shared_ptr<const BaseMap> &baseMap);
/// timeline.frame.ms, filter.apply.ms (timeline_figures.cpp).
void timelineFigures(BenchContext &context, Figures &figures);
/// basemap.load.gpkg.ms, basemap.read.{gpkg,geojson}.ms, export.png.*.ms (export_figures.cpp).
void exportAndBaseMapFigures(BenchContext &context, Figures &figures);
/// animation.mp4.1080p.{ms,fps}, animation.mp4.1080p.100k.ms, animation.gif.960.{ms,mb}
/// (animation_figures.cpp).
void animationFigures(BenchContext &context, Figures &figures);
/// briefing.pdf.8steps.ms (briefing_figures.cpp).
void briefingFigures(BenchContext &context, Figures &figures);

/// db.bins.*, db.region.*, db.rss.mb against a PostGIS server, if one is given (db_figures.cpp).
void dbFigures(BenchContext &context, Figures &figures);

/// The child side of the RSS measurement (`chronomap-bench --internal-rss FILE`): loads FILE in
/// a fresh process and prints `key value` lines for storeFigures() to read. Returns the exit code.
int measureStoreRssInChild(const QString &csvPath);

} // namespace chronomap::bench
