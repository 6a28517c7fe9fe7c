// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/command_line.h"

#include "cli/animation_command.h"
#include "cli/briefing_command.h"
#include "cli/cli_text.h"
#include "core/data_paths.h"
#include "cli/export_command.h"
#include "cli/filter_options.h"
#include "cli/import_command.h"
#include "core/geo/base_map.h"
#include "core/geo/region_index.h"
#include "core/io/dataset_loader.h"
#include "core/io/event_writer.h"
#include "core/io/reader_process.h"
#include "core/store/event_filter.h"
#include "core/store/region_membership.h"

#include <QCommandLineParser>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <iterator>

namespace chronomap::cli {

namespace {

// Exit codes, documented in the README.
constexpr int kOk = 0;
constexpr int kSomeSkipped = 1;
constexpr int kUnusable = 2; // also: bad arguments

struct Options {
    QCommandLineOption validate{"validate",
                                tr("Check FILE and print one line per problem. Repeated, the files are checked as "
                                   "one dataset."),
                                tr("FILE")};
    QCommandLineOption query{"query", tr("Print the events matching the filters below (no GUI).")};
    QCommandLineOption data{"data",
                            tr("Events file for --query, --export or the window (default: the bundled dataset). "
                               "Repeated, the files load as one dataset, as the window opens several."),
                            tr("FILE")};
    FilterOptions filters; // --region, --from, --to, --certain, --category, --search: shared with --export
    QCommandLineOption format{"format", tr("Output format of --query: csv (default) or geojson."), tr("FORMAT"), "csv"};
    QCommandLineOption mapping{"mapping", tr("Column mapping for flat files, e.g. start=Fecha,lat=Y,lon=X."),
                               tr("ROLE=COLUMN,…")};
    QCommandLineOption dateFormat{"date-format",
                                  tr("How all-number dates are ordered: iso (default), dmy (12/08/2025) or mdy "
                                     "(08/12/2025). Month names in English and Spanish are always read."),
                                  tr("FORM")};
    QCommandLineOption readerTimeout{"reader-timeout",
                                     tr("Seconds a file reader may go without a record before it is stopped "
                                        "(default 30)."),
                                     tr("SECONDS")};
    ExportCommand exporter;
    AnimationCommand animator; // --export-animation; shares --export's options
    BriefingCommand briefing;  // --export-briefing; shares --export's --lang
    ImportCommand importer;    // --import-pg, --table

