// SPDX-License-Identifier: GPL-3.0-or-later
#include "render/map/cluster_layer.h"

#include "render/category_style.h"
#include "core/view/view_state.h"
#include "render/map/device_blitter.h"

#include <QPainter>

#include <algorithm>
#include <cmath>

namespace chronomap {

ClusterLayer::ClusterLayer(const MapStyle &style, double devicePixelRatio)
    : m_style(style), m_sprites(devicePixelRatio), m_devicePixelRatio(devicePixelRatio)
{}

const QImage &ClusterLayer::clusterLabel(int count) const
{
    if (const auto it = m_clusterLabels.constFind(count); it != m_clusterLabels.constEnd()) return *it;
    const QString text = count < 1000    ? QString::number(count)
                         : count < 10000 ? QString::number(count / 1000.0, 'f', 1) + u'k'
                                         : QString::number(count / 1000) + u'k';
    QFont font = m_style.font;
    font.setPointSizeF(7.5);
    font.setBold(true);
    const QSizeF box(8 + 6.5 * text.size(), 13);
    QImage image((box * m_devicePixelRatio).toSize() + QSize(1, 1), QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(m_devicePixelRatio);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::TextAntialiasing, true);
    painter.setFont(font);
    painter.setPen(QColor(0x22, 0x22, 0x22));
    painter.drawText(QRectF(QPointF(0, 0), box), Qt::AlignCenter, text);
    painter.end();
    return *m_clusterLabels.insert(count, image);
}

const QImage &ClusterLayer::clusterSprite(const MarkGroup &g, const std::vector<QColor> &colourOf) const
{
    // Made once per radius (to a quarter pixel) and ring (its first four categories' shares to a
    // 48th of the circle): a circle with a ring of arcs costs ~50x the image.
    constexpr int kSteps = 48;
    QByteArray key;
    key.append(char(std::lround(g.radiusPx * 4)));
    std::vector<std::pair<int, int>> arcs; // (colour index or -1 for the rest, steps)
    int shown = 0, stepsDrawn = 0, countDrawn = 0;
    for (const auto &[category, count] : g.categories) {
        const bool rest = shown == 4;
        countDrawn += rest ? g.count - countDrawn : count;
        const int upTo = int(std::lround(double(kSteps) * countDrawn / g.count));
        if (upTo > stepsDrawn)
            arcs.emplace_back(rest ? -1 : int(std::min<size_t>(category, colourOf.size() - 1)), upTo - stepsDrawn);
        stepsDrawn = upTo;
        if (rest) break;
        ++shown;
    }
    for (const auto &[colour, steps] : arcs) {
        key.append(char(colour & 0xff)).append(char((colour >> 8) & 0xff));
        key.append(char(steps));
    }
    if (const auto it = m_clusterSprites.constFind(key); it != m_clusterSprites.constEnd()) return *it;

    const double r = g.radiusPx, ring = std::max(2.5, r * 0.28);
    const QSizeF logical(2 * r + 2, 2 * r + 2);
    QImage image((logical * m_devicePixelRatio).toSize() + QSize(1, 1), QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(m_devicePixelRatio);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing, true);
    const QPointF centre(r + 1, r + 1);
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor(255, 255, 255, 225));
    painter.drawEllipse(centre, r, r);
    // The ring split by category, the largest share from twelve o'clock clockwise; shares past
    // the fourth share one grey arc.
    const QRectF arcRect(centre - QPointF(r - ring / 2, r - ring / 2), QSizeF(2 * r - ring, 2 * r - ring));
    int start = 90 * 16;
    for (const auto &[colour, steps] : arcs) {
        const int span = -360 * 16 * steps / kSteps;
        painter.setPen(
            QPen(colour < 0 ? QColor(0x88, 0x88, 0x88) : colourOf[size_t(colour)], ring, Qt::SolidLine, Qt::FlatCap));
        painter.drawArc(arcRect, start, span);
        start += span;
    }
    painter.setPen(QPen(QColor(0, 0, 0, 70), 0.8));
    painter.setBrush(Qt::NoBrush);
    painter.drawEllipse(centre, r, r);
    painter.end();
    return *m_clusterSprites.insert(key, image);
}

void ClusterLayer::render(QPainter &painter, const MapFrame &frame, MapHits &hits) const
{
    const EventStore &store = *frame.data.events;
    const QStringList &categories = store.categories();
    std::vector<QColor> colourOf(size_t(categories.size()) + 1, QColor(0x88, 0x88, 0x88));
    for (qsizetype k = 0; k < categories.size(); ++k)
        colourOf[size_t(k)] = CategoryStyle::color(categories[k]);
    const double spriteRadius = m_sprites.radiusPx();
    // The largest first, so a small neighbour's edge is never under a large one's (they do not
    // overlap, but antialiased edges touch).
    std::vector<const MarkGroup *> order;
    order.reserve(hits.groups.size());
    for (const MarkGroup &g : hits.groups)
        order.push_back(&g);
    std::stable_sort(order.begin(), order.end(), [](auto *a, auto *b) { return a->count > b->count; });
    if (m_clusterSprites.size() > kMaxClusterSprites) m_clusterSprites.clear();
    DeviceBlitter blitter(painter, m_devicePixelRatio);
    for (const MarkGroup *g : order) {
        if (g->count == 1 && !g->events.empty()) {
            // A lone event is its marker.
            const QImage &sprite = m_sprites.sprite(store.category(g->events.front()));
            const QSizeF logical = QSizeF(sprite.size()) / sprite.devicePixelRatio();
            blitter.draw(g->px - QPointF(logical.width() / 2, logical.height() / 2), sprite);
            hits.coveredPx.emplace_back(g->px - QPointF(spriteRadius + 1, spriteRadius + 1),
                                        QSizeF(2 * spriteRadius + 2, 2 * spriteRadius + 2));
            continue;
        }
        const double r = g->radiusPx;
        blitter.draw(g->px - QPointF(r + 1, r + 1), clusterSprite(*g, colourOf));
        const QImage &label = clusterLabel(g->count);
        const QSizeF logical = QSizeF(label.size()) / label.devicePixelRatio();
        blitter.draw(g->px - QPointF(logical.width() / 2, logical.height() / 2), label);
        hits.coveredPx.emplace_back(g->px - QPointF(r, r), QSizeF(2 * r, 2 * r));
    }
    hits.markerRadiusPx = spriteRadius;
}

} // namespace chronomap
