// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/io/batch_codec.h"
#include "core/io/gdal_handles.h"

namespace chronomap {

/// An in-memory GDAL layer with `schema`'s fields, for a LayerReader to map roles and columns
/// from exactly as it would from the file's own layer. Null (and `*layer` null) when GDAL refuses
/// a name or type. The layer lives as long as the returned dataset.
DatasetPtr createSchemaLayer(const ipc::LayerSchema &schema, OGRLayerH *layer);

} // namespace chronomap
