// SPDX-License-Identifier: GPL-3.0-or-later
#include "render/map/map_legend.h"

#include "render/category_style.h"
#include "render/map/event_layer_renderer.h"
#include "render/map/marker_sprites.h"
#include "render/map/sequential_ramp.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QPainter>

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

QRectF MapLegend::render(QPainter &painter, const QRectF &area, const ViewState &state, LegendHits *hits,
                         const MarksDrawn *marks) const
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
        std::map<QString, int> counts; // -1: hidden by the user
        for (EventStore::Index i : state.visibleEvents())
            ++counts[dataset->events->category(i)];
        if (m_listsHidden)
            for (const QString &category : dataset->events->categories())
                if (state.hiddenCategories().contains(category)) counts[category] = -1;
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
                int last = -1;
                for (double p : {0.0, 1.0 / 3, 2.0 / 3, 1.0}) {
                    const int count = scale.countAt(p);
                    if (count == last) continue;
                    last = count;
                    rows.append({viridis(scale.position(count)), MarkerShape::Square, false,
                                 tr("%n event(s) a bin", nullptr, count)});
                }
                if (scale.logarithmic) rows.append({Qt::transparent, MarkerShape::Square, false, tr("(logarithmic)")});
            } else if (marks->style == MarkStyle::Clusters && marks->clusterMaxCount > 1) {
                rows.append({Qt::transparent, MarkerShape::Circle, false,
                             tr("circle area by count, largest %n event(s)", nullptr, marks->clusterMaxCount)});
            } else if (marks->style == MarkStyle::Heat) {
                rows.append({viridis(0.15), MarkerShape::Square, false, tr("fewer events")});
                rows.append({viridis(1.0), MarkerShape::Square, false, tr("more events")});
            }
        }
    }

    double width = QFontMetricsF(bold).horizontalAdvance(title);
    for (const Row &r : rows)
        width = std::max(width, 22 + fm.horizontalAdvance(r.label));
    const QSizeF size(width + 2 * pad, row * (rows.size() + 1) + 2 * pad - 4);
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
    if (hits) hits->boxPx = box;
    painter.restore();
    return box;
}

void MapLegend::renderAttribution(QPainter &painter, const QRectF &area) const
{
    painter.save();
    QFont font = m_style.font;
    font.setPointSizeF(7.5);
    painter.setFont(font);
    const QString text = tr("Made with Natural Earth");
    const QFontMetricsF fm(font);
    const QRectF box(area.bottomRight() - QPointF(fm.horizontalAdvance(text) + 12, fm.height() + 6),
                     QSizeF(fm.horizontalAdvance(text) + 12, fm.height() + 6));
    painter.fillRect(box, QColor(255, 255, 255, 190));
    painter.setPen(QColor(0x44, 0x44, 0x44));
    painter.drawText(box, Qt::AlignCenter, text);
    painter.restore();
}

QString MapLegend::title(const ViewState &state) const
{
    if (state.mapMode() != MapMode::Choropleth) return tr("Categories");
    if (const auto &figure = state.choroplethFigure()) return tr("Sum of %1 per region").arg(figure->quantity());
    return tr("Events per region");
}

} // namespace chronomap
