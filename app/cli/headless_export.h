// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cli/filter_options.h"
#include "core/io/event_loader.h"
#include "core/store/event_filter.h"
#include "core/view/view_settings.h"
#include "render/prepared_dataset.h"

#include <QCommandLineParser>
#include <QLoggingCategory>
#include <QStringList>

#include <memory>
#include <optional>

Q_DECLARE_LOGGING_CATEGORY(lcExport)

namespace chronomap::cli {

/// What --export and --export-animation draw: the dataset, prepared, and the view settings their
/// options ask for.
struct HeadlessExport {
    std::shared_ptr<const PreparedDataset> dataset;
    /// Window and match from --from/--to/--certain, hidden categories from --category, region,
    /// search, language (`lang`, empty for English), the --select'ed event and --map-style.
    ViewSettings settings;
    EventFilter filter; ///< as the filter options read it (the clip's bounds, the region)
};

/// Loads for a headless export, the one way both commands do: the base map (projected beside the
/// load), the filter options, `dataPaths` as one dataset (none: the bundled one), then the
/// settings. Prints to stderr what the user should know: fatal load issues, skipped records per
/// file, --category values the dataset lacks. On bad arguments or unusable data prints the
/// reason and returns nullopt (exit status 2 for both commands).
std::optional<HeadlessExport> loadForExport(const QCommandLineParser &parser, const FilterOptions &filters,
                                            const QStringList &dataPaths, const LoadOptions &load, const QString &lang);

} // namespace chronomap::cli
