// SPDX-License-Identifier: GPL-3.0-or-later
#include "timeline_style.h"

namespace chronomap {

const TimelineStyle &TimelineStyle::standard()
{
    static const TimelineStyle style;
    return style;
}

} // namespace chronomap
