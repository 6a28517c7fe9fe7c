// SPDX-License-Identifier: GPL-3.0-or-later
#include "render/snapshot/snapshot_composer.h"

#include "core/geo/region_index.h"
#include "core/model/record_json.h"
#include "render/map/projected_base_map.h"
#include "render/value_labels.h"
#include "render/vector_unit_state.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QFontMetricsF>
#include <QHash>
#include <QLocale>
#include <QPainter>
#include <QTimeZone>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <map>
#include <thread>

namespace chronomap {

namespace {

QString tr(const char *text, const char *disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("SnapshotComposer", text, disambiguation, n);
}

constexpr int kMinBandRows = 256;            // smaller snapshots draw their base map on one thread
constexpr int kBandOverlapRows = 64;         // device rows the lower band starts above the upper band's end
constexpr double kPadPx = 16;                // outer margin, logical px
constexpr int kMaxSourceLines = 3;           // the footnote never grows past this
constexpr size_t kMaxEventsScanned = 20'000; // sources of a huge selection come from a prefix
const QString kSeparator = QStringLiteral(" · ");

QFont styleFont(const MapStyle &style, double pointSize, bool bold = false)
{
    QFont font = style.font;
    font.setPointSizeF(pointSize);
    font.setBold(bold);
    return font;
}

bool isMidnight(qint64 ms)
{
    return ms % (24 * 3600 * 1000) == 0;
}

// Window ends beyond years 1..9999 are open ends (the command line's --from without --to).
const qint64 kOpenFromMs = QDateTime(QDate(1, 1, 1), QTime(0, 0), QTimeZone::utc()).toMSecsSinceEpoch();
const qint64 kOpenToMs = QDateTime(QDate(9999, 12, 31), QTime(0, 0), QTimeZone::utc()).toMSecsSinceEpoch();

} // namespace

SnapshotComposer::SnapshotComposer(const ViewState &state, Content content, double devicePixelRatio)
    : m_state(state), m_content(std::move(content)), m_style(MapStyle::standard()), m_data(PreparedDataset::of(state))
{
    if (m_data && m_data->projectedBaseMap())
        m_scene = std::make_unique<MapScene>(m_data->projectedBaseMap(),
                                             MapScene::Options{.style = m_style, .devicePixelRatio = devicePixelRatio});
}

SnapshotComposer::~SnapshotComposer() = default;

QString SnapshotComposer::title() const
{
    if (!m_content.title.trimmed().isEmpty()) return m_content.title.trimmed();
    const auto dataset = m_state.dataset();
    return dataset && !dataset->files.isEmpty() ? dataset->fileNames() : tr("Chronomap");
}

Viewport SnapshotComposer::mapViewportFor(const QSizeF &logicalSize) const
{
    const QSize size(std::max(1, qRound(logicalSize.width())), std::max(1, qRound(logicalSize.height())));
    Viewport viewport(m_content.mapViewport.centreMercatorM(), m_content.mapViewport.metresPerPixel(), size);
    viewport.fit(m_content.mapViewport.visibleMercatorRect(), 0);
    return viewport;
}

QString SnapshotComposer::windowText(const TimeWindow &window) const
{
    const QLocale locale(m_state.language() == u"es" ? QLocale::Spanish : QLocale::English);
    const bool openFrom = window.fromMs <= kOpenFromMs, openTo = window.toMs >= kOpenToMs;
    const bool wholeDays = (openFrom || isMidnight(window.fromMs)) && (openTo || isMidnight(window.toMs));
    auto format = [&](qint64 ms) {
        const QDateTime dt = QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc());
        return wholeDays ? locale.toString(dt.date(), QStringLiteral("d MMM yyyy"))
                         : locale.toString(dt, QStringLiteral("d MMM yyyy HH:mm")) + QStringLiteral(" UTC");
    };
    const QString from = openFrom ? QStringLiteral("…") : format(window.fromMs);
    // The window is half-open: its last whole day is the day before `to`.
    const QString to = openTo ? QStringLiteral("…") : format(wholeDays ? window.toMs - 24 * 3600 * 1000 : window.toMs);
    return from == to ? from : from + QStringLiteral(" – ") + to;
}

