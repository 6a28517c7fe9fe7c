// SPDX-License-Identifier: GPL-3.0-or-later
// The bundled dataset prepared for drawing, once per test run. The views draw only a
// PreparedDataset (PreparedDataset::of is null for a plain Dataset, and nothing is drawn).
#pragma once

#include "render/prepared_dataset.h"

#include "../bundled_data.h"

namespace chronomap::test {

inline std::shared_ptr<const PreparedDataset> preparedBundledDataset()
{
    static const auto dataset = [] {
        const auto core = bundledDataset();
        return PreparedDataset::make(core->files, core->events, core->baseMap, core->sha256);
    }();
    return dataset;
}

} // namespace chronomap::test
