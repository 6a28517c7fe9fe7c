// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/import_command.h"

#include "cli/cli_text.h"
#include "core/data_paths.h"
#include "core/geo/base_map.h"
#include "core/io/database_source.h"
#include "core/io/dataset_loader.h"
#include "core/db/postgis_import.h"

#include <future>

namespace chronomap::cli {

namespace {
constexpr int kOk = 0;
constexpr int kSomeSkipped = 1;
constexpr int kUnusable = 2;
} // namespace

ImportCommand::ImportCommand()
    : m_import("import-pg",
               tr("Write the events of FILE into a new PostGIS table of the database given as \"PG:…\" "
                  "(one transaction: a failure leaves no table)."),
               tr("FILE")),
      m_table("table", tr("Table --import-pg creates (default: the string's tables=, else events)."), tr("NAME"))
{}

int ImportCommand::run(const QCommandLineParser &parser, const LoadOptions &load) const
{
    const QString file = parser.value(m_import);
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1 || !DatabaseSource::isDatabase(positional.front())) {
        err() << tr("chronomap: --import-pg FILE needs one database connection string, e.g. \"PG:dbname=events\"")
              << Qt::endl;
        return kUnusable;
    }
    const QString source = positional.front();
    QString table = parser.value(m_table);
    if (table.isEmpty()) table = DatabaseSource::option(source, QStringLiteral("tables"));
    if (table.isEmpty()) table = QStringLiteral("events");
    if (!DatabaseSource::isPlainIdentifier(table)) {
        err() << tr("chronomap: --table: '%1' is not a plain table name (lower-case letters, digits and _)").arg(table)
              << Qt::endl;
        return kUnusable;
    }
    if (DatabaseSource::isDatabase(file)) {
        err() << tr("chronomap: --import-pg reads a file, not a database") << Qt::endl;
        return kUnusable;
    }

    // The regions each row lies in are written with it (RegionTable): the base map read while
    // the file is.
    IssueList mapIssues;
    auto baseMap = std::async(std::launch::async, [&] { return BaseMap::load(DataPaths::baseMap(), &mapIssues); });
    const LoadResult result = DatasetLoader::load({file}, load, {}, DatasetLoader::Hashing::None);
    const std::shared_ptr<const BaseMap> map = baseMap.get();
    for (const Issue &issue : std::as_const(mapIssues))
        err() << issue.toString() << '\n';
    for (const Issue &issue : result.issues)
        if (!result.partial || issue.severity == Issue::Severity::Fatal) err() << issue.toString() << '\n';
    err().flush();
    if (result.partial || result.hasFatal() || result.store->isEmpty()) {
        err() << tr("chronomap: %1: nothing was written to the database").arg(file) << Qt::endl;
        return kUnusable;
    }
    QString error;
    if (!PostgisImport::write(*result.store, source, table, map ? map->regions.get() : nullptr, &error)) {
        err() << tr("chronomap: import into %1 failed, nothing was written: %2")
                     .arg(DatabaseSource::redacted(source), error)
              << Qt::endl;
        return kUnusable;
    }
    const qsizetype skipped = result.count(Issue::Severity::Skipped);
    out() << tr("%1: %2 events written to table %3 (%4 records read, %5 skipped)")
                 .arg(file)
                 .arg(result.store->size())
                 .arg(table)
                 .arg(result.recordsRead)
                 .arg(skipped)
          << Qt::endl;
    return skipped > 0 ? kSomeSkipped : kOk;
}

} // namespace chronomap::cli
