// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/view/view_settings.h"

#include <array>

namespace chronomap {

namespace {
constexpr std::array<const char *, 5> kMarkStyleNames = {"auto", "markers", "clusters", "hexbins", "heat"};
} // namespace

QString markStyleName(MarkStyle style)
{
    return QLatin1String(kMarkStyleNames[size_t(style)]);
}

std::optional<MarkStyle> markStyleFromName(QStringView name)
{
    for (size_t k = 0; k < kMarkStyleNames.size(); ++k)
        if (name == QLatin1String(kMarkStyleNames[k])) return MarkStyle(k);
    return std::nullopt;
}

} // namespace chronomap
