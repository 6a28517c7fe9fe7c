// SPDX-License-Identifier: GPL-3.0-or-later
#include "render/briefing/briefing_pdf.h"

#include "core/view/view_state.h"
#include "core/view/view_state_json.h"
#include "render/map/map_framing.h"
#include "render/map/map_style.h"
#include "render/map/viewport_json.h"
#include "render/prepared_dataset.h"
#include "render/snapshot/snapshot_composer.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QFontMetricsF>
#include <QLocale>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTextLayout>
#include <QTimeZone>

#include <algorithm>
#include <cmath>
#include <map>

namespace chronomap {

namespace {

QString tr(const char *text, const char *disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("BriefingPdf", text, disambiguation, n);
}

// One logical pixel (1/96 inch) per PDF device unit, as the snapshot's PDF.
constexpr double kLogicalDpi = 96.0;
constexpr double kPadPx = 16; // the composer's own outer margin: the heading lines up with it
// The on-screen map a step's viewport was saved from, when its "map" key omits the size.
constexpr QSize kDefaultScreenMapPx{1280, 800};

const QColor kInk(0x22, 0x22, 0x22);
const QColor kGrey(0x66, 0x66, 0x66);

QFont baseFont(double pointSize, bool bold = false)
{
    QFont font = MapStyle::standard().font;
    font.setPointSizeF(pointSize);
    font.setBold(bold);
    return font;
}

/// A step's view applied to its own ViewState, and the on-screen map it was saved with.
struct StepView {
    std::unique_ptr<ViewState> state;
    std::optional<Viewport> screenMap; ///< nullopt: frame the map on what the step shows
};

StepView applyStep(const BriefingPdf::Request &request, int index, IssueList *issues)
{
    const BriefingStep &step = request.briefing.steps[index];
    StepView out;
    out.state = std::make_unique<ViewState>();
    out.state->setDataset(request.dataset);
    QJsonObject view = step.view;
    // Steps keep ViewStateJson's keys but are language-independent: the export's language rules.
    view.insert(QStringLiteral("language"), request.language == u"es" ? QStringLiteral("es") : QStringLiteral("en"));
    if (!view.contains(QStringLiteral("format"))) view.insert(QStringLiteral("format"), "chronomap-view-state");
    IssueList found;
    ViewStateJson::apply(view, *out.state, &found);
    const QString label = BriefingJson::stepLabel(index, step);
    for (Issue issue : found) {
        issue.file =
            request.briefingPath.isEmpty() ? request.briefing.title.in(request.language) : request.briefingPath;
        issue.field = issue.field.isEmpty() ? label : label + QStringLiteral(": ") + issue.field;
        if (issues) issues->append(issue);
    }
    out.state->setLanguage(request.language == u"es" ? QStringLiteral("es") : QString());
    const QJsonObject map = step.view.value(QStringLiteral("map")).toObject();
    const QSize screenPx(map.value(QStringLiteral("width_px")).toInt(kDefaultScreenMapPx.width()),
                         map.value(QStringLiteral("height_px")).toInt(kDefaultScreenMapPx.height()));
    out.screenMap = ViewportJson::fromJson(map, screenPx.isValid() ? screenPx : kDefaultScreenMapPx);
    return out;
}

/// Numbers the sources in order of first citation, each step's in the order the composer lists them.
BriefingPdf::CitedSources numberSources(const std::vector<StepView> &steps)
{
    BriefingPdf::CitedSources cited;
    std::map<QString, int> numbers;
    for (const StepView &step : steps) {
        const SnapshotComposer composer(*step.state, {});
        QList<int> mine;
        for (const auto &[name, count] : composer.sourcesShown()) {
            auto [it, added] = numbers.emplace(name, int(cited.names.size()) + 1);
            if (added) cited.names.append(name);
            mine.append(it->second);
        }
        std::sort(mine.begin(), mine.end());
        cited.byStep.append(mine);
    }
    return cited;
}

/// Draws `text` word-wrapped in `width` from `top`, at most `maxLines` lines (the rest clipped);
/// returns the bottom of what was drawn.
double drawWrapped(QPainter &painter, const QString &text, const QFont &font, const QColor &colour, QPointF topLeft,
                   double width, int maxLines = 1000)
{
    if (text.isEmpty()) return topLeft.y();
    const QFontMetricsF fm(font, painter.device());
    const double needed =
        fm.boundingRect(QRectF(0, 0, width, 1e6), Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, text).height();
    const QRectF box(topLeft, QSizeF(width, std::min(needed, maxLines * fm.lineSpacing())));
    painter.save();
    painter.setFont(font);
    painter.setPen(colour);
    painter.setClipRect(box.adjusted(0, 0, 0, 1));
    painter.drawText(QRectF(topLeft, QSizeF(width, needed)), Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, text);
    painter.restore();
    return box.bottom();
}

QString numberList(const QList<int> &numbers)
{
    QStringList parts;
    for (int n : numbers)
        parts.append(QString::number(n));
    return parts.join(QStringLiteral(", "));
}

/// Where the sources pages put each entry: pages → columns → source indexes (0-based).
using SourcesLayout = QList<QList<QList<int>>>;

constexpr int kSourceColumns = 2;

QString sourceEntry(const BriefingPdf::CitedSources &cited, int k)
{
    QList<int> steps;
    for (qsizetype s = 0; s < cited.byStep.size(); ++s)
        if (cited.byStep[s].contains(k + 1)) steps.append(int(s) + 1);
    return (steps.size() == 1 ? tr("%1. %2 (step %3)") : tr("%1. %2 (steps %3)"))
        .arg(k + 1)
        .arg(cited.names[k], numberList(steps));
}

QFont sourceFont()
{
    return baseFont(10);
}

double sourcesTop(const QPaintDevice *device)
{
    return kPadPx * 2 + QFontMetricsF(baseFont(20, true), device).lineSpacing() + kPadPx;
}

double sourceColumnWidth(const QSizeF &page)
{
    return (page.width() - 4 * kPadPx - (kSourceColumns - 1) * 2 * kPadPx) / kSourceColumns;
}

double sourceEntryHeight(const BriefingPdf::CitedSources &cited, int k, const QSizeF &page, const QPaintDevice *device)
{
    const QFontMetricsF fm(sourceFont(), device);
    return fm.boundingRect(QRectF(0, 0, sourceColumnWidth(page), 1e6), Qt::AlignLeft | Qt::TextWordWrap,
                           sourceEntry(cited, k))
               .height() +
           fm.lineSpacing() * 0.3;
}

/// Fills columns top to bottom, then pages; an empty list still gets one page (it says so).
SourcesLayout layoutSources(const BriefingPdf::CitedSources &cited, const QSizeF &page, const QPaintDevice *device)
{
    const double top = sourcesTop(device), bottom = page.height() - kPadPx * 2.5;
    SourcesLayout pages{{{}}};
    double y = top;
    for (int k = 0; k < int(cited.names.size()); ++k) {
        const double height = sourceEntryHeight(cited, k, page, device);
        if (y + height > bottom && !pages.back().back().isEmpty()) {
            if (pages.back().size() == kSourceColumns) pages.append(QList<QList<int>>{});
            pages.back().append(QList<int>{});
            y = top;
        }
        pages.back().back().append(k);
        y += height;
    }
    return pages;
}

struct PageContext {
    QPainter &painter;
    const BriefingPdf::Request &request;
    QSizeF page; ///< logical px
    int pageCount = 0;
};

void paintPageNumber(const PageContext &c, int number)
{
    c.painter.save();
    c.painter.setFont(baseFont(8));
    c.painter.setPen(kGrey);
    c.painter.drawText(QRectF(kPadPx, c.page.height() - kPadPx * 1.8, c.page.width() - 2 * kPadPx, kPadPx * 1.2),
                       Qt::AlignRight | Qt::AlignVCenter, tr("%1 / %2").arg(number).arg(c.pageCount));
    c.painter.restore();
}

void paintTitlePage(const PageContext &c, int sourcesPage)
{
    QPainter &p = c.painter;
    const BriefingPdf::Request &r = c.request;
    const QString lang = r.language;
    const QLocale locale(lang == u"es" ? QLocale::Spanish : QLocale::English);
    const double left = kPadPx * 4, width = c.page.width() - 8 * kPadPx;
    double y = c.page.height() * 0.16;
    y = drawWrapped(p, tr("Briefing"), baseFont(12), kGrey, {left, y}, width, 1) + 6;
    const QString title = r.briefing.title.in(lang).isEmpty() ? tr("Untitled briefing") : r.briefing.title.in(lang);
    y = drawWrapped(p, title, baseFont(28, true), kInk, {left, y}, width, 3) + 14;
    if (!r.briefing.author.trimmed().isEmpty())
        y = drawWrapped(p, tr("By %1").arg(r.briefing.author.trimmed()), baseFont(14), kInk, {left, y}, width, 2) + 4;
    y = drawWrapped(p, locale.toString(r.exportedAt.toUTC().date(), QLocale::LongFormat), baseFont(14), kInk, {left, y},
                    width, 1) +
        24;

    // The steps, as a table of contents: step k is on page k + 1.
    const QFont stepFont = baseFont(11);
    const double stepLine = QFontMetricsF(stepFont, p.device()).lineSpacing();
    const double stepsBottom = c.page.height() * 0.72;
    for (int s = 0; s < int(r.briefing.steps.size()); ++s) {
        if (y + stepLine > stepsBottom) {
            drawWrapped(p, tr("… and %n more step(s)", nullptr, int(r.briefing.steps.size()) - s), stepFont, kGrey,
                        {left, y}, width, 1);
            break;
        }
        const BriefingStep &step = r.briefing.steps[s];
        const QString stepTitle = step.title.in(lang).isEmpty() ? tr("Step %1").arg(s + 1) : step.title.in(lang);
        y = drawWrapped(p, tr("%1. %2 — page %3").arg(s + 1).arg(stepTitle).arg(s + 2), stepFont, kInk, {left, y},
                        width, 1);
    }

    // What it was drawn from: the dataset and its hash, and whether it is what the briefing was made over.
    const QFont small = baseFont(9), mono = [] {
        QFont f = baseFont(9);
        f.setFamily(QStringLiteral("DejaVu Sans Mono"));
        return f;
    }();
    const double smallLine = QFontMetricsF(small, p.device()).lineSpacing();
    const bool changed = !r.briefing.datasetSha256.isEmpty() && r.dataset && !r.dataset->sha256.isEmpty() &&
                         r.briefing.datasetSha256.compare(r.dataset->sha256, Qt::CaseInsensitive) != 0;
    double bottom = c.page.height() - kPadPx * 4 - smallLine * (changed ? 5 : 4);
    const QString files =
        r.dataset && !r.dataset->files.isEmpty() ? r.dataset->fileNames() : r.briefing.datasetFileName;
    bottom = drawWrapped(p, tr("Dataset: %1").arg(files), small, kInk, {left, bottom}, width, 1);
    bottom = drawWrapped(
        p, tr("SHA-256: %1").arg(r.dataset && !r.dataset->sha256.isEmpty() ? r.dataset->sha256 : tr("unknown")), mono,
        kInk, {left, bottom}, width, 1);
    if (changed)
        bottom = drawWrapped(p,
                             tr("The data changed since the briefing was made (it was made over SHA-256 %1).")
                                 .arg(r.briefing.datasetSha256),
                             small, QColor(0xa0, 0x30, 0x20), {left, bottom}, width, 1);
    bottom = drawWrapped(p, tr("Sources cited: page %1").arg(sourcesPage), small, kInk, {left, bottom}, width, 1);
    drawWrapped(
        p,
        tr("Exported %1 UTC with Chronomap %2 · Base map: Made with Natural Earth")
            .arg(r.exportedAt.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm")), QStringLiteral(CHRONOMAP_VERSION)),
        small, kGrey, {left, bottom}, width, 1);
    paintPageNumber(c, 1);
}

/// The heading above a step's snapshot: "Step k of n", the caption, the numbers of its sources.
/// Returns its bottom.
double paintStepHeading(const PageContext &c, int s, const QList<int> &sources, int sourcesPage, bool paint)
{
    QPainter &p = c.painter;
    const BriefingStep &step = c.request.briefing.steps[s];
    const double left = kPadPx, width = c.page.width() - 2 * kPadPx;
    const QFont small = baseFont(9), heading = baseFont(15, true);
    const QFontMetricsF smallFm(small, p.device()), headingFm(heading, p.device());
    double y = kPadPx;
    const int steps = int(c.request.briefing.steps.size());
    if (!paint) {
        const double captionPx = headingFm
                                     .boundingRect(QRectF(0, 0, width, 1e6), Qt::AlignLeft | Qt::TextWordWrap,
                                                   step.caption.in(c.request.language))
                                     .height();
        return y + smallFm.lineSpacing() + 4 + std::min(captionPx, 3 * headingFm.lineSpacing()) + 4 +
               smallFm.lineSpacing() + 2;
    }
    p.save();
    p.setFont(small);
    p.setPen(kGrey);
    p.drawText(QRectF(left, y, width, smallFm.lineSpacing()), Qt::AlignRight | Qt::AlignVCenter,
               tr("%1 / %2").arg(s + 2).arg(c.pageCount));
    p.restore();
    y = drawWrapped(p, tr("Step %1 of %2").arg(s + 1).arg(steps), small, kGrey, {left, y}, width * 0.8, 1) + 4;
    y = drawWrapped(p, step.caption.in(c.request.language), heading, kInk, {left, y}, width, 3) + 4;
    const QString cited = sources.isEmpty()
                              ? tr("Sources: none named by the events shown.")
                              : tr("Sources (numbered on page %1): %2").arg(sourcesPage).arg(numberList(sources));
    y = drawWrapped(p, cited, small, kGrey, {left, y}, width, 2) + 2;
    return y;
}

void paintSourcesPage(const PageContext &c, const BriefingPdf::CitedSources &cited, const QList<QList<int>> &columns,
                      bool continued, int number)
{
    QPainter &p = c.painter;
    const double left = kPadPx * 2, width = c.page.width() - 4 * kPadPx;
    drawWrapped(p, continued ? tr("Sources cited (continued)") : tr("Sources cited"), baseFont(20, true), kInk,
                {left, kPadPx * 2}, width, 1);
    const double top = sourcesTop(p.device()), columnWidth = sourceColumnWidth(c.page);
    if (cited.names.isEmpty())
        drawWrapped(p, tr("The events the steps show name no sources."), sourceFont(), kInk, {left, top}, width);
    for (qsizetype col = 0; col < columns.size(); ++col) {
        double y = top;
        const double x = left + col * (columnWidth + 2 * kPadPx);
        for (int k : columns[col]) {
            drawWrapped(p, sourceEntry(cited, k), sourceFont(), kInk, {x, y}, columnWidth);
            y += sourceEntryHeight(cited, k, c.page, p.device());
        }
    }
    paintPageNumber(c, number);
}

} // namespace

std::optional<BriefingPageFormat> BriefingPdf::parsePageFormat(const QString &name)
{
    const QString n = name.trimmed().toLower();
    if (n == u"a4") return BriefingPageFormat::A4Landscape;
    if (n == u"slides") return BriefingPageFormat::Slides;
    return std::nullopt;
}

QSizeF BriefingPdf::pageSizePt(BriefingPageFormat format)
{
    if (format == BriefingPageFormat::Slides) return {960, 540};
    return QPageSize(QPageSize::A4).size(QPageSize::Point).transposed();
}

BriefingPdf::Request BriefingPdf::prepare(const Briefing &briefing, std::shared_ptr<const Dataset> dataset,
                                          const QString &language, BriefingPageFormat page, const QString &briefingPath,
                                          IssueList *issues)
{
    if (dataset && issues) BriefingJson::check(briefing, *dataset, dataset->sha256, briefingPath, issues);
    Request request;
    request.briefing = briefing;
    request.dataset = std::move(dataset);
    request.language = language;
    request.page = page;
    request.briefingPath = briefingPath;
    return request;
}

BriefingPdf::CitedSources BriefingPdf::citedSources(const Request &request, IssueList *issues)
{
    std::vector<StepView> steps;
    for (int s = 0; s < int(request.briefing.steps.size()); ++s)
        steps.push_back(applyStep(request, s, issues));
    return numberSources(steps);
}

QString BriefingPdf::write(const Request &request, const QString &path, const Progress &progress, IssueList *issues)
{
    const QString cancelled = QCoreApplication::translate("SnapshotWriter", "cancelled");
    auto step = [&](int percent) { return !progress || progress(percent); };
    if (!request.dataset) return tr("no dataset to draw the briefing over");
    if (!step(0)) return cancelled;
    std::vector<StepView> steps;
    for (int s = 0; s < int(request.briefing.steps.size()); ++s)
        steps.push_back(applyStep(request, s, issues));
    const CitedSources cited = numberSources(steps);

    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) return tr("cannot write %1: %2").arg(path, file.errorString());
    auto abandon = [&](const QString &message) {
        file.cancelWriting();
        return message;
    };
    // Painted into memory, then written in one piece: a short write (a full disk) is then our
    // write's error, where QPdfWriter streaming into the file would leave it unnoticed.
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter pdf(&buffer);
    pdf.setResolution(int(kLogicalDpi));
    const QSizeF pagePt = pageSizePt(request.page);
    // QPageLayout turns a portrait page for landscape: it is given the portrait form.
    const QPageSize pageSize = request.page == BriefingPageFormat::A4Landscape
                                   ? QPageSize(QPageSize::A4)
                                   : QPageSize(pagePt.transposed(), QPageSize::Point, QStringLiteral("16:9"));
    if (!pdf.setPageLayout(QPageLayout(pageSize, QPageLayout::Landscape, QMarginsF())))
        return abandon(tr("cannot set up a %1x%2 pt PDF page").arg(pagePt.width()).arg(pagePt.height()));
    pdf.setTitle(request.briefing.title.in(request.language));
    pdf.setCreator(QStringLiteral("Chronomap " CHRONOMAP_VERSION));
    const QSizeF page = pagePt * (kLogicalDpi / 72.0);