QString SnapshotComposer::headerLine() const
{
    const auto dataset = m_state.dataset();
    if (!dataset || !dataset->events) return tr("No data");
    const EventStore &store = *dataset->events;
    const auto &visible = m_state.visibleEvents();
    QStringList parts;
    if (const auto window = m_state.timeWindow()) {
        parts.append(tr("Time window: %1").arg(windowText(*window)) +
                     (m_state.windowMatch() == WindowMatch::Certainly ? tr(" (events certainly in it)") : QString()));
    } else if (!visible.empty()) {
        qint64 latestEnd = std::numeric_limits<qint64>::min();
        for (EventStore::Index i : visible)
            latestEnd = std::max(latestEnd, store.when(i).latestEndMs());
        const qint64 first = store.when(visible.front()).earliestMs();
        parts.append(tr("All dates: %1").arg(windowText({first, latestEnd})));
    } else {
        parts.append(tr("All dates"));
    }
    const int regionIndex = m_state.selectedRegion();
    if (regionIndex >= 0 && dataset->baseMap && regionIndex < dataset->baseMap->regions->regions().size() &&
        dataset->membership) {
        // Say which count is which: the region's share of the events shown, then (when filters
        // narrow them) the events shown among the dataset's.
        const AreaFeature &region = dataset->baseMap->regions->regions()[regionIndex];
        EventStore::IndexList inRegion = dataset->membership->eventsIn(regionIndex);
        std::sort(inRegion.begin(), inRegion.end());
        const auto shownInRegion = std::count_if(visible.begin(), visible.end(), [&](EventStore::Index i) {
            return std::binary_search(inRegion.begin(), inRegion.end(), i);
        });
        parts.append(tr("%1 of %2 events in %3 (%4)")
                         .arg(shownInRegion)
                         .arg(visible.size())
                         .arg(localized(region.name, m_state.language()), region.code));
        if (visible.size() != size_t(store.size()))
            parts.append(tr("%1 of %2 events shown").arg(visible.size()).arg(store.size()));
    } else {
        parts.append(visible.size() == size_t(store.size())
                         ? tr("%n event(s)", nullptr, int(visible.size()))
                         : tr("%1 of %2 events").arg(visible.size()).arg(store.size()));
    }
    if (!m_state.hiddenCategories().isEmpty()) {
        QStringList hidden;
        for (const QString &c : m_state.hiddenCategories())
            hidden.append(CategoryStyle::label(c));
        std::sort(hidden.begin(), hidden.end());
        parts.append(tr("Hidden: %1").arg(hidden.join(QStringLiteral(", "))));
    }
    // The other filters, so a snapshot says why it shows fewer events.
    if (const QString search = m_state.searchText().simplified(); !search.isEmpty())
        parts.append(tr("Search: “%1”").arg(search));
    if (!m_state.hiddenConfidences().isEmpty()) {
        QStringList hidden;
        for (Confidence c : m_state.hiddenConfidences())
            hidden.append(ValueLabels::confidence(c).toLower());
        std::sort(hidden.begin(), hidden.end());
        parts.append(tr("Hidden confidence: %1").arg(hidden.join(QStringLiteral(", "))));
    }
    if (!m_state.hiddenProvenances().isEmpty()) {
        QStringList hidden;
        for (const QString &p : m_state.hiddenProvenances())
            hidden.append(ValueLabels::provenance(p).toLower());
        std::sort(hidden.begin(), hidden.end());
        parts.append(tr("Hidden provenance: %1").arg(hidden.join(QStringLiteral(", "))));
    }
    const EventStore::Index selected = m_state.selectedEvent();
    if (selected >= 0 && selected < store.size())
        parts.append(
            tr("Selected: %1 %2").arg(store.when(selected).start().toIso(), store.title(selected, m_state.language())));
    return parts.join(kSeparator);
}

