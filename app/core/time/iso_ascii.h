// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/time/time_span.h"

#include <QByteArrayView>

#include <optional>

namespace chronomap {

/// The ISO 8601 shapes most files write, read straight from trimmed ASCII bytes: `2025`,
/// `2025-08`, `2025-08-12`, and `2025-08-12T09:30[:15[.250]]` (T, t or a space) with `Z`, `±09:00`
/// or no zone (UTC). Gives exactly what FuzzyDate::parse gives for the same text, but only when
/// the text is one of these shapes and names a valid date and time; nullopt means "not sure",
/// never "not a date": the caller then asks FuzzyDate::parse (and parseDate's other forms).
std::optional<FuzzyDate> readCommonIsoAscii(QByteArrayView text);

} // namespace chronomap
