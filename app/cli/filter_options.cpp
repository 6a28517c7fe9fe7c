// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/filter_options.h"

#include "cli/cli_text.h"
#include "core/data_paths.h"
#include "core/geo/region_index.h"

#include <limits>

namespace chronomap::cli {

FilterOptions::FilterOptions()
    : m_region("region", tr("Only events of this admin-1 region (ISO 3166-2 code or name)."), tr("CODE|NAME")),
      m_from("from", tr("Only events possibly on or after DATE (2025, 2025-08, 2025-08-12)."), tr("DATE")),
      m_to("to", tr("Only events possibly on or before DATE (the whole period DATE names)."), tr("DATE")),
      m_certain("certain", tr("With --from/--to: only events certainly in the window, not just possibly.")),
      m_category("category", tr("Only events of category C (repeatable)."), tr("C")),
      m_search("search",
               tr("Only events whose titles, summaries, actors, places or sources (in any language) contain "
                  "every word of TEXT, ignoring case: the window's search field."),
               tr("TEXT"))
{}

bool FilterOptions::read(const QCommandLineParser &parser, EventFilter *filter, std::shared_ptr<const BaseMap> *baseMap,
                         QString *error) const
{
    std::optional<FuzzyDate> from, to;
    for (auto [option, slot] : {std::pair{&m_from, &from}, std::pair{&m_to, &to}}) {
        if (!parser.isSet(*option)) continue;
        *slot = FuzzyDate::parse(parser.value(*option));
        if (!*slot) {
            *error = tr("--%1: '%2' is not a date (use 2025, 2025-08 or 2025-08-12)")
                         .arg(option->names().first(), parser.value(*option));
            return false;
        }
    }
    if (from || to) {
        filter->window = TimeWindow{from ? from->startMs : std::numeric_limits<qint64>::min() / 2,
                                    to ? to->endExclusiveMs() : std::numeric_limits<qint64>::max() / 2};
        if (!filter->window->isValid()) {
            *error = tr("--to %1 is before --from %2").arg(parser.value(m_to), parser.value(m_from));
            return false;
        }
        filter->match = parser.isSet(m_certain) ? WindowMatch::Certainly : WindowMatch::Possibly;
    }
    for (const QString &c : parser.values(m_category)) {
        if (!filter->categories) filter->categories.emplace();
        filter->categories->insert(c.trimmed().toLower());
    }
    filter->text = parser.value(m_search).simplified();

    if (parser.isSet(m_region)) {
        if (!*baseMap) {
            IssueList issues;
            *baseMap = BaseMap::load(DataPaths::baseMap(), &issues);
            if (!*baseMap) {
                QStringList messages;
                for (const Issue &issue : issues)
                    messages.append(issue.toString());
                *error = messages.join(u'\n');
                return false;
            }
        }
        filter->regionIndex = (*baseMap)->regions->find(parser.value(m_region));
        if (filter->regionIndex < 0) {
            *error = tr("--region: no admin-1 region has the code or name '%1' (try RU-KRS or Kursk)")
                         .arg(parser.value(m_region));
            return false;
        }
    }
    return true;
}

} // namespace chronomap::cli
