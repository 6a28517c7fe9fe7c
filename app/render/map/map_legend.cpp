// SPDX-License-Identifier: GPL-3.0-or-later
#include "render/map/map_legend.h"

#include "render/category_style.h"
#include "render/map/event_layer_renderer.h"
#include "render/map/hexbin_layer.h"
#include "render/map/map_marks_clusterer.h"
#include "render/map/marker_sprites.h"
#include "render/map/sequential_ramp.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QLocale>
#include <QPainter>

#include <cmath>
#include <map>

namespace chronomap {

namespace {
QString tr(const char *text, const char *disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("MapLegend", text, disambiguation, n);
}
} // namespace

QString LegendHits::categoryAt(QPointF px) const
{
    for (const Entry &e : entries)
        if (e.rectPx.contains(px)) return e.category;
    return {};
}

QString MapLegend::styleName(const MarksDrawn &marks)
{
    QString name;
    switch (marks.style) {
    case MarkStyle::Auto:
    case MarkStyle::Markers:
        name = tr("Markers");
        break;
    case MarkStyle::Clusters:
        name = tr("Clusters");
        break;
    case MarkStyle::HexBins:
        name = tr("Hexagon bins");
        break;
    case MarkStyle::Heat:
        name = tr("Heat (event density)");
        break;
    }
    return marks.automatic ? tr("%1 (automatic)").arg(name) : name;
}

std::vector<int> MapLegend::clusterSizeCounts(const MarksDrawn &marks)
{
    std::vector<int> counts;
    if (marks.style != MarkStyle::Clusters || marks.clusterMaxCount < 2) return counts;
    const int maxCount = marks.clusterMaxCount;
    counts.push_back(maxCount);
    for (double share : {0.3, 0.1}) {
        // One significant digit (two from 10 to 99): 3,000 rather than 2,917.
        const double raw = maxCount * share;
        const double unit = std::pow(10.0, std::floor(std::log10(std::max(raw, 1.0))) - (raw >= 10 && raw < 100));
        const int count = int(std::lround(raw / unit) * unit);
        if (count >= 2 && count < counts.back() &&
            MapMarksClusterer::radiusOf(count, maxCount) > MapMarksClusterer::kMinRadiusPx)
            counts.push_back(count);
    }
    return counts;
}

QRectF MapLegend::render(QPainter &painter, const QRectF &area, const ViewState &state, LegendHits *hits,
                         const MarksDrawn *marks, const std::map<QString, qint64> *categoryCounts) const
{
    if (hits) *hits = LegendHits{};
    const auto dataset = state.dataset();
    if (!dataset || !dataset->events) return {};
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    QFont font = m_style.font;
    QFont bold = font;
    bold.setBold(true);
    const QFontMetricsF fm(font);
    const double row = fm.height() + 4, pad = 8;

    struct Row {
        QColor color;
        MarkerShape shape;
        bool isShape;
        QString label;
        QString category = {}; ///< for category rows
        bool hidden = false;
    };
    QList<Row> rows;
    QString title;
    if (state.mapMode() == MapMode::Choropleth) {
        const auto &figure = state.choroplethFigure();
        title = this->title(state);
        const QList<int> counts = regionShading(state);
        const int maxCount = counts.isEmpty() ? 0 : *std::max_element(counts.begin(), counts.end());
        const int classes = int(m_style.choroplethRamp.size());
        for (int c = 0; c < classes && maxCount > 0; ++c) {
            const int from = 1 + int(std::ceil(double(c) * maxCount / classes - 1e-9));
            const int to = int(double(c + 1) * maxCount / classes);
            if (to < from) continue;
            rows.append({m_style.choroplethRamp[c], MarkerShape::Square, false,
                         from == to ? QString::number(from) : QStringLiteral("%1–%2").arg(from).arg(to)});
        }
        if (maxCount == 0)
            rows.append({Qt::transparent, MarkerShape::Square, false,
                         figure ? tr("no %1 in the window").arg(figure->quantity()) : tr("no events in the window")});
    } else {
        title = this->title(state);
        std::map<QString, qint64> counts; // -1: hidden by the user
        if (categoryCounts) {
            for (const auto &[category, count] : *categoryCounts)
                if (count > 0) counts[category] = count;
        } else {
            // By category index first: a string lookup per event cost most of a frame at a million.
            const EventStore &store = *dataset->events;
            std::vector<int> byIndex(size_t(store.categories().size()) + 1, 0);
            for (EventStore::Index i : state.visibleEvents())
                ++byIndex[std::min<size_t>(store.categoryIndex(i), byIndex.size() - 1)];
            for (size_t k = 0; k < byIndex.size(); ++k)
                if (byIndex[k] > 0) counts[store.categories().value(qsizetype(k))] += byIndex[k];
        }
        if (m_listsHidden) {
            for (const QString &category : dataset->events->categories())
                if (state.hiddenCategories().contains(category)) counts[category] = -1;
            // Counted elsewhere (a table browsed live): the dataset holds no categories.
            if (categoryCounts)
                for (const QString &category : state.hiddenCategories())
                    counts[category] = -1;
        }
        for (const auto &[category, count] : counts) {
            if (count < 0)
                rows.append({QColor(0xb0, 0xb0, 0xb0), CategoryStyle::shape(category), true,
                             tr("%1 (hidden)").arg(CategoryStyle::label(category)), category, true});
            else
                rows.append({CategoryStyle::color(category), CategoryStyle::shape(category), true,
                             QStringLiteral("%1 (%2)").arg(CategoryStyle::label(category)).arg(count), category});
        }
        if (counts.empty()) rows.append({Qt::transparent, MarkerShape::Circle, false, tr("no events in the window")});
        // A style other than markers says which, with its scale.
        if (marks && marks->style != MarkStyle::Markers && !counts.empty()) {
            rows.append({Qt::transparent, MarkerShape::Circle, false, styleName(*marks)});
            if (marks->style == MarkStyle::HexBins && marks->binScale.maxCount > 0) {
                const CountScale &scale = marks->binScale;
                // By category: the colour is the categories' above, the opacity the count.
                if (marks->binsByCategory)
                    rows.append(
                        {Qt::transparent, MarkerShape::Square, false, tr("colour: each bin's most frequent category")});
                int last = -1;
                for (double p : {0.0, 1.0 / 3, 2.0 / 3, 1.0}) {
                    const int count = scale.countAt(p);
                    if (count == last) continue;
                    last = count;
                    rows.append({marks->binsByCategory
                                     ? HexBinLayer::categoryColourOf(QColor(0x55, 0x55, 0x55), count, scale)
                                     : viridis(scale.position(count)),
                                 MarkerShape::Square, false, tr("%n event(s) a bin", nullptr, count)});
                }
                if (scale.logarithmic) rows.append({Qt::transparent, MarkerShape::Square, false, tr("(logarithmic)")});
            } else if (marks->style == MarkStyle::Clusters && marks->clusterMaxCount > 1) {
                rows.append({Qt::transparent, MarkerShape::Circle, false, tr("circle area by count:")});
            } else if (marks->style == MarkStyle::Heat) {
                rows.append({viridis(0.15), MarkerShape::Square, false, tr("fewer events")});
                rows.append({viridis(1.0), MarkerShape::Square, false, tr("more events")});
            }
        }
    }

    // Clusters: nested reference circles, bottom-aligned, each labelled at its top.
    const std::vector<int> sizeCounts =
        marks && state.mapMode() != MapMode::Choropleth ? clusterSizeCounts(*marks) : std::vector<int>();
    const double maxRadius = MapMarksClusterer::kMaxRadiusPx;
    const double sizesHeight = sizeCounts.empty() ? 0 : 2 * maxRadius + 8;
    double width = QFontMetricsF(bold).horizontalAdvance(title);
    for (const Row &r : rows)
        width = std::max(width, 22 + fm.horizontalAdvance(r.label));
    for (int count : sizeCounts)
        width = std::max(width, 2 * maxRadius + 10 + fm.horizontalAdvance(QLocale().toString(count)));
    const QSizeF size(width + 2 * pad, row * (rows.size() + 1) + 2 * pad - 4 + sizesHeight);
    const QRectF box(QPointF(area.left() + 10, area.bottom() - 10 - size.height()), size);
    painter.setPen(QPen(QColor(0, 0, 0, 60), 1));
    painter.setBrush(QColor(255, 255, 255, 225));
    painter.drawRoundedRect(box, 4, 4);
    painter.setFont(bold);
    painter.setPen(m_style.label);
    painter.drawText(QRectF(box.topLeft() + QPointF(pad, pad), QSizeF(width, row)), Qt::AlignLeft | Qt::AlignVCenter,
                     title);
    painter.setFont(font);
    for (qsizetype k = 0; k < rows.size(); ++k) {
        const Row &r = rows[k];
        const QPointF origin = box.topLeft() + QPointF(pad, pad + row * double(k + 1));
        const QPointF centre = origin + QPointF(7, row / 2);
        if (r.color.alpha() > 0) {
            painter.setPen(r.isShape ? QPen(Qt::white, 1.2) : QPen(QColor(0, 0, 0, 60), 0.8));
            painter.setBrush(r.color);
            if (r.isShape)
                drawMarkerShape(painter, r.shape, centre, 6);
            else
                painter.drawRect(QRectF(centre - QPointF(6, 5), QSizeF(12, 10)));
        }
        painter.setPen(r.hidden ? QColor(0x88, 0x88, 0x88) : m_style.label);
        painter.drawText(QRectF(origin + QPointF(22, 0), QSizeF(width, row)), Qt::AlignLeft | Qt::AlignVCenter,
                         r.label);
        if (hits && !r.category.isEmpty())
            hits->entries.push_back({QRectF(origin, QSizeF(width, row)), r.category, r.hidden});
    }
    if (!sizeCounts.empty()) {
        const double bottom = box.top() + pad + row * double(rows.size() + 1) + 2 * maxRadius + 2;
        const double cx = box.left() + pad + maxRadius;
        for (int count : sizeCounts) {
            const double r = MapMarksClusterer::radiusOf(count, marks->clusterMaxCount);
            const QPointF centre(cx, bottom - r);
            painter.setPen(QPen(QColor(0x55, 0x55, 0x55), 1.0));
            painter.setBrush(QColor(255, 255, 255, 120));
            painter.drawEllipse(centre, r, r);
            // A leader from the circle's top to its count.
            const double top = bottom - 2 * r;
            const double labelX = cx + maxRadius + 6;
            painter.setPen(QPen(QColor(0x88, 0x88, 0x88), 0.8, Qt::DotLine));
            painter.drawLine(QPointF(cx, top), QPointF(labelX - 2, top));
            painter.setPen(m_style.label);
            painter.drawText(QRectF(labelX, top - row / 2, width, row), Qt::AlignLeft | Qt::AlignVCenter,
                             QLocale().toString(count));
            if (hits) hits->sizeCircles.push_back({centre, r, count});
        }
    }
    if (hits) hits->boxPx = box;
    painter.restore();
    return box;
}

namespace {

QFont attributionFont(const MapStyle &style)
{
    QFont font = style.font;
    font.setPointSizeF(7.5);
    return font;
}

} // namespace

QString MapLegend::attributionText()
{
    return tr("Made with Natural Earth");
}

QRectF MapLegend::attributionRect(const QRectF &area) const
{
    const QFontMetricsF fm(attributionFont(m_style));
    const QSizeF size(fm.horizontalAdvance(attributionText()) + 12, fm.height() + 6);
    return QRectF(area.bottomRight() - QPointF(size.width(), size.height()), size);
}

void MapLegend::renderAttribution(QPainter &painter, const QRectF &area) const
{
    painter.save();
    painter.setFont(attributionFont(m_style));
    const QRectF box = attributionRect(area);
    painter.fillRect(box, QColor(255, 255, 255, 190));
    painter.setPen(QColor(0x44, 0x44, 0x44));
    painter.drawText(box, Qt::AlignCenter, attributionText());
    painter.restore();
}

QString MapLegend::title(const ViewState &state) const
{
    if (state.mapMode() != MapMode::Choropleth) return tr("Categories");
    if (const auto &figure = state.choroplethFigure()) return tr("Sum of %1 per region").arg(figure->quantity());
    return tr("Events per region");
}

} // namespace chronomap