QList<std::pair<QString, int>> SnapshotComposer::sourcesShown() const
{
    // Asked for by the layout and again by the painting: counted once per state.
    if (m_sourcesShown && m_sourcesShown->first == m_state.revision()) return m_sourcesShown->second;
    QList<std::pair<QString, int>> result;
    const auto dataset = m_state.dataset();
    if (!dataset || !dataset->events) return result;
    std::map<QString, int> counts;
    EventStore::IndexList soFar;
    const auto window = m_state.timeWindow();
    if (m_content.sourcesSinceMs && window && *m_content.sourcesSinceMs < window->toMs) {
        // An animation's frame: every event the clip has shown up to this frame's window's end.
        EventFilter filter = m_state.filter();
        filter.window = TimeWindow{std::min(*m_content.sourcesSinceMs, window->fromMs), window->toMs};
        soFar = filter.apply(*dataset->events);
    }
    const auto &visible = m_content.sourcesSinceMs && window ? soFar : m_state.visibleEvents();
    // Thousands of records cite a few sources: each distinct stored source is decoded once (a
    // JSON parse per source and record took a tenth of an export's drawing), its name numbered.
    QHash<QByteArray, int> nameOfSource; // stored source → its name's number, -1 for none
    QHash<QString, int> numberOfName;
    QStringList names;
    std::vector<int> eventsNaming; // per name's number
    // The counts do not depend on the order the events are read in: the store's is sequential.
    const EventStore::IndexList scanned = dataset->events->inStoredOrder(EventStore::IndexList(
        visible.begin(), visible.begin() + qsizetype(std::min(visible.size(), kMaxEventsScanned))));
    for (const EventStore::Index event : scanned) {
        QVarLengthArray<int, 4> named; // each name counts once per event
        for (const QByteArrayView source : dataset->events->rawSources(event)) {
            auto found = nameOfSource.constFind(QByteArray::fromRawData(source.data(), source.size()));
            if (found == nameOfSource.constEnd()) {
                const QString name = RecordJson::sourceFromCompact(source).name.trimmed();
                int number = name.isEmpty() ? -1 : numberOfName.value(name, -1);
                if (!name.isEmpty() && number < 0) {
                    number = int(names.size());
                    numberOfName.insert(name, number);
                    names.append(name);
                    eventsNaming.push_back(0);
                }
                found = nameOfSource.insert(source.toByteArray(), number);
            }
            if (*found >= 0 && !named.contains(*found)) named.append(*found);
        }
        for (const int number : named)
            ++eventsNaming[size_t(number)];
    }
    for (qsizetype n = 0; n < names.size(); ++n)
        counts[names[n]] = eventsNaming[size_t(n)];
    for (const auto &[name, count] : counts)
        result.append({name, count});
    std::stable_sort(result.begin(), result.end(), [](const auto &a, const auto &b) { return a.second > b.second; });
    m_sourcesShown.emplace(m_state.revision(), result);
    return result;
}

