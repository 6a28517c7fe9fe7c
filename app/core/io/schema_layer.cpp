// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/schema_layer.h"

#include "core/io/gdal_session.h"

#include <strings.h>

namespace chronomap {

ipc::LayerSchema layerSchemaOf(OGRLayerH layer)
{
    ipc::LayerSchema s;
    s.name = OGR_L_GetName(layer);
    OGRFeatureDefnH defn = OGR_L_GetLayerDefn(layer);
    s.hasGeometryField = OGR_FD_GetGeomFieldCount(defn) > 0 && OGR_FD_GetGeomType(defn) != wkbNone;
    s.geometryType = s.hasGeometryField ? int(OGR_FD_GetGeomType(defn)) : int(wkbNone);
    for (int i = 0; i < OGR_FD_GetFieldCount(defn); ++i) {
        OGRFieldDefnH field = OGR_FD_GetFieldDefn(defn, i);
        s.fields.push_back({OGR_Fld_GetNameRef(field), int(OGR_Fld_GetType(field)), int(OGR_Fld_GetSubType(field))});
    }
    return s;
}

int schemaFieldIndex(const ipc::LayerSchema &schema, const char *name)
{
    for (size_t i = 0; i < schema.fields.size(); ++i)
        if (::strcasecmp(schema.fields[i].name.constData(), name) == 0) return int(i); // GDAL's EQUAL()
    return -1;
}

DatasetPtr createSchemaLayer(const ipc::LayerSchema &schema, OGRLayerH *layer)
{
    *layer = nullptr;
    ensureGdalReady();
    GDALDriverH memory = GDALGetDriverByName("Memory");
    if (!memory) return {};
    DatasetPtr dataset(GDALCreate(memory, "", 0, 0, 0, GDT_Unknown, nullptr));
    if (!dataset) return {};
    GdalMessageCollector quiet; // a name GDAL dislikes is the caller's error, not a console message
    OGRLayerH created =
        GDALDatasetCreateLayer(dataset.get(), schema.name.isEmpty() ? "layer" : schema.name.constData(), nullptr,
                               schema.hasGeometryField ? OGRwkbGeometryType(schema.geometryType) : wkbNone, nullptr);
    if (!created) return {};
    for (const ipc::LayerField &f : schema.fields) {
        OGRFieldDefnH field = OGR_Fld_Create(f.name.constData(), OGRFieldType(f.type));
        OGR_Fld_SetSubType(field, OGRFieldSubType(f.subType));
        const OGRErr err = OGR_L_CreateField(created, field, FALSE);
        OGR_Fld_Destroy(field);
        if (err != OGRERR_NONE) return {};
    }
    if (OGR_FD_GetFieldCount(OGR_L_GetLayerDefn(created)) != int(schema.fields.size())) return {};
    *layer = created;
    return dataset;
}

} // namespace chronomap
