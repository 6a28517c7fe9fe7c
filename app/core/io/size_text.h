// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <utility>

namespace chronomap {

/// A size and the limit it passes, for "the file is %1, more than the limit of %2": one decimal
/// ("4.2 GB") when that tells them apart, more when not, and whole bytes as the last resort, so a
/// file just past the limit never reads "4.0 GB, more than the limit of 4.0 GB".
std::pair<QString, QString> sizesOverLimit(qint64 size, qint64 limit);

} // namespace chronomap
