// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "render/map/viewport.h"
#include "render/prepared_dataset.h"

namespace chronomap {

class ViewState;

/// What one frame of the map is drawn from: the prepared dataset, the view state (filters,
/// selection, language) and the viewport. A layer is a function of this and nothing else.
struct MapFrame {
    const PreparedDataset &data;
    const ViewState &state;
    const Viewport &viewport;
};

} // namespace chronomap