    void addTo(QCommandLineParser &parser)
    {
        parser.setApplicationDescription(tr("Chronomap shows curated event records on a map beside a timeline.\n"
                                            "With no option it opens the window on FILE…, or on the bundled dataset."));
        parser.addHelpOption();
        parser.addVersionOption();
        parser.addOptions({validate, query, data});
        parser.addOptions(filters.options());
        parser.addOptions({format, mapping, dateFormat, readerTimeout});
        parser.addOptions(exporter.options());
        parser.addOptions(animator.options());
        parser.addOptions(briefing.options());
        parser.addOptions(importer.options());
        parser.addPositionalArgument(tr("FILE"), tr("Event files to open in the window."), tr("[FILE…]"));
    }
};

bool readMapping(const QCommandLineParser &parser, const Options &o, LoadOptions *load)
{
    if (parser.isSet(o.dateFormat)) {
        load->dateForm = dateFormFromString(parser.value(o.dateFormat));
        if (!load->dateForm) {
            err() << "chronomap: --date-format: " << tr("'%1' is not iso, dmy or mdy").arg(parser.value(o.dateFormat))
                  << Qt::endl;
            return false;
        }
    }
    if (!parser.isSet(o.mapping)) return true;
    QString error;
    if (FieldMapping::parse(parser.value(o.mapping), &load->mapping, &error)) return true;
    err() << "chronomap: --mapping: " << error << Qt::endl;
    return false;
}

/// Applies --reader-timeout to every reader child this process starts, the window's too.
bool readReaderTimeout(const QCommandLineParser &parser, const Options &o)
{
    if (!parser.isSet(o.readerTimeout)) return true;
    bool ok = false;
    const double seconds = parser.value(o.readerTimeout).toDouble(&ok);
    if (!ok || seconds <= 0) {
        err() << tr("chronomap: --reader-timeout: '%1' is not a number of seconds").arg(parser.value(o.readerTimeout))
              << Qt::endl;
        return false;
    }
    ReaderLimits limits = ReaderProcess::defaultLimits();
    limits.watchdogMs = qint64(seconds * 1000);
    ReaderProcess::setDefaultLimits(limits);
    return true;
}

void printIssues(const IssueList &issues, QTextStream &stream)
{
    for (const Issue &issue : issues)
        stream << issue.toString() << '\n';
    stream.flush();
}

/// The issues to print: all of them, or when a reader failed only the line that says why.
IssueList issuesToPrint(const LoadResult &result)
{
    if (!result.partial) return result.issues;
    IssueList fatal;
    std::copy_if(result.issues.begin(), result.issues.end(), std::back_inserter(fatal),
                 [](const Issue &issue) { return issue.severity == Issue::Severity::Fatal; });
    return fatal;
}

int validate(const QStringList &paths, const LoadOptions &options)
{
    const LoadResult result = DatasetLoader::load(paths, options, {}, DatasetLoader::Hashing::None);
    if (result.partial) { // a reader failed: its line says why, and nothing was loaded
        printIssues(issuesToPrint(result), out());
        return kUnusable;
    }
    printIssues(result.issues, out());
    const qsizetype skipped = result.count(Issue::Severity::Skipped);
    const qsizetype warnings = result.count(Issue::Severity::Warning);
    out() << tr("%1: %2 records read, %3 events loaded, %4 skipped, %5 warnings")
                 .arg(paths.join(QStringLiteral(", ")))
                 .arg(result.recordsRead)
                 .arg(result.store->size())
                 .arg(skipped)
                 .arg(warnings)
          << Qt::endl;
    if (result.hasFatal() || result.store->isEmpty()) return kUnusable;
    return skipped > 0 ? kSomeSkipped : kOk;
}

int query(const QCommandLineParser &parser, const Options &o, const LoadOptions &options)
{
    EventFilter filter;
    const QString formatName = parser.value(o.format).toLower();
    if (formatName != u"csv" && formatName != u"geojson") {
        err() << tr("chronomap: --format: '%1' is not csv or geojson").arg(parser.value(o.format)) << Qt::endl;
        return kUnusable;
    }
    std::shared_ptr<const BaseMap> baseMap;
    if (QString error; !o.filters.read(parser, &filter, &baseMap, &error)) {
        err() << "chronomap: " << error << Qt::endl;
        return kUnusable;
    }

    const QStringList paths = parser.isSet(o.data) ? parser.values(o.data) : QStringList{DataPaths::bundledEvents()};
    const LoadResult result = DatasetLoader::load(paths, options, {}, DatasetLoader::Hashing::None);
    printIssues(issuesToPrint(result), err());
    if (result.hasFatal() || result.store->isEmpty()) return kUnusable;

    std::unique_ptr<RegionMembership> membership;
    if (baseMap) membership = std::make_unique<RegionMembership>(result.store, baseMap->regions);
    const auto events = filter.apply(*result.store, membership.get());
    QString error;
    out().flush();
    if (!EventWriter::write(*result.store, events,
                            formatName == u"csv" ? EventWriter::Format::Csv : EventWriter::Format::GeoJson,
                            QStringLiteral("-"), &error)) {
        err() << "chronomap: " << error << Qt::endl;
        return kUnusable;
    }
    return kOk;
}

} // namespace

bool mayReadOnce(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i)
        if (std::strncmp(argv[i], "--export", 8) == 0 || std::strncmp(argv[i], "--validate", 10) == 0 ||
            std::strncmp(argv[i], "--query", 7) == 0)
            return true;
    return false;
}

Mode parseMode(const QStringList &arguments)
{
    QCommandLineParser parser;
    Options o;
    o.addTo(parser);
    if (!parser.parse(arguments)) {
        // QCommandLineParser::process() would exit 1; bad arguments are 2 here, as in every mode.
        err() << "chronomap: " << parser.errorText() << '\n'
              << tr("Try 'chronomap --help' for the options.") << Qt::endl;
        std::exit(kUnusable);
    }
    if (parser.isSet(QStringLiteral("help")) || parser.isSet(QStringLiteral("help-all"))) parser.showHelp(kOk);
    if (parser.isSet(QStringLiteral("version"))) parser.showVersion();
    if (o.exporter.isSet(parser) || o.animator.isSet(parser) || o.briefing.isSet(parser)) return Mode::Export;
    if (parser.isSet(o.validate) || parser.isSet(o.query) || o.importer.isSet(parser)) return Mode::Headless;
    return Mode::Window;
}

int runHeadless(const QStringList &arguments)
{
    QCommandLineParser parser;
    Options o;
    o.addTo(parser);
    parser.process(arguments); // handles --help and --version, and exits on unknown options
    LoadOptions load;
    if (!readMapping(parser, o, &load) || !readReaderTimeout(parser, o)) return kUnusable;
    if (o.animator.isSet(parser)) return o.animator.run(parser, o.filters, parser.values(o.data), load);
    if (o.briefing.isSet(parser)) return o.briefing.run(parser, o.filters, parser.values(o.data), load);
    if (o.exporter.isSet(parser)) return o.exporter.run(parser, o.filters, parser.values(o.data), load);
    if (o.importer.isSet(parser)) return o.importer.run(parser, load);
    if (parser.isSet(o.validate)) return validate(parser.values(o.validate), load);
    if (parser.isSet(o.query)) return query(parser, o, load);
    parser.showHelp(kUnusable);
}

QStringList guiFiles(const QStringList &arguments)
{
    QCommandLineParser parser;
    Options o;
    o.addTo(parser);
    parser.process(arguments);
    readReaderTimeout(parser, o);
    return parser.values(o.data) + parser.positionalArguments();
}

QString guiViewState(const QStringList &arguments)
{
    QCommandLineParser parser;
    Options o;
    o.addTo(parser);
    parser.process(arguments);
    return o.exporter.viewStateFile(parser);
}

} // namespace chronomap::cli
