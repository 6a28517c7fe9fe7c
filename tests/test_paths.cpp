// SPDX-License-Identifier: GPL-3.0-or-later
#include "test_paths.h"

#include "cli/run_chronomap.h"

namespace chronomap::test {

QString sourceDir()
{
    return QStringLiteral(CHRONOMAP_SOURCE_DIR);
}

QString testDataDir()
{
    return QStringLiteral(CHRONOMAP_SOURCE_DIR "/tests/data");
}

QString chronomapExe()
{
    return QStringLiteral(CHRONOMAP_EXE);
}

QString videoModule()
{
    return QStringLiteral(CHRONOMAP_VIDEO_MODULE);
}

bool gdalLoadedOnDemand()
{
    return CHRONOMAP_GDAL_ON_DEMAND;
}

bool pqLoadedOnDemand()
{
    return CHRONOMAP_PQ_ON_DEMAND;
}

} // namespace chronomap::test
