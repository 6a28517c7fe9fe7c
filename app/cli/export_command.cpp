// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/export_command.h"

#include "cli/cli_text.h"
#include "cli/headless_export.h"
#include "core/ui_language.h"
#include "core/view/view_state_json.h"
#include "render/snapshot/snapshot_export.h"

#include <QElapsedTimer>

namespace chronomap::cli {

namespace {

int fail(int code, const QString &message)
{
    err() << "chronomap: " << message << Qt::endl;
    return code;
}

} // namespace

ExportCommand::ExportCommand()
    : m_export("export", tr("Write a snapshot of the view to OUT (.png, .jpg, .svg or .pdf) without a window."),
               tr("OUT")),
      m_size("size",
             tr("Snapshot size in pixels, WxH (default 1920x1080), or a preset: 1080p, 4k, or a4 for A4 "
                "landscape at 300 dpi."),
             tr("WxH"), QStringLiteral("1920x1080")),
      m_lang("lang", tr("Language of the snapshot, its data and its words: en or es (default en)."), tr("LANG"),
             QStringLiteral("en")),
      m_title("title", tr("Title of the snapshot (default: the dataset's file name)."), tr("TEXT")),
      m_select("select", tr("Select the event with this id in the snapshot."), tr("ID")),
      m_mapStyle("map-style", tr("How the map draws point events: auto (default), markers, clusters, hexbins or heat."),
                 tr("STYLE"), QStringLiteral("auto")),
      m_viewState("view-state",
                  tr("With --export: also write the view state to FILE (JSON). Without: open the window on "
                     "the view state in FILE."),
                  tr("FILE"))
{}

int ExportCommand::run(const QCommandLineParser &parser, const FilterOptions &filters, const QStringList &dataPaths,
                       const LoadOptions &load) const
{
    QElapsedTimer clock;
    clock.start();
    // Arguments first, cheapest checks first: a typo costs no loading.
    const QString out = parser.value(m_export);
    if (out.isEmpty()) return fail(kBadArguments, tr("--export: no output file given"));
    if (!SnapshotFormats::forPath(out))
        return fail(kBadArguments,
                    tr("--export: unknown format '%1' (use %2)").arg(out, SnapshotFormats::suffixList()));
    const auto size = SnapshotFormats::parseSize(parser.value(m_size));
    if (!size)
        return fail(kBadArguments,
                    tr("--size: '%1' is not %2").arg(parser.value(m_size), SnapshotFormats::sizeSyntax()));
    if (const QString sizeError = SnapshotFormats::checkSize(size->pixels); !sizeError.isEmpty())
        return fail(kBadArguments, tr("--size: %1").arg(sizeError));
    const QString lang = parser.value(m_lang).trimmed().toLower();
    if (lang != u"en" && lang != u"es")
        return fail(kBadArguments, tr("--lang: '%1' is not en or es").arg(parser.value(m_lang)));
    UiLanguage::apply(lang); // the snapshot's own words (legend, header, footnotes) follow the data

    const auto loaded = loadForExport(parser, filters, dataPaths, load, lang);
    if (!loaded) return kBadArguments;
    SnapshotRequest request;
    request.dataset = loaded->dataset;
    request.settings = loaded->settings;
    request.content.title = parser.value(m_title);
    request.frameSubject = true; // the region when one is chosen, else the events shown
    request.path = out;
    request.size = *size;
    SnapshotMetadata written;
    QString error = request.write({}, &written);
    if (!error.isEmpty()) return fail(kWriteFailed, error);
    qCDebug(lcExport) << "written" << clock.elapsed() << "ms";

    if (parser.isSet(m_viewState) && !ViewStateJson::writeFile(written.viewState(), parser.value(m_viewState), &error))
        return fail(kWriteFailed, error);
    return kOk;
}

} // namespace chronomap::cli
