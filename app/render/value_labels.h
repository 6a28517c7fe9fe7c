// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/event.h"

#include <QString>

namespace chronomap {

/// Record values as the user reads them, in the user interface's language: the same words in the
/// filter menu, the event panel and a snapshot's header.
class ValueLabels {
public:
    /// "Confirmed", "Reported", "Claimed", "Disputed"; "Not given" for Confidence::Unknown.
    static QString confidence(Confidence confidence);
    /// The known provenances ("article", "context") translated and capitalised, any other as the
    /// data writes it; "Not given" for an empty one.
    static QString provenance(const QString &provenance);
};

} // namespace chronomap
