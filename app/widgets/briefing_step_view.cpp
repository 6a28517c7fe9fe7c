// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/briefing_step_view.h"

#include "render/map/viewport_json.h"
#include "widgets/map_view.h"
#include "core/view/view_state_json.h"

namespace chronomap {

QJsonObject BriefingStepView::capture(const ViewState &state, const MapView &map)
{
    QJsonObject view = BriefingJson::stepView(ViewStateJson::toJson(state));
    view.insert(QStringLiteral("map"), ViewportJson::toJson(map.viewport()));
    return view;
}

bool BriefingStepView::apply(const QJsonObject &view, ViewState &state, MapView &map, IssueList *issues)
{
    if (!ViewStateJson::apply(view, state, issues)) return false;
    if (const auto viewport = ViewportJson::fromJson(view.value(QStringLiteral("map")).toObject(), map.size()))
        map.setViewport(*viewport);
    return true;
}

} // namespace chronomap
