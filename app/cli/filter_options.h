// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/geo/base_map.h"
#include "core/store/event_filter.h"

#include <QCommandLineOption>
#include <QCommandLineParser>

#include <memory>

namespace chronomap::cli {

/// The filter options that --query and --export share: --region, --from, --to, --certain,
/// --category and --search, read into an EventFilter the same way for both.
class FilterOptions {
public:
    FilterOptions();

    QList<QCommandLineOption> options() const { return {m_region, m_from, m_to, m_certain, m_category, m_search}; }

    /// Reads the window, match, categories and search text into `filter`. With --region, resolves the region
    /// against `*baseMap`, loading the bundled base map into it first when it is null. On a bad
    /// value sets `error` to a message naming the option and returns false.
    bool read(const QCommandLineParser &parser, EventFilter *filter, std::shared_ptr<const BaseMap> *baseMap,
              QString *error) const;

    bool hasRegion(const QCommandLineParser &parser) const { return parser.isSet(m_region); }

private:
    QCommandLineOption m_region;
    QCommandLineOption m_from;
    QCommandLineOption m_to;
    QCommandLineOption m_certain;
    QCommandLineOption m_category;
    QCommandLineOption m_search;
};

} // namespace chronomap::cli
