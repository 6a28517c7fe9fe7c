// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/store/event_store.h"

#include <QSet>
#include <QString>

#include <optional>

namespace chronomap {

/// How the map shows events.
enum class MapMode : quint8 {
    Markers,    ///< markers, arcs and soft region fills
    Choropleth, ///< admin-1 regions shaded by the number of events in the window
};

/// How the map draws many point events (View → Map Style).
enum class MarkStyle : quint8 {
    Auto,     ///< markers while they stay apart, clusters for a few hundred groups, hexagon bins beyond
    Markers,  ///< one marker per place with a count badge
    Clusters, ///< circles of area proportional to their count, ringed by category
    HexBins,  ///< a hexagonal grid in screen space coloured by count
    Heat,     ///< a kernel density surface
};

/// "auto", "markers", "clusters", "hexbins" or "heat": a MarkStyle as view-state files, the
/// settings and `--map-style` name it.
QString markStyleName(MarkStyle style);
/// The MarkStyle `name` names (as markStyleName() writes it), or nullopt.
std::optional<MarkStyle> markStyleFromName(QStringView name);

/// What the map does with events outside the time window that pass every other filter.
enum class OutOfWindowMode : quint8 {
    Hidden, ///< not drawn
    Faded,  ///< drawn faded, under the events in the window
};

/// Everything the user chose about the view of a dataset, as one plain value: what a ViewState
/// holds beside the dataset, what a snapshot job copies to its thread and what a view-state
/// file stores. Regions and events are indices into the dataset it applies to.
///
/// The filters keep what the user hid, not what is shown: a category, confidence or provenance
/// the user never touched stays shown, also after a reload that brings a new one.
struct ViewSettings {
    std::optional<TimeWindow> window; ///< nullopt = all time
    WindowMatch match = WindowMatch::Possibly;
    int region = -1; ///< index into RegionIndex::regions(), or -1
    EventStore::Index selectedEvent = -1;
    QSet<QString> hiddenCategories;
    QSet<Confidence> hiddenConfidences;
    QSet<QString> hiddenProvenances; ///< "" = records without one
    QString searchText;              ///< see EventFilter::text
    OutOfWindowMode outOfWindow = OutOfWindowMode::Hidden;
    QString language; ///< empty = English, the data's own language
    MapMode mapMode = MapMode::Markers;
    MarkStyle markStyle = MarkStyle::Auto;
    /// Hexagon bins filled with their most frequent category's colour (shaded by count), not
    /// by count on the sequential ramp.
    bool hexBinsByCategory = false;
    /// What the choropleth shades: empty for events per region, else a claim quantity summed
    /// over each region's events (e.g. ACLED's "fatalities").
    QString choroplethFigure;

    bool operator==(const ViewSettings &) const = default;
};

} // namespace chronomap
