// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/event.h"

#include <QString>
#include <QStringList>

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
    /// The units a claim may name (`soldiers`, `personnel`, `containers`, `casualties`, `deaths`,
    /// `workers`, `missiles`, `shells`, `deminers`, `builders`, `troops`, `systems`), each
    /// translated by unit(). Documented in geodata/events/README.md.
    static const QStringList &claimUnits();
    /// A known claim unit in the UI's language ("soldados"); any other as the data writes it.
    static QString unit(const QString &unit);
    /// A related-record relation (`follows-up`, `ratifies`, `enters-into-force-of`, `reports-on`,
    /// `disputes`) as words in the UI's language; any other as the data writes it.
    static QString relation(const QString &relation);
    /// The same relation read from the record it names: `ratifies` is shown there as "ratified by".
    static QString inverseRelation(const QString &relation);
};

} // namespace chronomap