    const SourcesLayout sourcePages = layoutSources(cited, page, &pdf);
    const int stepCount = int(steps.size());
    const int sourcesPage = stepCount + 2;
    QPainter painter;
    if (!painter.begin(&pdf)) return abandon(tr("cannot write %1: %2").arg(path, tr("the PDF could not be started")));
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setRenderHint(QPainter::TextAntialiasing, true);
    const PageContext context{painter, request, page, stepCount + 1 + int(sourcePages.size())};
    auto stop = [&] {
        painter.end();
        return abandon(cancelled);
    };

    paintTitlePage(context, sourcesPage);
    for (int s = 0; s < stepCount; ++s) {
        const int base = 2 + s * 94 / std::max(1, stepCount), span = std::max(1, 94 / std::max(1, stepCount));
        if (!step(base) || !pdf.newPage()) return stop();
        const double headingBottom = paintStepHeading(context, s, cited.byStep[s], sourcesPage, false);
        SnapshotComposer::Content content;
        content.title = request.briefing.steps[s].title.in(request.language);
        content.exportedAt = request.exportedAt;
        SnapshotComposer composer(*steps[s].state, content, 1.0);
        const QSizeF snapshot(page.width(), page.height() - headingBottom);
        const QRectF mapArea = composer.mapAreaFor(snapshot);
        if (steps[s].screenMap) {
            composer.setMapViewport(*steps[s].screenMap);
        } else if (const auto prepared = PreparedDataset::of(*steps[s].state)) {
            // No saved map: frame it on what the step is about, as the command line's snapshot does.
            const QSize mapPx(qRound(mapArea.width()), qRound(mapArea.height()));
            const int region = steps[s].state->selectedRegion();
            const auto &visible = steps[s].state->visibleEvents();
            composer.setMapViewport(
                region >= 0 ? MapFraming::frameRegion(*prepared, region, mapPx)
                            : MapFraming::frameEvents(*prepared, visible.empty() ? nullptr : &visible, mapPx));
        }
        painter.save();
        painter.translate(0, headingBottom);
        const bool painted =
            composer.paint(painter, snapshot, [&](int percent) { return step(base + percent * span / 100); })
                .has_value();
        painter.restore();
        if (!painted) return stop();
        paintStepHeading(context, s, cited.byStep[s], sourcesPage, true);
    }
    for (int k = 0; k < int(sourcePages.size()); ++k) {
        if (!step(96) || !pdf.newPage()) return stop();
        paintSourcesPage(context, cited, sourcePages[k], k > 0, sourcesPage + k);
    }
    if (!painter.end()) return abandon(tr("cannot write %1: %2").arg(path, tr("the PDF could not be finished")));
    if (!step(98)) return abandon(cancelled);
    if (const qint64 written = file.write(bytes); written != bytes.size())
        return abandon(tr("cannot write %1: %2 of %3 bytes written; is the disk full?")
                           .arg(path)
                           .arg(std::max<qint64>(written, 0))
                           .arg(bytes.size()));
    if (!file.commit()) return tr("cannot write %1: %2").arg(path, file.errorString());
    step(100);
    return {};
}

} // namespace chronomap
