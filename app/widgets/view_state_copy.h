// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/view/view_state.h"

namespace chronomap {

/// The parts of a ViewState a snapshot or an animation reads, as plain values that may cross
/// threads: the export jobs copy the window's state on the GUI thread and apply it to their own
/// ViewState on the worker.
struct ViewStateCopy {
    std::shared_ptr<const Dataset> dataset;
    std::optional<TimeWindow> window;
    WindowMatch match = WindowMatch::Possibly;
    int region = -1;
    EventStore::Index event = -1;
    QSet<QString> hidden;
    QSet<Confidence> hiddenConfidences;
    QSet<QString> hiddenProvenances;
    QString search;
    OutOfWindowMode outOfWindow = OutOfWindowMode::Hidden;
    QString language;
    MapMode mapMode = MapMode::Markers;

    explicit ViewStateCopy(const ViewState &s)
        : dataset(s.dataset()), window(s.timeWindow()), match(s.windowMatch()), region(s.selectedRegion()),
          event(s.selectedEvent()), hidden(s.hiddenCategories()), hiddenConfidences(s.hiddenConfidences()),
          hiddenProvenances(s.hiddenProvenances()), search(s.searchText()), outOfWindow(s.outOfWindowMode()),
          language(s.language()), mapMode(s.mapMode())
    {}

    void applyTo(ViewState &s) const
    {
        s.setDataset(dataset);
        s.setTimeWindow(window);
        s.setWindowMatch(match);
        s.setSelectedRegion(region);
        s.setSelectedEvent(event);
        s.setHiddenCategories(hidden);
        s.setHiddenConfidences(hiddenConfidences);
        s.setHiddenProvenances(hiddenProvenances);
        s.setSearchText(search);
        s.setOutOfWindowMode(outOfWindow);
        s.setLanguage(language);
        s.setMapMode(mapMode);
    }
};

} // namespace chronomap
