// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>

#include <memory>

namespace chronomap {

// Owning wrappers over GDAL's C handles, each released with its own GDAL function.

struct DatasetCloser {
    void operator()(void *ds) const
    {
        if (ds) GDALClose(ds);
    }
};
using DatasetPtr = std::unique_ptr<void, DatasetCloser>;
struct FeatureDeleter {
    void operator()(void *f) const
    {
        if (f) OGR_F_Destroy(static_cast<OGRFeatureH>(f));
    }
};
using FeaturePtr = std::unique_ptr<void, FeatureDeleter>;
struct GeometryDeleter {
    void operator()(void *g) const
    {
        if (g) OGR_G_DestroyGeometry(static_cast<OGRGeometryH>(g));
    }
};
using GeometryPtr = std::unique_ptr<void, GeometryDeleter>;
struct TransformDeleter {
    void operator()(void *t) const
    {
        if (t) OCTDestroyCoordinateTransformation(static_cast<OGRCoordinateTransformationH>(t));
    }
};
using TransformPtr = std::unique_ptr<void, TransformDeleter>;
struct SrsDeleter {
    void operator()(void *s) const
    {
        if (s) OSRRelease(static_cast<OGRSpatialReferenceH>(s));
    }
};
using SrsPtr = std::unique_ptr<void, SrsDeleter>;

} // namespace chronomap