QStringList SnapshotComposer::footerLines(double widthPx, const QFont &font) const
{
    const QFontMetricsF fm(font);
    const auto sources = sourcesShown();
    QStringList lines;
    QString line = m_content.sourcesSinceMs ? (sources.isEmpty() ? tr("Sources: none named by the events shown so far.")
                                                                 : tr("Sources of the events shown so far:"))
                                            : (sources.isEmpty() ? tr("Sources: none named by the events shown.")
                                                                 : tr("Sources of the events shown:"));
    for (qsizetype k = 0; k < sources.size(); ++k) {
        const QString item = QStringLiteral("%1 (%2)").arg(sources[k].first).arg(sources[k].second);
        const QString candidate = line + (line.endsWith(u':') ? QStringLiteral(" ") : kSeparator) + item;
        if (fm.horizontalAdvance(candidate) <= widthPx) {
            line = candidate;
            continue;
        }
        if (lines.size() + 1 == kMaxSourceLines) {
            // Last line: say how many did not fit instead of cutting a name in half.
            const QString more = tr("and %n more", nullptr, int(sources.size() - k));
            while (fm.horizontalAdvance(line + kSeparator + more) > widthPx && line.contains(kSeparator))
                line.truncate(line.lastIndexOf(kSeparator));
            line += kSeparator + more;
            break;
        }
        lines.append(line);
        line = item;
    }
    lines.append(line);
    // An animation's footer grows as sources accumulate: room for its longest from the first
    // frame on, so the map keeps its size and place through the clip (the blank lines go above).
    while (m_content.sourcesSinceMs && lines.size() < kMaxSourceLines)
        lines.prepend(QString());

    const auto dataset = m_state.dataset();
    QStringList credits{tr("Base map: Made with Natural Earth")};
    if (dataset && !dataset->files.isEmpty()) credits.append(tr("Data: %1").arg(dataset->fileNames()));
    credits.append(tr("Exported %1 UTC with Chronomap %2")
                       .arg(m_content.exportedAt.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                            QStringLiteral(CHRONOMAP_VERSION)));
    lines.append(fm.elidedText(credits.join(kSeparator), Qt::ElideMiddle, widthPx));
    return lines;
}

SnapshotComposer::Layout SnapshotComposer::layoutFor(const QSizeF &size, const QStringList &footerLines,
                                                     double footerLineHeight) const
{
    Layout layout;
    const QFontMetricsF titleFm(styleFont(m_style, 15, true)), lineFm(styleFont(m_style, 9.5));
    const double width = size.width() - 2 * kPadPx;
    // The header line wraps to a second line at most (then it is clipped).
    const double wrappedPx = lineFm.boundingRect(QRectF(0, 0, width, 1e6), Qt::TextWordWrap, headerLine()).height();
    const int headerLines = std::clamp(int(std::ceil(wrappedPx / lineFm.lineSpacing() - 0.01)), 1, 2);
    const double lineHeight = headerLines * lineFm.lineSpacing();
    layout.header = QRectF(kPadPx, kPadPx * 0.75, width, titleFm.height() + 4 + lineHeight);
    layout.footer = QRectF(kPadPx, 0, width, footerLines.size() * footerLineHeight);
    layout.footer.moveBottom(size.height() - kPadPx * 0.6);
    const double top = layout.header.bottom() + kPadPx * 0.6, bottom = layout.footer.top() - kPadPx * 0.6;
    const double available = std::max(0.0, bottom - top);
    const double timelineHeight = std::clamp(available * 0.26, std::min(90.0, available * 0.4), 300.0);
    layout.timeline = QRectF(kPadPx, bottom - timelineHeight, width, timelineHeight);
    layout.map = QRectF(kPadPx, top, width, std::max(0.0, available - timelineHeight - kPadPx * 0.5));
    return layout;
}

QRectF SnapshotComposer::mapAreaFor(const QSizeF &logicalSize) const
{
    const QFont footerFont = styleFont(m_style, 8);
    return layoutFor(logicalSize, footerLines(logicalSize.width() - 2 * kPadPx, footerFont),
                     QFontMetricsF(footerFont).lineSpacing() + 1)
        .map;
}

