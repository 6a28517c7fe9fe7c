// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/issue.h"
#include "core/view/dataset.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace chronomap {

/// A text in the two UI languages; in(lang) gives lang's text, falling back to English when empty.
/// (Not "LocalizedText": that name is the records' QMap of languages, core/model/event.h.)
struct BriefingText {
    QString en, es;
    QString in(const QString &language) const; // "es" -> es (or en if es empty); anything else -> en
    bool operator==(const BriefingText &) const = default;
};

/// One step of a briefing: a saved view with a title and caption.
struct BriefingStep {
    BriefingText title;
    BriefingText caption;
    /// The view as ViewStateJson::toJson writes it, plus the render layer's "map" viewport key
    /// (viewport_json.h), WITHOUT the dataset keys and WITHOUT "language" (steps are
    /// language-independent). Applying it (ViewStateJson::apply) keeps the state's language.
    QJsonObject view;
    bool operator==(const BriefingStep &) const = default;
};

/// A story told as saved views with captions (issue 17); a value type, shown by the widgets'
/// Briefing panel and exported as a PDF.
struct Briefing {
    static constexpr int kFormat = 1;
    BriefingText title;
    QString author;
    QString datasetFileName; ///< file name(s) of the dataset it was made over, "; "-joined when several
    QString datasetSha256;   ///< hex, Dataset::sha256 of the data it was made over
    QList<BriefingStep> steps;
    bool operator==(const Briefing &) const = default;
};

/// `.chronomap-briefing.json`: {"format":"chronomap-briefing","version":1,"title":{"en","es"},"author",
/// "dataset":{"file","sha256"},"steps":[{"title":{"en","es"},"caption":{"en","es"},"view":{...}}]}
class BriefingJson {
public:
    /// What a briefing file's name ends with.
    static inline const QString kSuffix = QStringLiteral(".chronomap-briefing.json");

    static QJsonObject toJson(const Briefing &briefing);
    /// Reads what it can: a step that is malformed or names a category/region/event the dataset lacks is
    /// reported in `issues` naming the file and the step number and title (the good steps load). Not JSON,
    /// or a future version -> nullopt with a Fatal issue naming the file.
    static std::optional<Briefing> readFile(const QString &path, IssueList *issues);
    /// Atomic (QSaveFile).
    static bool writeFile(const Briefing &briefing, const QString &path, QString *error);
    /// Checks a briefing against a loaded dataset: a hash mismatch ("the data changed since the briefing
    /// was made"), and per step the selected event / region / hidden categories the data no longer has.
    static void check(const Briefing &briefing, const Dataset &dataset, const QString &datasetSha256,
                      const QString &briefingPath, IssueList *issues);

    /// A step's view from a full view-state object (ViewStateJson::toJson plus "map"): the same
    /// without the dataset keys and "language".
    static QJsonObject stepView(QJsonObject viewState);
    /// How an issue names a step: `step 3 “Title”` (the English title, else the Spanish one).
    static QString stepLabel(int index, const BriefingStep &step);
};

} // namespace chronomap
