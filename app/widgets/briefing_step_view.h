// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/issue.h"
#include "core/view/briefing.h"

#include <QJsonObject>

namespace chronomap {

class MapView;
class ViewState;

/// Between a briefing step and the views: a step's view taken from the window as it is, and put
/// back (the view state's settings but its language, and the map's centre and scale).
class BriefingStepView {
public:
    /// The view of `state` and `map` as a step stores it (BriefingJson::stepView plus "map").
    static QJsonObject capture(const ViewState &state, const MapView &map);
    /// Applies a step's view; a region or record the data lacks becomes a Warning in `issues`
    /// (with `label` as the field, e.g. `step 3 “Kursk”`). False when the view is unusable.
    static bool apply(const QJsonObject &view, ViewState &state, MapView &map, IssueList *issues);
};

} // namespace chronomap
