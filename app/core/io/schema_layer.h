// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/io/batch_codec.h"
#include "core/io/gdal_handles.h"

namespace chronomap {

/// The fields and geometry column of a GDAL layer, as the reader child sends them.
ipc::LayerSchema layerSchemaOf(OGRLayerH layer);

/// The index of the field named `name` (ASCII case-insensitive, the first of equal names, as
/// OGR_FD_GetFieldIndex finds it); -1 when there is none.
int schemaFieldIndex(const ipc::LayerSchema &schema, const char *name);

/// An in-memory GDAL layer with `schema`'s fields, for a LayerReader to map roles and columns
/// from exactly as it would from the file's own layer. Null (and `*layer` null) when GDAL refuses
/// a name or type. The layer lives as long as the returned dataset.
DatasetPtr createSchemaLayer(const ipc::LayerSchema &schema, OGRLayerH *layer);

} // namespace chronomap
