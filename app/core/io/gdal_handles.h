// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>

#include <memory>

namespace chronomap {

// Owning wrappers over GDAL's C handles, each released with its own GDAL function.

template<typename Handle, auto Release> struct GdalReleaser {
    void operator()(void *handle) const
    {
        if (handle) Release(static_cast<Handle>(handle));
    }
};
using DatasetPtr = std::unique_ptr<void, GdalReleaser<GDALDatasetH, GDALClose>>;
using FeaturePtr = std::unique_ptr<void, GdalReleaser<OGRFeatureH, OGR_F_Destroy>>;
using GeometryPtr = std::unique_ptr<void, GdalReleaser<OGRGeometryH, OGR_G_DestroyGeometry>>;
using TransformPtr =
    std::unique_ptr<void, GdalReleaser<OGRCoordinateTransformationH, OCTDestroyCoordinateTransformation>>;
using SrsPtr = std::unique_ptr<void, GdalReleaser<OGRSpatialReferenceH, OSRRelease>>;

} // namespace chronomap
