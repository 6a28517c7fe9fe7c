// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/view/dataset.h"
#include "render/map/projected_base_map.h"
#include "render/timeline/timeline_index.h"

#include <QPointF>
#include <QPolygonF>

#include <memory>
#include <optional>
#include <span>
#include <vector>

namespace chronomap {

class ViewState;

/// A dataset with what every view derives from it, built once per load (on the loading thread)
/// and immutable after: each event's place on the map (its Web Mercator point, a contact's
/// great-circle arc, the base-map regions its record names), the timeline's index and the
/// projected base map. The map, the timeline, map framing and snapshots read it; none of them
/// rebuilds any of it, so a frame only scales and shifts.
///
/// Views receive it through ViewState::setDataset (a Dataset to the core) and find it again with
/// of(); a plain Dataset (the command line's --query) is never drawn.
class PreparedDataset final : public Dataset {
public:
    using Index = EventStore::Index;

    /// Derives everything from `events` and `baseMap` (`sha256` as Dataset::sha256). `projected`
    /// is reused when it is `baseMap` projected already (the previous dataset's: the base map
    /// stays across loads).
    static std::shared_ptr<const PreparedDataset> make(QStringList files, std::shared_ptr<const EventStore> events,
                                                       std::shared_ptr<const BaseMap> baseMap, QString sha256 = {},
                                                       std::shared_ptr<const ProjectedBaseMap> projected = {});
    /// The view state's dataset as prepared; null without one, or when it was not prepared.
    static std::shared_ptr<const PreparedDataset> of(const ViewState &state);
    static std::shared_ptr<const PreparedDataset> of(const std::shared_ptr<const Dataset> &dataset);
    /// How many datasets this process has prepared (for tests: one per load, none per frame).
    static int preparedCount();

    /// The base map in Web Mercator; null without a base map.
    const std::shared_ptr<const ProjectedBaseMap> &projectedBaseMap() const { return m_projected; }
    const TimelineIndex &timelineIndex() const { return *m_timeline; }

    /// Each event's point (lon/lat) in Web Mercator metres; NaN where it has none.
    const std::vector<QPointF> &pointsMercator() const { return m_pointsMercator; }
    /// A point event (not a line, not without geometry).
    bool isPoint(Index i) const { return m_kinds[size_t(i)] & kPoint; }
    /// Located only to a region ("somewhere in Kursk oblast"): drawn as a fill of its regions.
    bool isRegionLevel(Index i) const { return m_kinds[size_t(i)] & kRegionLevel; }
    /// The base-map regions (indices into RegionIndex::regions()) the event's record names.
    std::span<const int> regionsNamedBy(Index i) const
    {
        return {m_regionIndices.data() + m_regionStart[size_t(i)],
                size_t(m_regionStart[size_t(i) + 1] - m_regionStart[size_t(i)])};
    }
    /// A line event's path as drawn: great-circle arcs between its vertices in Web Mercator,
    /// longitudes kept continuous across the antimeridian. Empty for other events.
    const QPolygonF &arcOf(Index i) const;
    /// Where the map places the event, in Web Mercator metres: its point (a line's first
    /// vertex), else the middle of the first region it names; nullopt when it has no place.
    std::optional<QPointF> placeOf(Index i) const;
    /// The point events with a finite place, north to south, and their points in that order:
    /// density bins count the rows on screen in one pass. Empty below the density threshold
    /// (EventLayerRenderer::kDenseThreshold point events), where nothing is binned.
    const std::vector<Index> &pointRowsNorthToSouth() const { return m_rows; }
    const std::vector<QPointF> &pointRowsMercator() const { return m_rowsMercator; }

    /// Great-circle steps per segment of a drawn contact arc.
    static constexpr int kArcSegments = 64;
    /// Above this many point events density bins may be drawn (see EventLayerRenderer).
    static constexpr qsizetype kDenseThreshold = 150'000;

    using Dataset::Dataset; // for make(); use make()

private:
    static constexpr quint8 kPoint = 1, kRegionLevel = 2;

    std::shared_ptr<const ProjectedBaseMap> m_projected;
    std::shared_ptr<const TimelineIndex> m_timeline;
    std::vector<QPointF> m_pointsMercator;
    std::vector<quint8> m_kinds;
    std::vector<qint32> m_regionStart; ///< size() + 1 offsets into m_regionIndices
    std::vector<int> m_regionIndices;
    std::vector<Index> m_arcEvents; ///< the line events, ascending, parallel to m_arcs
    std::vector<QPolygonF> m_arcs;
    std::vector<Index> m_rows;
    std::vector<QPointF> m_rowsMercator;
};

} // namespace chronomap
