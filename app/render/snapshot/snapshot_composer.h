// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "render/map/map_scene.h"
#include "render/map/map_style.h"
#include "render/timeline/time_axis.h"
#include "render/timeline/timeline_renderer.h"
#include "core/view/view_state.h"
#include "render/map/viewport.h"

#include <QDateTime>
#include <QImage>
#include <QRectF>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

class QPainter;

namespace chronomap {

/// Composes a snapshot of the view, as a report would show it: a header with the title, the
/// time window and the selected region; the map (base map, events, legend, attribution) and the
/// timeline drawn by the very renderers the window uses, from the same ViewState; a footer with
/// the sources of the events shown, the attribution and the date of export.
///
/// Paints on any QPainter in logical pixels (1/96 inch): QImage (with a device pixel ratio for
/// large sizes), QSvgGenerator and QPdfWriter all go through paint(). Not thread-safe: build and
/// use one composer on one thread, with a ViewState that no other thread touches meanwhile.
class SnapshotComposer {
public:
    /// What the snapshot shows besides the view state.
    struct Content {
        QString title;        ///< empty = the dataset's file name
        Viewport mapViewport; ///< the map as on screen (logical px); refitted to the snapshot's map area
        /// The timeline's visible range (UTC ms); nullopt = the time window, else the visible events' extent.
        std::optional<TimeWindow> timelineRange;
        QDateTime exportedAt = QDateTime::currentDateTimeUtc();
        /// An animation's start (UTC ms): the footer then names the sources of the events shown
        /// so far, from here to the end of the frame's window, not only the window's.
        std::optional<qint64> sourcesSinceMs;
    };

    /// Where each part went, in logical pixels, as painted.
    struct Layout {
        QRectF header;
        QRectF map;
        QRectF timeline;
        QRectF footer;
        QRectF legend; ///< the category legend inside the map (empty before painting)
    };

    /// Called between the painting steps with 0–100; returning false stops the painting.
    using Progress = std::function<bool(int percent)>;

    /// `devicePixelRatio` = device pixels per logical pixel of the target (for crisp markers).
    /// The map is the window's MapScene over the state's PreparedDataset.
    SnapshotComposer(const ViewState &state, Content content, double devicePixelRatio = 1.0);
    ~SnapshotComposer();

    const Content &content() const { return m_content; }
    /// Replaces the on-screen map viewport (e.g. with one framing a region, for the command line).
    void setMapViewport(const Viewport &viewport) { m_content.mapViewport = viewport; }
    /// Keep the base map painted on a raster target and reuse it while the map's viewport and
    /// size stay the same: the frames of an animation differ only above the base map.
    void setCachesBaseMap(bool caches) { m_cachesBaseMap = caches; }
    /// Draw a large raster snapshot's base map on two threads (the default; the same pixels as
    /// one thread, which `false` asks for).
    void setDrawsBaseMapInBands(bool bands) { m_baseMapInBands = bands; }
    /// The map's rectangle (logical px) in a snapshot of `logicalSize`.
    QRectF mapAreaFor(const QSizeF &logicalSize) const;
    /// The title shown: the content's, or the dataset's file name.
    QString title() const;
    /// The map viewport used for a snapshot of `logicalSize`: the on-screen viewport refitted so
    /// that everything visible on screen stays visible.
    Viewport mapViewportFor(const QSizeF &logicalSize) const;

    /// Paints the snapshot into QRectF(0, 0, logicalSize) of the painter's coordinates. Returns
    /// the layout, or nullopt when `progress` stopped it.
    std::optional<Layout> paint(QPainter &painter, const QSizeF &logicalSize, const Progress &progress = {}) const;

    /// The timeline's axis over `widthPx`: the content's range, else the time window (open ends
    /// closed at the data's extent) with a margin, else the extent of the events shown.
    TimeAxis timelineAxis(double widthPx) const;

    /// Distinct source names of the events shown (with Content::sourcesSinceMs: shown so far),
    /// with how many of them each source reports, most cited first (ties by name).
    QList<std::pair<QString, int>> sourcesShown() const;

    /// The header's line under the title, as painted: time window, counts, region, filters.
    QString headerLine() const;

private:
    Layout layoutFor(const QSizeF &logicalSize, const QStringList &footerLines, double footerLineHeight) const;
    QString windowText(const TimeWindow &window) const;
    QStringList footerLines(double widthPx, const QFont &font) const;
    void paintHeader(QPainter &painter, const QRectF &area) const;
    QRectF paintMap(QPainter &painter, const QRectF &area, const Progress &progress, bool *stopped) const;
    /// The base map on two threads, when the painter paints a large raster image; false: not done.
    bool paintBaseMapInBands(QPainter &painter, const MapFrame &frame) const;
    void paintTimeline(QPainter &painter, const QRectF &area) const;
    void paintFooter(QPainter &painter, const QRectF &area, const QStringList &lines) const;

    const ViewState &m_state;
    Content m_content;
    MapStyle m_style;
    std::shared_ptr<const PreparedDataset> m_data;
    std::unique_ptr<MapScene> m_scene; ///< null without a base map
    TimelineRenderer m_timeline;
    mutable std::optional<std::pair<quint64, QList<std::pair<QString, int>>>> m_sourcesShown; ///< by state revision
    bool m_cachesBaseMap = false;
    bool m_baseMapInBands = true;
    mutable QImage m_baseMapCache;          ///< see setCachesBaseMap()
    mutable QRectF m_baseMapCacheRect;      ///< the viewport's visible Mercator rectangle it shows
    mutable QString m_baseMapCacheLanguage; ///< of its place names
};

} // namespace chronomap
