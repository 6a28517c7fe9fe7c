// SPDX-License-Identifier: GPL-3.0-or-later
#include "render/map/map_style.h"

#include "core/data_paths.h"

#include <QFontDatabase>

namespace chronomap {

const MapStyle &MapStyle::standard()
{
    static const MapStyle style;
    return style;
}

bool loadBundledFonts()
{
    static const bool loaded = [] {
        bool ok = true;
        for (const char *file : {"fonts/DejaVuSans.ttf", "fonts/DejaVuSans-Bold.ttf"})
            ok = QFontDatabase::addApplicationFont(DataPaths::resource(QLatin1String(file))) >= 0 && ok;
        return ok;
    }();
    return loaded;
}

} // namespace chronomap