std::optional<SnapshotComposer::Layout> SnapshotComposer::paint(QPainter &painter, const QSizeF &logicalSize,
                                                                const Progress &progress) const
{
    auto step = [&](int percent) { return !progress || progress(percent); };
    if (!step(0)) return std::nullopt;
    const QFont footerFont = styleFont(m_style, 8);
    const QStringList footer = footerLines(logicalSize.width() - 2 * kPadPx, footerFont);
    Layout layout = layoutFor(logicalSize, footer, QFontMetricsF(footerFont).lineSpacing() + 1);

    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setRenderHint(QPainter::TextAntialiasing, true);
    painter.setRenderHint(QPainter::SmoothPixmapTransform, true);
    painter.fillRect(QRectF(QPointF(0, 0), logicalSize), Qt::white);

    bool stopped = false;
    layout.legend = paintMap(painter, layout.map, progress, &stopped);
    if (stopped || !step(70)) {
        painter.restore();
        return std::nullopt;
    }
    // Paper over whatever of the map fell outside its frame: Qt 6.4's SVG generator ignores
    // clipping, so coasts would run across the header and the timeline.
    const QRectF page(QPointF(0, 0), logicalSize), map = layout.map.adjusted(-1, -1, 1, 1);
    for (const QRectF &margin : {QRectF(page.topLeft(), QPointF(page.right(), map.top())),
                                 QRectF(QPointF(page.left(), map.bottom()), page.bottomRight()),
                                 QRectF(QPointF(page.left(), map.top()), QPointF(map.left(), map.bottom())),
                                 QRectF(QPointF(map.right(), map.top()), QPointF(page.right(), map.bottom()))})
        painter.fillRect(margin, Qt::white);
    paintHeader(painter, layout.header);
    paintTimeline(painter, layout.timeline);
    if (!step(80)) {
        painter.restore();
        return std::nullopt;
    }
    paintFooter(painter, layout.footer, footer);
    painter.restore();
    if (!step(85)) return std::nullopt;
    return layout;
}

void SnapshotComposer::paintHeader(QPainter &painter, const QRectF &area) const
{
    const QFont titleFont = styleFont(m_style, 15, true), lineFont = styleFont(m_style, 9.5);
    const QFontMetricsF titleFm(titleFont);
    painter.setPen(m_style.label);
    painter.setFont(titleFont);
    painter.drawText(QRectF(area.topLeft(), QSizeF(area.width(), titleFm.height())), Qt::AlignLeft | Qt::AlignVCenter,
                     titleFm.elidedText(title(), Qt::ElideRight, area.width()));
    painter.setFont(lineFont);
    painter.setPen(QColor(0x55, 0x55, 0x55));
    const QRectF lines(area.left(), area.top() + titleFm.height() + 4, area.width(),
                       area.bottom() - area.top() - titleFm.height() - 4);
    painter.save();
    painter.setClipRect(lines);
    painter.drawText(lines, Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, headerLine());
    painter.restore();
}

QRectF SnapshotComposer::paintMap(QPainter &painter, const QRectF &area, const Progress &progress, bool *stopped) const
{
    auto step = [&](int percent) {
        *stopped = *stopped || (progress && !progress(percent));
        return !*stopped;
    };
    if (area.width() < 1 || area.height() < 1) return {};
    const Viewport viewport = mapViewportFor(area.size());
    const QRectF local(QPointF(0, 0), viewport.sizePx());
    QRectF legend;
    painter.save();
    painter.translate(area.topLeft());
    painter.setClipRect(local);
    if (!m_scene) {
        painter.fillRect(local, m_style.sea);
        painter.setPen(m_style.label);
        painter.drawText(local, Qt::AlignCenter, tr("No base map"));
    } else {
        // The window's scene, group by group so a cancel is heard between them.
        const MapFrame frame{*m_data, m_state, viewport};
        MapFrameResult drawn;
        const double dpr = painter.device() ? painter.device()->devicePixelRatioF() : 1.0;
        if (m_cachesBaseMap && painter.device() && painter.device()->devType() == QInternal::Image) {
            const QSize cachePx = (QSizeF(viewport.sizePx()) * dpr).toSize();
            if (m_baseMapCache.size() != cachePx || m_baseMapCacheRect != viewport.visibleMercatorRect() ||
                m_baseMapCacheLanguage != m_state.language()) {
                m_baseMapCache = QImage(cachePx, QImage::Format_RGB32);
                m_baseMapCache.setDevicePixelRatio(dpr);
                m_baseMapCache.fill(Qt::white);
                QPainter cache(&m_baseMapCache);
                cache.setRenderHints(painter.renderHints());
                MapFrameResult ignored;
                m_scene->paintGroup(MapScene::Group::BaseMap, cache, frame, ignored);
                m_baseMapCacheRect = viewport.visibleMercatorRect();
                m_baseMapCacheLanguage = m_state.language();
            }
            painter.drawImage(QPointF(0, 0), m_baseMapCache);
        } else if (!paintBaseMapInBands(painter, frame)) {
            m_scene->paintGroup(MapScene::Group::BaseMap, painter, frame, drawn);
        }
        if (step(35)) m_scene->paintGroup(MapScene::Group::Events, painter, frame, drawn);
        drawn.labelObstacles = drawn.hits.labelObstacles();
        drawn.marks = drawn.hits.marks;
        if (step(50)) {
            m_scene->paintGroup(MapScene::Group::Overlays, painter, frame, drawn);
            legend = drawn.legendRect.translated(area.topLeft());
        }
    }
    painter.setClipping(false);
    painter.setPen(QPen(QColor(0, 0, 0, 90), 1));
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(local);
    painter.restore();
    return legend;
}

