// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/issue.h"
#include "core/view/briefing.h"
#include "core/view/dataset.h"

#include <QDateTime>
#include <QSizeF>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

namespace chronomap {

/// The page a briefing is printed on.
enum class BriefingPageFormat : quint8 {
    A4Landscape, ///< 297 × 210 mm
    Slides,      ///< 16:9, 13.33 × 7.5 in (a presentation's widescreen slide)
};

/// A briefing as one PDF document (issue 17): a title page (title, author, date, the dataset's
/// name and SHA-256, the steps), one page per step — the snapshot composition of the step's view
/// (SnapshotComposer, through MapScene) under the step's caption as a heading and the numbers of
/// the sources its events cite — and last the sources cited, numbered in order of first citation.
///
/// Runs on any thread (it builds its own ViewStates); the dataset must not change meanwhile.
class BriefingPdf {
public:
    /// Called with 0–100 as the pages are painted; returning false stops the export.
    using Progress = std::function<bool(int percent)>;

    struct Request {
        Briefing briefing;
        /// What the steps are drawn over, through its PreparedDataset.
        std::shared_ptr<const Dataset> dataset;
        QString language; ///< "en" or "es": captions, titles, the snapshot's words and place names
        BriefingPageFormat page = BriefingPageFormat::A4Landscape;
        QDateTime exportedAt = QDateTime::currentDateTimeUtc();
        QString briefingPath; ///< names the briefing in issues (empty: its title does)
    };

    /// The sources the steps cite: `names[k]` is number k + 1; `byStep[s]` lists step s's numbers,
    /// ascending. A step's sources are those of the events its view shows.
    struct CitedSources {
        QStringList names;
        QList<QList<int>> byStep;
    };

    /// The request to print `briefing` over `dataset`, checked against it first (BriefingJson::check:
    /// the data changed since, steps naming what the data lacks) into `issues`. The command line and
    /// the window's File → Briefing → Export as PDF both build their request here.
    static Request prepare(const Briefing &briefing, std::shared_ptr<const Dataset> dataset, const QString &language,
                           BriefingPageFormat page, const QString &briefingPath, IssueList *issues);

    /// "a4" or "slides" (any case); nullopt otherwise.
    static std::optional<BriefingPageFormat> parsePageFormat(const QString &name);
    /// The page's size in points (1/72 inch), landscape.
    static QSizeF pageSizePt(BriefingPageFormat format);

    /// Numbers the sources of every step's view (see CitedSources). Problems applying a step's view
    /// (an event or region the data lacks, a malformed window) go to `issues`, naming the step.
    static CitedSources citedSources(const Request &request, IssueList *issues = nullptr);

    /// Writes the PDF to `path` through QSaveFile: a failure or a stop leaves no partial file and
    /// an existing file of that name untouched. Returns an empty string when written, else the
    /// reason ("cancelled" when `progress` stopped it). Step problems go to `issues` as in
    /// citedSources(); the step is still printed with what could be applied.
    static QString write(const Request &request, const QString &path, const Progress &progress = {},
                         IssueList *issues = nullptr);
};

} // namespace chronomap
