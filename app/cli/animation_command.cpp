// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/animation_command.h"

#include "cli/cli_text.h"
#include "cli/headless_export.h"
#include "core/ui_language.h"
#include "core/view/view_state.h"
#include "render/animation/animation_plan.h"
#include "render/animation/animation_writer.h"
#include "render/map/map_framing.h"
#include "render/map/map_style.h"
#include "render/prepared_dataset.h"
#include "render/snapshot/snapshot_composer.h"
#include "render/snapshot/snapshot_metadata.h"
#include "render/snapshot/snapshot_formats.h"

#include <algorithm>

namespace chronomap::cli {

namespace {

int fail(int code, const QString &message)
{
    err() << "chronomap: " << message << Qt::endl;
    return code;
}

// Open window ends (--from without --to) reach past these.
constexpr qint64 kYearOneMs = -62135596800000;
constexpr qint64 kYear9999Ms = 253402214400000;

} // namespace

AnimationCommand::AnimationCommand()
    : m_exportAnimation("export-animation",
                        tr("Write the playback to OUT (.mp4, .webm or .gif) without a window: one frame per step "
                           "from --from to --to (default: the data's extent)."),
                        tr("OUT")),
      m_step("step", tr("How far the window moves per frame of --export-animation: day, week or month (default week)."),
             tr("STEP"), QStringLiteral("week")),
      m_window("window",
               tr("Length of each frame's window for --export-animation, e.g. 7d, 2w, 1m (default: one step)."),
               tr("DURATION")),
      m_fps("fps", tr("Frames per second of --export-animation (default 4)."), tr("N"), QStringLiteral("4"))
{}

int AnimationCommand::run(const QCommandLineParser &parser, const FilterOptions &filters, const QStringList &dataPaths,
                          const LoadOptions &load) const
{
    // Arguments first: a typo costs no loading.
    const QString out = parser.value(m_exportAnimation);
    if (out.isEmpty()) return fail(kBadArguments, tr("--export-animation: no output file given"));
    const auto format = AnimationWriter::formatForPath(out);
    if (!format)
        return fail(kBadArguments, tr("--export-animation: unknown format '%1' (use .mp4, .webm or .gif)").arg(out));
    AnimationPlan plan;
    const auto step = AnimationPlan::parseStep(parser.value(m_step));
    if (!step) return fail(kBadArguments, tr("--step: '%1' is not day, week or month").arg(parser.value(m_step)));
    plan.step = *step;
    plan.window = *step;
    if (parser.isSet(m_window)) {
        const auto window = AnimationPlan::parseDuration(parser.value(m_window));
        if (!window)
            return fail(kBadArguments,
                        tr("--window: '%1' is not a duration such as 7d, 2w or 1m").arg(parser.value(m_window)));
        plan.window = *window;
    }
    AnimationWriter::Options options;
    bool fpsOk = false;
    options.fps = parser.value(m_fps).toInt(&fpsOk);
    if (!fpsOk) return fail(kBadArguments, tr("--fps: '%1' is not a whole number").arg(parser.value(m_fps)));
    // --size is --export's option; a GIF defaults to half HD.
    const QString sizeText = parser.isSet(QStringLiteral("size")) || *format != AnimationFormat::Gif
                                 ? parser.value(QStringLiteral("size"))
                                 : QStringLiteral("960x540");
    const auto size = SnapshotFormats::parseSize(sizeText);
    if (!size) return fail(kBadArguments, tr("--size: '%1' is not %2").arg(sizeText, SnapshotFormats::sizeSyntax()));
    options.pixelSize = size->pixels;
    options.scale = size->scale;
    options.frames = {TimeWindow{0, 1}}; // checked again with the real frames below
    if (const QString problem = AnimationWriter::checkOptions(*format, options); !problem.isEmpty())
        return fail(kBadArguments, problem);
    if (const QString problem = AnimationWriter::encoderProblem(*format); !problem.isEmpty())
        return fail(kWriteFailed, tr("--export-animation: %1").arg(problem));
    const QString lang = parser.value(QStringLiteral("lang")).trimmed().toLower();
    if (lang != u"en" && lang != u"es")
        return fail(kBadArguments, tr("--lang: '%1' is not en or es").arg(parser.value(QStringLiteral("lang"))));
    UiLanguage::apply(lang);

    const auto loaded = loadForExport(parser, filters, dataPaths, load, lang);
    if (!loaded) return kBadArguments;
    const EventFilter &filter = loaded->filter;
    ViewState state;
    state.setDataset(loaded->dataset);
    state.setSettings(loaded->settings);
    const PreparedDataset &prepared = *loaded->dataset;

    // The clip: --from/--to, their open ends closed at the data's extent.
    const TimeWindow extent = prepared.events->extent();
    plan.range = filter.window.value_or(extent);
    if (plan.range.fromMs <= kYearOneMs) plan.range.fromMs = extent.fromMs;
    if (plan.range.toMs >= kYear9999Ms) plan.range.toMs = extent.toMs;
    options.frames = plan.frames();
    options.step = plan.step;
    options.window = plan.window;
    if (options.frames.isEmpty()) return fail(kBadArguments, tr("--from/--to: the time range is empty"));
    const TimeWindow clip{options.frames.front().fromMs, options.frames.back().toMs};

    SnapshotComposer::Content content;
    content.title = parser.value(QStringLiteral("title"));
    // The timeline spans the whole clip, so its window moves across it.
    const qint64 margin = (clip.toMs - clip.fromMs) / 40;
    content.timelineRange = TimeWindow{clip.fromMs - margin, clip.toMs + margin};
    content.sourcesSinceMs = clip.fromMs; // the footer names the sources shown so far
    SnapshotComposer composer(state, content, options.scale);
    composer.setCachesBaseMap(true);
    // Frame everything the clip shows: the region when one is chosen, else its events.
    state.setTimeWindow(clip);
    const QSizeF mapArea = composer.mapAreaFor(QSizeF(options.pixelSize) / options.scale).size();
    const QSize mapPx(qRound(mapArea.width()), qRound(mapArea.height()));
    if (filter.regionIndex >= 0) {
        composer.setMapViewport(MapFraming::frameRegion(prepared, filter.regionIndex, mapPx));
    } else {
        const auto &visible = state.visibleEvents();
        composer.setMapViewport(MapFraming::frameEvents(prepared, visible.empty() ? nullptr : &visible, mapPx));
    }
    options.metadata = SnapshotMetadata::describe(state, composer.mapViewportFor(mapArea), composer.title(),
                                                  composer.content().exportedAt, state.dataset()->sha256);
    QString error;
    if (!AnimationWriter::write(state, composer, out, options, {}, &error)) return fail(kWriteFailed, error);
    return kOk;
}

} // namespace chronomap::cli