bool SnapshotComposer::paintBaseMapInBands(QPainter &painter, const MapFrame &frame) const
{
    // A large raster snapshot's base map (a 4K one: a fifth of a second of line stroking) is
    // drawn by two threads: another one straight into the image's lower rows, this one into a
    // copy of the upper rows, each painter as this one moved up by its first row (whole device
    // pixels, so the lines fall on the same pixels) and clipped as this one. Qt's hairline
    // stroker cuts a line at an image's edge and may then shade the pixels next to the cut one
    // level apart: the lower band starts kBandOverlapRows higher than the upper band's end, and
    // replaces its last rows; the upper band starts kBandOverlapRows above the map's frame, so
    // that its first rows, outside the clip, are never drawn.
    if (!m_baseMapInBands || !painter.device() || painter.device()->devType() != QInternal::Image ||
        !painter.hasClipping())
        return false;
    auto *image = static_cast<QImage *>(painter.device());
    const double dpr = image->devicePixelRatio();
    if (image->height() < 2 * kMinBandRows || dpr != std::round(dpr) || image->format() != QImage::Format_RGB32)
        return false;
    const QTransform world = painter.worldTransform();
    const QRectF clip = painter.clipBoundingRect(); // the map's frame, in the painter's logical coordinates
    const auto whole = [dpr](int rows) { return int(std::round(rows / dpr) * dpr); }; // whole logical rows
    // Split the map's frame, not the image, in two: the title above it and the timeline below
    // it hold no base map, and halving the image gave the upper band about twice the work.
    const QRectF frameRows = world.mapRect(clip);
    const double frameMiddle = (frameRows.top() + frameRows.bottom()) / 2 * dpr;
    const int splitRow = whole(std::clamp(int(frameMiddle), kMinBandRows, image->height() - kMinBandRows));
    const int lowerFirst = whole(splitRow - kBandOverlapRows);
    const int upperFirst = std::max(0, whole(int(std::floor(frameRows.top() * dpr)) - 2 * kBandOverlapRows));
    if (upperFirst >= lowerFirst) return false;
    const auto paintBand = [&](QImage &band, int firstRow) {
        band.setDevicePixelRatio(dpr);
        band.setDotsPerMeterX(image->dotsPerMeterX());
        band.setDotsPerMeterY(image->dotsPerMeterY());
        QPainter p(&band);
        p.setRenderHints(painter.renderHints());
        p.setWorldTransform(world * QTransform::fromTranslate(0, -firstRow / dpr));
        p.setClipRect(clip);
        MapFrameResult ignored;
        m_scene->paintGroup(MapScene::Group::BaseMap, p, frame, ignored);
    };
    // The upper band starts as what the image holds there, and its rows above the lower band's
    // replacement are copied back (whole rows: whatever was drawn beside the map before it must
    // come back unchanged). The lower band needs no copy: the image's own rows, painted in place.
    // (It was the lower band that was copied, and copied back: 21 MB of fresh memory at 4K.)
    QImage upper(image->width(), splitRow - upperFirst, image->format());
    if (upper.isNull()) return false;
    uchar *bits = image->bits(); // detaches, if ever, here: before the threads
    const qsizetype bytesPerLine = image->bytesPerLine();
    const size_t rowBytes = size_t(std::min(bytesPerLine, upper.bytesPerLine()));
    const auto copyRows = [&](int from, int to, bool intoUpper) {
        for (int y = from; y < to; ++y) {
            uchar *row = bits + qsizetype(y) * bytesPerLine;
            uchar *band = upper.scanLine(y - upperFirst);
            std::memcpy(intoUpper ? band : row, intoUpper ? row : band, rowBytes);
        }
    };
    copyRows(upperFirst, splitRow, true); // before the lower band paints the rows they share
    QImage lower(bits + qsizetype(lowerFirst) * bytesPerLine, image->width(), image->height() - lowerFirst,
                 bytesPerLine, image->format());
    std::thread lowerThread([&] { paintBand(lower, lowerFirst); });
    paintBand(upper, upperFirst);
    lowerThread.join();
    copyRows(upperFirst, whole(splitRow - kBandOverlapRows / 2), false);
    return true;
}

TimeAxis SnapshotComposer::timelineAxis(double widthPx) const
{
    TimeAxis axis(TimeWindow{0, 1}, std::max(1.0, widthPx));
    if (m_content.timelineRange && m_content.timelineRange->isValid()) {
        axis.setRange(*m_content.timelineRange);
        return axis;
    }
    // The data's extent closes the open ends of a window (--from without --to).
    const auto dataset = m_state.dataset();
    TimeWindow extent{0, 1};
    if (dataset && dataset->events && !dataset->events->isEmpty()) extent = dataset->events->extent();
    if (const auto window = m_state.timeWindow()) {
        TimeWindow shown = *window;
        if (shown.fromMs <= kOpenFromMs) shown.fromMs = std::min(extent.fromMs, shown.toMs - 1);
        if (shown.toMs >= kOpenToMs) shown.toMs = std::max(extent.toMs, shown.fromMs + 1);
        axis.fit(shown, 0.05);
        return axis;
    }
    const auto &visible = m_state.visibleEvents();
    if (!visible.empty()) {
        const EventStore &store = *dataset->events;
        qint64 latestEnd = std::numeric_limits<qint64>::min();
        for (EventStore::Index i : visible)
            latestEnd = std::max(latestEnd, store.when(i).latestEndMs());
        extent = TimeWindow{store.when(visible.front()).earliestMs(), latestEnd};
    }
    axis.fit(extent, 0.03);
    return axis;
}

void SnapshotComposer::paintTimeline(QPainter &painter, const QRectF &area) const
{
    if (area.height() < 1 || area.width() < 1) return;
    painter.save();
    painter.setClipRect(area);
    clearUpperVectorState();
    m_timeline.render(painter, area, timelineAxis(area.width()), m_state);
    painter.setClipping(false);
    painter.setPen(QPen(QColor(0, 0, 0, 90), 1));
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(area);
    painter.restore();
}

void SnapshotComposer::paintFooter(QPainter &painter, const QRectF &area, const QStringList &lines) const
{
    const QFont font = styleFont(m_style, 8);
    const double lineHeight = QFontMetricsF(font).lineSpacing() + 1;
    painter.setFont(font);
    for (qsizetype k = 0; k < lines.size(); ++k) {
        painter.setPen(k + 1 == lines.size() ? QColor(0x66, 0x66, 0x66) : m_style.label);
        painter.drawText(QRectF(area.left(), area.top() + k * lineHeight, area.width(), lineHeight),
                         Qt::AlignLeft | Qt::AlignVCenter, lines[k]);
    }
}

} // namespace chronomap
